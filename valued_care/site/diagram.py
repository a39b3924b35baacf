"""The model diagram on the home page: the nine ingredients as a journey, one card each, in the model's order.

Only geometry lives here (where each card goes, how its title wraps, where the path runs); the SVG itself is
templates/html/model_diagram.svg.j2. There are two layouts of the same cards: a snake of three rows for wide
screens and print, and one column for narrow screens, where three columns would shrink the text below reading size.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass

from markupsafe import Markup

from valued_care import urls
from valued_care.data.knowledge_base import KnowledgeBase
from valued_care.render import render_snippet

PAD = 10           # around the whole drawing
BADGE = 30         # centre of a card's numbered circle, from its top left corner
TEXT_X = 58        # the title starts right of the number
TOP = 38           # first title baseline below the card's top
LINE = 22          # title line height
COUNT_GAP = 32     # from the last title baseline to the count's baseline
BOTTOM = 18        # below the count


@dataclass(frozen=True)
class Grid:
    name: str
    columns: int
    card_width: int
    gap_x: int
    gap_y: int
    chars: int  # title characters per line at the drawing's font size


WIDE = Grid("wide", columns=3, card_width=250, gap_x=26, gap_y=30, chars=18)
NARROW = Grid("narrow", columns=1, card_width=300, gap_x=0, gap_y=26, chars=23)


def card_height(lines: int) -> int:
    return TOP + LINE * (lines - 1) + COUNT_GAP + BOTTOM


@dataclass(frozen=True)
class Card:
    number: int
    title: str
    lines: tuple[str, ...]
    count: int
    href: str
    x: int
    y: int
    width: int
    height: int

    @property
    def centre(self) -> tuple[int, int]:
        return self.x + self.width // 2, self.y + self.height // 2

    @property
    def badge(self) -> tuple[int, int]:
        return self.x + BADGE, self.y + BADGE

    @property
    def text_x(self) -> int:
        return self.x + TEXT_X

    @property
    def title_y(self) -> int:
        return self.y + TOP

    @property
    def count_y(self) -> int:
        return self.y + self.height - BOTTOM

    @property
    def count_text(self) -> str:
        if self.count == 0:
            return "No case studies yet"
        return f"{self.count} case {'study' if self.count == 1 else 'studies'}"

    @property
    def label(self) -> str:
        """The link's accessible name: the visible number, title and count, in reading order."""
        return f"{self.number}. {self.title}: {self.count_text}"


@dataclass(frozen=True)
class Layout:
    name: str
    width: int
    height: int
    cards: tuple[Card, ...]
    path: tuple[tuple[int, int], ...]  # card centres in order, and between each two the middle of their gap


def layout(kb: KnowledgeBase, grid: Grid, page: str, directory_urls: bool = True) -> Layout:
    ingredients = list(kb.ingredients.values())
    wrapped = [tuple(textwrap.wrap(i.title, grid.chars)) for i in ingredients]
    rows = [wrapped[i:i + grid.columns] for i in range(0, len(wrapped), grid.columns)]
    heights = [card_height(max(len(lines) for lines in row)) for row in rows]  # cards in a row line up
    tops = [PAD + sum(heights[:r]) + r * grid.gap_y for r in range(len(rows))]
    cards = []
    for index, (ing, lines) in enumerate(zip(ingredients, wrapped)):
        row, col = divmod(index, grid.columns)
        if row % 2:  # every other row runs back, so the path snakes instead of jumping
            col = grid.columns - 1 - col
        cards.append(Card(ing.number, ing.title, lines, len(kb.case_studies_for(ing.id)),
                          urls.href(page, urls.ingredient(ing.id), directory_urls),
                          PAD + col * (grid.card_width + grid.gap_x), tops[row], grid.card_width, heights[row]))
    path: list[tuple[int, int]] = [cards[0].centre]
    for before, after in zip(cards, cards[1:]):
        path += [_gap_middle(before, after), after.centre]
    width = 2 * PAD + grid.columns * grid.card_width + (grid.columns - 1) * grid.gap_x
    return Layout(grid.name, width, tops[-1] + heights[-1] + PAD, tuple(cards), tuple(path))


def _gap_middle(a: Card, b: Card) -> tuple[int, int]:
    """The middle of the gap between two neighbouring cards, where the arrow between them goes."""
    (ax, ay), (bx, by) = a.centre, b.centre
    if ay == by:
        left, right = (a, b) if ax < bx else (b, a)
        return (left.x + left.width + right.x) // 2, ay
    upper, lower = (a, b) if ay < by else (b, a)
    return ax, (upper.y + upper.height + lower.y) // 2


def model_diagram(kb: KnowledgeBase, page: str, directory_urls: bool = True) -> Markup:
    """The diagram as raw HTML for a Markdown page at docs-relative path `page`."""
    return render_snippet("model_diagram.svg.j2", line_height=LINE,
                          layouts=[layout(kb, grid, page, directory_urls) for grid in (WIDE, NARROW)])
