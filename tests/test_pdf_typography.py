"""The PDFs read well on paper: 55 to 75 characters a line, contents at 10 pt or more with each page number on the
line of its title, no near-empty pages, "continued" on case studies that run over a page, the model on two pages,
and front matter that says who made what in the same words as README.md and CITATION.cff.

Line lengths and running headers come from WeasyPrint's own layout of one chapter (outputs/pdf_layout.py); the
contents and page fill from the book built once per run (conftest.built_downloads), read back with pypdf.
"""
from __future__ import annotations

import re
from functools import cache

import pytest
import yaml
from pypdf import PdfReader

from conftest import ROOT
from valued_care import paths, urls, views
from valued_care.data.loader import load_knowledge_base
from valued_care.outputs import pdf_layout
from valued_care.outputs.manifest import file_of
from valued_care.outputs.pdf_book import BOOK_SUBTITLE, PdfBook

MEASURE = (55, 75)
MM = 72 / 25.4
PAGE_TOP, PAGE_BOTTOM = 24 * MM, 22 * MM  # book.css @page margins
TEN_POINT = 10 * 4 / 3  # WeasyPrint writes CSS px into the PDF's text matrix


@cache
def book() -> PdfBook:
    return PdfBook(load_knowledge_base(paths.DATA))


@cache
def chapter_layout():
    """The patient-safety chapter, the one with most case studies and sources, laid out as its PDF is."""
    chapter = next(ch for ch in book().chapters if ch.id == "patient-safety")
    return pdf_layout.render(book().chapter(chapter).html)


@pytest.mark.parametrize("part, where", [
    ("chapter text", lambda line: not {"case", "refs", "sources", "toc"} & set(line.classes)),
    ("case panels", lambda line: "case" in line.classes and "sources" not in line.classes),
    ("sources and references", lambda line: bool({"sources", "refs"} & set(line.classes))),
])
def test_running_text_keeps_55_to_75_characters_a_line(part, where):
    figures = pdf_layout.measure(pdf_layout.lines(chapter_layout()), where)
    assert figures["lines"] > 50, part
    assert MEASURE[0] <= figures["p10"] and figures["p90"] <= MEASURE[1], (part, figures)


def test_a_case_study_that_runs_over_a_page_says_so_at_both_ends():
    document = chapter_layout()
    heads = pdf_layout.margins(document)
    lines = pdf_layout.lines(document)
    first_on_page = {}
    for line in lines:
        first_on_page.setdefault(line.page, line)
    runs_over = 0
    for number, margin in enumerate(heads, 1):
        first = first_on_page.get(number)
        inside = first is not None and "case" in first.classes and "case-kicker" not in first.classes
        assert ("Case study continued:" in margin.get("@top-left", "")) == inside, number
        if number < len(heads):
            goes_on = "Case study continued:" in heads[number].get("@top-left", "")
            assert (margin.get("@bottom-left") == "Case study continues on the next page") == goes_on, number
            runs_over += goes_on
    assert runs_over >= 3  # the chapter has case studies longer than a page


def _text_runs(page) -> list[tuple[str, float, float]]:
    """(text, size in CSS px, height on the page in PDF points) of each run of text on a page."""
    runs = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            runs.append((text, size * tm[0], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))
    page.extract_text(visitor_text=visit)
    return runs


@pytest.fixture(scope="module")
def printed(built_downloads) -> PdfReader:
    return PdfReader(file_of(built_downloads / "pdf", urls.PDF_BOOK))


def _starts(reader: PdfReader) -> dict[str, int]:
    return {item.title: reader.get_destination_page_number(item) for item in reader.outline if not isinstance(item, list)}


def test_contents_entries_are_10pt_or_more_and_end_with_their_page_number(printed):
    starts = _starts(printed)
    contents = printed.pages[starts["Contents"]:starts["About this book"] + 1]
    height = float(printed.pages[0].mediabox.height)
    entries = [run for page in contents for run in _text_runs(page)
               if PAGE_BOTTOM < run[2] < height - PAGE_TOP]  # not the running header or the page number
    assert entries and min(size for _, size, _ in entries) >= TEN_POINT - 0.01
    lines = [line.strip() for page in contents for line in page.extract_text().splitlines()]
    assert not [line for line in lines if re.fullmatch(r"[. ]*\d+", line)]  # a leader never wraps on its own
    titled = [line for line in lines if "..." in line]
    assert len(titled) >= len(book().kb.case_studies) and all(re.search(r"\.\s*\d+$", line) for line in titled)


def test_every_page_a_case_study_runs_off_is_followed_by_one_that_names_it(printed):
    texts = [page.extract_text() for page in printed.pages]
    runs_off = [n for n, text in enumerate(texts[:-1]) if "Case study continues on the next page" in text]
    assert runs_off and runs_off == [n for n, text in enumerate(texts[1:]) if "Case study continued:" in text]


def test_no_page_is_near_empty(printed):
    height = float(printed.pages[0].mediabox.height)
    top, bottom = height - PAGE_TOP, PAGE_BOTTOM
    near_empty = []
    for number, page in enumerate(printed.pages[1:-1], 2):  # the cover is a picture; the last page ends the book
        heights = [y for _, _, y in _text_runs(page) if bottom - 1 < y < top + 1]
        used = (top - min(heights)) / (top - bottom) if heights else 0
        if used < 0.15:
            near_empty.append((number, round(used, 2)))
    assert near_empty == []


def test_the_model_on_two_pages_fits_two_pages_and_holds_every_ingredient():
    summary = book().summary()
    document = pdf_layout.render(summary.html)
    assert len(document.pages) <= 2
    figures = pdf_layout.measure(pdf_layout.lines(document))
    assert MEASURE[0] <= figures["p10"] and figures["p90"] <= MEASURE[1], figures
    text = " ".join(page.text for page in pdf_layout.pages(document))
    for ing in book().kb.ingredients.values():
        assert ing.title in text
        assert " ".join(ing.questions_for_boards[0].split())[:60] in text
    assert summary.path == urls.PDF_SUMMARY


def test_front_matter_says_who_made_what_as_readme_and_citation_do():
    assert "from NHS mental health trusts" not in BOOK_SUBTITLE
    html = book().book().html
    about = html.split('id="about"', 1)[1].split("</section>", 1)[0]
    for words in ("Valued care in mental health: improving for excellence", "NHS Improvement",
                  "Henley Business School", "new work", "public sources"):
        assert words in about, words
        assert words in " ".join(views.MODEL_ORIGIN.split() + views.THIS_WORK.split())
    readme = " ".join((ROOT / "README.md").read_text().split())
    citation = " ".join(yaml.safe_load((ROOT / "CITATION.cff").read_text())["abstract"].split())
    for source in (readme, citation):
        for words in ("Valued care in mental health: improving for excellence", "Henley Business School",
                      "public sources"):
            assert words in source, words
    assert f'<meta name="author" content="{views.AUTHORS}">' in html
    assert yaml.safe_load((ROOT / "CITATION.cff").read_text())["authors"][0]["name"] == views.AUTHORS
