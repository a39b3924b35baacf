"""The case-study finder's data, built once at build time: its index as terms and postings with lunr's BM25 weights
(search_weights.py works them out directly; build_index() still makes the lunr.py index they agree with, for the
tests), so nothing is indexed at page load, a compact table of each case study's facet values, the search
vocabulary (the glossary's equivalent names and spellings) and the words behind the index's stems. No MkDocs here.

The index is built with the browser's own text analysis (search_text.py), so a word typed finds what the index
holds for it. It holds every narrative field of a case study, with a boost per field (a hit in the title says most)
and no term positions. Documents are referred to by their position in the table ("0", "1", ...) to keep it small.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from lunr import lunr

from valued_care import vocabulary
from valued_care.data.glossary import Glossary
from valued_care.data.knowledge_base import KnowledgeBase
from valued_care.data.model import CaseStudy
from valued_care.site import search_text
from valued_care.site.search_vocabulary import (
    CONCEPT,
    PHRASE,
    Concepts,
    finder_vocabulary,
    is_synthetic,
    site_glossary,
)
from valued_care.site.search_weights import weighted_postings
from valued_care.vocabulary import METHODS, REGIONS, SETTINGS, SOURCE_TYPES

SCRIPT_PATH = "assets/javascripts/finder-index.js"  # where the built site serves finder_script()
NOT_STATED = "not-stated"
PERIOD_YEARS = 5  # width of a period bucket, by the year a case study's work started
# Searched fields and their weights: a hit in a title says more than one in an outcome. "tags" holds the labels of
# the case study's ingredients, settings, methods, region and topics; "body" its problem, what they did, lessons and
# the details of its setting and method.
SEARCH_FIELDS = (("title", 10), ("summary", 4), ("trust", 3), ("tags", 3), ("outcomes", 2), ("body", 1))


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


def topics() -> dict[str, str]:
    """Topic slug -> label: the problems readers bring (vocabulary.TOPICS)."""
    return {slug: topic.label for slug, topic in vocabulary.TOPICS.items()}


def topic_labels(case: CaseStudy) -> list[str]:
    labels = topics()
    return [labels[slug] for slug in case.topics]


def facet_values(kb: KnowledgeBase, case: CaseStudy) -> dict[str, list[str]]:
    """Every facet value of one case study. The main ingredient comes first in 'ingredient'."""
    types = {s.type for s in case.sources}
    return {
        "ingredient": list(case.ingredients),
        "topic": list(case.topics),
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
    found = [
        Facet("ingredient", "Ingredient", counted("ingredient", {i.id: i.title for i in kb.ingredients.values()}, True)),
        Facet("topic", "Topic", counted("topic", topics())),
        Facet("setting", "Setting", counted("setting", SETTINGS, True)),
        Facet("region", "Region", counted("region", REGIONS)),
        Facet("method", "Method", counted("method", {**METHODS, NOT_STATED: "Not stated by the sources"})),
        Facet("source", "Source type", counted("source", SOURCE_TYPES)),
        Facet("period", "When the work started", counted("period", {p: _period_label(p) for p in periods})),
    ]
    return [facet for facet in found if facet.values]


def _search_document(kb: KnowledgeBase, position: int, case: CaseStudy, concepts: Concepts) -> dict:
    trusts = [kb.trusts[t] for t in case.trusts]
    tags = [*(kb.ingredients[i].title for i in case.ingredients), *(SETTINGS[s] for s in case.settings),
            *(METHODS[m] for m in case.methods), REGIONS[case.region], *topic_labels(case)]
    body = [case.problem or "", *case.what_they_did, *case.lessons, case.setting_detail or "",
            case.method_detail or ""]
    fields = {
        "title": case.title,
        "summary": case.summary,
        "trust": " ".join(f"{t.name} {t.short_name or ''}" for t in trusts),
        "tags": " ".join(tags),
        "outcomes": " ".join(o.text for o in case.outcomes),
        "body": " ".join(body),
    }
    # Each field also holds the glossary's concept and phrase terms for the names it uses, with the field's boost.
    fields = {name: search_text.plain_spaces(text) for name, text in fields.items()}
    for name in ("title", "summary", "tags", "outcomes"):
        fields[name] += " " + concepts.text(search_text.terms(fields[name]))
    fields["body"] += " " + " ".join(concepts.text(search_text.terms(search_text.plain_spaces(text))) for text in body)
    return {"ref": str(position), **fields}


def _documents(kb: KnowledgeBase, glossary: Glossary) -> list[dict]:
    return list(_each_document(kb, glossary))


def _each_document(kb: KnowledgeBase, glossary: Glossary) -> Iterator[dict]:
    concepts = Concepts(glossary)
    return (_search_document(kb, n, case, concepts) for n, case in enumerate(kb.case_studies.values()))


def build_index(kb: KnowledgeBase, documents: list[dict] | None = None) -> dict:
    """The serialised lunr index of every case study (refs are positions in the document table)."""
    return _build(_analyse(documents or _documents(kb, site_glossary()))[0])


def _analyse(documents: Iterable[dict]) -> tuple[list[dict], dict[str, Counter]]:
    """Each document with each field as its index terms, and for each term the words it was made from."""
    seen: dict[str, Counter] = defaultdict(Counter)
    return list(_each_analysed(documents, seen)), seen


def _each_analysed(documents: Iterable[dict], seen: dict[str, Counter]) -> Iterator[dict]:
    """The same one document at a time, counting into `seen` as it goes."""
    for doc in documents:
        fields: dict = {"ref": doc["ref"]}
        for name, _ in SEARCH_FIELDS:
            fields[name] = []
            for word in search_text.words(doc[name]):
                stem = search_text.term(word)
                if stem is not None:
                    fields[name].append(stem)
                    seen[stem][word] += 1
        yield fields


def _build(analysed: list[dict]) -> dict:
    fields = [{"field_name": name, "boost": boost} for name, boost in SEARCH_FIELDS]
    return lunr(ref="ref", fields=fields, documents=analysed, builder=search_text.analysed_builder()).serialize()


def index_words(seen: dict[str, Counter]) -> dict[str, str]:
    """For each stem the index holds that is not itself a word of the text, the word it most often stands for
    ("seclus": "seclusion"), so the finder can say "did you mean seclusion?" in words, not stems."""
    words = {}
    for stem, counts in seen.items():
        trimmed: Counter = Counter()
        for word, n in counts.items():
            trimmed[search_text.trim(word)] += n
        word = min(trimmed, key=lambda w: (-trimmed[w], len(w), w))
        if word != stem and not is_synthetic(stem):
            words[stem] = word
    return dict(sorted(words.items()))


def postings(index: dict) -> tuple[list[str], list[list[float]]]:
    """lunr's index as the finder reads it: its terms in order, and for each the case studies holding it and its
    BM25 weight in each (lunr's own weights, field boosts included, summed over the fields), flat as
    [case study, weight, case study, weight, ...]. The browser then reads no field vectors at all: what lunr.js
    would work out on every first use of a term is done here, once."""
    weights = {ref: dict(zip(vector[::2], vector[1::2])) for ref, vector in index["fieldVectors"]}
    terms, lists = [], []
    for term, posting in index["invertedIndex"]:
        total: dict[int, float] = defaultdict(float)
        for field in index["fields"]:
            for ref in posting[field]:
                total[int(ref)] += weights[f"{field}/{ref}"][posting["_index"]]
        terms.append(term)
        lists.append([x for doc in sorted(total) for x in (doc, round(total[doc], 3))])
    return terms, lists


def finder_data(kb: KnowledgeBase, glossary: Glossary | None = None) -> dict:
    """Everything the finder script needs: facets (value slugs in display order), documents, the index as terms
    and postings, the vocabulary (groups of equivalent forms, each its terms joined by spaces) and the words
    behind stems.

    Each document is [case study id, [value numbers of facet 1], [of facet 2], ...], numbers being positions in
    that facet's values, so the table stays small at thousands of case studies.
    """
    all_facets = facets(kb)
    positions = [{v.slug: n for n, v in enumerate(f.values)} for f in all_facets]
    docs = []
    for case in kb.case_studies.values():
        values = facet_values(kb, case)
        docs.append([case.id, *([pos[v] for v in values[f.key]] for f, pos in zip(all_facets, positions))])
    glossary = site_glossary() if glossary is None else glossary
    # One case study at a time, from its text to its counts: the texts and term lists of thousands of case studies
    # are never all held at once.
    seen: dict[str, Counter] = defaultdict(Counter)
    analysed = _each_analysed(_each_document(kb, glossary), seen)
    terms, lists = weighted_postings(analysed, SEARCH_FIELDS)  # the weights postings(_build(...)) would give
    return {
        "version": 2,
        "facets": [{"key": f.key, "values": [v.slug for v in f.values]} for f in all_facets],
        "docs": docs,
        "terms": terms,
        "postings": lists,
        "vocabulary": finder_vocabulary(glossary),
        "synthetic": [CONCEPT, PHRASE],
        "words": index_words(seen),
    }


def finder_script(kb: KnowledgeBase) -> str:
    """The finder data as a script that sets a global, so it loads from file:// where fetch() cannot."""
    data = json.dumps(finder_data(kb), ensure_ascii=False, separators=(",", ":"))
    # JSON is a JavaScript expression, except that these two characters end a line in older engines.
    data = data.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.vcFinderData={data};\n"
