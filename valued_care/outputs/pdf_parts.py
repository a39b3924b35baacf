"""The book laid out a part at a time, so its memory is that of its longest chapter, not of the whole book.

The book's HTML (pdf_book.PdfBook.book) is cut where a page break is forced anyway: the front matter (cover,
contents, about), each chapter (it opens on a page of its own) and the references (a new page). Each part is laid out
as a document of its own, its page numbers going on from the part before (`@page :first { counter-reset }`), its
pages painted into one PDF (pdf_assemble.py) and its layout freed before the next part, so the pages are those of
the book laid out whole.

A printed page number pointing into another part ("page 212") cannot come from WeasyPrint's target-counter, which
sees one document. Each such number sits in a box of fixed width (book.css: .page-ref) after the word "page", so it
changes no line: it is written into that box once its target's page is known. A page pointing at a part not laid
out yet is kept, its layout only, and painted at the end. The contents (the front matter) point at every part: they
are laid out first to know their length, and again at the end with a hidden stand-in for every anchor they point at,
its page counter set to the page of its target, so that the contents show the numbers the whole book would.
"""
from __future__ import annotations

import gc
import html
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from valued_care.outputs.pdf_assemble import PdfAssembly

PART_START = re.compile(r'(?=<article class="chapter)|(?=<section class="references")')
POINTED_AT = re.compile(r'(?:href|data-target)="#([^"]+)"')
STUBS = "vc-stubs"

Render = Callable[[str], Any]  # HTML -> a laid-out weasyprint.Document


def split_book(book_html: str) -> tuple[str, list[str], str]:
    """The book's head (up to and including <body>), the body of each part in order, and what closes the body."""
    start = book_html.index(">", book_html.index("<body")) + 1
    end = book_html.rindex("</body>")
    body = book_html[start:end]
    bounds = [0, *(m.start() for m in PART_START.finditer(body) if m.start() > 0), len(body)]
    return book_html[:start], [body[a:b] for a, b in zip(bounds, bounds[1:])], book_html[end:]


def _part_html(head: str, body: str, tail: str, first_page: int, stubs: dict[str, int] | None = None) -> str:
    style = f"<style>@page :first {{ counter-reset: page {first_page} }}</style>" if first_page > 1 else ""
    hidden = ""
    if stubs:  # out of the flow, so no line moves; taken out again before the page is painted
        hidden = (f'<div class="{STUBS}" style="position: absolute; height: 0; overflow: hidden">'
                  + "".join(f'<span id="{html.escape(name)}" style="counter-reset: page {page}"></span>'
                            for name, page in sorted(stubs.items())) + "</div>")
    return head.replace("</head>", style + "</head>", 1) + body + hidden + tail


def _boxes(box):
    box = getattr(box, "_box", box)  # an absolutely positioned box stands in the tree as a placeholder
    yield box
    for child in getattr(box, "children", ()):
        yield from _boxes(child)


def _page_refs(page, local: set[str]) -> list[tuple[object, str]]:
    """The text box of each page number on the page that points into another part, with its target."""
    found, seen = [], set()
    for box in _boxes(page._page_box):  # the element's own box comes before the boxes inside it
        element = box.element
        if element is None or id(element) in seen or "::" in (box.element_tag or ""):
            continue
        target = element.get("data-target", "")
        if target.startswith("#") and target[1:] not in local:
            seen.add(id(element))
            texts = [b for b in _boxes(box) if hasattr(b, "text") and (b.element_tag or "").endswith("::after")]
            if not texts:
                raise ValueError(f"no page number box for {target}: book.css .page-ref changed?")
            found.append((texts[-1], target[1:]))
    return found


def _write_number(text_box, page: int) -> None:
    """Put the target's page number after the words the box holds ("page "), as target-counter would."""
    text = text_box.text + str(page)
    text_box.text = text_box.pango_layout.text = text


def _drop_stubs(page) -> None:
    for box in _boxes(page._page_box):
        children = getattr(box, "children", None)
        if children:
            box.children = [c for c in children if (getattr(c, "_box", c).element is None
                                                     or getattr(c, "_box", c).element.get("class") != STUBS)]


class _Book:
    def __init__(self, render: Render, options: dict):
        self.render = render
        self.pdf = PdfAssembly(options)
        self.pages: dict[str, int] = {}  # anchor -> the page it is on, numbered as printed
        self.waiting: list[tuple[int, object, list]] = []  # pages whose numbers point at parts not laid out yet

    def _lay_out(self, part_html: str, first_page: int):
        document = self.render(part_html)
        for i, page in enumerate(document.pages):
            for name in page.anchors:
                self.pages.setdefault(name, first_page + i)
        return document

    def add_part(self, part_html: str) -> None:
        first_page = len(self.pdf.pages) + 1
        document = self._lay_out(part_html, first_page)
        local = {name for page in document.pages for name in page.anchors}
        indices = self.pdf.reserve(len(document.pages))
        self.pdf.add_document(document, indices[0])
        for index, page in zip(indices, document.pages):
            refs = _page_refs(page, local)
            if all(target in self.pages for _, target in refs):
                self._paint(index, page, refs)
            else:
                self.waiting.append((index, page, refs))
        del document
        gc.collect()

    def _paint(self, index: int, page, refs, stubs: frozenset[str] = frozenset()) -> None:
        for text_box, target in refs:
            if target not in self.pages:
                raise ValueError(f"page {index + 1} points at #{target}, which is nowhere in the book")
            _write_number(text_box, self.pages[target])
        self.pdf.paint(index, page, stubs)

    def finish(self, head: str, front: str, tail: str, front_length: int, target: Path) -> int:
        for index, page, refs in self.waiting:
            self._paint(index, page, refs)
        self.waiting.clear()
        pointed = {html.unescape(name) for name in POINTED_AT.findall(front)}
        local = {name for name, page in self.pages.items() if page <= front_length}
        stubs = {name: self.pages.get(name, 0) for name in pointed - local}
        document = self.render(_part_html(head, front, tail, 1, stubs))
        if len(document.pages) != front_length:
            raise ValueError(f"the front matter took {len(document.pages)} pages, not {front_length}")
        self.pdf.add_document(document, 0)
        for index, page in enumerate(document.pages):
            _drop_stubs(page)
            self._paint(index, page, _page_refs(page, local | set(stubs)), frozenset(stubs))
        self.pdf.finish(target)
        return len(self.pdf.pages)


def write_book(book_html: str, render: Render, target: Path, options: dict) -> int:
    """Lay the book out a part at a time and write it to target as one tagged PDF; return its number of pages."""
    head, parts, tail = split_book(book_html)
    book = _Book(render, options)
    front = book._lay_out(_part_html(head, parts[0], tail, 1), 1)  # first only to know its length
    front_length = len(front.pages)
    del front
    book.pdf.reserve(front_length)
    for body in parts[1:]:
        book.add_part(_part_html(head, body, tail, len(book.pdf.pages) + 1))
    return book.finish(head, parts[0], tail, front_length, target)
