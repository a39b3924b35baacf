"""References as readers see them, worked out once for the site and the PDFs: the entry of a resource (author first),
the line of a case study's source, the order of an A to Z list, and the in-text citations of a theory review.

Every function returns plain text in parts; each template escapes the parts for its own format and makes the title
a link there (Markdown on the site, HTML in the PDFs), so no punctuation is decided in a template.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from valued_care.dates import show_date
from valued_care.vocabulary import RESOURCE_TYPES

_ENDS_A_SENTENCE = (".", "?", "!")


def _stop(text: str) -> str:
    """Text ending in a full stop, never two: 'Reason, J.' stays, 'BMJ' becomes 'BMJ.'."""
    text = text.rstrip()
    return text if text.endswith(_ENDS_A_SENTENCE) else text + "."


@dataclass(frozen=True)
class Entry:
    """One reference: before + title + after is the line as printed; the title is the part a template may link.
    kind (the resource type, on resources only) and description are shown apart from it, never run into it."""
    before: str
    title: str
    after: str
    url: str | None = None
    kind: str | None = None
    description: str | None = None
    byline: str = ""  # who and when without the title, for places that show the title apart: "Reason, J. (2000). BMJ."

    @property
    def text(self) -> str:
        return f"{self.before}{self.title}{self.after}"

    @property
    def sort_key(self) -> tuple[str, str]:
        """A to Z by the line as printed (its first word is the author's, or the title's when there is none)."""
        printed = re.sub(r"^\W+", "", self.text)
        return printed.casefold(), self.text


def year_of(resource: Any) -> str:
    """Its year, or 'n.d.' (no date), as reference lists write a work whose date is not known."""
    return str(resource.year) if resource.year else "n.d."


def resource_entry(resource: Any) -> Entry:
    """'Reason, J. (2000). Human error: models and management. BMJ.' or, with no author, 'Title (2000). Publisher.'"""
    title = resource.title.rstrip()
    year = year_of(resource)
    publisher = resource.publisher.strip()
    authors = (resource.authors or "").strip()
    if authors:
        before = f"{authors} ({year}). "
        after = "" if title.endswith(_ENDS_A_SENTENCE) else "."
        if publisher.casefold() != authors.rstrip(".").casefold():
            after += " " + _stop(publisher)
        byline = before + after.lstrip(". ")
    else:
        before, after = "", f" ({year}). {_stop(publisher)}"
        title = title.rstrip(".")
        byline = f"{_stop(publisher)[:-1]}, {year}."
    return Entry(before, title, after, resource.url, RESOURCE_TYPES[resource.type], resource.description,
                 byline.strip())


def source_entry(source: Any) -> Entry:
    """A case study's or story's source: 'Title. Publisher, 14 September 2016.' (the date in the one style)."""
    title = source.title.rstrip()
    dated = f"{source.publisher.strip()}, {show_date(source.date)}" if source.date else source.publisher.strip()
    after = ("" if title.endswith(_ENDS_A_SENTENCE) else ".") + " " + _stop(dated)
    return Entry("", title, after, source.url)


def a_to_z(resources: list[Any]) -> list[Any]:
    """Resources in the order of their entries as printed."""
    return sorted(resources, key=lambda r: (*resource_entry(r).sort_key, r.id))


# In-text citations: "Reason (2000)", "Berwick, Nolan and Whittington (2008)", "The Health Foundation (2015)".
# "(2000)" after the names, or "(Kohn, Corrigan and Donaldson, 2000)" with them inside the brackets.
_YEAR_IN_BRACKETS = re.compile(r"\((?:(?P<inside>[A-Z][^()]{1,120}?),? )?(?P<year>(?:1[89]|20)[0-9]{2})[a-z]?\)")
_SURNAME = re.compile(r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*),(?: (?:[A-Z][a-z]?\.[ -]?)+)")
_NOT_NAMES = {"The", "Lord", "Sir", "Dame", "Chair", "Commission", "National", "Group", "Board", "England", "NHS",
              "Advisory", "Safety", "Patients", "Health", "Care", "Leadership", "Management", "Development"}
_REACH = 140  # characters between a name and its year, at most


def citation_names(resource: Any) -> list[str]:
    """The names a theory review may cite a resource by: its authors' surnames (the first first), its corporate
    author, its publisher, and its title's first words."""
    authors = (resource.authors or "").strip()
    names = _SURNAME.findall(authors)
    if not names and authors:
        words = re.findall(r"[A-Z][\w'’-]+", re.sub(r"\(.*?\)", "", authors))
        names = [w for w in words if w not in _NOT_NAMES and len(w) > 2]
    head = resource.title.split(":")[0].removeprefix("The ")  # "The Accelerated Access Review (2016)"
    names += [authors, resource.publisher, resource.publisher.removeprefix("The "), head, " ".join(head.split()[:4])]
    return [n for n in dict.fromkeys(names) if n and len(n) > 2]


def _cited(text: str, start: int, year_match: re.Match, resources: list[Any]) -> tuple[int, Any] | None:
    """The resource a '(2000)' cites and where its citation starts: of the resources of that year named in the
    words just before it, the one named nearest; its citation runs from the first of its names there."""
    if year_match["inside"]:  # the names are in the brackets: the citation is the brackets and all
        window_start, window_end = year_match.start(), year_match.start("year")
    else:
        window_start, window_end = max(start, year_match.start() - _REACH), year_match.start()
    best = None
    for resource in resources:
        if str(resource.year) != year_match["year"]:
            continue
        found = [at for name in citation_names(resource)
                 if (at := text.rfind(name, window_start, window_end)) >= 0]
        if found and (best is None or max(found) > best[2]):
            best = (window_start if year_match["inside"] else min(found), resource, max(found))
    return best[:2] if best else None


def cite_segments(text: str, resources: list[Any]) -> list[tuple[str, Any]]:
    """The text in pieces, each with the resource it cites or None: '... as Reason (2000) showed' ->
    [('... as ', None), ('Reason (2000)', <reason-2000>), (' showed', None)]."""
    pieces: list[tuple[str, Any]] = []
    done = 0
    for match in _YEAR_IN_BRACKETS.finditer(text):
        found = _cited(text, done, match, resources)
        if found is None:
            continue
        at, resource = found
        if at > done:
            pieces.append((text[done:at], None))
        pieces.append((text[at:match.end()], resource))
        done = match.end()
    if done < len(text):
        pieces.append((text[done:], None))
    return pieces
