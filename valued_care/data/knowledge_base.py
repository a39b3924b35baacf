"""The loaded, cross-checked data with the look-ups that pages, search, PDF and exports share."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from valued_care.data.kinds import KINDS, Kind
from valued_care.data.model import CaseStudy, Ingredient, Pathway, Resource, Source, TheoryReview, Trust, TrustStory
from valued_care.vocabulary import SOURCE_TYPES


@dataclass
class KnowledgeBase:
    # One field per kind, in the kinds table's order (kinds.py); from_records fills them all.
    ingredients: dict[str, Ingredient]
    theory: dict[str, TheoryReview]
    case_studies: dict[str, CaseStudy]
    trust_stories: dict[str, TrustStory]
    trusts: dict[str, Trust]
    resources: dict[str, Resource]
    pathways: dict[str, Pathway]
    _by_ingredient: dict[str, list[CaseStudy]] = field(default_factory=dict, repr=False)
    _by_trust: dict[str, list[CaseStudy]] = field(default_factory=dict, repr=False)

    @classmethod
    def from_records(cls, records: dict[str, dict], kinds: tuple[Kind, ...] = KINDS) -> KnowledgeBase:
        """One field per kind of the kinds table, each sorted by its kind's order. A kind with no field here is a
        TypeError, so a kind can never be checked and then silently dropped."""
        kb = cls(**{kind.folder: _sorted(records[kind.folder], kind, records) for kind in kinds})
        case_studies = kb.case_studies
        by_ingredient, by_trust = defaultdict(list), defaultdict(list)
        for case in case_studies.values():
            for slug in case.ingredients:
                by_ingredient[slug].append(case)
            for trust in case.trusts:
                by_trust[trust].append(case)
        kb._by_ingredient, kb._by_trust = dict(by_ingredient), dict(by_trust)
        return kb

    def case_studies_for(self, ingredient: str, primary_only: bool = False) -> list[CaseStudy]:
        found = self._by_ingredient.get(ingredient, [])
        return [c for c in found if c.primary_ingredient == ingredient] if primary_only else list(found)

    def case_studies_of_trust(self, trust: str) -> list[CaseStudy]:
        return list(self._by_trust.get(trust, []))

    def lineage(self, trust: str) -> list[Trust]:
        """The trust, the trust it merged into, and the trusts that merged into it: one organisation's history."""
        found = [self.trusts[trust]]
        successor = self.trusts[trust].merged_into
        if successor:
            found.append(self.trusts[successor])
        found += [t for t in self.trusts.values() if t.merged_into == trust]
        return found

    def case_studies_of_lineage(self, trust: str) -> list[CaseStudy]:
        return [case for t in self.lineage(trust) for case in self.case_studies_of_trust(t.id)]

    def case_studies_in_setting(self, setting: str) -> list[CaseStudy]:
        return [c for c in self.case_studies.values() if setting in c.settings]

    def stories_of_trust(self, trust: str) -> list[TrustStory]:
        return [s for s in self.trust_stories.values() if s.trust == trust]

    def stories_for_ingredient(self, ingredient: str) -> list[TrustStory]:
        return [s for s in self.trust_stories.values() if ingredient in s.ingredients]

    def resources_for(self, ingredient: str) -> list[Resource]:
        return [r for r in self.resources.values() if ingredient in r.ingredients]

    def theory_references(self, ingredient: str) -> list[Resource]:
        review = self.theory.get(ingredient)
        return [self.resources[r] for r in review.references] if review else []

    def case_study_ingredients(self, case: CaseStudy) -> list[Ingredient]:
        return [self.ingredients[i] for i in case.ingredients]

    def related_case_studies(self, case: CaseStudy, limit: int = 4) -> list[CaseStudy]:
        """Case studies sharing most ingredients, trusts and settings, so a reader can follow a thread."""
        mine = set(case.ingredients)
        scored = []
        for other in self.case_studies.values():
            if other.id == case.id:
                continue
            score = (3 * (other.primary_ingredient == case.primary_ingredient)
                     + len(mine & set(other.ingredients))
                     + 2 * len(set(case.trusts) & set(other.trusts))
                     + len(set(case.settings) & set(other.settings)))
            if score >= 3:
                scored.append((-score, other.title.lower(), other.id))
        # Ids, unique, end every key: records themselves are never compared (two titles may differ only in case).
        return [self.case_studies[rid] for *_, rid in sorted(scored)[:limit]]

    def pathway_places(self, kind: str, rid: str) -> list[tuple[Pathway, int]]:
        """Each reader pathway that has this record as a step, with the step's index, so its page can link onwards."""
        return [(path, i) for path in self.pathways.values()
                for i, step in enumerate(path.steps) if (step.kind, step.id) == (kind, rid)]

    @staticmethod
    def strongest_source(sources: list[Source]) -> str:
        order = list(SOURCE_TYPES)
        return min((s.type for s in sources), key=order.index)


def _sorted(items: dict, kind: Kind, records: dict) -> dict:
    """The records of one kind in the kind's order, ties broken by id (records themselves are never compared)."""
    return dict(sorted(items.items(), key=lambda item: (kind.order(item[1], records), item[0])))
