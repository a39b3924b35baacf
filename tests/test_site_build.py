"""The core's one call for the whole site (valued_care/site/build.py) and the MkDocs hook that only translates it."""
from __future__ import annotations

import os

import pytest

from conftest import GOOD, ROOT
from valued_care.data.kinds import KINDS
from valued_care.site.build import SiteSettings, build_site, edit_url


def test_every_record_of_every_kind_with_a_page_gets_one(real_kb, tmp_path):
    site = build_site(real_kb, SiteSettings("https://example.org/kb/", "KB"), tmp_path)
    for kind in KINDS:
        if kind.page is None:
            continue
        for rid in getattr(real_kb, kind.folder):
            page = kind.page(rid).partition("#")[0]
            assert page in site.pages or kind.folder == "resources", (kind.folder, rid)
            assert kind.folder != "resources" or page in site.pages  # every resource is on the resources page


def test_generated_files_are_made_from_the_same_data(real_kb, tmp_path):
    site = build_site(real_kb, SiteSettings("https://example.org/kb/", "KB"), tmp_path)
    assert f'"count": {len(real_kb.case_studies)}' in site.files["data/case-studies.json"]
    assert "https://example.org/kb/case-studies/" in site.files["feed.xml"]


@pytest.mark.parametrize("edit_uri, expected", [
    ("edit/main/docs/", "https://github.com/o/r/edit/main/data/case_studies/x.yml"),
    ("blob/release-2/docs/", "https://github.com/o/r/blob/release-2/data/case_studies/x.yml"),
    (None, "https://github.com/o/r/edit/main/data/case_studies/x.yml"),
])
def test_edit_links_follow_the_branch_and_mode_of_edit_uri(edit_uri, expected):
    assert edit_url("https://github.com/o/r/", edit_uri, "data/case_studies/x.yml") == expected


def test_pages_with_no_single_source_or_no_repository_have_no_edit_link():
    assert edit_url("https://github.com/o/r", "edit/main/docs/", None) is None
    assert edit_url(None, "edit/main/docs/", "data/trusts/x.yml") is None


def test_one_build_loads_and_checks_the_data_once(monkeypatch, tmp_path):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from macros import site_build

    calls = []
    real = site_build.load_knowledge_base
    monkeypatch.setattr(site_build, "load_knowledge_base", lambda *a, **k: calls.append(a) or real(*a, **k))
    monkeypatch.setattr(site_build, "_loaded", {})
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setattr(site_build.paths, "DATA", GOOD)
    cwd = os.getcwd()
    try:
        os.chdir(ROOT)
        build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    finally:
        os.chdir(cwd)
    assert len(calls) == 1
    assert (tmp_path / "site" / "case-studies" / "example-case" / "index.html").exists()


def test_generated_pages_on_disk_are_rewritten_only_when_they_change(monkeypatch, tmp_path):
    from macros import site_build

    monkeypatch.setattr(site_build.paths, "ROOT", tmp_path)
    monkeypatch.setattr(site_build.paths, "DATA", tmp_path / "data")
    folder = _write_pages({"a.md": "A", "case-studies/b.md": "B", "c.md": "C"})
    os.utime(folder / "a.md", (1, 1))
    os.utime(folder / "case-studies" / "b.md", (1, 1))
    _write_pages({"a.md": "A", "case-studies/b.md": "B, edited"})
    assert (folder / "a.md").stat().st_mtime == 1  # unchanged: `mkdocs serve --dirty` skips it
    assert (folder / "case-studies" / "b.md").read_text() == "B, edited"
    assert (folder / "case-studies" / "b.md").stat().st_mtime > 1
    assert not (folder / "c.md").exists()  # a page that is no longer generated is not served stale


def test_builds_with_other_settings_never_share_a_generated_file(monkeypatch, tmp_path):
    """The offline copy (file URLs) and the site (directory URLs) write pages with other links: a build that reads
    its pages back from disk while it writes them must never read the other's."""
    from macros import site_build

    monkeypatch.setattr(site_build.paths, "ROOT", tmp_path)
    monkeypatch.setattr(site_build.paths, "DATA", tmp_path / "data")
    site, offline = site_build.ChangedFiles("generated-pages", "site"), site_build.ChangedFiles("generated-pages", "offline")
    site.write("a.md", "site")
    offline.write("a.md", "offline")
    (offline.folder / ".writing-x").write_text("another build's page, half written")
    assert site.finish(["a.md"]) != offline.finish(["a.md"])
    assert (site.folder / "a.md").read_text() == "site" and (offline.folder / "a.md").read_text() == "offline"
    assert (offline.folder / ".writing-x").exists()  # finish() leaves another build's write alone


def test_the_cache_of_a_data_folder_outside_the_project_sits_beside_it(monkeypatch, tmp_path):
    """A test's or benchmark's data folder gets its generated files beside it, gone when it goes; the project's own
    .cache does not grow with every test run."""
    from macros import site_build

    monkeypatch.setattr(site_build.paths, "ROOT", tmp_path / "project")
    monkeypatch.setattr(site_build.paths, "DATA", tmp_path / "elsewhere" / "data")
    assert site_build.ChangedFiles("generated-pages").folder.is_relative_to(tmp_path / "elsewhere" / ".cache")
    monkeypatch.setattr(site_build.paths, "DATA", tmp_path / "project" / "data")
    assert site_build.ChangedFiles("generated-pages").folder.is_relative_to(tmp_path / "project" / ".cache")


def _write_pages(pages: dict[str, str]):
    """One build's pages through site_build.ChangedFiles, as the hook writes them: returns their folder."""
    from macros import site_build

    out = site_build.ChangedFiles("generated-pages")
    for path, text in pages.items():
        out.write(path, text)
    return out.finish(pages)


def test_a_file_written_in_pieces_is_replaced_only_when_it_changed(monkeypatch, tmp_path):
    from macros import site_build

    monkeypatch.setattr(site_build.paths, "ROOT", tmp_path)
    monkeypatch.setattr(site_build.paths, "DATA", tmp_path / "data")
    out = site_build.ChangedFiles("generated-files")
    out.write("data/x.json", iter(['{"a": ', "1}\n"]))
    os.utime(out.folder / "data" / "x.json", (1, 1))
    out.write("data/x.json", iter(['{"a": 1}', "\n"]))  # the same text, in other pieces
    assert (out.folder / "data" / "x.json").stat().st_mtime == 1
    out.write("data/x.json", iter(['{"a": 2}\n']))
    assert (out.folder / "data" / "x.json").read_text() == '{"a": 2}\n'
    assert not [f for f in (out.folder / "data").iterdir() if f.name.startswith(".writing-")]
