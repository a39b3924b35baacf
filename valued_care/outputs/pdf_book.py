"""What each PDF holds (the book, a chapter, a case study), as HTML from templates/pdf/. No WeasyPrint here.

The book has ten chapters: the nine ingredients in order, then the compendium of trust stories. Each case study
appears once, under its main ingredient; the other chapters it shows point to it. A cross-reference points inside
the PDF when its target is in that PDF (printed with a page number), else to the page on the web.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from valued_care import urls
from valued_care.data.knowledge_base import KnowledgeBase
from valued_care.data.model import CaseStudy, Ingredient, Resource, TheoryReview, TrustStory
from valued_care.render import html_env

BOOK_TITLE = "Valued care in mental health"
# Not "from NHS mental health trusts": the model is from a publication (views.MODEL_ORIGIN); the cases are ours.
BOOK_SUBTITLE = "The improvement model, with case studies and trust stories researched from public sources"
STORIES_TITLE = "Compendium of trust improvement stories"
SUMMARY_TITLE = "The model on two pages"


@dataclass(frozen=True)
class Chapter:
    number: int
    id: str  # the ingredient's id, or urls.TRUST_STORIES_CHAPTER for the compendium
    title: str
    summary: str
    ingredient: Ingredient | None = None
    review: TheoryReview | None = None
    case_studies: list[CaseStudy] = field(default_factory=list)  # this is their main ingredient
    also_shown_in: list[CaseStudy] = field(default_factory=list)  # it is one of their other ingredients
    stories: list[TrustStory] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"ch-{self.id}"

    @property
    def is_stories(self) -> bool:
        return self.ingredient is None

    @property
    def web_page(self) -> str:
        return urls.TRUST_STORIES_INDEX if self.is_stories else urls.ingredient(self.id)

    def cited_resources(self, kb: KnowledgeBase) -> list[Resource]:
        """Every resource the chapter cites (theory references, sources of facts, its resources), A to Z."""
        ids = {r.id for r in self.resources}
        if self.review:
            ids.update(self.review.references)
        if self.ingredient:
            ids.update(fact.source for fact in self.ingredient.current_situation)
        return [r for r in kb.resources.values() if r.id in ids]


def chapters(kb: KnowledgeBase) -> list[Chapter]:
    result = []
    for ing in kb.ingredients.values():
        primary = kb.case_studies_for(ing.id, primary_only=True)
        result.append(Chapter(
            number=ing.number, id=ing.id, title=ing.title, summary=ing.summary, ingredient=ing,
            review=kb.theory.get(ing.id), case_studies=primary,
            also_shown_in=kb.other_case_studies_for(ing.id),
            stories=kb.stories_for_ingredient(ing.id), resources=kb.resources_for(ing.id)))
    result.append(Chapter(
        number=len(result) + 1, id=urls.TRUST_STORIES_CHAPTER, title=STORIES_TITLE,
        summary="How NHS mental health trusts started and continued their improvement journeys, in their own "
                "words and those of their regulators.",
        stories=list(kb.trust_stories.values())))
    return result


class Links:
    """Where a cross-reference points: an anchor in this PDF if the target is in it, else its page on the web."""

    def __init__(self, anchors: set[str]):
        self.anchors = anchors

    def _to(self, anchor: str, page: str) -> str:
        return f"#{anchor}" if anchor in self.anchors else urls.web(page)

    def chapter(self, rid: str) -> str:
        page = urls.TRUST_STORIES_INDEX if rid == urls.TRUST_STORIES_CHAPTER else urls.ingredient(rid)
        return self._to(f"ch-{rid}", page)

    def case_study(self, rid: str) -> str:
        return self._to(f"cs-{rid}", urls.case_study(rid))

    def story(self, rid: str) -> str:
        return self._to(f"story-{rid}", urls.trust_story(rid))

    def resource(self, rid: str) -> str:
        return self._to(f"ref-{rid}", urls.resource(rid))


def _anchors(chapter_list: list[Chapter], resources: list[Resource]) -> set[str]:
    anchors = {f"ref-{r.id}" for r in resources}
    for ch in chapter_list:
        anchors.add(ch.anchor)
        anchors.update(f"cs-{c.id}" for c in ch.case_studies)
        if ch.is_stories:
            anchors.update(f"story-{s.id}" for s in ch.stories)
    return anchors


def edition_date(kb: KnowledgeBase) -> dt.date:
    """The date of the newest data: the same data gives the same PDF, whenever it is built."""
    dates = [r.last_reviewed for group in (kb.ingredients, kb.theory, kb.case_studies, kb.trust_stories)
             for r in group.values()]
    dates += [r.added for group in (kb.case_studies, kb.trust_stories) for r in group.values()]
    return max(dates)


@dataclass(frozen=True)
class PdfDoc:
    kind: str  # book, chapter or case-study
    record_id: str | None
    title: str
    path: str  # where it lives in the site (urls.PDF_BOOK, urls.pdf_chapter(), ...)
    html: str


class PdfBook:
    """Renders the HTML of every PDF from one knowledge base."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.chapters = chapters(kb)
        self.edition = edition_date(kb)
        self._chapter_of = {ch.id: ch for ch in self.chapters}

    def _render(self, template: str, anchors: set[str], **context) -> str:
        return html_env().get_template(template).render(
            kb=self.kb, links=Links(anchors), chapter_of=self._chapter_of, book_title=BOOK_TITLE,
            book_subtitle=BOOK_SUBTITLE, **context)

    def book(self) -> PdfDoc:
        resources = list(self.kb.resources.values())
        html = self._render("book.html.j2", _anchors(self.chapters, resources) | {"contents", "references"},
                            chapters=self.chapters, references=resources, edition=self.edition,
                            doc_title=BOOK_TITLE)
        return PdfDoc("book", None, BOOK_TITLE, urls.PDF_BOOK, html)

    def summary(self) -> PdfDoc:
        """The model on two pages, for board papers."""
        html = self._render("summary.html.j2", set(), edition=self.edition, doc_title=f"{SUMMARY_TITLE} ({BOOK_TITLE})")
        return PdfDoc("summary", None, SUMMARY_TITLE, urls.PDF_SUMMARY, html)

    def chapter(self, chapter: Chapter) -> PdfDoc:
        resources = chapter.cited_resources(self.kb)
        title = f"Chapter {chapter.number}: {chapter.title}"
        html = self._render("chapter.html.j2", _anchors([chapter], resources) | {"references"},
                            chapter=chapter, references=resources, edition=self.edition,
                            doc_title=f"{title} ({BOOK_TITLE})")
        return PdfDoc("chapter", chapter.id, title, urls.pdf_chapter(chapter.id), html)

    def case_study(self, case: CaseStudy) -> PdfDoc:
        html = self._render("case_study.html.j2", {f"cs-{case.id}"}, case=case,
                            chapter=self._chapter_of[case.primary_ingredient], edition=case.last_reviewed,
                            doc_title=f"{case.title} ({BOOK_TITLE})")
        return PdfDoc("case-study", case.id, case.title, urls.pdf_case_study(case.id), html)

    def chapter_docs(self) -> Iterator[PdfDoc]:
        return (self.chapter(ch) for ch in self.chapters)

    def case_study_docs(self) -> Iterator[PdfDoc]:
        return (self.case_study(case) for case in self.kb.case_studies.values())
