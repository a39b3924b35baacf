"""What a laid-out PDF looks like to a reader, measured from WeasyPrint's own layout: characters per line of running
text, how full each page is, and how the contents entries sit. No assertions here: tests/test_pdf_typography.py and
scripts/measure_pdf_typography.py read these figures.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass

from valued_care.outputs.pdf import PdfWriter

RUNNING_TEXT = ("p", "li")  # elements whose lines are reading text (headings, labels and tables are not)


@dataclass(frozen=True)
class Line:
    page: int  # 1-based
    element: str  # the tag of the block it belongs to
    classes: tuple[str, ...]  # the classes of that block and every block around it
    text: str
    last: bool  # the last line of its block (short by nature)
    font_size: float  # in CSS px (1pt = 4/3 px)


@dataclass(frozen=True)
class Page:
    number: int
    used: float  # share of the page's content area holding content, 0 to 1
    text: str


def render(html: str):
    """The laid-out document (all of it at once), with the same stylesheet, fonts and fetcher as the PDFs."""
    return PdfWriter().render(html)


def _walk(box, ancestors: tuple):
    """Every line box with the block boxes around it."""
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.MarginBox):  # running headers and page numbers are not the page's content
        return
    if isinstance(box, boxes.LineBox):
        yield box, ancestors
        return
    here = ancestors + ((box,) if isinstance(box, boxes.BlockBox) and box.element is not None else ())
    for child in getattr(box, "children", ()):
        yield from _walk(child, here)


def _text(box) -> str:
    if hasattr(box, "text"):
        return box.text
    return "".join(_text(child) for child in getattr(box, "children", ()))


def lines(document) -> list[Line]:
    found = []
    for number, page in enumerate(document.pages, 1):
        walked = list(_walk(page._page_box, ()))
        for index, (line, blocks) in enumerate(walked):
            block = blocks[-1] if blocks else None
            if block is None:
                continue
            classes = tuple(c for b in blocks for c in (b.element.get("class") or "").split())
            following = walked[index + 1][1][-1] if index + 1 < len(walked) and walked[index + 1][1] else None
            found.append(Line(number, block.element_tag, classes, " ".join(_text(line).split()),
                              following is not block, line.style["font_size"]))
    return found


def pages(document) -> list[Page]:
    result = []
    for number, page in enumerate(document.pages, 1):
        box = page._page_box
        area_top, area_height = box.content_box_y(), box.height
        bottoms = [line.position_y + line.height for line, _ in _walk(box, ())]
        used = (max(bottoms) - area_top) / area_height if bottoms else 0.0
        text = " ".join(" ".join(_text(line).split()) for line, _ in _walk(box, ()))
        result.append(Page(number, max(0.0, min(1.0, used)), text))
    return result


def margins(document) -> list[dict[str, str]]:
    """Each page's running headers and footers: {'@top-left': 'Chapter 7: Patient safety', ...}."""
    from weasyprint.formatting_structure import boxes

    return [{box.at_keyword: " ".join(_text(box).split()) for box in page._page_box.children
             if isinstance(box, boxes.MarginBox)} for page in document.pages]


def measure(found: list[Line], where=lambda line: True) -> dict:
    """Characters per full line (not the last line of a block) of running text: median, 10th and 90th percentile."""
    lengths = sorted(len(line.text) for line in found if line.element in RUNNING_TEXT and not line.last
                     and where(line))
    if not lengths:
        return {"lines": 0}
    tenth = lengths[len(lengths) // 10]
    ninetieth = lengths[min(len(lengths) - 1, len(lengths) * 9 // 10)]
    return {"lines": len(lengths), "median": statistics.median(lengths), "p10": tenth, "p90": ninetieth}
