"""The model diagram on the home page: the nine ingredients as a journey, one card each, in the model's order.

Only geometry lives here (where each card goes, how its title wraps, where the arrows run); the SVG itself is
templates/html/model_diagram.svg.j2. There are two layouts of the same cards: three rows for wide screens and print,
each read left to right as text is (an arrow from the end of a row runs back under it to the start of the next), and
one column for narrow screens, where three columns would shrink the text below reading size.

Each card counts the case studies that have its ingredient as their main ingredient, in the same words as the PDF's
chapter openers (views.main_ingredient_count), so the site and the book never disagree.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass

from markupsafe import Markup

from valued_care import urls, views
from valued_care.data.knowledge_base import KnowledgeBase
from valued_care.render import render_snippet

PAD = 10           # around the whole drawing
BADGE = 30         # centre of a card's numbered circle, from its top left corner
TEXT_X = 58        # the title starts right of the number
COUNT_X = 16       # the count starts at the card's left padding, below the number
TOP = 38           # first title baseline below the card's top
LINE = 22          # title line height
COUNT_GAP = 34     # from the last title baseline to the count's first baseline
COUNT_LINE = 19    # the count's second line
BOTTOM = 16        # below the count
CLEAR = 5          # between an arrow's ends and the cards it joins
HEAD = 14          # an arrow head's length (it is drawn beyond the end of its line)


@dataclass(frozen=True)
class Grid:
    name: str
    columns: int
    card_width: int
    gap_x: int
    gap_y: int
    chars: int  # title characters per line at the drawing's font size


WIDE = Grid("wide", columns=3, card_width=250, gap_x=44, gap_y=60, chars=18)
NARROW = Grid("narrow", columns=1, card_width=300, gap_x=0, gap_y=44, chars=23)


def card_height(lines: int) -> int:
    return TOP + LINE * (lines - 1) + COUNT_GAP + COUNT_LINE + BOTTOM


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
    def right(self) -> int:
        return self.x + self.width

    @property
    def bottom(self) -> int:
        return self.y + self.height

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
    def count_x(self) -> int:
        return self.x + COUNT_X

    @property
    def title_y(self) -> int:
        return self.y + TOP

    @property
    def count_y(self) -> int:
        return self.bottom - BOTTOM - COUNT_LINE

    @property
    def count_lines(self) -> tuple[str, str]:
        return views.main_ingredient_count(self.count)

    @property
    def count_text(self) -> str:
        return " ".join(self.count_lines)

    @property
    def label(self) -> str:
        """The link's accessible name: the visible number, title and count, in reading order."""
        return f"{self.number}. {self.title}: {self.count_text}"


@dataclass(frozen=True)
class Arrow:
    """A line from one card towards the next; its head is drawn beyond its last point, ending at `tip`."""
    points: tuple[tuple[int, int], ...]
    tip: tuple[int, int]


@dataclass(frozen=True)
class Layout:
    name: str
    width: int
    height: int
    cards: tuple[Card, ...]
    arrows: tuple[Arrow, ...]  # from each card to the next, in order


def layout(kb: KnowledgeBase, grid: Grid, page: str, directory_urls: bool = True) -> Layout:
    ingredients = list(kb.ingredients.values())
    wrapped = [tuple(textwrap.wrap(i.title, grid.chars)) for i in ingredients]
    rows = [wrapped[i:i + grid.columns] for i in range(0, len(wrapped), grid.columns)]
    heights = [card_height(max(len(lines) for lines in row)) for row in rows]  # cards in a row line up
    tops = [PAD + sum(heights[:r]) + r * grid.gap_y for r in range(len(rows))]
    cards = []
    for index, (ing, lines) in enumerate(zip(ingredients, wrapped)):
        row, col = divmod(index, grid.columns)
        cards.append(Card(ing.number, ing.title, lines, len(kb.case_studies_for(ing.id, primary_only=True)),
                          urls.href(page, urls.ingredient(ing.id), directory_urls),
                          PAD + col * (grid.card_width + grid.gap_x), tops[row], grid.card_width, heights[row]))
    arrows = tuple(_arrow(before, after) for before, after in zip(cards, cards[1:]))
    width = 2 * PAD + grid.columns * grid.card_width + (grid.columns - 1) * grid.gap_x
    return Layout(grid.name, width, tops[-1] + heights[-1] + PAD, tuple(cards), arrows)


def _arrow(a: Card, b: Card) -> Arrow:
    """Across to the next card in a row; or, from the end of a row, down, back along the gap under the row, and
    down into the first card of the next, as a line of text returns."""
    if a.y == b.y:  # same row: from a's right edge to b's left edge, at mid-height
        y = a.centre[1]
        return Arrow(((a.right + CLEAR, y), (b.x - CLEAR - HEAD, y)), (b.x - CLEAR, y))
    (ax, _), (bx, _) = a.centre, b.centre
    middle = (a.bottom + b.y) // 2
    points = [(ax, a.bottom + CLEAR), (ax, middle)]
    if bx != ax:
        points.append((bx, middle))
    points.append((bx, b.y - CLEAR - HEAD))
    return Arrow(tuple(points), (bx, b.y - CLEAR))


def model_diagram(kb: KnowledgeBase, page: str, directory_urls: bool = True) -> Markup:
    """The diagram as raw HTML for a Markdown page at docs-relative path `page`."""
    return render_snippet("model_diagram.svg.j2", line_height=LINE, count_line=COUNT_LINE, head=HEAD,
                          layouts=[layout(kb, grid, page, directory_urls) for grid in (WIDE, NARROW)])
