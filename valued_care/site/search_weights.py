"""The finder's BM25 weights, worked out directly: for each term, the case studies holding it and its weight in each,
the same numbers lunr.py's builder gives (k1 1.2, b 0.75, lunr's idf, each field's weight rounded to three places
and multiplied by its boost, then summed over the fields), without building lunr's index, field vectors and token
set only to read them back. One pass over the analysed documents; tests/test_search_index.py checks that the two
agree on the real data. No MkDocs here.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

K1 = 1.2  # lunr's defaults (lunr.js 2.3.9 and lunr.py alike)
B = 0.75


def weighted_postings(analysed: Iterable[dict], fields: Sequence[tuple[str, int]]
                      ) -> tuple[list[str], list[list[float]]]:
    """`analysed`: documents as {"ref": "0", field: [term, ...], ...}, refs being their positions, in order (each is
    read once, and only its counts are kept). Returns the terms in order and, for each, [case study, weight, case
    study, weight, ...] by case study."""
    counted, lengths = [], []
    for n, doc in enumerate(analysed):
        assert int(doc["ref"]) == n, "documents come in the order of their refs"
        counted.append({name: Counter(doc[name]) for name, _ in fields})  # terms are lower case already
        lengths.append({name: len(doc[name]) for name, _ in fields})
    count = len(counted)
    average = {name: (sum(length[name] for length in lengths) / count if count else 0.0) for name, _ in fields}
    holding: Counter = Counter()  # lunr's idf counts (document, field) pairs holding the term
    for doc_terms in counted:
        for name, _ in fields:
            holding.update(doc_terms[name].keys())
    idf = {term: math.log(1 + abs((count - n + 0.5) / (n + 0.5))) for term, n in holding.items()}
    # Each term's list, [case study, weight, ...], grows in case-study order: one document's weights are summed over
    # its fields (in the fields' order, as lunr sums them), then appended.
    lists: dict[str, list[float]] = defaultdict(list)
    for ref, (doc_terms, length) in enumerate(zip(counted, lengths)):
        weights: dict[str, float] = defaultdict(float)
        for name, boost in fields:
            norm = K1 * (1 - B + B * (length[name] / average[name])) if average[name] else K1 * (1 - B)
            for term, tf in doc_terms[name].items():
                score = idf[term] * ((K1 + 1) * tf) / (norm + tf)
                score *= boost
                weights[term] += round(score, 3)
        for term, weight in weights.items():
            lists[term] += (ref, round(weight, 3))
    terms = sorted(lists)
    return terms, [lists[t] for t in terms]
