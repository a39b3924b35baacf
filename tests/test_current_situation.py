"""Each chapter's "current situation in England" is dated, sourced and current (issue 13).

The facts once gave 2016-2023 targets (out-of-area placements ended by 2020/21, an electronic patient record in every
trust by March 2025) as if they still lay ahead. These tests hold the real data to: every fact dated and sourced, no
passed target without its outcome, and something recent in every chapter.
"""
from __future__ import annotations

import re

import pytest

from conftest import ROOT
from valued_care.data.loader import load_knowledge_base

# The year the knowledge base is reviewed against: a target dated before it has passed.
REVIEW_YEAR = 2026
RECENT_YEAR = 2024

YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")
_WHEN = (r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December"
         r"|spring|summer|autumn|winter|Q[1-4]|the end of (?:March |December )?)\s+)?")
# "by 2020/21", "by March 2025", "by the end of March 2021", "by autumn 2025", "by Q3 2025/26": a dated target.
TARGET_YEAR = re.compile(rf"\bby (?:the end of )?{_WHEN}((?:19|20)\d{{2}})\b", re.IGNORECASE)


def passed_target_years(text: str) -> list[int]:
    return [int(year) for year in TARGET_YEAR.findall(text) if int(year) < REVIEW_YEAR]


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base(ROOT / "data")


def facts(kb):
    return [(chapter.id, i, fact) for chapter in kb.ingredients.values()
            for i, fact in enumerate(chapter.current_situation)]


def test_the_target_pattern_finds_passed_dates_and_only_them():
    assert passed_target_years("end placements by 2020/21 at the latest") == [2020]
    assert passed_target_years("a record in every trust by March 2025") == [2025]
    assert passed_target_years("to end the practice by the end of March 2021") == [2021]
    assert passed_target_years("£2.3 billion a year more in real terms by 2023/24") == [2023]
    assert passed_target_years("support teams in all schools by 2029; feedback the norm by 2026") == []
    assert passed_target_years("a review led by Lord Darzi in 2024") == []


def test_every_fact_is_dated_with_a_year(kb):
    undated = [(cid, i, fact.as_of) for cid, i, fact in facts(kb) if not YEAR.search(fact.as_of)]
    assert undated == [], "as_of must say when the fact held, with its year (e.g. 'July 2025')"


def test_every_fact_cites_a_resource_that_exists(kb):
    missing = [(cid, i, fact.source) for cid, i, fact in facts(kb) if fact.source not in kb.resources]
    assert missing == []


def test_no_passed_target_is_given_without_its_outcome(kb):
    stale = [(cid, i, passed_target_years(fact.text)) for cid, i, fact in facts(kb)
             if passed_target_years(fact.text) and not fact.target_status]
    assert stale == [], ("a target whose date has passed needs target and target_status (met, missed, moved, "
                         "replaced or in-progress), never to be shown as current")


def test_every_target_has_a_status(kb):
    assert [(cid, i) for cid, i, fact in facts(kb) if fact.target and not fact.target_status] == []


def test_every_chapter_has_a_fact_from_2024_or_later(kb):
    for chapter in kb.ingredients.values():
        years = [int(y) for fact in chapter.current_situation for y in YEAR.findall(fact.as_of)]
        assert years and max(years) >= RECENT_YEAR, f"{chapter.id}: no fact dated {RECENT_YEAR} or later"


def test_the_10_year_health_plan_is_part_of_the_national_picture(kb):
    chapter = kb.ingredients["national-and-local-context"]
    assert any("10 Year Health Plan" in fact.text for fact in chapter.current_situation)
