"""The Glossary page: every term of data/glossary.yml with its abbreviations, other names and definition, and a
link to the case studies that use it in the finder. No MkDocs here.

What a term's case studies are is worked out as the finder does it (search_vocabulary.Concepts over the text it
indexes), so the number on the page is the number the finder shows for the term.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from valued_care import urls
from valued_care.data.glossary import Glossary, GlossaryTerm
from valued_care.data.knowledge_base import KnowledgeBase
from valued_care.site import search_text
from valued_care.site.search_vocabulary import Concepts, groups

PAGE = "glossary.md"
TITLE = "Glossary"
DESCRIPTION = "Abbreviations and terms used in mental health services and in this knowledge base, in plain words."


@dataclass(frozen=True)
class Entry:
    term: GlossaryTerm
    heading: str  # the term, with its abbreviations: "Out-of-area placement (OAP)"
    case_studies: int  # how many case studies use any of its names
    finder: str  # the finder, searching for the term


def _case_study_text(kb: KnowledgeBase) -> list[list[str]]:
    texts = []
    for case in kb.case_studies.values():
        parts = [case.title, case.summary, case.problem or "", *case.what_they_did, *(o.text for o in case.outcomes),
                 *case.lessons, case.setting_detail or "", case.method_detail or ""]
        texts.append([t for part in parts for t in search_text.terms(search_text.plain_spaces(part))])
    return texts


def entries(kb: KnowledgeBase, glossary: Glossary) -> list[Entry]:
    """The terms A to Z, each with how many case studies use it (by any of its names, as whole phrases)."""
    concepts = Concepts(glossary)
    used = [{group for group, _, _ in concepts.found(text)} for text in _case_study_text(kb)]
    group_of: dict[tuple[str, ...], int] = {}
    for n, group in enumerate(groups(glossary)):
        for form in group:
            group_of.setdefault(form, n)
    found = []
    for term in glossary.terms:
        number = group_of.get(tuple(search_text.terms(term.term)))
        count = sum(number in u for u in used) if number is not None else 0
        heading = term.term + (f" ({', '.join(term.abbreviations)})" if term.abbreviations else "")
        found.append(Entry(term, heading, count, f"{urls.FINDER}?find={quote(term.term, safe='')}"))
    return sorted(found, key=lambda e: e.term.term.lower())

