"""One pass over a page's HTML: every element with its attributes and line, whether it sits in the article body
(the page's content, inside Material's <article>), and every id an anchor can point to.

Pages are parsed with html5lib, which follows the WHATWG HTML parsing rules a browser follows: a comment ends where
the browser ends it (`<!-->` and `<!--->` are whole comments; `<![CDATA[` outside SVG and MathML is a comment that
ends at the first `>`), <noscript> is raw text as in a browser that runs script, entities are decoded, SVG and
MathML are foreign content, and an element sits where the tree builder puts it. The standard library's
html.parser reads `<!--> <svg onload=...> -->` as one comment, so a gate built on it passes markup that runs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import html5lib
from html5lib._tokenizer import HTMLTokenizer
from html5lib.constants import namespaces, tokenTypes

# Attributes whose value is a URL the browser follows or fetches.
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "poster", "data", "cite", "background",
                            "xlink:href", "longdesc", "manifest", "ping"})
SRCSET_ATTRIBUTES = frozenset({"srcset", "imagesrcset"})

_NAMESPACE_NAMES = {uri: name for name, uri in namespaces.items()}  # html, svg, mathml, xlink, xml, xmlns
# Each start tag carries its line and a serial number through the tree builder in an attribute the tokenizer can
# never produce (a space ends an attribute name). It survives the parser's copies of an element (the adoption
# agency and reconstruction clone formatting elements), so every element knows the tag it came from.
_SOURCE = " source"


@dataclass(frozen=True)
class Element:
    tag: str  # local name, lower case ("svg", "foreignobject", "a")
    attrs: tuple[tuple[str, str], ...]  # names lower case; namespaced ones as written ("xlink:href")
    line: int
    in_article: bool
    namespace: str = "html"  # html, svg or mathml

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


class _LineTokenizer(HTMLTokenizer):
    """html5lib's tokenizer, unchanged except that each start tag records the line its '<' is on."""

    tags_seen = 0

    def tagOpenState(self):
        line = self.stream.position()[0]
        result = super().tagOpenState()
        if self.state == self.tagNameState:
            self.currentToken["line"] = line
        return result

    def emitCurrentToken(self):
        token = self.currentToken
        super().emitCurrentToken()
        if token["type"] == tokenTypes["StartTag"] and "line" in token:
            self.tags_seen += 1
            token["data"][_SOURCE] = f"{token['line']} {self.tags_seen}"


class _Parser(html5lib.HTMLParser):
    def reset(self):
        # html5lib makes its tokenizer inside parse(); reset() is the first call after that, before any input is read.
        self.tokenizer.__class__ = _LineTokenizer
        super().reset()


def _split(name: str) -> tuple[str, str]:
    """'{uri}local' -> ('html'|'svg'|'mathml'|'xlink'|..., 'local'); a plain name -> ('', name)."""
    if name.startswith("{"):
        uri, _, local = name[1:].partition("}")
        return _NAMESPACE_NAMES.get(uri, uri), local
    return "", name


def scan_html(text: str, path: Path) -> ScannedPage:
    page = ScannedPage(path)
    # scripting=True: <noscript> is raw text, as in a browser that runs script (the reader's, the attacker's target)
    root = _Parser(tree=html5lib.getTreeBuilder("etree")).parse(text, scripting=True)
    seen: set[str | None] = set()
    stack = [(root, False)]
    while stack:
        node, in_article = stack.pop()
        if isinstance(node.tag, str) and node.tag.startswith("{"):  # an element, not a comment, doctype or root
            namespace, tag = _split(node.tag)
            tag = tag.lower()
            attrs, source = [], None
            for key, value in node.attrib.items():
                if key == _SOURCE:
                    source = value
                    continue
                prefix, local = _split(key)
                name = f"{prefix}:{local}" if prefix and prefix != local else local  # xlink:href; xmlns
                attrs.append((name.lower(), value))
            if source not in seen:  # a parser's clone of an element already listed adds nothing
                if source:
                    seen.add(source)
                if source or attrs:  # elements the parser implies (<html>, <tbody>) carry nothing to check
                    line = int(source.split()[0]) if source else 0
                    page.elements.append(Element(tag, tuple(attrs), line, in_article, namespace))
                for key, value in attrs:
                    if key == "id" or (key == "name" and tag == "a"):
                        page.ids.add(value)
            in_article = in_article or (tag == "article" and namespace == "html")
        stack += [(child, in_article) for child in reversed(node)]
    return page


def scan_file(path: Path) -> ScannedPage:
    """The scan of a file, parsed once while it is unchanged: the links, privacy and injection gates all read every
    page, and a conformant parse costs a few times what html.parser did. Callers share it: read, never modify."""
    stat = path.stat()
    return _scan_unchanged_file(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=1024)
def _scan_unchanged_file(path: Path, _mtime_ns: int, _size: int) -> ScannedPage:
    return scan_html(path.read_text(encoding="utf-8"), path)
