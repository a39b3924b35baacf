"""Related case studies: for one case study, the others sharing most ingredients, trusts and settings.

Each other case study scores 3 if it has the same main ingredient, plus 1 for each ingredient, 2 for each trust and
1 for each setting the two share; those scoring at least MIN_SCORE are ranked by score, then by title and id (the
collection's order). The whole collection is scored at once: each ingredient, trust and setting has a bitset of the
case studies that have it (bit i is the i-th case study in that order), a case study's scores are added up in
bit-sliced form (plane j holds bit j of every score), and the best are read off score by score, lowest bit first.
So the work for one case study is a fixed number of operations on bitsets, whatever the size of the collection:
no loop over the other case studies, and no record compared with another.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from valued_care.data.model import CaseStudy

MIN_SCORE = 3
SAME_MAIN_INGREDIENT, PER_INGREDIENT, PER_TRUST, PER_SETTING = 3, 1, 2, 1


def _bitset(positions: list[int], size: int) -> int:
    """An int with the given bits set, made in one pass (or-ing bits into a growing int would be quadratic)."""
    raw = bytearray((size + 7) // 8)
    for i in positions:
        raw[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(raw, "little")


def _add(planes: list[int], mask: int, weight: int) -> None:
    """Add `weight` to the score of every case study in `mask`; planes[j] holds bit j of each score."""
    for j in range(weight.bit_length()):
        if not weight >> j & 1:
            continue
        carry, k = mask, j
        while carry:
            if k == len(planes):
                planes.append(0)
            plane = planes[k]
            planes[k], carry = plane ^ carry, plane & carry
            k += 1


class RelatedIndex:
    """Bitsets of the case studies by main ingredient, ingredient, trust and setting, made once per collection."""

    def __init__(self, cases: Iterable[CaseStudy]):
        self.cases = sorted(cases, key=lambda c: (c.title.lower(), c.id))
        self.position = {c.id: i for i, c in enumerate(self.cases)}
        self.everyone = (1 << len(self.cases)) - 1
        members: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, case in enumerate(self.cases):
            members[("main", case.primary_ingredient)].append(i)
            for key, values in (("ingredient", case.ingredients), ("trust", case.trusts), ("setting", case.settings)):
                for value in dict.fromkeys(values):
                    members[(key, value)].append(i)
        self.masks = {key: _bitset(found, len(self.cases)) for key, found in members.items()}

    def _weights(self, case: CaseStudy) -> list[tuple[int, int]]:
        get = self.masks.get
        weights = [(SAME_MAIN_INGREDIENT, get(("main", case.primary_ingredient), 0))]
        for key, values, weight in (("ingredient", case.ingredients, PER_INGREDIENT),
                                    ("trust", case.trusts, PER_TRUST), ("setting", case.settings, PER_SETTING)):
            weights += [(weight, get((key, value), 0)) for value in dict.fromkeys(values)]
        return weights

    def related(self, case: CaseStudy, limit: int) -> list[CaseStudy]:
        weights = self._weights(case)
        planes: list[int] = []
        for weight, mask in weights:
            _add(planes, mask, weight)
        others = self.everyone & ~(1 << self.position[case.id]) if case.id in self.position else self.everyone
        found: list[CaseStudy] = []
        for score in range(sum(w for w, _ in weights), MIN_SCORE - 1, -1):
            if len(found) >= limit:
                break
            hits = others
            for j, plane in enumerate(planes):
                hits &= plane if score >> j & 1 else ~plane
            if score >> len(planes):
                hits = 0
            while hits and len(found) < limit:  # lowest bit first: title order
                low = hits & -hits
                found.append(self.cases[low.bit_length() - 1])
                hits ^= low
        return found
