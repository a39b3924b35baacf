"""The whole site from the knowledge base, in one call: every generated page and every generated file. No MkDocs
here: macros/mkdocs_hooks.py only hands these to MkDocs, so another static-site tool needs only its own glue."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from valued_care.data.fingerprint import data_fingerprint
from valued_care.data.knowledge_base import KnowledgeBase
from valued_care.outputs import export, feed
from valued_care.site import open_pages
from valued_care.site.downloads import Downloads
from valued_care.site.pages import GeneratedPage, generate_pages
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


def build_site(kb: KnowledgeBase, settings: SiteSettings, build_dir: Path) -> Site:
    downloads = Downloads.from_build(build_dir, data_fingerprint(kb), offline_build=settings.offline)
    pages = generate_pages(kb, downloads, settings.directory_urls)
    pages.update(open_pages.generate(kb))  # what's new, open data, contributors
    files = {
        **export.site_files(kb, settings.site_url),
        feed.FEED: feed.atom(kb, settings.site_url, settings.site_name, settings.copyright),
        SCRIPT_PATH: finder_script(kb),
        DATA_SCRIPT: data_script(kb),
    }
    return Site(pages, files, downloads)


def edit_url(repo_url: str | None, edit_uri: str | None, source: str | None) -> str | None:
    """Where to edit a generated page: its data file, on the branch and in the mode mkdocs.yml's edit_uri names
    (edit/main/docs/ -> <repo>/edit/main/data/...). None for pages with no single source, or without a repository."""
    if not (repo_url and source):
        return None
    mode, _, rest = (edit_uri or "edit/main/").strip("/").partition("/")
    branch = rest.split("/", 1)[0] or "main"
    return f"{repo_url.rstrip('/')}/{mode}/{branch}/{source}"
