"""The whole site from the knowledge base, in one call: every generated page and every generated file. No MkDocs
here: macros/mkdocs_hooks.py only hands these to MkDocs, so another static-site tool needs only its own glue."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from valued_care import two_processes
from valued_care.data.fingerprint import data_fingerprint
from valued_care.data.knowledge_base import KnowledgeBase
from valued_care.outputs import export, feed
from valued_care.site import open_pages
from valued_care.site.downloads import Downloads
from valued_care.site.pages import GeneratedPage, PageBuilder
from valued_care.site.search_index import SCRIPT_PATH, finder_script
from valued_care.site.self_assessment import DATA_SCRIPT, data_script


@dataclass(frozen=True)
class SiteSettings:
    site_url: str
    site_name: str
    copyright: str = ""
    offline: bool = False  # the offline copy: it ships the PDFs but not itself
    directory_urls: bool = True  # MkDocs's use_directory_urls: pages written as HTML link to final URLs


@dataclass(frozen=True)
class Site:
    pages: dict[str, GeneratedPage]  # docs-relative path -> page (Markdown, or HTML: html_page.py)
    files: dict[str, str]  # site path -> text: open data, feed, the finder's index, the planner's data
    downloads: Downloads  # files made earlier into build/ (PDFs, offline zip), shipped at the same paths


@dataclass(frozen=True)
class WrittenPage:
    source: str | None  # the data file it is built from, for edit links (None: an index with no single source)
    html: bool  # written as HTML: shown as it is, without Markdown


@dataclass(frozen=True)
class WrittenSite:
    """What write_site handed out, besides the texts themselves."""
    pages: dict[str, WrittenPage]  # docs-relative path -> what the glue needs to know of it
    files: list[str]  # site paths
    downloads: Downloads


def build_site(kb: KnowledgeBase, settings: SiteSettings, build_dir: Path) -> Site:
    """The whole site in memory (for tests and tools): what write_site hands out, kept."""
    texts: dict[str, str] = {}
    files: dict[str, str] = {}
    written = write_site(kb, settings, build_dir, texts.__setitem__,
                         lambda path, pieces: files.__setitem__(path, "".join(pieces)))
    pages = {path: GeneratedPage(path, partial(str, texts[path]), page.source, page.html)
             for path, page in written.pages.items()}
    return Site(pages, files, written.downloads)


def write_site(kb: KnowledgeBase, settings: SiteSettings, build_dir: Path, write_page: Callable[[str, str], None],
               write_file: Callable[[str, Iterable[str]], None], share: bool = False) -> WrittenSite:
    """The same site, each page handed to write_page (path, text) and each file to write_file (path, its text in
    pieces), each made only when it is written, so a build of thousands of pages never holds their texts all at
    once. share: half the pages and files are made and written by a second process where the machine allows it
    (two_processes.py); only for writers that write to disk, as the second process's memory is lost with it."""
    downloads = _downloads(kb, settings, build_dir)
    pages: dict[str, WrittenPage] = {}
    files: list[str] = []
    jobs: list[Callable[[], None]] = []
    for page in site_pages(kb, settings, downloads):
        pages[page.path] = WrittenPage(page.source, page.html)
        jobs.append(partial(_write_page, write_page, page))
    for path, pieces in site_files(kb, settings):
        files.append(path)
        jobs.append(partial(_write_file, write_file, path, pieces))
    two_processes.run_all(jobs, share)
    return WrittenSite(pages, files, downloads)


def _write_page(write_page: Callable[[str, str], None], page: GeneratedPage) -> None:
    write_page(page.path, page.render())  # render(), not text: the text is not kept once written


def _write_file(write_file: Callable[[str, Iterable[str]], None], path: str,
                pieces: Callable[[], Iterable[str]]) -> None:
    write_file(path, pieces())


def _downloads(kb: KnowledgeBase, settings: SiteSettings, build_dir: Path) -> Downloads:
    return Downloads.from_build(build_dir, data_fingerprint(kb), offline_build=settings.offline)


def site_pages(kb: KnowledgeBase, settings: SiteSettings, downloads: Downloads) -> Iterator[GeneratedPage]:
    yield from PageBuilder(kb, downloads, settings.directory_urls).pages()
    yield from open_pages.generate(kb).values()  # what's new, open data, contributors


def site_files(kb: KnowledgeBase, settings: SiteSettings) -> Iterator[tuple[str, Callable[[], Iterable[str]]]]:
    """Every generated file, as (site path, a function giving its text in pieces): made only when written."""
    yield from export.site_file_makers(kb, settings.site_url)
    yield feed.FEED, lambda: [feed.atom(kb, settings.site_url, settings.site_name, settings.copyright)]
    yield SCRIPT_PATH, lambda: [finder_script(kb)]
    yield DATA_SCRIPT, lambda: [data_script(kb)]


def edit_url(repo_url: str | None, edit_uri: str | None, source: str | None) -> str | None:
    """Where to edit a generated page: its data file, on the branch and in the mode mkdocs.yml's edit_uri names
    (edit/main/docs/ -> <repo>/edit/main/data/...). None for pages with no single source, or without a repository."""
    if not (repo_url and source):
        return None
    mode, _, rest = (edit_uri or "edit/main/").strip("/").partition("/")
    branch = rest.split("/", 1)[0] or "main"
    return f"{repo_url.rstrip('/')}/{mode}/{branch}/{source}"
