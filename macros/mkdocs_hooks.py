"""MkDocs hooks: they only translate. The data is loaded and checked once per build (site_build), the core makes
every page and file (valued_care.site.build), and these events hand them to MkDocs. State shared between the events
of one build lives in one object, made anew at the start of each build."""
from __future__ import annotations

import gc
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc

from macros import site_build
from valued_care import paths, urls
from valued_care.contributors import review
from valued_care.errors import DataInvalid
from valued_care.site import glossary_page, place, search_meta
from valued_care.site.build import SiteSettings, WrittenSite, edit_url, write_site
from valued_care.site.generated_markdown import GeneratedPageMarkdown
from valued_care.site.glossary_markup import GlossaryMarkup
from valued_care.site.html_page import anchor_ids, html_body, table_of_contents
from valued_care.site.pages import site_nav
from valued_care.site.search_vocabulary import site_glossary
from valued_care.template_cache import keep_compiled


class _Build:
    """One build: the knowledge base, the data file behind each generated page, and the URL MkDocs gives each page."""

    def __init__(self, kb):
        self.kb = kb
        # Generated page -> the data file it is edited at (None: an index with no single source). The pages' text
        # is not kept: once written to disk MkDocs reads it from there, and at thousands of pages it is memory.
        self.sources: dict[str, str | None] = {}
        # Generated pages written as HTML: shown as they are, not as Markdown, and read from disk only while MkDocs
        # writes them (html_body), so thousands of them are not all held in memory at once.
        self.html_pages: set[str] = set()
        self.held_html: dict[str, str] = {}  # such a page's body, from its Markdown event to its content event
        self.page_urls: dict[str, str] = {}
        self.highlighted = None  # the menu entry marked for the page being rendered (place.py)
        self.glossary_markup = GlossaryMarkup(site_glossary())  # told each page before it is rendered
        self.generated_markdown = GeneratedPageMarkdown()  # told too: generated pages use less of Markdown


class ValuedCareHooks:
    def __init__(self):
        self._build: _Build | None = None

    @property
    def build(self) -> _Build:
        if self._build is None:
            raise PluginError("the site's data was not loaded: on_config did not run")
        return self._build

    @build.setter
    def build(self, value: _Build) -> None:
        self._build = value

    def on_config(self, config):
        try:
            self.build = _Build(site_build.load())
        except DataInvalid as err:
            raise PluginError(f"The data has problems; nothing was built.\n{err.report()}") from None
        config.nav = site_nav(self.build.kb, config.nav or [])
        config.markdown_extensions += [self.build.glossary_markup, self.build.generated_markdown]
        return config

    def on_page_markdown(self, markdown, page, config, files):
        if page.file.src_uri in self.build.html_pages:  # HTML already: Markdown gets nothing to do
            self.build.held_html[page.file.src_uri] = markdown
            return ""
        glossary = files.get_file_from_path(glossary_page.PAGE)
        self.build.glossary_markup.place(page.url, glossary.url if glossary else None)
        self.build.generated_markdown.place(page.file.src_uri in self.build.sources)
        return markdown

    def on_page_content(self, html, page, config, files):
        """A page written as HTML gets the table of contents and anchors Markdown would have found in it
        (html_page.py); its body is put back only when the page is written (on_page_context)."""
        body = self.build.held_html.pop(page.file.src_uri, None)
        if body is None:
            return html
        page.toc = get_toc(table_of_contents(body))
        page.present_anchor_ids = anchor_ids(body)
        return ""

    def on_files(self, files: Files, config) -> Files:
        settings = SiteSettings(config.site_url or "", config.site_name, config.copyright or "",
                                offline=bool(config.extra.get("offline")), directory_urls=config.use_directory_urls)
        # Every page and file is written to disk as it is made (site_build.ChangedFiles), rewritten only when it
        # changed, so `mkdocs serve --dirty` (make preview) rebuilds only what an edit touched and a build of
        # thousands of pages never holds their texts all at once; MkDocs reads and copies them from there.
        variant = repr(settings)  # the texts differ with the settings: another folder for each
        pages_out = site_build.ChangedFiles("generated-pages", variant)
        files_out = site_build.ChangedFiles("generated-files", variant)
        # share: on two cores, a second process makes and writes half of them (two_processes.py).
        site: WrittenSite = write_site(self.build.kb, settings, paths.BUILD, pages_out.write, files_out.write,
                                       share=True)
        pages_dir, files_dir = pages_out.finish(site.pages), files_out.finish(site.files)
        # Files made earlier into build/ are files of the site, so pages link them and strict mode checks the links.
        for download in site.downloads.files:
            files.append(File(download.path, str(paths.BUILD), config.site_dir, config.use_directory_urls))
        for path in site.pages:
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"docs/{path} would hide a generated page; remove it (its content comes from data/)")
            # Generated pages are listed on index pages, not in the menu (which stays small: every page embeds it);
            # the few the menu does name (site_nav) are found there all the same.
            files.append(File(path, str(pages_dir), config.site_dir, config.use_directory_urls,
                              inclusion=InclusionLevel.NOT_IN_NAV))
        for path in site.files:
            files.append(File(path, str(files_dir), config.site_dir, config.use_directory_urls))
        self.build.sources = {path: page.source for path, page in site.pages.items()}
        self.build.html_pages = {path for path, page in site.pages.items() if page.html}
        return files

    # After every other plugin's on_env, so the theme's filters are all set when its compiled templates are keyed.
    @event_priority(-100)
    def on_env(self, env, config, files):
        return keep_compiled(env, "theme")  # template_cache.py: Material's templates compiled once, not every build

    # Before Material's search plugin (priority 0), which indexes the page's content.
    @event_priority(50)
    def on_page_context(self, context, page, config, nav):
        if page.file.src_uri in self.build.html_pages:
            page.content = html_body(page.file.content_string)
        self.build.page_urls[page.file.src_uri] = page.url
        if page.file.src_uri in self.build.sources:  # edited at its YAML source; generated indexes have none
            page.edit_url = edit_url(config.repo_url, config.edit_uri, self.build.sources[page.file.src_uri])
        else:  # hand-written: review dates from front matter, shown by overrides/partials/source-file.html
            context["vc_review"] = review.docs_page_dates(page.meta)
        self._highlight(page, nav)
        return context

    def _highlight(self, page, nav) -> None:
        """A page outside the menu marks the entry it belongs under as active (and so its group, opened), as
        MkDocs marks the page being rendered; on_post_page clears it again."""
        by_path = {item.file.src_uri: item for item in nav.pages}
        if page.file.src_uri in by_path:
            return
        entry = next((by_path[p] for p in place.menu_entries(page.file.src_uri) if p in by_path), None)
        if entry is not None:
            entry.active = True
            self.build.highlighted = entry

    def on_post_page(self, output, page, config):
        if page.file.src_uri in self.build.html_pages:
            page.content = ""  # written: read again from disk if ever needed
        if self.build.highlighted is not None:
            self.build.highlighted.active = False
            self.build.highlighted = None
        return output

    # After Material's search plugin writes its index (priority 0), before the offline plugin copies it (-100).
    @event_priority(-50)
    def on_post_build(self, config):
        kb = self.build.kb
        if search_meta.compact(kb):
            pages = {urls.case_study(cid) for cid in kb.case_studies}
            search_meta.compact_index_file(Path(config.site_dir) / "search" / "search_index.json",
                                           {url for path, url in self.build.page_urls.items() if path in pages})


def on_shutdown() -> None:
    """The mkdocs command is over and its process ends: nothing it made needs collecting. Python would otherwise
    walk every object left (the pages, the knowledge base) in a last garbage collection as it exits, 0.13 s of a
    3 s build; frozen, they are skipped. Files and pages are all written and closed by now (ChangedFiles and MkDocs
    write each within `with`)."""
    gc.freeze()


_hooks = ValuedCareHooks()
on_config = _hooks.on_config
on_files = _hooks.on_files
on_env = _hooks.on_env
on_page_markdown = _hooks.on_page_markdown
on_page_content = _hooks.on_page_content
on_page_context = _hooks.on_page_context
on_post_page = _hooks.on_post_page
on_post_build = _hooks.on_post_build
