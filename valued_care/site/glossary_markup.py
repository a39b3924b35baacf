"""Abbreviations explained where a reader meets them: the first use of each glossary abbreviation on a page becomes
a link to its Glossary entry, marked as an abbreviation with its full name ("PICU" -> psychiatric intensive care unit).

A Python-Markdown extension (no MkDocs here): it works on the page's element tree after Markdown has made it, so it
only ever sees text, never markup, and adds elements rather than writing HTML. The text it marks is the page's own;
the names and ids come from data/glossary.yml, validated. It runs after every other tree step (links resolved and
escapes restored), so the links it writes are final URLs, relative to the page being rendered (`place`).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup, escape

from valued_care import urls
from valued_care.data.glossary import Glossary
from valued_care.render import text_html

# Text inside these is left alone: links and headings (a link in a link, or in a heading, helps nobody), code, and
# markup that is not prose.
_SKIPPED = frozenset({"a", "abbr", "code", "pre", "kbd", "samp", "script", "style", "svg", "button", "label", "nav",
                      "h1", "h2", "h3", "h4", "h5", "h6", "dt", "textarea", "select", "option"})


_AMPERSAND = r"(?:&|\x02wzxhzdk:\d+\x03)"
_PLACEHOLDER = re.compile(r"\x02wzxhzdk:(\d+)\x03")
_OPENS_LINK = re.compile(r"<a[\s>]", re.IGNORECASE)
_CLOSES_LINK = re.compile(r"</a\s*>", re.IGNORECASE)


@dataclass(frozen=True)
class Abbreviation:
    text: str  # as written: "PICU"
    title: str  # the full name: "Psychiatric intensive care unit"
    anchor: str  # the term's id, its anchor on the Glossary page


def abbreviations(glossary: Glossary) -> list[Abbreviation]:
    """Every abbreviation of the glossary, longest first (so "ePMA" is matched before a shorter one inside it)."""
    found = [Abbreviation(a, expansion(a, term.term, term.also), term.id)
             for term in glossary.terms for a in term.abbreviations]
    return sorted(found, key=lambda a: (-len(a.text), a.text))


_MINOR_WORDS = frozenset({"and", "of", "the", "for", "in"})


def expansion(abbreviation: str, term: str, also: list[str]) -> str:
    """What an abbreviation stands for: the term, unless one of its other names spells out exactly these letters
    (ICB is "Integrated care board" though the term is "Integrated care system")."""
    letters = "".join(ch for ch in abbreviation.lower() if ch.isalpha())
    for name in also:
        words = [w for w in re.split(r"[\s-]+", name.lower()) if w and w not in _MINOR_WORDS]
        if abbreviation.lower() not in name.lower() and "".join(w[0] for w in words) == letters:
            return name[:1].upper() + name[1:]
    return term


class GlossaryWords:
    """The glossary's abbreviations and the pattern that finds them in text, made once per build."""

    def __init__(self, glossary: Glossary):
        self.abbreviations = abbreviations(glossary)
        # An "&" the page escaped is held back by Markdown as a placeholder until the HTML is written ("A&E").
        names = "|".join(_AMPERSAND.join(map(re.escape, a.text.split("&"))) for a in self.abbreviations)
        # Whole words only, case as written, an optional plural s ("OAPs"), and not inside a longer word or code.
        self.pattern = re.compile(rf"(?<![\w&/-])({names})(s?)(?![\w&/-])") if names else None
        self.by_text = {a.text: a for a in self.abbreviations}

    @staticmethod
    def spelled_out(before: str, abbreviation: Abbreviation) -> bool:
        """Whether the text just before a use gives its full name: "Care Quality Commission (CQC)"."""
        return before.rstrip(" (").casefold().endswith(abbreviation.title.casefold())

    def marker(self, href: str | None) -> FirstUseText:
        """A marker for the reading text of one page written as HTML; href is the Glossary page from that page
        (None: mark nothing, as on the Glossary page itself)."""
        return FirstUseText(self, href)


class FirstUseText:
    """The first-use marking for pages written as HTML (no Markdown tree): called on each piece of reading text in
    the order the page reads, it returns the text HTML-escaped, folded onto one line (a space at either end kept, for
    text joined to a link), with the first use of each abbreviation on the page as a link to its Glossary entry, as
    the tree step below marks Markdown pages. Headings, link text and lists the search leaves out are not reading
    text: templates escape those without it."""

    def __init__(self, words: GlossaryWords, href: str | None):
        self.words, self.href = words, href
        self.seen: set[str] = set()

    def __call__(self, value) -> Markup:
        raw = str(value)
        lead, trail = (" " if raw[:1].isspace() else ""), (" " if raw[-1:].isspace() else "")
        return Markup(lead) + self._marked(" ".join(raw.split())) + Markup(trail)

    def _marked(self, text: str) -> Markup:
        if self.href is None or self.words.pattern is None:
            return text_html(text)
        out, done = [], 0
        for match in self.words.pattern.finditer(text):
            abbreviation = self.words.by_text.get(match.group(1))
            if abbreviation is None or abbreviation.text in self.seen:
                continue
            if self.words.spelled_out(text[:match.start()], abbreviation):
                continue
            self.seen.add(abbreviation.text)
            link = (f'<a class="vc-glossary-link" href="{escape(self.href + "#" + abbreviation.anchor)}"><abbr '
                    f'title="{escape(abbreviation.title)}">{escape(match.group(0))}</abbr></a>')
            out += [text_html(text[done:match.start()]), Markup(link)]
            done = match.end()
        return Markup("").join([*out, text_html(text[done:])])


class GlossaryMarkup(Extension):
    """Configured once per build with the glossary, and told before each page which page it is and where the
    Glossary page is (`place`); a page for which it is not told marks nothing."""

    def __init__(self, glossary: Glossary, **kwargs):
        super().__init__(**kwargs)
        self.words = GlossaryWords(glossary)
        self.href: str | None = None

    def place(self, page_url: str | None, glossary_url: str | None) -> None:
        """The page about to be rendered and the Glossary page's URL (None for either: mark nothing, as on the
        Glossary page itself)."""
        if page_url is None or glossary_url is None or page_url == glossary_url:
            self.href = None
        else:
            self.href = urls.relative_url(page_url, glossary_url)

    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown names it
        # After the inline patterns (20), unescaping (0) and MkDocs's link rewriting (0): text is final here.
        md.treeprocessors.register(_FirstUse(md, self), "vc_glossary_first_use", -10)


class _FirstUse(Treeprocessor):
    def __init__(self, md: Markdown, ext: GlossaryMarkup):
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        if self.ext.href is None or self.ext.words.pattern is None:
            return
        self.seen: set[str] = set()
        self.raw_links = 0  # how many links written as inline HTML the text being read is inside
        self._walk(root)

    def _walk(self, parent: etree.Element) -> None:
        children = list(parent)
        if parent.text and parent.tag not in _SKIPPED:
            parent.text = self._mark(parent.text, parent, 0)
        added = len(parent) - len(children)  # links inserted before the children: each child's place moves on
        for i, child in enumerate(children):
            if child.tag not in _SKIPPED and "data-search-exclude" not in child.attrib:
                self._walk(child)
            if child.tail:
                before = len(parent)
                child.tail = self._mark(child.tail, parent, i + added + 1)
                added += len(parent) - before

    def _held(self, placeholder: re.Match) -> str:
        """What Markdown holds back behind a placeholder ("" if it is not text we know)."""
        stash, i = self.md.htmlStash.rawHtmlBlocks, int(placeholder.group(1))
        return stash[i] if i < len(stash) and isinstance(stash[i], str) else ""

    def _as_written(self, found: str) -> str:
        """The text matched, with each held-back "&" put back (anything else held back there: no match)."""
        return _PLACEHOLDER.sub(lambda m: "&" if self._held(m) == "&amp;" else "\x00", found)

    def _mark(self, text: str, parent: etree.Element, position: int) -> str:
        """The text up to the first abbreviation not yet met on this page. Each such abbreviation becomes a link
        inserted among the parent's children from `position` on, with the text after it as its tail. Text inside a
        link written as inline HTML (a web address: render.web_link) is left alone: Markdown holds that link's tags
        back as placeholders, so they are followed here, in the order the page reads."""
        assert self.ext.words.pattern is not None
        found = []
        tags = iter(self._link_tags(text))
        tag = next(tags, None)
        for match in self.ext.words.pattern.finditer(text):
            while tag is not None and tag[0] < match.start():
                self.raw_links = max(0, self.raw_links + tag[1])
                tag = next(tags, None)
            abbreviation = self.ext.words.by_text.get(self._as_written(match.group(1)))
            if self.raw_links or abbreviation is None or abbreviation.text in self.seen:
                continue
            if self.ext.words.spelled_out(text[:match.start()], abbreviation):
                continue  # "Care Quality Commission (CQC)": spelled out here already; the next use is linked
            self.seen.add(abbreviation.text)
            found.append((match, abbreviation))
        while tag is not None:
            self.raw_links = max(0, self.raw_links + tag[1])
            tag = next(tags, None)
        for n, (match, abbreviation) in enumerate(found):
            link = etree.Element("a", {"href": f"{self.ext.href}#{abbreviation.anchor}", "class": "vc-glossary-link"})
            etree.SubElement(link, "abbr", {"title": abbreviation.title}).text = match.group(0)
            link.tail = text[match.end():found[n + 1][0].start() if n + 1 < len(found) else len(text)]
            parent.insert(position + n, link)
        return text[:found[0][0].start()] if found else text

    def _link_tags(self, text: str) -> list[tuple[int, int]]:
        """Where inline-HTML links open (+1) and close (-1) in the text, from the placeholders Markdown left."""
        tags = []
        for m in _PLACEHOLDER.finditer(text):
            held = self._held(m)
            if _OPENS_LINK.match(held):
                tags.append((m.start(), 1))
            elif _CLOSES_LINK.match(held):
                tags.append((m.start(), -1))
        return tags
