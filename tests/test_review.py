"""Review dates: hand-written pages from front matter, records from data; the overdue command lists what is late."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys

from conftest import GOOD, ROOT
from valued_care.contributors import review
from valued_care.data.loader import load_knowledge_base


def test_hand_written_page_is_due_a_year_after_review_unless_it_says():
    assert review.docs_page_dates({"last_reviewed": dt.date(2026, 11, 26)}) == (dt.date(2026, 11, 26),
                                                                                dt.date(2027, 11, 26))
    assert review.docs_page_dates({"last_reviewed": "2026-01-05", "next_review": "2026-06-01"}) == (
        dt.date(2026, 1, 5), dt.date(2026, 6, 1))
    assert review.docs_page_dates({"title": "No date"}) is None
    assert review.docs_page_dates({"last_reviewed": "soon"}) is None


def test_overdue_lists_late_records_and_pages_longest_overdue_first(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "fresh.md").write_text("---\ntitle: Fresh\nlast_reviewed: 2027-06-01\n---\n\n# Fresh\n")
    (docs / "stale.md").write_text("---\ntitle: Stale\nlast_reviewed: 2024-01-01\n---\n\n# Stale\n")
    (docs / "undated.md").write_text("# No front matter\n")
    kb = load_knowledge_base(GOOD)
    late = review.overdue(kb, docs, dt.date(2027, 12, 1))
    sources = [p.source for p in late]
    assert sources[0] == "docs/undated.md"  # never reviewed comes first
    assert sources[1] == "docs/stale.md"
    assert "data/case_studies/example-case.yml" in sources  # next_review 2027-11-26
    assert "docs/fresh.md" not in sources
    assert review.overdue(kb, docs, dt.date(2026, 12, 1)) == [p for p in late if p.source in
                                                              ("docs/undated.md", "docs/stale.md")]


def test_overdue_command(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.md").write_text("---\ntitle: A page\nlast_reviewed: 2026-11-26\n---\n")
    run = subprocess.run([sys.executable, "-m", "valued_care", "overdue", "--today", "2027-11-27", "--data", str(GOOD),
                          "--docs", str(docs)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "due 2027-11-26" in run.stdout and "docs/page.md  (A page)" in run.stdout
    assert "data/case_studies/example-case.yml" in run.stdout
    assert run.stdout.strip().endswith("overdue for review on 2027-11-27")


def test_every_hand_written_page_has_a_review_date():
    undated = [p.source for p in review.all_pages(load_knowledge_base(GOOD), ROOT / "docs") if p.last_reviewed is None]
    assert undated == [], "add last_reviewed: YYYY-MM-DD to the front matter of these pages"
