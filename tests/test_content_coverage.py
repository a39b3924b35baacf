"""The knowledge base's content is complete and sourced (issue 3's definition of done), checked on the real data."""
from __future__ import annotations

import pytest

from conftest import ROOT
from valued_care.data.loader import load_knowledge_base


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base(ROOT / "data")


def test_nine_chapters_each_with_a_theory_review_of_five_or_more_references(kb):
    assert [i.number for i in kb.ingredients.values()] == list(range(1, 10))
    assert set(kb.theory) == set(kb.ingredients)
    for review in kb.theory.values():
        assert len(review.references) >= 5, review.id


def test_at_least_57_case_studies_covering_every_ingredient(kb):
    assert len(kb.case_studies) >= 57
    for ingredient in kb.ingredients:
        assert len(kb.case_studies_for(ingredient)) >= 4, ingredient
        assert kb.case_studies_for(ingredient, primary_only=True), ingredient


def test_every_case_study_has_a_typed_source_with_a_url(kb):
    for case in kb.case_studies.values():
        assert case.sources, case.id
        for source in case.sources:
            assert source.url.startswith(("https://", "http://")) and source.type, case.id


def test_ten_trust_stories_each_linking_to_a_case_study(kb):
    assert len(kb.trust_stories) == 10
    for story in kb.trust_stories.values():
        assert kb.case_studies_of_lineage(story.trust), f"{story.id} has no case study of its trust to link to"


def test_resources_library_has_forty_entries_across_every_ingredient(kb):
    assert len(kb.resources) >= 40
    for ingredient in kb.ingredients:
        assert kb.resources_for(ingredient), ingredient


def test_every_page_of_data_carries_review_dates(kb):
    for records in (kb.case_studies, kb.trust_stories, kb.ingredients, kb.theory):
        for record in records.values():
            assert record.last_reviewed < record.next_review
