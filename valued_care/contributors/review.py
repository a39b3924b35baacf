"""Review dates of every page: records carry last_reviewed and next_review in their data; hand-written pages in
docs/ carry last_reviewed (and optionally next_review) in their front matter. `python -m valued_care overdue` lists the
pages whose next review has passed."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from valued_care import urls
from valued_care.data.kinds import KINDS
from valued_care.data.knowledge_base import KnowledgeBase
from valued_care.data.model import Reviewed

# A hand-written page without its own next_review is due this long after it was last reviewed.
REVIEW_INTERVAL_YEARS = 1


@dataclass(frozen=True)
class ReviewDates:
    page: str  # docs-relative source path, e.g. case-studies/x.md
    title: str
    source: str  # the file to edit: data/.../x.yml or docs/x.md
    last_reviewed: dt.date | None
    next_review: dt.date | None

    def overdue(self, today: dt.date) -> bool:
        return self.next_review is None or self.next_review < today


def _date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def docs_page_dates(meta: dict) -> tuple[dt.date, dt.date] | None:
    """(last reviewed, next review) from a hand-written page's front matter, or None if it has no review date."""
    last = _date(meta.get("last_reviewed"))
    if last is None:
        return None
    return last, _date(meta.get("next_review")) or years_later(last, REVIEW_INTERVAL_YEARS)


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n") or "\n---" not in text[4:]:
        return {}
    meta = yaml.safe_load(text[4:text.index("\n---", 4)])
    return meta if isinstance(meta, dict) else {}


def all_pages(kb: KnowledgeBase, docs: Path) -> list[ReviewDates]:
    pages = []
    for kind in KINDS:
        if not issubclass(kind.model, Reviewed) or kind.page is None:
            continue
        for rid, record in getattr(kb, kind.folder).items():
            pages.append(ReviewDates(kind.page(rid), record.title, urls.data_file(kind.folder, rid),
                                     record.last_reviewed, record.next_review))
    for path in sorted(docs.rglob("*.md")):
        meta = front_matter(path)
        dates = docs_page_dates(meta)
        relative = path.relative_to(docs).as_posix()
        pages.append(ReviewDates(relative, str(meta.get("title") or relative), f"docs/{relative}",
                                 *(dates or (None, None))))
    return pages


def overdue(kb: KnowledgeBase, docs: Path, today: dt.date) -> list[ReviewDates]:
    """Pages past their next review (or with no review date), the longest overdue first."""
    late = [p for p in all_pages(kb, docs) if p.overdue(today)]
    return sorted(late, key=lambda p: (p.next_review or dt.date.min, p.page))
