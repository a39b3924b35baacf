"""The glossary as search vocabulary, for both searches. No MkDocs here.

Every name of a glossary term (the term, its abbreviations, its other names) and each British/American spelling
pair is a group of equivalent forms, each form the terms the finder's index holds for it (search_text.terms). A
reader's words that spell one form of a group also search for every other form:
- the finder's index holds, wherever a case study uses a form as a phrase, the group's concept term and the form's
  phrase term (the index keeps no word positions); the finder gets the groups in its data and searches a glossary
  name typed as those terms (finder-search.js);
- Material's search has no query hook we own, so each page gets, as search tags, the names of the terms its text
  uses that it does not itself contain ("OAP" on a page about out-of-area placements), which Material indexes.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from valued_care import paths
from valued_care.data.glossary import Glossary, load_glossary
from valued_care.site.search_text import terms, words

Form = tuple[str, ...]
# Index terms for the glossary: vcg0, vcg1, ... for groups, vcp0, vcp1, ... for phrases. No word of the text is
# spelled so, and the stemmer leaves them as they are.
CONCEPT = "vcg"
PHRASE = "vcp"


def site_glossary(data_dir: Path | None = None) -> Glossary:
    """The glossary of the data folder the site is built from (empty if it has none)."""
    folder = data_dir or paths.DATA
    file = folder / "glossary.yml"
    stamp = file.stat().st_mtime_ns if file.exists() else 0
    return _load(folder, stamp)


@lru_cache(maxsize=4)
def _load(folder: Path, stamp: int) -> Glossary:
    return load_glossary(folder, paths.ROOT)


def form(name: str) -> Form:
    """The terms of a name as the index holds them; none if stop words leave one term of several words ("Just
    culture" would be "cultur" alone, and find every page about culture)."""
    found = tuple(terms(name))
    return () if len(found) == 1 and len(words(name)) > 1 else found


def _forms(names: Iterable[str]) -> list[Form]:
    found: list[Form] = []
    for name in names:
        spelled = form(name)
        if spelled and spelled not in found:
            found.append(spelled)
    return found


def groups(glossary: Glossary) -> list[list[Form]]:
    """Each group of equivalent forms: one per term (all its names), one per spelling pair."""
    found = [_forms(glossary.names(term)) for term in glossary.terms]
    found += [_forms([pair.british, pair.american]) for pair in glossary.spellings]
    return found  # group n is glossary.terms[n] while n < len(glossary.terms)


def concept(group: int) -> str:
    """The index term standing for a group: indexed wherever the text uses any form of the group, so a search for
    one form finds the others, as phrases (the index keeps no word positions to match phrases by)."""
    return f"{CONCEPT}{group}"


def phrase(number: int) -> str:
    """The index term standing for one form of several words (forms numbered through all groups, in order):
    indexed where the text uses that form itself, so the words a reader typed rank above their equivalents."""
    return f"{PHRASE}{number}"


def is_synthetic(term: str) -> bool:
    """Whether an index term is a concept or phrase term, not a word of the text."""
    return any(term.startswith(prefix) and term[len(prefix):].isdigit() for prefix in (CONCEPT, PHRASE))


class Concepts:
    """Finds where a text uses the glossary's forms, as whole phrases, longest first."""

    def __init__(self, glossary: Glossary):
        self.forms: dict[Form, tuple[int, int]] = {}  # form -> its group and its number
        number = 0
        for n, group in enumerate(groups(glossary)):
            for spelled in group:
                self.forms.setdefault(spelled, (n, number))
                number += 1
        self.starts = {spelled[0] for spelled in self.forms}
        self.longest = max((len(spelled) for spelled in self.forms), default=0)

    def found(self, sequence: Sequence[str]) -> list[tuple[int, int, int]]:
        """Each use of a form in sequence (a text's terms): its group, its number and its length in terms."""
        used = []
        for i, term in enumerate(sequence):
            if term not in self.starts:
                continue
            for size in range(min(self.longest, len(sequence) - i), 0, -1):
                found = self.forms.get(tuple(sequence[i:i + size]))
                if found is not None:
                    used.append((*found, size))
                    break
        return used

    def text(self, sequence: Sequence[str]) -> str:
        """The concept and phrase terms of a text, to index with it."""
        indexed = []
        for group, number, size in self.found(sequence):
            indexed.append(concept(group))
            if size > 1:
                indexed.append(phrase(number))
        return " ".join(indexed)


def finder_vocabulary(glossary: Glossary) -> list[list[str]]:
    """The groups as the finder reads them: each form its terms joined by spaces; group n is indexed as concept(n)."""
    return [[" ".join(form) for form in group] for group in groups(glossary)]


def holds(sequence: Sequence[str], form: Form) -> bool:
    """Whether the terms of form stand next to each other in sequence (a page's terms, stop words left out)."""
    size = len(form)
    first = form[0]
    return any(sequence[i:i + size] == list(form) for i, term in enumerate(sequence) if term == first)


_CONCEPTS: dict[int, tuple[Glossary, Concepts]] = {}


def concepts_of(glossary: Glossary) -> Concepts:
    """The Concepts of a glossary, made once (every page of a build asks)."""
    cached = _CONCEPTS.get(id(glossary))
    if cached is None or cached[0] is not glossary:
        cached = _CONCEPTS[id(glossary)] = (glossary, Concepts(glossary))
    return cached[1]


def alias_tags(glossary: Glossary, text: str) -> list[str]:
    """For Material's search: the names of each glossary term that text uses (by any of its names) which text does
    not contain: its abbreviations, its own name, and its other names of one word (whistleblowing, restraint).
    Longer other names are left out: their words are mostly on the page already, and every tag is shown."""
    sequence = terms(text)
    used = {group for group, _, _ in concepts_of(glossary).found(sequence)}
    tags: list[str] = []
    for n, term in enumerate(glossary.terms):
        if n not in used:
            continue
        shown = [term.term, *term.abbreviations, *(name for name in term.also if len(words(name)) == 1)]
        tags += [name for name in shown if (spelled := form(name)) and not holds(sequence, spelled)]
    return list(dict.fromkeys(tags))
