"""The loaded, cross-checked data with the look-ups that pages, search, PDF and exports share.

Every look-up reads an index made once, in one pass over the records, when the knowledge base is made: asking for
the case studies of an ingredient, trust or setting, the stories of a trust or the related case studies of one case
study costs the same however many records there are (beyond the length of the answer), so a page per record keeps
the whole build linear in the records.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from valued_care.data.kinds import KINDS, Kind
from valued_care.data.model import CaseStudy, Ingredient, Pathway, Resource, Source, TheoryReview, Trust, TrustStory
from valued_care.data.related import RelatedIndex
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
    _index: _Index = field(init=False, repr=False, compare=False)

    @classmethod
    def from_records(cls, records: dict[str, dict], kinds: tuple[Kind, ...] = KINDS) -> KnowledgeBase:
        """One field per kind of the kinds table, each sorted by its kind's order. A kind with no field here is a
        TypeError, so a kind can never be checked and then silently dropped."""
        return cls(**{kind.folder: _sorted(records[kind.folder], kind, records) for kind in kinds})

    def __post_init__(self) -> None:
        self._index = _Index(self)

    def case_studies_for(self, ingredient: str, primary_only: bool = False) -> list[CaseStudy]:
        """The case studies showing an ingredient, in the collection's order (primary_only: those whose main
        ingredient it is)."""
        index = self._index.main_ingredient if primary_only else self._index.ingredient
        return list(index.get(ingredient, ()))

    def other_case_studies_for(self, ingredient: str) -> list[CaseStudy]:
        """The case studies showing an ingredient that is not their main one, in the collection's order."""
        return list(self._index.other_ingredient.get(ingredient, ()))

    def case_studies_of_trust(self, trust: str) -> list[CaseStudy]:
        return list(self._index.trust.get(trust, ()))

    def lineage(self, trust: str) -> list[Trust]:
        """The trust, the trust it merged into, and the trusts that merged into it: one organisation's history."""
        found = [self.trusts[trust]]
        successor = self.trusts[trust].merged_into
        if successor:
            found.append(self.trusts[successor])
        found += self._index.merged_into.get(trust, [])
        return found

    def case_studies_of_lineage(self, trust: str) -> list[CaseStudy]:
        return [case for t in self.lineage(trust) for case in self.case_studies_of_trust(t.id)]

    def case_studies_in_setting(self, setting: str) -> list[CaseStudy]:
        return list(self._index.setting.get(setting, ()))

    def case_studies_about(self, topic: str) -> list[CaseStudy]:
        return list(self._index.topic.get(topic, ()))

    def stories_of_trust(self, trust: str) -> list[TrustStory]:
        return list(self._index.story_trust.get(trust, ()))

    def stories_for_ingredient(self, ingredient: str) -> list[TrustStory]:
        return list(self._index.story_ingredient.get(ingredient, ()))

    def resources_for(self, ingredient: str) -> list[Resource]:
        return list(self._index.resource_ingredient.get(ingredient, ()))

    def theory_references(self, ingredient: str) -> list[Resource]:
        review = self.theory.get(ingredient)
        return [self.resources[r] for r in review.references] if review else []

    def case_study_ingredients(self, case: CaseStudy) -> list[Ingredient]:
        return [self.ingredients[i] for i in case.ingredients]

    def related_case_studies(self, case: CaseStudy, limit: int = 4) -> list[CaseStudy]:
        """Case studies sharing most ingredients, trusts and settings, so a reader can follow a thread: scored as
        related.py says, best first, ties by title and id (records themselves are never compared)."""
        if self._index.related is None:  # made on first use: only pages and the PDF ask
            self._index.related = RelatedIndex(self.case_studies.values())
        return self._index.related.related(case, limit)

    def pathway_places(self, kind: str, rid: str) -> list[tuple[Pathway, int]]:
        """Each reader pathway that has this record as a step, with the step's index, so its page can link onwards."""
        return list(self._index.steps.get((kind, rid), ()))

    @staticmethod
    def strongest_source(sources: list[Source]) -> str:
        order = list(SOURCE_TYPES)
        return min((s.type for s in sources), key=order.index)


class _Index:
    """Every look-up of the knowledge base, each made in one pass over the records it lists, in their order."""

    def __init__(self, kb: KnowledgeBase):
        self.ingredient, self.main_ingredient, self.other_ingredient = _groups(
            kb.case_studies.values(), lambda c: c.ingredients, lambda c: [c.primary_ingredient],
            lambda c: c.other_ingredients)
        self.trust, self.setting, self.topic = _groups(kb.case_studies.values(), lambda c: c.trusts,
                                                       lambda c: c.settings, lambda c: c.topics)
        self.story_trust, self.story_ingredient = _groups(kb.trust_stories.values(), lambda s: [s.trust],
                                                          lambda s: s.ingredients)
        (self.resource_ingredient,) = _groups(kb.resources.values(), lambda r: r.ingredients)
        (self.merged_into,) = _groups(kb.trusts.values(), lambda t: [t.merged_into] if t.merged_into else [])
        self.steps: dict[tuple[str, str], list[tuple[Pathway, int]]] = defaultdict(list)
        for path in kb.pathways.values():
            for i, step in enumerate(path.steps):
                self.steps[(step.kind, step.id)].append((path, i))
        self.related: RelatedIndex | None = None


def _groups(records, *keys) -> tuple[dict[str, list], ...]:
    """For each function of keys, the records under each value it gives (a value given twice counts once)."""
    found: tuple[dict[str, list], ...] = tuple(defaultdict(list) for _ in keys)
    for record in records:
        for group, key in zip(found, keys):
            for value in dict.fromkeys(key(record)):
                group[value].append(record)
    return found


def _sorted(items: dict, kind: Kind, records: dict) -> dict:
    """The records of one kind in the kind's order, ties broken by id (records themselves are never compared)."""
    return dict(sorted(items.items(), key=lambda item: (kind.order(item[1], records), item[0])))
