"""MkDocs hooks: thin. Validate data, set the navigation, add generated pages. The logic lives in plain modules."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402

from macros import site_build  # noqa: E402
from valued_care.outputs import export  # noqa: E402
from valued_care.outputs import feed  # noqa: E402
from valued_care.site import open_pages  # noqa: E402
from valued_care.contributors import review  # noqa: E402
from valued_care import paths  # noqa: E402
from valued_care.site import search_meta  # noqa: E402
from valued_care import urls  # noqa: E402
from valued_care.site.downloads import Downloads  # noqa: E402
from valued_care.outputs.pdf import data_fingerprint  # noqa: E402
from valued_care.errors import DataInvalid  # noqa: E402
from valued_care.site.pages import generate_pages, site_nav  # noqa: E402
from valued_care.site.search_index import SCRIPT_PATH, finder_script  # noqa: E402
from valued_care.site.self_assessment import DATA_SCRIPT, data_script  # noqa: E402

_generated: dict = {}
_page_urls: dict = {}  # docs path -> built URL, as Material's search index names pages


def on_config(config):
    try:
        kb = site_build.knowledge_base()
    except DataInvalid as err:
        raise PluginError(f"The data has problems; nothing was built.\n{err.report()}") from None
    config.nav = site_nav(kb, config.nav or [])
    return config


def on_files(files: Files, config) -> Files:
    # Built PDFs and the offline zip (build/, from `make pdf` / `make offline`) are files of the site, so pages link
    # them and strict mode checks the links; if none were built, the pages have no download links.
    downloads = Downloads.from_build(paths.BUILD, data_fingerprint(site_build.knowledge_base()),
                                     offline_build=bool(config.extra.get("offline")))
    for download in downloads.files:
        files.append(File(download.path, str(paths.BUILD), config.site_dir, config.use_directory_urls))
    pages = generate_pages(site_build.knowledge_base(), downloads)
    pages.update(open_pages.generate(site_build.knowledge_base()))  # what's new, open data, contributors
    _generated.clear()
    _generated.update(pages)
    for path, page in pages.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} would hide a generated page; remove it (its content comes from data/)")
        files.append(File.generated(config, path, content=page.markdown))
    # Open data and the feed are files of the site, so pages link them like any page and strict mode checks the links.
    kb = site_build.knowledge_base()
    for path, text in {**export.site_files(kb, config.site_url),
                       feed.FEED: feed.atom(kb, config.site_url, config.site_name, config.copyright or "")}.items():
        files.append(File.generated(config, path, content=text))
    files.append(File.generated(config, SCRIPT_PATH, content=finder_script(site_build.knowledge_base())))
    files.append(File.generated(config, DATA_SCRIPT, content=data_script(site_build.knowledge_base())))
    return files


def on_post_build(config):
    # After Material's search plugin has written its index, before the offline plugin copies it (priority -100).
    kb = site_build.knowledge_base()
    if search_meta.compact(kb):
        pages = {urls.case_study(cid) for cid in kb.case_studies}
        search_meta.compact_index_file(Path(config.site_dir) / "search" / "search_index.json",
                                       {url for path, url in _page_urls.items() if path in pages})


def on_page_context(context, page, config, nav):
    _page_urls[page.file.src_uri] = page.url
    generated = _generated.get(page.file.src_uri)
    if generated is not None and config.repo_url:
        # Generated pages are edited at their YAML source; generated indexes have no single source to edit.
        source = generated.source
        page.edit_url = f"{config.repo_url.rstrip('/')}/edit/main/{source}" if source else None
    if generated is None:  # hand-written: review dates from front matter, shown by overrides/partials/source-file.html
        context["vc_review"] = review.docs_page_dates(page.meta)
    return context
