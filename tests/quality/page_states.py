"""Page states the browser gates check besides each page as loaded: what a reader gets after using the page.

Each state names the pages it applies to (a glob over site-relative files) and a function that takes a loaded
page into that state. The crawl audits every page as loaded, then each state on its pages; the tests fail if a
state finds no page to apply to, so a moved page cannot silently drop out of the checks.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from quality.browser import settle

NARROW = {"width": 320, "height": 640}  # WCAG 1.4.10 reflow: 320 CSS pixels wide


@dataclass(frozen=True)
class PageState:
    name: str
    pages: str
    apply: Callable  # (playwright Page) -> None


def search_results(query: str) -> Callable:
    """Material's search dialog open, showing results for a query."""
    def apply(page) -> None:
        page.fill("input.md-search__input", query)  # focusing the box opens the dialog
        page.wait_for_selector(".md-search-result__item", timeout=10_000)
    return apply


def narrow_screen_with_menu(page) -> None:
    """A phone-sized screen with the navigation drawer open."""
    page.set_viewport_size(NARROW)
    page.click('label.md-header__button[for="__drawer"]')
    settle(page)  # the drawer slides in


def finder_filters_applied(page) -> None:
    """The case-study finder with a word typed and a filter ticked, showing its results and updated counts."""
    page.wait_for_selector("#vc-finder-form:not([hidden])", timeout=10_000)
    page.check('#vc-finder-form fieldset input[type="checkbox"]')  # the first value of the first group
    page.fill("#vc-finder-q", "staff")
    page.wait_for_timeout(600)  # past the finder's pause before it announces the new count


STATES: tuple[PageState, ...] = (
    PageState("search results", "index.html", search_results("leadership")),
    PageState("narrow screen, menu open", "index.html", narrow_screen_with_menu),
    PageState("narrow screen, menu open", "case-studies/index.html", narrow_screen_with_menu),
    PageState("finder with filters applied", "finder/index.html", finder_filters_applied),
)
