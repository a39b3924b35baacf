"""The model diagram: nine cards in the model's order, each row read left to right, arrows that end clear of the
cards, and counts that say what they count, in the same words as the PDF's chapter openers."""
from __future__ import annotations

import html
import re

import pytest

from conftest import ROOT
from valued_care.data.loader import load_knowledge_base
from valued_care.outputs.pdf_book import PdfBook
from valued_care.site.diagram import BOTTOM, CLEAR, COUNT_GAP, COUNT_LINE, HEAD, LINE, NARROW, TOP, WIDE, layout, model_diagram


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base(ROOT / "data")


@pytest.mark.parametrize("grid", [WIDE, NARROW], ids=lambda g: g.name)
def test_cards_follow_the_model_with_main_ingredient_counts_and_links(kb, grid):
    cards = layout(kb, grid, "index.md").cards
    assert [c.title for c in cards] == [i.title for i in kb.ingredients.values()]
    assert [c.number for c in cards] == list(range(1, 10))
    assert [c.count for c in cards] == [len(kb.case_studies_for(i, primary_only=True)) for i in kb.ingredients]
    assert [c.href for c in cards] == [f"ingredients/{i}/" for i in kb.ingredients]
    n = cards[0].count
    assert cards[0].label == f"1. Experts by experience: {n} case studies with this as main ingredient"


def test_counts_are_the_words_of_the_pdf_chapter_openers(kb):
    book = PdfBook(kb).book().html
    openers = re.findall(r'<li class="opener-count"><a href="#[a-z-]+-cases">([^<]+)</a>', book)
    assert len(openers) == len(kb.ingredients)
    assert [c.count_text for c in layout(kb, WIDE, "index.md").cards] == [html.unescape(t) for t in openers]
    assert sum(c.count for c in layout(kb, WIDE, "index.md").cards) == len(kb.case_studies)  # each counted once


def test_each_row_reads_left_to_right(kb):
    cards = layout(kb, WIDE, "index.md").cards
    rows: dict[int, list] = {}
    for card in cards:
        rows.setdefault(card.y, []).append(card)
    assert len(rows) == 3
    for row in rows.values():
        assert [c.x for c in row] == sorted(c.x for c in row)  # in number order, left to right
    assert [rows[y][0].number for y in sorted(rows)] == [1, 4, 7]


def _inside(point, card, margin=0):
    x, y = point
    return card.x - margin < x < card.x + card.width + margin and card.y - margin < y < card.y + card.height + margin


def _samples(points):
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        steps = max(abs(x1 - x0), abs(y1 - y0))
        for i in range(steps + 1):
            yield x0 + (x1 - x0) * i // max(steps, 1), y0 + (y1 - y0) * i // max(steps, 1)


@pytest.mark.parametrize("grid", [WIDE, NARROW], ids=lambda g: g.name)
def test_arrows_join_each_card_to_the_next_with_heads_clear_of_the_boxes(kb, grid):
    drawing = layout(kb, grid, "index.md")
    assert len(drawing.arrows) == len(drawing.cards) - 1
    for arrow, (before, after) in zip(drawing.arrows, zip(drawing.cards, drawing.cards[1:])):
        *_, (lx, ly) = arrow.points
        assert abs(arrow.tip[0] - lx) + abs(arrow.tip[1] - ly) == HEAD  # the head is drawn at full length
        assert arrow.points[0] != arrow.tip and len(arrow.points) >= 2
        for card in drawing.cards:  # no line or head runs into a card, the two it joins included
            for point in [*_samples(arrow.points), arrow.tip]:
                assert not _inside(point, card, CLEAR - 1), (before.number, point, card.number)
        near = min(abs(arrow.tip[0] - after.x), abs(arrow.tip[1] - after.y))
        assert near == CLEAR  # the head points at the next card from just outside it
        assert min(abs(arrow.points[0][0] - before.x - before.width), abs(arrow.points[0][1] - before.y
                                                                          - before.height)) == CLEAR


@pytest.mark.parametrize("grid", [WIDE, NARROW], ids=lambda g: g.name)
def test_cards_fit_the_drawing_without_overlapping(kb, grid):
    drawing = layout(kb, grid, "index.md")
    boxes = [(c.x, c.y, c.x + c.width, c.y + c.height) for c in drawing.cards]
    for box in boxes:
        assert box[0] >= 0 and box[2] <= drawing.width and box[1] >= 0 and box[3] <= drawing.height
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
    for card in drawing.cards:
        assert TOP + LINE * (len(card.lines) - 1) + COUNT_GAP + COUNT_LINE <= card.height - BOTTOM
        assert all(len(line) <= grid.chars for line in card.lines)


def test_links_follow_the_build_from_any_page(kb):
    assert layout(kb, WIDE, "index.md", directory_urls=False).cards[2].href == "ingredients/culture.html"
    assert layout(kb, WIDE, "using-the-model.md").cards[2].href == "../ingredients/culture/"


def test_svg_is_a_named_list_of_nine_links_per_layout_with_no_underlined_spaces(kb):
    svg = str(model_diagram(kb, "index.md"))
    for name in ("wide", "narrow"):
        part = svg.split(f"vc-model__svg--{name}", 1)[1].split("</svg>", 1)[0]
        assert f'role="list" aria-labelledby="vc-model-{name}-title"' in part
        labels = re.findall(r'<g role="listitem">\s*<a class="vc-model__link" href="[^"]+" aria-label="([^"]+)">', part)
        assert labels == [html.escape(c.label) for c in layout(kb, WIDE, "index.md").cards]
        assert '<g class="vc-model__path" aria-hidden="true">' in part
        assert part.count('marker-end="url(#vc-model-') == 8
        underlined = re.findall(r'<tspan class="vc-model__line"[^>]*>([^<]*)</tspan>', part)
        assert len(underlined) >= 9 and all(text == text.strip() and text for text in underlined)
        assert "with this as main ingredient" in part
    assert "\n\n" not in svg  # one raw HTML block in the Markdown page
