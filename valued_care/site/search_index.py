"""The case-study finder's data, built once at build time: a lunr index (lunr.py, loaded by lunr.js 2.3.9 in the
browser, so nothing is indexed at page load) and a compact table of each case study's facet values. No MkDocs here.

The index holds only what the finder searches (title, trust, summary, outcomes) and no term positions. Documents
are referred to by their position in the table ("0", "1", ...) to keep the index small.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from lunr import lunr

from valued_care.data.knowledge_base import KnowledgeBase
from valued_care.data.model import CaseStudy
from valued_care.vocabulary import METHODS, REGIONS, SETTINGS, SOURCE_TYPES

SCRIPT_PATH = "assets/javascripts/finder-index.js"  # where the built site serves finder_script()
NOT_STATED = "not-stated"
PERIOD_YEARS = 5  # width of a period bucket, by the year a case study's work started
# Searched fields and their weights: a hit in a title says more than one in an outcome.
SEARCH_FIELDS = (("title", 5), ("trust", 3), ("summary", 2), ("outcomes", 1))


@dataclass(frozen=True)
class FacetValue:
    slug: str
    label: str
    count: int


@dataclass(frozen=True)
class Facet:
    key: str      # the URL parameter and the form field name
    legend: str
    values: tuple[FacetValue, ...]


def period_bucket(case: CaseStudy) -> str:
    year = case.period.start or case.period.end
    if year is None:
        return NOT_STATED
    first = year - year % PERIOD_YEARS
    return f"{first}-{first + PERIOD_YEARS - 1}"


def _period_label(slug: str) -> str:
    if slug == NOT_STATED:
        return "Not stated"
    first, last = slug.split("-")
    return f"{first} to {last}"


def facet_values(kb: KnowledgeBase, case: CaseStudy) -> dict[str, list[str]]:
    """Every facet value of one case study. The main ingredient comes first in 'ingredient'."""
    types = {s.type for s in case.sources}
    return {
        "ingredient": list(case.ingredients),
        "setting": list(case.settings),
        "region": [case.region],
        "method": list(case.methods) or [NOT_STATED],
        "source": [t for t in SOURCE_TYPES if t in types],
        "period": [period_bucket(case)],
    }


def facets(kb: KnowledgeBase) -> list[Facet]:
    """The finder's facets in display order, each value with its count over the whole collection.

    Values no case study has are left out, except the fixed vocabularies of ingredients and settings, which readers
    expect to see in full.
    """
    cases = [facet_values(kb, c) for c in kb.case_studies.values()]

    def counted(key: str, labels: dict[str, str], keep_empty: bool = False) -> tuple[FacetValue, ...]:
        counts = {slug: sum(slug in c[key] for c in cases) for slug in labels}
        return tuple(FacetValue(slug, label, counts[slug]) for slug, label in labels.items()
                     if keep_empty or counts[slug])

    periods = sorted({c["period"][0] for c in cases} - {NOT_STATED})
    if any(c["period"] == [NOT_STATED] for c in cases):
        periods.append(NOT_STATED)
    return [
        Facet("ingredient", "Ingredient", counted("ingredient", {i.id: i.title for i in kb.ingredients.values()}, True)),
        Facet("setting", "Setting", counted("setting", SETTINGS, True)),
        Facet("region", "Region", counted("region", REGIONS)),
        Facet("method", "Method", counted("method", {**METHODS, NOT_STATED: "Not stated by the sources"})),
        Facet("source", "Source type", counted("source", SOURCE_TYPES)),
        Facet("period", "When the work started", counted("period", {p: _period_label(p) for p in periods})),
    ]


def _search_document(kb: KnowledgeBase, position: int, case: CaseStudy) -> dict:
    trusts = [kb.trusts[t] for t in case.trusts]
    return {
        "ref": str(position),
        "title": case.title,
        "trust": " ".join(f"{t.name} {t.short_name or ''}" for t in trusts),
        "summary": case.summary,
        "outcomes": " ".join(o.text for o in case.outcomes),
    }


def build_index(kb: KnowledgeBase) -> dict:
    """The serialised lunr index of every case study (refs are positions in the document table)."""
    documents = [_search_document(kb, n, case) for n, case in enumerate(kb.case_studies.values())]
    fields = [{"field_name": name, "boost": boost} for name, boost in SEARCH_FIELDS]
    return lunr(ref="ref", fields=fields, documents=documents).serialize()


def finder_data(kb: KnowledgeBase) -> dict:
    """Everything the finder script needs: facets (value slugs in display order), documents and the index.

    Each document is [case study id, [value numbers of facet 1], [of facet 2], ...], numbers being positions in
    that facet's values, so the table stays small at thousands of case studies.
    """
    all_facets = facets(kb)
    positions = [{v.slug: n for n, v in enumerate(f.values)} for f in all_facets]
    docs = []
    for case in kb.case_studies.values():
        values = facet_values(kb, case)
        docs.append([case.id, *([pos[v] for v in values[f.key]] for f, pos in zip(all_facets, positions))])
    return {
        "version": 1,
        "facets": [{"key": f.key, "values": [v.slug for v in f.values]} for f in all_facets],
        "docs": docs,
        "index": build_index(kb),
    }


def finder_script(kb: KnowledgeBase) -> str:
    """The finder data as a script that sets a global, so it loads from file:// where fetch() cannot."""
    data = json.dumps(finder_data(kb), ensure_ascii=False, separators=(",", ":"))
    # JSON is a JavaScript expression, except that these two characters end a line in older engines.
    data = data.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.vcFinderData={data};\n"
