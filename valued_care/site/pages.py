"""Generated pages: the knowledge base -> {docs-relative path: GeneratedPage}. No MkDocs here.

Each page is Markdown from a template in templates/pages/ (name.md.j2) or, for the pages that grow with the
collection, HTML (name.html.j2: see html_page.py), with YAML front matter written by yaml.safe_dump (values
HTML-escaped because the theme prints meta values without escaping).
"""
from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any

import yaml
from markupsafe import Markup, escape

from valued_care import urls
from valued_care.data.kinds import KINDS
from valued_care.data.knowledge_base import KnowledgeBase
from valued_care.data.model import Reviewed
from valued_care.render import html_link, markdown_env, md_link, page_html_env, relative, web_href, web_link
from valued_care.site import glossary_page, search_meta, self_assessment, topics
from valued_care.site.downloads import Downloads
from valued_care.site.glossary_markup import GlossaryWords
from valued_care.site.html_page import Headings
from valued_care.site.listing import CaseEntries
from valued_care.site.search_index import facets
from valued_care.site.search_vocabulary import site_glossary
from valued_care.vocabulary import SETTINGS


@dataclass(frozen=True)
class GeneratedPage:
    """A page, known by its path before its text is made: its text is rendered when first asked for, so a build can
    list every page, then share the rendering out (site/build.py: write_site)."""
    path: str
    render: Callable[[], str] = field(repr=False, compare=False)  # its text: front matter, then the body
    source: str | None  # the data file it is built from, for edit links
    html: bool = False  # written as HTML (a .html.j2 template): shown as it is, without Markdown

    @cached_property
    def text(self) -> str:
        """Front matter, then the body: Markdown, or HTML if `html`."""
        return self.render()


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's, where PyYAML has it: the same YAML, faster


def _front_matter(title: str, description: str | None, reviewed=None, next_review=None, **extra) -> str:
    meta = {"title": html.escape(title, quote=True), "render_macros": False}
    if description:
        meta["description"] = html.escape(" ".join(description.split()), quote=True)
    if reviewed:
        meta["last_reviewed"] = reviewed.isoformat()
        meta["next_review"] = next_review.isoformat()
    meta.update(extra)
    return "---\n" + yaml.dump(meta, Dumper=_DUMPER, sort_keys=False, allow_unicode=True) + "---\n\n"


@dataclass(frozen=True)
class RecordPage:
    """How one kind's record pages differ from the plain default: the name the template knows the record by, and
    optional title, description, extra context and front matter, each worked out from the record."""
    name: str
    template: str | None = None
    title: Callable[[Any], str] | None = None
    description: Callable[[Any], str] | None = None
    context: Callable[[KnowledgeBase, Any], dict] | None = None
    meta: Callable[[KnowledgeBase, Any], dict] | None = None


RECORD_PAGES = {
    "ingredients": RecordPage("ingredient", "ingredient.html.j2", title=lambda r: f"{r.number}. {r.title}",
                              meta=lambda kb, r: search_meta.chapter(r)),
    "theory": RecordPage("review", "theory.md.j2", context=lambda kb, r: {"ingredient": kb.ingredients[r.id]},
                         meta=search_meta.theory),
    "case_studies": RecordPage("case", "case_study.html.j2", meta=search_meta.case_study),
    "trust_stories": RecordPage("story", "trust_story.md.j2", context=lambda kb, r: {"trust": kb.trusts[r.trust]},
                                meta=search_meta.trust_story),
    "trusts": RecordPage("trust", "trust.html.j2", title=lambda r: r.name,
                         description=lambda r: f"Case studies and improvement stories from {r.name}."),
    "pathways": RecordPage("pathway", "pathway.md.j2", title=lambda r: f"Reading pathway: {r.title}",
                           meta=lambda kb, r: {"template": "pathway.html"}),
}


class PageBuilder:
    def __init__(self, kb: KnowledgeBase, downloads: Downloads | None = None, directory_urls: bool = True):
        self.kb = kb
        self.downloads = downloads or Downloads()  # the built PDFs the pages link to; none if not built
        self.directory_urls = directory_urls  # how MkDocs will serve pages: links in HTML pages are written final
        self.glossary_words = GlossaryWords(site_glossary())
        self.case_entries = CaseEntries(kb)  # every list's entries, their words worked out once per case study

    def _render(self, template: str, path: str, **context) -> str:
        if template.endswith(".html.j2"):
            return self._render_html(template, path, **context)
        link = partial(self._link, path)
        return markdown_env().get_template(template).render(
            kb=self.kb, page_path=path, link=link, downloads=self.downloads, html_part=partial(self._html_part, path),
            **context)

    def _html_part(self, path: str, macro: str, *args) -> Markup:
        """A piece of _parts.html.j2 for a Markdown page (a raw HTML block there), with links from that page."""
        parts = page_html_env().get_template("_parts.html.j2").make_module(self._html_context(path))
        return Markup(getattr(parts, macro)(*args))

    def _render_html(self, template: str, path: str, **context) -> str:
        """A page written as HTML: links are final URLs (as MkDocs would write them), reading text is marked for
        the glossary (glossary_markup.FirstUseText) and headings get the ids Markdown's toc would give them."""
        return page_html_env().get_template(template).render(**self._html_context(path), **context)

    def _html_context(self, path: str) -> dict:
        def href(to: str, anchor: str = "") -> Markup:
            return escape(urls.href(path, to, self.directory_urls, anchor))

        def link(text, to: str, anchor: str = "") -> Markup:
            if to.startswith(("https://", "http://")):
                return html_link(text, web_href(to))
            return html_link(text, href(to, anchor))

        glossary = None if path == glossary_page.PAGE else href(glossary_page.PAGE)
        return {"kb": self.kb, "page_path": path, "link": link, "href": href, "downloads": self.downloads,
                "prose": self.glossary_words.marker(glossary), "heading": Headings(),
                "case_entry": self.case_entries.entry}

    @staticmethod
    def _link(from_path: str, text, to_path: str, anchor: str = "") -> Markup:
        if to_path.startswith(("https://", "http://")):
            return web_link(text, to_path)
        return md_link(text, relative(from_path, to_path) + (f"#{anchor}" if anchor else ""))

    def page(self, template: str, path: str, title: str, description: str | None, source: str | None = None,
             record=None, meta: Callable[[], dict] | dict | None = None, later: Callable[[], dict] | None = None,
             **context) -> GeneratedPage:
        """A page to be rendered from template with context. meta: more front matter, or a function that works it
        out; later: a function giving more context. Both are called only when the page is rendered."""
        return GeneratedPage(path, partial(self._text, template, path, title, description, record, meta, later,
                                           context), source, html=template.endswith(".html.j2"))

    def _text(self, template: str, path: str, title: str, description: str | None, record, meta, later,
              context) -> str:
        extra = meta() if callable(meta) else meta
        front = _front_matter(title, description, getattr(record, "last_reviewed", None),
                              getattr(record, "next_review", None), **(extra or {}))
        return front + self._render(template, path, title=title, record=record, **context, **(later() if later else {}))

    def record_pages(self) -> Iterator[GeneratedPage]:
        """A page for each record of each kind that has its own page (kinds.py), laid out as RECORD_PAGES says or,
        for a kind not listed there, by the template named for one record (event.md.j2), given it as that name."""
        for kind in KINDS:
            if kind.page is None or "#" in kind.page("x"):  # no page, or a place on another page (resources)
                continue
            spec = RECORD_PAGES.get(kind.folder, RecordPage(kind.one))
            for record in getattr(self.kb, kind.folder).values():
                yield self.page(
                    spec.template or f"{kind.one}.md.j2", kind.page(record.id),
                    spec.title(record) if spec.title else record.title,
                    spec.description(record) if spec.description else getattr(record, "summary", None),
                    urls.data_file(kind.folder, record.id), record if isinstance(record, Reviewed) else None,
                    meta=partial(spec.meta, self.kb, record) if spec.meta else None,
                    **{spec.name: record, **(spec.context(self.kb, record) if spec.context else {})})

    def glossary(self) -> GeneratedPage:
        terms = site_glossary()
        return self.page("glossary.md.j2", glossary_page.PAGE, glossary_page.TITLE, glossary_page.DESCRIPTION,
                         "data/glossary.yml", later=lambda: {"entries": glossary_page.entries(self.kb, terms)},
                         by_id={t.id: t for t in terms.terms}, spellings=terms.spellings,
                         glossary_page=glossary_page.PAGE)

    def all_pages(self) -> dict[str, GeneratedPage]:
        return {p.path: p for p in self.pages()}

    def pages(self) -> Iterator[GeneratedPage]:
        """Every generated page, one at a time: a build of thousands of pages writes each out as it is made and
        never holds them all (site/build.py: write_site); each is rendered only when its text is asked for."""
        kb = self.kb
        yield from self.record_pages()
        for slug, label in SETTINGS.items():
            yield self.page("setting.html.j2", urls.setting(slug), f"Setting: {label}",
                            f"Case studies set in {label.lower()}.", slug=slug, label=label)
        yield from [
            self.page("summary.md.j2", urls.SUMMARY, "The model on two pages",
                      "The model on two pages, for board papers: the nine ingredients in order, with a question "
                      "for the board on each."),
            self.page("ingredients_index.md.j2", urls.INGREDIENTS_INDEX, "The nine ingredients",
                      "The nine ingredients of the valued care in mental health model, in order."),
            self.page("case_studies_index.html.j2", urls.CASE_STUDIES_INDEX, "Case studies",
                      "Every case study, by topic and by its main ingredient.",
                      by_topic=topics.case_studies_by_topic(kb)),
            self.page("finder.html.j2", urls.FINDER, "Find case studies",
                      "Find case studies by ingredient, setting, region, method, source and period, or by words.",
                      later=lambda: {"facets": facets(kb)}, meta=search_meta.FINDER, glossary_page=glossary_page.PAGE),
            self.glossary(),
            self.page("trust_stories_index.md.j2", urls.TRUST_STORIES_INDEX, "Compendium of trust improvement stories",
                      "How NHS mental health trusts started and continued their improvement journeys."),
            self.page("trusts_index.md.j2", urls.TRUSTS_INDEX, "Trusts",
                      "Every trust with a case study or improvement story."),
            self.page("settings_index.md.j2", urls.SETTINGS_INDEX, "Settings",
                      "Case studies by the setting of care they took place in."),
            self.page("resources.html.j2", urls.RESOURCES, "Resources library",
                      "Reports, guides, papers and books behind the model, by ingredient."),
            self.page("downloads.md.j2", urls.DOWNLOADS, "Downloads: PDFs and an offline copy",
                      "The whole book, each chapter and each case study as PDF, and the site to read offline."),
            self.page("pathways_index.md.j2", urls.PATHWAYS_INDEX, "Reading pathways",
                      "Routes through the knowledge base for board members, team leaders and clinicians, experts by "
                      "experience and carers, and improvement leads."),
            self.page("self_assessment.md.j2", urls.SELF_ASSESSMENT, self_assessment.TITLE,
                      self_assessment.DESCRIPTION, later=lambda: {"form": self_assessment.form(kb)},
                      plan_size=self_assessment.PLAN_SIZE, meta=self_assessment.META),
        ]
        yield from topics.topic_pages(kb, self.page)


def generate_pages(kb: KnowledgeBase, downloads: Downloads | None = None,
                   directory_urls: bool = True) -> dict[str, GeneratedPage]:
    return PageBuilder(kb, downloads, directory_urls).all_pages()


def site_nav(kb: KnowledgeBase, nav: list) -> list:
    """mkdocs.yml's navigation with its chapters entry expanded into the nine chapters, from data.

    The navigation stays a fixed handful of entries however many case studies there are, so build time stays
    linear (every page embeds the whole navigation).
    """
    chapters = [{f"{i.number}. {i.title}": urls.ingredient(i.id)} for i in kb.ingredients.values()]
    expanded = []
    for entry in nav:
        title, target = next(iter(entry.items())) if isinstance(entry, dict) else (None, entry)
        if target == urls.INGREDIENTS_INDEX:
            expanded.append({title or "The nine ingredients": [urls.INGREDIENTS_INDEX, *chapters]})
        elif isinstance(target, list):  # a group of the menu (Read, Find, ...): the chapters may be inside it
            expanded.append({title: site_nav(kb, target)})
        else:
            expanded.append(entry)
    return expanded
