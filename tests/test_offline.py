"""The offline copy: a zip of the whole site that works from file://, with nothing loaded from another host."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from valued_care import paths, urls
from valued_care.data.loader import load_knowledge_base
from valued_care.outputs.offline import TOP_FOLDER, external_resources


@pytest.fixture(scope="module")
def bundle_names(built_downloads) -> set[str]:
    with zipfile.ZipFile(built_downloads / urls.OFFLINE_ZIP) as bundle:
        return set(bundle.namelist())


@pytest.fixture(scope="module")
def offline_site(built_downloads, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(built_downloads / urls.OFFLINE_ZIP) as bundle:
        bundle.extractall(target)
    return target / TOP_FOLDER


def test_zip_holds_the_site_its_search_index_and_pdfs(bundle_names):
    kb = load_knowledge_base(paths.DATA)
    case = next(iter(kb.case_studies))
    for name in ["index.html", "README.txt", "search/search_index.js", "downloads.html", f"case-studies/{case}.html",
                 urls.PDF_BOOK, urls.pdf_case_study(case)]:
        assert f"{TOP_FOLDER}/{name}" in bundle_names, name
    assert not [name for name in bundle_names if name.endswith(".zip")]  # never a copy of itself


def test_nothing_is_loaded_from_another_host(offline_site):
    assert external_resources(offline_site) == []
    index = (offline_site / "index.html").read_text()
    assert "iframe-worker-shim" in index  # our copy, so the offline plugin adds no CDN one
    assert "unpkg.com" not in index and "fonts.googleapis.com" not in index


def test_links_between_pages_open_files_in_the_bundle(offline_site):
    kb = load_knowledge_base(paths.DATA)
    pages = [offline_site / "index.html", offline_site / "downloads.html",
             offline_site / "case-studies" / f"{next(iter(kb.case_studies))}.html"]
    for page in pages:
        hrefs = re.findall(r'(?:href|src)="([^"#?]+)', page.read_text())
        local = [h for h in hrefs if not re.match(r"[a-z]+:", h)]
        assert len(local) > 10
        for href in local:
            # From file:// a folder shows a listing, not its index.html: every link must name a file.
            assert (page.parent / href).resolve().is_file(), f"{page.name}: {href}"


def test_external_resources_finds_cdn_scripts_stylesheets_and_fonts(tmp_path):
    (tmp_path / "script.html").write_text('<script src="https://unpkg.com/iframe-worker/shim"></script>')
    (tmp_path / "style.html").write_text('<link rel="stylesheet" href="//cdn.example.org/theme.css">')
    (tmp_path / "font.css").write_text('@font-face { src: url("https://fonts.gstatic.com/x.woff2") }')
    (tmp_path / "fine.html").write_text('<a href="https://example.org/">a source</a>'
                                        '<link rel="canonical" href="https://valued-care.github.io/valued-care/">'
                                        '<script src="assets/javascripts/bundle.js"></script>')
    found = external_resources(tmp_path)
    assert sorted(line.split(":")[0] for line in found) == ["font.css", "script.html", "style.html"]


@pytest.mark.browser
def test_search_and_finder_work_from_file_url_without_network(offline_site, chromium):
    page = chromium.new_page()
    try:
        requested = []
        page.on("request", lambda request: requested.append(request.url))
        errors = []
        page.on("pageerror", lambda err: errors.append(str(err)))
        page.goto((offline_site / "index.html").as_uri())
        search = page.locator("input.md-search__input")
        search.click()
        search.press_sequentially("peer support", delay=30)  # Material searches on key presses
        page.locator(".md-search-result__item").first.wait_for(timeout=15000)
        assert page.locator(".md-search-result__item").count() > 0

        page.goto((offline_site / "finder.html").as_uri())  # the case-study finder (issue 4)
        page.wait_for_selector("#vc-finder[data-ready]")
        page.click("#vc-finder-q")
        page.keyboard.type("peer", delay=20)
        page.wait_for_function("document.querySelectorAll('#vc-finder-results > li').length > 0")
        first = page.locator("#vc-finder-results > li a").first.get_attribute("href")
        assert first.endswith(".html") and (offline_site / first).resolve().is_file()

        assert errors == []
        assert [url for url in requested if not url.startswith(("file:", "data:", "blob:", "about:"))] == []
    finally:
        page.close()
