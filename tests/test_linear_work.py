"""Builds that stay linear: the work done for each case study stays the same from 500 to 5,000 case studies.

Nothing here is timed. Work is counted: every Python and built-in function call made while a generator runs
(cProfile counts them), divided by the number of case studies. A step that compares each case study with every other
(related case studies scored one pair at a time, a list filtered with `not in` another list) makes that count grow
tenfold from 500 to 5,000; a linear one keeps it flat. The collections are synthetic: copies of the real case
studies with ingredients, trusts and settings drawn at random (scripts/benchmark_build.py times whole builds).

Related case studies are scored with bitsets (valued_care/data/related.py): a fixed number of calls per case
study, each on an integer of one bit per case study, so the machine work inside each call still grows with the
collection, 64 case studies a word (0.1 s for all 5,000 case studies).
"""
from __future__ import annotations

import cProfile
import pstats
import random

import pytest

from conftest import ROOT
from valued_care import urls
from valued_care.data.kinds import KINDS
from valued_care.data.knowledge_base import KnowledgeBase
from valued_care.data.loader import load_knowledge_base
from valued_care.site import self_assessment
from valued_care.site.pages import RECORD_PAGES, PageBuilder
from valued_care.vocabulary import SETTINGS

SIZES = (500, 5000)
FLAT = 1.25  # calls per case study at 5,000 at most this many times those at 500


@pytest.fixture(scope="module")
def real() -> KnowledgeBase:
    return load_knowledge_base(ROOT / "data")


def synthetic(real: KnowledgeBase, size: int, seed: int = 16) -> KnowledgeBase:
    """`size` copies of the real case studies, each with ingredients, trusts and settings drawn at random."""
    rng = random.Random(seed)
    originals = list(real.case_studies.values())
    trusts, ingredients, settings = sorted(real.trusts), sorted(real.ingredients), sorted(SETTINGS)
    cases = {}
    for k in range(size):
        base, main = originals[k % len(originals)], rng.choice(ingredients)
        case = base.model_copy(update={
            "id": f"{base.id}-s{k}", "title": f"{base.title} ({k})",
            "trusts": rng.sample(trusts, rng.choice((1, 1, 1, 2))), "primary_ingredient": main,
            "other_ingredients": rng.sample([i for i in ingredients if i != main], rng.randint(0, 3)),
            "settings": rng.sample(settings, rng.randint(1, 2))})
        cases[case.id] = case
    records = {kind.folder: dict(getattr(real, kind.folder)) for kind in KINDS}
    records.update(case_studies=cases, pathways={})  # the real pathways name real case studies
    return KnowledgeBase.from_records(records)


@pytest.fixture(scope="module")
def collections(real) -> dict[int, KnowledgeBase]:
    return {size: synthetic(real, size) for size in SIZES}


def calls(work, *args) -> int:
    """How many function calls (Python and built-in) work(*args) makes."""
    profiler = cProfile.Profile()
    profiler.runcall(work, *args)
    return sum(ncalls for _, ncalls, *_ in pstats.Stats(profiler).stats.values())  # type: ignore[attr-defined]


def per_case_study(collections, work) -> dict[int, float]:
    return {size: calls(work, kb) / size for size, kb in collections.items()}


def assert_flat(found: dict[int, float]) -> None:
    small, large = found[SIZES[0]], found[SIZES[-1]]
    assert large <= FLAT * small, f"calls per case study: {small:.0f} at {SIZES[0]}, {large:.0f} at {SIZES[-1]}"


def all_related(kb: KnowledgeBase) -> None:
    for case in kb.case_studies.values():
        kb.related_case_studies(case)


def every_look_up(kb: KnowledgeBase) -> None:
    """Every look-up a page makes, once for each record that has a page."""
    for ing in kb.ingredients:
        kb.case_studies_for(ing, primary_only=True), kb.other_case_studies_for(ing)
        kb.stories_for_ingredient(ing), kb.resources_for(ing), kb.pathway_places("chapter", ing)
    for trust in kb.trusts:
        kb.case_studies_of_trust(trust), kb.case_studies_of_lineage(trust), kb.stories_of_trust(trust)
    for setting in SETTINGS:
        kb.case_studies_in_setting(setting)
    for case in kb.case_studies.values():
        kb.pathway_places("case-study", case.id)
        for trust in case.trusts:
            kb.stories_of_trust(trust)


def record_pages(kb: KnowledgeBase, folder: str, records) -> None:
    """The pages of some records of one kind, made as PageBuilder.record_pages makes them."""
    builder, spec = PageBuilder(kb), RECORD_PAGES[folder]
    kind = next(k for k in KINDS if k.folder == folder)
    for record in records:
        builder.page(spec.template, kind.page(record.id), spec.title(record) if spec.title else record.title, None,
                     meta=spec.meta(kb, record) if spec.meta else None,
                     **{spec.name: record, **(spec.context(kb, record) if spec.context else {})}).render()


def listing_pages(kb: KnowledgeBase) -> None:
    """Every page that lists case studies: the chapters, the trusts and the settings."""
    record_pages(kb, "ingredients", kb.ingredients.values())
    record_pages(kb, "trusts", kb.trusts.values())
    builder = PageBuilder(kb)
    for slug, label in SETTINGS.items():
        builder.page("setting.html.j2", urls.setting(slug), label, None, slug=slug, label=label).render()


def test_related_case_studies_are_the_best_scored_ties_by_title(collections):
    kb = collections[SIZES[0]]
    for case in list(kb.case_studies.values())[:60]:
        scored = []
        for other in kb.case_studies.values():
            score = (3 * (other.primary_ingredient == case.primary_ingredient)
                     + len(set(case.ingredients) & set(other.ingredients))
                     + 2 * len(set(case.trusts) & set(other.trusts))
                     + len(set(case.settings) & set(other.settings)))
            if other.id != case.id and score >= 3:
                scored.append((-score, other.title.lower(), other.id))
        assert [c.id for c in kb.related_case_studies(case)] == [rid for *_, rid in sorted(scored)[:4]]


def test_related_case_studies_cost_the_same_per_case_study_at_any_size(collections):
    assert_flat(per_case_study(collections, all_related))


def test_look_ups_and_the_planners_data_cost_the_same_per_case_study(collections):
    assert_flat(per_case_study(collections, every_look_up))
    assert_flat(per_case_study(collections, self_assessment.data_script))


def test_listing_pages_cost_the_same_per_case_study_listed(collections):
    assert_flat(per_case_study(collections, listing_pages))


def test_a_case_study_page_costs_the_same_in_any_collection(collections):
    sample = {size: [kb.case_studies[rid] for rid in list(kb.case_studies)[:40]] for size, kb in collections.items()}
    found = {size: calls(record_pages, kb, "case_studies", sample[size]) for size, kb in collections.items()}
    assert found[SIZES[-1]] <= FLAT * found[SIZES[0]], found
