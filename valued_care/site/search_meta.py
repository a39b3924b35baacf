"""What Material's own search learns from each generated page's front matter. No MkDocs here.

- tags: the ingredients (main one first) and trusts of a page. Material indexes them as a field of their own and
  shows them under each hit, so a reader sees which ingredient a result belongs to. Escaped like every front matter
  value, because Material inserts them into the results as HTML.
- After them, on case studies and trust stories, the glossary's names for the terms the page uses that its own
  words do not contain (search_vocabulary.alias_tags): "OAP" on a page about out-of-area placements, "restraint"
  on one about restrictive practice. Material's search has no vocabulary of its own; these make a reader's word
  find the page, on the web and from file:// alike. (Plurals: scoped-search.js.)
- search.boost: chapters come before the pages that mention them.
- The finder page is left out: it repeats every case study, which the case-study pages already hold.

Material's search has no prebuilt index: on every visit lunr.js indexes all of search_index.json in the browser
before it answers, so its first answer waits on all the text of the site (5 s at 5,000 case studies, measured by
scripts/benchmark_search.py). Above COMPACT_ABOVE case studies, each case study enters it as one entry of its title
and tags (ingredients, trust and settings), 0.9 s at 5,000; the case-study finder, whose index is built ahead,
searches their text.
"""
from __future__ import annotations

import html
import json
from pathlib import Path

from valued_care.data.knowledge_base import KnowledgeBase
from valued_care.data.model import CaseStudy, Ingredient, TheoryReview, TrustStory
from valued_care.site.search_vocabulary import alias_tags, site_glossary
from valued_care.vocabulary import SETTINGS

CHAPTER_BOOST = 2
COMPACT_ABOVE = 1000  # case studies; see the module docstring
FINDER = {"template": "finder.html", "search": {"exclude": True}, "hide": ["toc"]}


def _tags(*names: str) -> dict:
    unique = list(dict.fromkeys(names))
    return {"tags": [html.escape(name, quote=True) for name in unique]}


def chapter(ingredient: Ingredient) -> dict:
    return {"search": {"boost": CHAPTER_BOOST}, **_tags(ingredient.title)}


def theory(kb: KnowledgeBase, review: TheoryReview) -> dict:
    return _tags(kb.ingredients[review.id].title)


def compact(kb: KnowledgeBase) -> bool:
    return len(kb.case_studies) > COMPACT_ABOVE


def case_study(kb: KnowledgeBase, case: CaseStudy) -> dict:
    # Settings are in the page text, which a compact index drops: then they become tags too.
    settings = [SETTINGS[s] for s in case.settings] if compact(kb) else []
    text = [case.title, case.summary, case.problem or "", *case.what_they_did, *(o.text for o in case.outcomes),
            *case.lessons]
    return _tags(*(i.title for i in kb.case_study_ingredients(case)), *(kb.trusts[t].label for t in case.trusts),
                 *settings, *alias_tags(site_glossary(), " ".join(text)))


def trust_story(kb: KnowledgeBase, story: TrustStory) -> dict:
    text = [story.title, story.summary, *story.before, *story.what_they_did, *story.what_changed, *story.lessons]
    return _tags(*(kb.ingredients[i].title for i in story.ingredients), kb.trusts[story.trust].label,
                 *alias_tags(site_glossary(), " ".join(text)))


def compact_index(index: dict, case_study_urls: set[str]) -> dict:
    """Material's search index with each case-study page cut to one entry: its title and tags, no text."""
    docs = []
    for doc in index["docs"]:
        page, _, section = doc["location"].partition("#")
        if page in case_study_urls:
            if section:
                continue
            doc = {**doc, "text": ""}
        docs.append(doc)
    return {**index, "docs": docs}


def compact_index_file(path: Path, case_study_urls: set[str]) -> None:
    index = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(compact_index(index, case_study_urls), separators=(",", ":")), encoding="utf-8")
