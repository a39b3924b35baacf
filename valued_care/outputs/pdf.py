"""The PDFs: the whole book, one per chapter, one per case study. WeasyPrint (CSS paged media); no MkDocs here.

Each PDF is written under out_dir (build/pdf/) as it will be in the site's pdf/ folder, tagged (PDF/UA-1) with
title, language and date. manifest.json there lists every PDF with its title, size, pages and a fingerprint of the
HTML and styles it came from; a PDF whose fingerprint has not changed is not rendered again, so a rebuild after a
small edit is quick.
"""
from __future__ import annotations

import gc
import hashlib
import json
import os
import sys
import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import TextIO

from valued_care import urls
from valued_care.data.fingerprint import data_fingerprint
from valued_care.data.knowledge_base import KnowledgeBase
from valued_care.outputs import manifest
from valued_care.outputs.manifest import Built, file_of
from valued_care.outputs.pdf_book import PdfBook, PdfDoc
from valued_care.outputs.pdf_parts import write_book
from valued_care.paths import TEMPLATES
from valued_care.progress import progress

STYLESHEET = TEMPLATES / "pdf" / "book.css"
SELECTIONS = ("book", "summary", "chapters", "case-studies")
KIND_OF_SELECTION = {"book": "book", "summary": "summary", "chapters": "chapter", "case-studies": "case-study"}
_LABELS = {"book": ("book", "books"), "summary": ("summary", "summaries"), "chapter": ("chapter", "chapters"),
           "case-study": ("case study", "case studies")}
# PDF/UA-1 marks the file as tagged for screen readers; pdf_tags is given too, as the variant alone leaves it off.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}


def _cache_page_references() -> None:
    """Make pydyf's PDF.page_references cheap to read again.

    pydyf 0.13 builds the tuple of every page's reference on each read, and WeasyPrint's tagging (PDF/UA) reads it
    once per tagged box: time grows with boxes x pages, about 2 s of 15 in the real book and more the longer it
    gets. Pages are only ever appended to Kids, so a tuple kept for the current page count is exact (the PDFs are
    byte-for-byte the same; tests/test_pdf.py checks the values).
    """
    import pydyf

    if getattr(pydyf.PDF.page_references.fget, "cached", False):
        return

    def page_references(pdf):
        kids = pdf.pages["Kids"]
        cached = pdf.__dict__.get("_page_references")
        if cached is None or cached[0] != len(kids):
            cached = (len(kids), tuple(f"{number} 0 R".encode("ascii") for number in kids[::3]))
            pdf.__dict__["_page_references"] = cached
        return cached[1]

    page_references.cached = True  # type: ignore[attr-defined]  # a mark that the patch is in place
    pydyf.PDF.page_references = property(page_references)


def template_fetcher():
    """A WeasyPrint URL fetcher that reads files inside templates/pdf/ and refuses every other address: no network,
    no other file on the machine (a file:// link in a PR's data must not pull /etc/passwd into a PDF)."""
    from urllib.parse import unquote, urlsplit

    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    allowed = STYLESHEET.parent.resolve()

    class TemplateFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            path = Path(unquote(parts.path)).resolve() if parts.scheme == "file" and not parts.netloc else None
            if path is None or not path.is_relative_to(allowed) or not path.is_file():
                raise FatalURLFetchingError(f"refused to fetch {url!r}: PDFs read only files in {allowed}")
            return super().fetch(url, headers)

    return TemplateFetcher(allowed_protocols=("file",), fail_on_errors=True)


class PdfWriter:
    """One per process: the fonts and the parsed stylesheet are shared by every PDF it writes."""

    def __init__(self):
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration
        # Only our own print templates folder is read, from disk; nothing else, whatever the data says.
        self.fetcher = template_fetcher()
        self.fonts = FontConfiguration()
        self.css = CSS(filename=str(STYLESHEET), font_config=self.fonts, url_fetcher=self.fetcher)
        _cache_page_references()

    def render(self, html: str):
        """The laid-out document (weasyprint.Document) of one HTML page."""
        from weasyprint import HTML

        return HTML(string=html, base_url=str(STYLESHEET.parent), url_fetcher=self.fetcher).render(
            stylesheets=[self.css], font_config=self.fonts, **PDF_OPTIONS)

    def write(self, doc: PdfDoc, target: Path) -> int:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        # Python's cycle collector keeps walking the growing heap of boxes during layout: a quarter of the time of
        # the book, more the longer it gets. Layout makes little garbage, so collect once at the end instead.
        gc.disable()
        try:
            if doc.kind == "book":  # a part at a time: memory of the longest chapter, not of the book (pdf_parts)
                pages = write_book(doc.html, self.render, partial, PDF_OPTIONS)
            else:
                document = self.render(doc.html)
                document.write_pdf(partial, **PDF_OPTIONS)
                pages = len(document.pages)
                del document
        finally:
            gc.enable()
            gc.collect()
        partial.replace(target)
        return pages


_writer: PdfWriter | None = None


def _write(doc: PdfDoc, out_dir: Path, fingerprint: str) -> Built:
    global _writer
    _writer = _writer or PdfWriter()
    target = file_of(out_dir, doc.path)
    pages = _writer.write(doc, target)
    return Built(doc.path, doc.kind, doc.record_id, doc.title, target.stat().st_size, pages, fingerprint)


def fingerprint(doc: PdfDoc) -> str:
    import weasyprint

    digest = hashlib.sha256(weasyprint.__version__.encode())
    digest.update(json.dumps(PDF_OPTIONS, sort_keys=True).encode())
    digest.update(STYLESHEET.read_bytes())
    digest.update(doc.html.encode())
    return digest.hexdigest()[:16]


def _write_manifest(out_dir: Path, built: Iterable[Built], edition, data: str, order: dict[str, int]) -> None:
    """Listed in reading order: the book, the summary, the chapters by number, the case studies A to Z."""
    kinds = {kind: i for i, kind in enumerate(KIND_OF_SELECTION.values())}
    manifest.write(out_dir, sorted(built, key=lambda b: (kinds[b.kind], order.get(b.path, len(order)), b.path)),
                   edition, data)


def _documents(book: PdfBook, only: Iterable[str]) -> list[PdfDoc]:
    docs: list[PdfDoc] = []
    if "book" in only:
        docs.append(book.book())
    if "summary" in only:
        docs.append(book.summary())
    if "chapters" in only:
        docs += book.chapter_docs()
    if "case-studies" in only:
        docs += book.case_study_docs()
    return docs


def build_pdfs(kb: KnowledgeBase, out_dir: Path, only: Iterable[str] = SELECTIONS, workers: int | None = None,
               stream: TextIO | None = None) -> list[Built]:
    """Write the selected PDFs under out_dir (rendering only those that changed); return every PDF built."""
    stream = stream or sys.stderr
    only = tuple(only)
    started = time.perf_counter()
    book = PdfBook(kb)
    docs = _documents(book, only)
    kinds = {KIND_OF_SELECTION[s] for s in only}
    previous = manifest.read(out_dir)
    kept = {path: b for path, b in previous.items() if b.kind not in kinds}
    wanted = {doc.path for doc in docs}
    for path, old in previous.items():  # PDFs of records that no longer exist
        if old.kind in kinds and path not in wanted:
            file_of(out_dir, path).unlink(missing_ok=True)

    todo, unchanged = [], []
    for doc in docs:
        print_ = fingerprint(doc)
        before = previous.get(doc.path)
        if before and before.fingerprint == print_ and file_of(out_dir, doc.path).exists():
            unchanged.append(before)
        else:
            todo.append((doc, print_))
    print(f"PDF: {len(docs)} documents ({_count(docs)}); {len(unchanged)} unchanged, {len(todo)} to render",
          file=stream)
    rendered = list(_render_all(todo, out_dir, workers, stream))
    built = [*unchanged, *rendered]
    data = data_fingerprint(kb)
    if kept and manifest.read_info(out_dir).get("data") != data:
        data = "mixed"  # only some kinds were rebuilt from these data: the rest are older
    _write_manifest(out_dir, [*kept.values(), *built], book.edition, data, _reading_order(book))
    took = time.perf_counter() - started
    print(f"PDF: rendered {len(rendered)} in {took:.1f} s; " + "; ".join(_summary(built)), file=stream)
    return built


def _render_all(todo: list[tuple[PdfDoc, str]], out_dir: Path, workers: int | None, stream: TextIO):
    if not todo:
        return
    workers = workers or min(len(todo), os.cpu_count() or 1, 4)
    if workers == 1:
        yield from progress((_write(doc, out_dir, p) for doc, p in todo), len(todo), "PDF", stream)
        return
    # The book takes longest: it goes first, so the other workers get through the small PDFs meanwhile.
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(_write, doc, out_dir, p) for doc, p in todo]
        yield from progress((f.result() for f in as_completed(futures)), len(todo), "PDF", stream)


def _reading_order(book: PdfBook) -> dict[str, int]:
    paths = [urls.PDF_BOOK, urls.PDF_SUMMARY, *(urls.pdf_chapter(ch.id) for ch in book.chapters),
             *(urls.pdf_case_study(rid) for rid in book.kb.case_studies)]
    return {path: i for i, path in enumerate(paths)}


def _count(docs: list[PdfDoc]) -> str:
    counts = {kind: sum(d.kind == kind for d in docs) for kind in KIND_OF_SELECTION.values()}
    return ", ".join(f"{n} {_LABELS[kind][n != 1]}" for kind, n in counts.items() if n)


def _summary(built: list[Built]) -> list[str]:
    lines = []
    for kind in KIND_OF_SELECTION.values():
        mine = [b for b in built if b.kind == kind]
        if mine:
            lines.append(f"{len(mine)} {_LABELS[kind][len(mine) != 1]} ({sum(b.pages or 0 for b in mine)} pages, "
                         f"{sum(b.bytes for b in mine) / 1e6:.1f} MB)")
    return lines
