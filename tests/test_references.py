"""References are worded by one function for the site and the PDFs: author first, one full stop at a time, the type
apart from the description, A to Z as printed, and a theory review's in-text citations linked to their entries."""
from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from valued_care.data.loader import load_knowledge_base
from valued_care.outputs.pdf_book import PdfBook
from valued_care.references import a_to_z, cite_segments, resource_entry, source_entry
from valued_care.site.pages import generate_pages


def resource(**fields):
    base = dict(id="x", title="Human error: models and management", authors="Reason, J.", publisher="BMJ",
                year=2000, type="paper", url=None, description=None)
    return SimpleNamespace(**{**base, **fields})


def test_an_entry_reads_author_year_title_publisher_with_single_full_stops():
    assert resource_entry(resource()).text == "Reason, J. (2000). Human error: models and management. BMJ."
    assert resource_entry(resource(authors="Berwick, D. M.", title="A question?")).text == \
        "Berwick, D. M. (2000). A question? BMJ."
    assert resource_entry(resource(authors=None, title="A plan.", publisher="NHS England.")).text == \
        "A plan (2000). NHS England."


def test_the_type_and_description_stay_apart_from_the_line():
    entry = resource_entry(resource(type="report", description="Report commissioned by the board."))
    assert entry.kind == "Report" and entry.description == "Report commissioned by the board."
    assert "Report" not in entry.text


def test_a_source_line_has_one_stop_and_its_date_in_the_one_style():
    source = SimpleNamespace(title="Safer wards.", publisher="CQC", date="14th September 2016", url="https://x.org")
    assert source_entry(source).text == "Safer wards. CQC, 14 September 2016."
    assert source_entry(SimpleNamespace(**{**vars(source), "date": None})).text == "Safer wards. CQC."


def test_a_to_z_follows_the_printed_line_not_the_title():
    zeta = resource(id="z", authors="Zeta, A.", title="Apples")
    alpha = resource(id="a", authors="Alpha, B.", title="Zebras")
    untitled = resource(id="m", authors=None, title="Middle report")
    assert [r.id for r in a_to_z([zeta, untitled, alpha])] == ["a", "m", "z"]


@pytest.mark.parametrize("text, cited", [
    ("As Reason (2000) showed, systems fail.", "Reason (2000)"),
    ("Harm comes from systems (Reason, 2000).", "(Reason, 2000)"),
    ("Berwick, Nolan and Whittington (2008) set out the aim.", "Berwick, Nolan and Whittington (2008)"),
])
def test_in_text_citations_are_found_and_nothing_is_lost(text, cited):
    refs = [resource(), resource(id="b", authors="Berwick, D. M., Nolan, T. W. and Whittington, J.", year=2008)]
    pieces = cite_segments(text, refs)
    assert "".join(piece for piece, _ in pieces) == text
    assert [piece for piece, ref in pieces if ref] == [cited]


def test_a_year_with_no_reference_of_that_year_stays_text():
    assert cite_segments("Reason (1999) said so.", [resource()]) == [("Reason (1999) said so.", None)]


def test_no_double_full_stops_in_any_reference_of_the_real_data(real_kb):
    for r in real_kb.resources.values():
        assert ".." not in resource_entry(r).text, r.id


def test_site_and_book_print_the_a_to_z_in_the_same_author_first_order(real_kb):
    site = generate_pages(real_kb)["resources.md"].text.split('id="all-resources-a-to-z"', 1)[1]
    site_order = re.findall(r'<p class="vc-resource" id="res-([a-z0-9-]+)">', site)
    book = PdfBook(real_kb).book().html.split('id="references"', 1)[1]
    book_order = re.findall(r'<li class="ref" id="ref-([a-z0-9-]+)">', book)
    expected = [r.id for r in a_to_z(list(real_kb.resources.values()))]
    assert site_order == book_order == expected
    firsts = [resource_entry(real_kb.resources[rid]).text.casefold() for rid in expected]
    assert firsts == sorted(firsts)
    assert "Reason, J. (2000). <cite>" in book and "Reason, J.. " not in book


def test_theory_citations_link_to_their_entries_on_the_site_and_in_the_book(real_kb):
    page = generate_pages(real_kb)["theory/patient-safety.md"].text
    assert "[Reason (2000)](patient-safety.md#ref-reason-2000-human-error)" in page
    assert "{: #ref-reason-2000-human-error }" in page
    html = PdfBook(real_kb).book().html
    assert '<a href="#tref-patient-safety-reason-2000-human-error">Reason (2000)</a>' in html
    assert 'id="tref-patient-safety-reason-2000-human-error"' in html


def test_citations_keep_contributor_text_escaped(good_data):
    theory = good_data / "theory" / "culture.yml"
    theory.write_text(theory.read_text().replace(
        "[Teams learn when people feel safe to speak.]",
        '["**Bold** [x](y.md) 3 < 5 as Author (2011) showed {{ 7*7 }}."]'))
    page = generate_pages(load_knowledge_base(good_data))["theory/culture.md"].text
    assert "[Author (2011)](culture.md#ref-ref-1)" in page
    assert "\\*\\*Bold\\*\\* \\[x\\](y.md) 3 \\< 5 as " in page
    assert " showed \\{\\{ 7\\*7 \\}\\}." in page
