"""One pass over a page's HTML: every element with its attributes and line, whether it sits in the article body
(the page's content, inside Material's <article>), and every id an anchor can point to."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# Attributes whose value is a URL the browser follows or fetches.
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "poster", "data", "cite", "background",
                            "xlink:href", "longdesc", "manifest", "ping"})
SRCSET_ATTRIBUTES = frozenset({"srcset", "imagesrcset"})


@dataclass(frozen=True)
class Element:
    tag: str
    attrs: tuple[tuple[str, str], ...]
    line: int
    in_article: bool

    def get(self, name: str) -> str | None:
        for key, value in self.attrs:
            if key == name:
                return value
        return None

    def urls(self) -> list[tuple[str, str]]:
        """(attribute, url) for every URL this element carries, srcset candidates included."""
        found = []
        for key, value in self.attrs:
            if key in URL_ATTRIBUTES:
                found.append((key, value.strip()))
            elif key in SRCSET_ATTRIBUTES:
                found += [(key, c.split()[0]) for c in value.split(",") if c.strip()]
        return found


@dataclass
class ScannedPage:
    path: Path
    elements: list[Element] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)


class _Scanner(HTMLParser):
    def __init__(self, page: ScannedPage):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.article_depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = tuple((k.lower(), v or "") for k, v in attrs)
        self.page.elements.append(Element(tag, attrs, self.getpos()[0], self.article_depth > 0))
        for key, value in attrs:
            if key == "id" or (key == "name" and tag == "a"):
                self.page.ids.add(value)
        if tag == "article":
            self.article_depth += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "article":
            self.article_depth -= 1

    def handle_endtag(self, tag):
        if tag == "article" and self.article_depth:
            self.article_depth -= 1


def scan_html(text: str, path: Path) -> ScannedPage:
    page = ScannedPage(path)
    scanner = _Scanner(page)
    scanner.feed(text)
    scanner.close()
    return page


def scan_file(path: Path) -> ScannedPage:
    return scan_html(path.read_text(encoding="utf-8"), path)
