"""What's new: the newest case studies by the date they were added (the `added` field), as an Atom feed.

The feed is rendered from templates/feed/atom.xml.j2 with autoescaping on, so contributor text is XML-escaped.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

import jinja2

from valued_care import urls
from valued_care.data.knowledge_base import KnowledgeBase
from valued_care.data.model import CaseStudy, Ingredient, Trust
from valued_care.outputs.export import permalink
from valued_care.paths import TEMPLATES

FEED = "feed.xml"
WHATS_NEW = "whats-new.md"
FEED_LENGTH = 20


@dataclass(frozen=True)
class Entry:
    case: CaseStudy
    url: str
    added: str  # RFC 3339, midnight UTC of the day added
    trusts: list[Trust]
    ingredients: list[Ingredient]


def newest(kb: KnowledgeBase, limit: int = FEED_LENGTH) -> list[CaseStudy]:
    """Newest first; on the same day, by title, so the order is the same on every build."""
    ordered = sorted(kb.case_studies.values(), key=lambda c: c.title.lower())
    return sorted(ordered, key=lambda c: c.added, reverse=True)[:limit]


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def atom(kb: KnowledgeBase, site_url: str, site_name: str, rights: str = "", limit: int = FEED_LENGTH) -> str:
    cases = newest(kb, limit)
    entries = [Entry(c, permalink(site_url, urls.case_study(c.id)), _stamp(c.added), [kb.trusts[t] for t in c.trusts],
                     kb.case_study_ingredients(c)) for c in cases]
    updated = _stamp(max((c.added for c in cases), default=dt.date(2000, 1, 1)))
    return _env().get_template("atom.xml.j2").render(
        entries=entries, updated=updated, site_name=site_name, rights=rights,
        feed_url=permalink(site_url, "index.md") + FEED, whats_new_url=permalink(site_url, WHATS_NEW))


@cache
def _env() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES / "feed"), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
