"""The way in by problem: a page for each topic (vocabulary.TOPICS) listing its case studies, and a page of all
topics. No MkDocs here."""
from __future__ import annotations

from collections.abc import Callable

from valued_care import urls
from valued_care.data.knowledge_base import KnowledgeBase
from valued_care.data.model import CaseStudy
from valued_care.vocabulary import TOPICS

INDEX_TITLE = "Case studies by topic"
INDEX_DESCRIPTION = "The problems readers bring, from violence and restraint to waiting times, each with its case studies."


def case_studies_by_topic(kb: KnowledgeBase) -> dict[str, list[CaseStudy]]:
    """Topic slug -> its case studies in the collection's order, for every topic in the vocabulary's order."""
    return {slug: kb.case_studies_about(slug) for slug in TOPICS}


def topic_pages(kb: KnowledgeBase, page: Callable[..., object]) -> list:
    """The index and one page per topic, made by page (PageBuilder.page: template, path, title, description, ...)."""
    by_topic = case_studies_by_topic(kb)
    pages = [page("topics_index.md.j2", urls.TOPICS_INDEX, INDEX_TITLE, INDEX_DESCRIPTION, by_topic=by_topic)]
    for slug, term in TOPICS.items():
        pages.append(page("topic.html.j2", urls.topic(slug), f"Case studies about {term.label.lower()}",
                          term.description, slug=slug, topic=term, cases=by_topic[slug], by_topic=by_topic))
    return pages
