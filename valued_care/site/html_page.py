"""Generated pages written as HTML: what Markdown would have added to them, done directly. No MkDocs here.

The pages that grow with the collection (each case study, trust, setting, topic and chapter, the case-study index,
the finder and the Resources page) are written as HTML by templates/pages/*.html.j2, so they never go through
Python-Markdown, which was the largest part of the build (issue 16). For each such page this gives the template its
headings, with the ids and permalinks Markdown's toc extension writes (`Headings`), and gives MkDocs back the page's
table of contents and anchors (`table_of_contents`, `anchor_ids`), read from the HTML this module wrote.
"""
from __future__ import annotations

import re
from typing import Any

from markdown.extensions.toc import slugify, unique
from markupsafe import Markup, escape

from valued_care.render import text_html

# mkdocs.yml's toc: permalink_title (tests/test_html_page.py keeps the two equal).
PERMALINK_TITLE = "Link to this section"

_WRITTEN = re.compile(r'<h([1-6]) id="([^"]+)"[^>]*>(.*?)<a class="headerlink" ', re.S)
_ID = re.compile(r'\sid="([^"]+)"')


class Headings:
    """The headings of one page: ids made from their text as the toc extension makes them, each id once."""

    def __init__(self) -> None:
        self.ids: set[str] = set()

    def __call__(self, level: int, text, anchor: str | None = None, exclude: bool = False) -> Markup:
        """A heading; anchor: its id, if not the one made from its text; exclude: left out of Material's search."""
        text = " ".join(str(text).split())
        if anchor is None:
            anchor = unique(slugify(text, "-"), self.ids)
        else:
            self.ids.add(anchor)
        exclude_it = ' data-search-exclude="1"' if exclude else ""
        level, anchor_html = int(level), escape(anchor)
        return Markup(f'<h{level} id="{anchor_html}"{exclude_it}>{text_html(text)}<a class="headerlink" '
                      f'href="#{anchor_html}" title="{escape(PERMALINK_TITLE)}">&para;</a></h{level}>')


def table_of_contents(html: str) -> list[Any]:
    """The toc tokens MkDocs takes (mkdocs.structure.toc.get_toc), nested by level, from the headings written by
    Headings: each {level, id, name (the heading's HTML), children}."""
    tokens: list[dict[str, Any]] = []
    open_: list[dict[str, Any]] = []
    for level, anchor, name in _WRITTEN.findall(html):
        token = {"level": int(level), "id": anchor, "name": name, "children": []}
        while open_ and open_[-1]["level"] >= token["level"]:
            open_.pop()
        (open_[-1]["children"] if open_ else tokens).append(token)
        open_.append(token)
    return tokens


def html_body(page_text: str) -> str:
    """The HTML of a generated page as written to disk: what follows its front matter (pages.py writes "---",
    the YAML, "---"; a YAML value never starts a line with "---", as continuation lines are indented), without the
    blank lines before it, as MkDocs reads a page (a blank text before the title would make Material's search
    index a nameless first section)."""
    return page_text.split("\n---\n", 1)[1].lstrip("\n")


def anchor_ids(html: str) -> set[str]:
    """Every id on the page, for MkDocs's check of links to an anchor of it."""
    return set(_ID.findall(html))
