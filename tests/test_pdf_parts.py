"""The book laid out a part at a time (outputs/pdf_parts.py, for memory) is the book laid out whole: the same pages
with the same text, page numbers included, the same bookmarks, links, named destinations and structure tags.

Made from part of the real data (every chapter, some case studies, every trust story), so that chapters point at
case studies and trust stories in later parts and the trust stories point back."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT
from valued_care.data.kinds import KINDS
from valued_care.data.knowledge_base import KnowledgeBase
from valued_care.data.loader import load_knowledge_base
from valued_care.outputs.pdf import PDF_OPTIONS, PdfWriter
from valued_care.outputs.pdf_book import PdfBook
from valued_care.outputs.pdf_parts import split_book, write_book


@pytest.fixture(scope="module")
def books(tmp_path_factory) -> tuple[PdfReader, PdfReader]:
    real = load_knowledge_base(ROOT / "data")
    records = {kind.folder: dict(getattr(real, kind.folder)) for kind in KINDS}
    records.update(case_studies=dict(list(real.case_studies.items())[::4]), pathways={})
    html = PdfBook(KnowledgeBase.from_records(records)).book().html
    out, writer = tmp_path_factory.mktemp("book"), PdfWriter()
    writer.render(html).write_pdf(out / "whole.pdf", **PDF_OPTIONS)
    write_book(html, writer.render, out / "parts.pdf", PDF_OPTIONS)
    return PdfReader(out / "whole.pdf"), PdfReader(out / "parts.pdf")


def outline(reader: PdfReader, items=None, depth: int = 0) -> list:
    found = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            found += outline(reader, item, depth + 1)
        else:
            found.append((depth, item.title, reader.get_destination_page_number(item)))
    return found


def links(reader: PdfReader) -> list:
    return [(number, link.get("/Dest"), (link.get("/A") or {}).get("/URI"))
            for number, page in enumerate(reader.pages)
            for link in (annotation.get_object() for annotation in page.get("/Annots", []))]


def tags(reader: PdfReader) -> Counter:
    found: Counter = Counter()
    pending = [reader.trailer["/Root"]["/StructTreeRoot"]["/K"][0].get_object()]
    while pending:
        element = pending.pop()
        found[element["/S"]] += 1
        for kid in element.get("/K", []):
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, dict) and kid.get("/Type") == "/StructElem":
                pending.append(kid)
    return found


def test_the_book_is_cut_where_pages_break_anyway():
    head, parts, tail = split_book('<html><head></head><body class="doc-book"><nav>c</nav><article class="chapter">1'
                                   '</article><article class="chapter chapter-stories">2</article>'
                                   '<section class="references" id="references">r</section></body></html>')
    assert head.endswith('<body class="doc-book">') and tail == "</body></html>"
    assert [p[:12] for p in parts] == ["<nav>c</nav>", '<article cla', '<article cla', '<section cla']


def test_every_page_reads_the_same_page_numbers_included(books):
    whole, parts = books
    assert len(parts.pages) == len(whole.pages) > 20
    assert [p.extract_text() for p in parts.pages] == [p.extract_text() for p in whole.pages]


def test_bookmarks_links_and_destinations_are_the_same(books):
    whole, parts = books
    assert outline(parts) == outline(whole)
    assert links(parts) == links(whole)
    assert {name: parts.get_destination_page_number(d) for name, d in parts.named_destinations.items()} == {
        name: whole.get_destination_page_number(d) for name, d in whole.named_destinations.items()}


def test_the_parts_are_tagged_as_the_whole_book(books):
    whole, parts = books
    assert tags(parts) == tags(whole)
    for reader in books:
        root = reader.trailer["/Root"]
        assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
        assert root["/Lang"] == "en-GB" and reader.metadata.title == "Valued care in mental health"
    assert {k: v for k, v in parts.metadata.items()} == {k: v for k, v in whole.metadata.items()}


def test_a_missing_anchor_is_an_error_not_a_dead_link(tmp_path: Path):
    writer = PdfWriter()
    html = ('<html lang="en-GB"><head><title>t</title></head><body class="doc-book"><p>front</p>'
            '<section class="references" id="references"><a href="#nowhere">x</a></section></body></html>')
    with pytest.raises(ValueError, match="nowhere"):
        write_book(html, writer.render, tmp_path / "x.pdf", PDF_OPTIONS)
