"""Generated pages about the openness of the knowledge base: what's new, open data, contributors.

Built with the same PageBuilder and escaped Markdown templates as the record pages (pages.py).
"""
from __future__ import annotations

from itertools import groupby
from typing import Any

from valued_care.data.knowledge_base import KnowledgeBase
from valued_care.dates import MONTHS
from valued_care.outputs import export, feed
from valued_care.site import credits
from valued_care.site.pages import GeneratedPage, PageBuilder

OPEN_DATA = "open-data.md"
CONTRIBUTORS = "contributors.md"
CONTRIBUTING = "contributing.md"


def generate(kb: KnowledgeBase) -> dict[str, GeneratedPage]:
    builder = PageBuilder(kb)
    links: dict[str, Any] = dict(feed=feed.FEED, open_data=OPEN_DATA, whats_new=feed.WHATS_NEW, contributors_page=CONTRIBUTORS,
                 contributing=CONTRIBUTING)
    cases = feed.newest(kb)
    by_month = groupby(cases, key=lambda c: f"{MONTHS[c.added.month - 1]} {c.added.year}")  # as dates.py words it
    months = [(month, list(group)) for month, group in by_month]
    datasets = [dict(title=d.title, name=d.name, count=len(getattr(kb, d.kind)),
                     json=f"{export.FOLDER}/{d.name}.json", csv=f"{export.FOLDER}/{d.name}.csv",
                     json_schema=f"{export.SCHEMA_FOLDER}/{d.name}.schema.json",
                     csv_schema=f"{export.SCHEMA_FOLDER}/{d.name}.csv.schema.json") for d in export.DATASETS]
    pages = [
        builder.page("whats_new.md.j2", feed.WHATS_NEW, "What's new",
                     "The newest case studies in the knowledge base, newest first.", cases=cases, months=months,
                     **links),
        builder.page("open_data.md.j2", OPEN_DATA, "Open data",
                     "Case studies, trust stories, ingredients, trusts and resources as JSON and CSV, with schemas.",
                     datasets=datasets, **links),
        builder.page("contributors.md.j2", CONTRIBUTORS, "Contributors",
                     "The people and organisations who write this knowledge base.", "CITATION.cff",
                     contributors=credits.contributors(), citation=credits.citation_text(), **links),
    ]
    return {p.path: p for p in pages}
