"""What Material's own search learns from each generated page's front matter. No MkDocs here.

- tags: the ingredients (main one first) and trusts of a page. Material indexes them as a field of their own and
  shows them under each hit, so a reader sees which ingredient a result belongs to. Escaped like every front matter
  value, because Material inserts them into the results as HTML.
- search.boost: chapters come before the pages that mention them.
- The finder page is left out: it repeats every case study, which the case-study pages already hold.
"""
from __future__ import annotations

import html

from .knowledge_base import KnowledgeBase
from .model import CaseStudy, Ingredient, TheoryReview, TrustStory

CHAPTER_BOOST = 2
FINDER = {"template": "finder.html", "search": {"exclude": True}, "hide": ["toc"]}


def _tags(*names: str) -> dict:
    unique = list(dict.fromkeys(names))
    return {"tags": [html.escape(name, quote=True) for name in unique]}


def chapter(ingredient: Ingredient) -> dict:
    return {"search": {"boost": CHAPTER_BOOST}, **_tags(ingredient.title)}


def theory(kb: KnowledgeBase, review: TheoryReview) -> dict:
    return _tags(kb.ingredients[review.id].title)


def case_study(kb: KnowledgeBase, case: CaseStudy) -> dict:
    return _tags(*(i.title for i in kb.case_study_ingredients(case)), *(kb.trusts[t].label for t in case.trusts))


def trust_story(kb: KnowledgeBase, story: TrustStory) -> dict:
    return _tags(*(kb.ingredients[i].title for i in story.ingredients), kb.trusts[story.trust].label)
