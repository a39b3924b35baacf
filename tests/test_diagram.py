"""The model diagram: nine cards in the model's order, each linking to its chapter with its case-study count, laid
out so that no two cards overlap and the path visits them in order."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT
from valued_care.data.loader import load_knowledge_base
from valued_care.site.diagram import BOTTOM, COUNT_GAP, LINE, NARROW, TOP, WIDE, layout, model_diagram


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base(ROOT / "data")


@pytest.mark.parametrize("grid", [WIDE, NARROW], ids=lambda g: g.name)
def test_cards_follow_the_model_with_counts_and_links(kb, grid):
    cards = layout(kb, grid, "index.md").cards
    assert [c.title for c in cards] == [i.title for i in kb.ingredients.values()]
    assert [c.number for c in cards] == list(range(1, 10))
    assert [c.count for c in cards] == [len(kb.case_studies_for(i)) for i in kb.ingredients]
    assert [c.href for c in cards] == [f"ingredients/{i}/" for i in kb.ingredients]
    assert cards[0].label == f"1. Experts by experience: {cards[0].count} case studies"


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
        assert TOP + LINE * (len(card.lines) - 1) + COUNT_GAP <= card.height - BOTTOM  # title above the count
        assert all(len(line) <= grid.chars for line in card.lines)


def test_path_visits_the_cards_in_order_and_each_step_is_to_a_neighbour(kb):
    drawing = layout(kb, WIDE, "index.md")
    centres = [c.centre for c in drawing.cards]
    assert list(drawing.path[::2]) == centres
    for (x0, y0), (x1, y1) in zip(centres, centres[1:]):
        assert x0 == x1 or y0 == y1  # straight across or straight down: the path snakes, never jumps


def test_links_follow_the_build_from_any_page(kb):
    assert layout(kb, WIDE, "index.md", directory_urls=False).cards[2].href == "ingredients/culture.html"
    assert layout(kb, WIDE, "using-the-model.md").cards[2].href == "../ingredients/culture/"


def test_svg_is_a_named_list_of_nine_links_per_layout(kb):
    svg = str(model_diagram(kb, "index.md"))
    for name in ("wide", "narrow"):
        part = svg.split(f"vc-model__svg--{name}", 1)[1].split("</svg>", 1)[0]
        assert f'role="list" aria-labelledby="vc-model-{name}-title"' in part
        labels = re.findall(r'<g role="listitem">\s*<a class="vc-model__link" href="[^"]+" aria-label="([^"]+)">', part)
        assert labels == [c.label for c in layout(kb, WIDE, "index.md").cards]
        assert 'aria-hidden="true"' in part.split("<polyline", 1)[1].split(">", 1)[0]
    assert "\n\n" not in svg  # one raw HTML block in the Markdown page
