"""Abbreviations explained at first use (issue 15): on each page the first use of a glossary abbreviation links to
its Glossary entry and says what it stands for; later uses, headings, links and code are left alone."""
from __future__ import annotations

import re

import markdown
import pytest

from valued_care.data.glossary import Glossary, GlossaryTerm
from valued_care.site.glossary_markup import GlossaryMarkup, expansion
from valued_care.urls import relative_url

EXTENSIONS = ["toc", "attr_list", "md_in_html", "pymdownx.escapeall"]
GLOSSARY = Glossary(terms=[
    GlossaryTerm(id="picu", term="Psychiatric intensive care unit", abbreviations=["PICU"],
                 definition="A ward for people who need closer care."),
    GlossaryTerm(id="accident-and-emergency", term="Accident and emergency", abbreviations=["A&E", "ED"],
                 also=["emergency department"], definition="The hospital department for urgent care."),
    GlossaryTerm(id="integrated-care-system", term="Integrated care system", abbreviations=["ICS", "ICB"],
                 also=["integrated care board"], definition="A local partnership."),
])


def render(text: str, page: str | None = "case-studies/x/", glossary: str | None = "glossary/") -> str:
    ext = GlossaryMarkup(GLOSSARY)
    ext.place(page, glossary)
    return markdown.markdown(text, extensions=[*EXTENSIONS, ext])


def links(html: str) -> list[tuple[str, str, str]]:
    return re.findall(r'<a class="vc-glossary-link" href="([^"]+)"><abbr title="([^"]+)">([^<]+)</abbr></a>', html)


def test_the_first_use_links_the_glossary_entry_and_later_uses_stay_plain():
    html = render("A PICU bed. Another PICU bed, and PICUs.")
    assert links(html) == [("../../glossary/#picu", "Psychiatric intensive care unit", "PICU")]
    assert html.count("PICU") == 3


def test_headings_links_code_and_longer_words_are_left_alone():
    html = render("# PICU\n\n[a PICU](other.md) and `PICU` and PICUS and XPICU\n\nThen the PICU.")
    assert links(html) == [("../../glossary/#picu", "Psychiatric intensive care unit", "PICU")]
    assert "<h1" in html and 'id="picu"' in html and html.index("vc-glossary-link") > html.index("Then the")


def test_an_escaped_ampersand_still_matches_and_a_plural_is_kept():
    html = render("Fewer A\\&E visits and fewer PICUs.")  # templates escape every & in contributor text
    assert [(h, t, w) for h, t, w in links(html)] == [
        ("../../glossary/#accident-and-emergency", "Accident and emergency", "A&amp;E"),
        ("../../glossary/#picu", "Psychiatric intensive care unit", "PICUs")]


def test_an_abbreviation_spelled_out_by_another_name_says_that_name():
    assert expansion("ICB", "Integrated care system", ["integrated care board"]) == "Integrated care board"
    assert expansion("ED", "Accident and emergency", ["emergency department"]) == "Emergency department"
    assert expansion("ICS", "Integrated care system", ["integrated care board"]) == "Integrated care system"


@pytest.mark.parametrize("page, glossary", [(None, "glossary/"), ("glossary/", "glossary/"), ("x/", None)])
def test_nothing_is_marked_on_the_glossary_page_or_when_the_page_is_not_known(page, glossary):
    assert links(render("A PICU bed.", page, glossary)) == []


@pytest.mark.parametrize("page, target, expected", [
    ("", "glossary/", "glossary/"),
    ("case-studies/x/", "glossary/", "../../glossary/"),
    ("case-studies/x.html", "glossary.html", "../glossary.html"),
    ("index.html", "glossary.html", "glossary.html"),
])
def test_links_are_relative_to_the_page_so_the_offline_copy_works(page, target, expected):
    assert relative_url(page, target) == expected


def test_the_built_site_explains_abbreviations_at_first_use_and_the_links_resolve(built_site):
    glossary = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert links(glossary) == [], "the Glossary does not link to itself"
    pages = sorted((built_site / "case-studies").glob("*/index.html"))
    linked = 0
    for page in pages:
        found = links(page.read_text(encoding="utf-8"))
        linked += bool(found)
        assert len({word.rstrip("s") for *_, word in found}) == len(found), f"{page}: one link per abbreviation"
        for href, _, _ in found:
            assert href.startswith("../../glossary/#") and f'id="{href.split("#")[1]}"' in glossary
    assert linked >= len(pages) // 3, "most case studies use an abbreviation the glossary explains"
    # KMPT's summary spells out "Care Quality Commission (CQC)"; its next "CQC" is the one linked.
    kmpt = (built_site / "case-studies" / "kmpt-requires-improvement-to-good" / "index.html").read_text(encoding="utf-8")
    assert ("../../glossary/#cqc", "Care Quality Commission", "CQC") in links(kmpt)
    assert kmpt.index("vc-glossary-link") > kmpt.index("Care Quality Commission (")


def test_text_of_a_link_written_as_inline_html_is_left_alone():
    """Web links are inline HTML (render.web_link): an abbreviation in their text must not become a link in a link."""
    html = render('See <a href="https://example.org/">the PICU report</a> and the PICU wards.')
    assert html.count("<a ") == 2 and "the PICU report</a>" in html
    assert links(html) == [("../../glossary/#picu", "Psychiatric intensive care unit", "PICU")]
    assert html.index("vc-glossary-link") > html.index("</a>")


def test_an_abbreviation_just_after_its_full_name_is_not_linked_and_the_next_use_is():
    html = render("The Psychiatric intensive care unit (PICU) opened. Later the PICU moved.")
    assert links(html) == [("../../glossary/#picu", "Psychiatric intensive care unit", "PICU")]
    assert html.index("vc-glossary-link") > html.index("Later")
