"""Case studies a board could copy (issue 13): most describe the starting problem, and the thin ones say so. The
page, the finder's data and the open data show each case study's depth label."""
from __future__ import annotations

import json
from collections import Counter

MAX_WITHOUT_PROBLEM = 10
MIN_MAIN_INGREDIENT = 5


def test_at_most_ten_case_studies_leave_the_starting_problem_undescribed(real_kb):
    missing = sorted(c.id for c in real_kb.case_studies.values() if not c.problem)
    assert len(missing) <= MAX_WITHOUT_PROBLEM, missing


def test_every_case_study_without_a_described_problem_is_labelled_an_outline(real_kb):
    # A full account needs the problem, concrete actions and what was measured; the model refuses "full" without a
    # problem, and this holds the real data to it.
    assert all(c.depth == "outline" for c in real_kb.case_studies.values() if not c.problem)


def test_every_ingredient_is_the_main_ingredient_of_at_least_five_case_studies(real_kb):
    main = Counter(c.primary_ingredient for c in real_kb.case_studies.values())
    assert {i: main[i] for i in real_kb.ingredients if main[i] < MIN_MAIN_INGREDIENT} == {}


def test_the_page_and_the_open_data_show_the_depth_label(real_kb, tmp_path):
    from valued_care.site.build import SiteSettings, build_site
    from valued_care.vocabulary import DEPTHS

    site = build_site(real_kb, SiteSettings("https://example.org/", "KB"), tmp_path)
    outline = next(c for c in real_kb.case_studies.values() if c.depth == "outline")
    page = site.pages[f"case-studies/{outline.id}.md"].text
    assert DEPTHS["outline"].split()[0] in page.replace("\\", "")
    if not outline.problem:
        assert "public sources do not describe the starting problem" in page.replace("\\", "")
    records = json.loads(site.files["data/case-studies.json"])["records"]
    assert {r["id"]: r["depth"] for r in records} == {c.id: c.depth for c in real_kb.case_studies.values()}
