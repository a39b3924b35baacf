"""Reproducible-build gate: pinned, hash-checked dependencies, and two builds with the same SOURCE_DATE_EPOCH give
byte-identical output (tests/quality/reproducible.py). Nothing in the output is excluded from the comparison."""
from __future__ import annotations

import io
import json
import os
import re
import time
from concurrent.futures import ThreadPoolExecutor

from conftest import GOOD, ROOT, build_site
from quality.reproducible import compare_trees, first_difference
from valued_care.data.loader import load_knowledge_base
from valued_care.outputs.offline import zip_site
from valued_care.outputs.pdf import build_pdfs

EPOCH = "1764158400"  # 2025-11-26 12:00 UTC


def test_python_dependencies_are_installed_from_a_lock_file_with_hashes():
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    entries = re.findall(r"^([A-Za-z0-9_.\-]+)(\S*) \\\n((?:    --hash=sha256:[0-9a-f]{64}(?: \\)?\n)+)", lock, re.M)
    requirements = [line for line in lock.splitlines() if line and not line.startswith((" ", "#", "-"))]
    assert len(entries) == len(requirements) > 30
    assert all(pin.startswith("==") for _, pin, _ in entries)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"pip install .*--require-hashes -r requirements\.lock", makefile)


def test_node_tools_are_installed_from_a_lock_file_with_integrity_hashes():
    package = json.loads((ROOT / "tests" / "node" / "package.json").read_text(encoding="utf-8"))
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", v) for v in package["devDependencies"].values())
    lock = json.loads((ROOT / "tests" / "node" / "package-lock.json").read_text(encoding="utf-8"))
    installed = {path: entry for path, entry in lock["packages"].items() if path}
    assert installed and all(entry["integrity"].startswith("sha512-") for entry in installed.values())
    assert "npm ci" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_two_site_builds_with_the_same_source_date_epoch_are_byte_identical(tmp_path, built_downloads):
    """The real build twice, side by side (one per core), into folders with different names, from the same
    sources and the same PDFs and offline copy (whose own reproducibility is tested below)."""
    outputs = [tmp_path / "first" / "site", tmp_path / "second" / "out"]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda out: build_site(out, downloads=built_downloads,
                                                       extra_env={"SOURCE_DATE_EPOCH": EPOCH}), outputs))
    for result in results:
        assert result.returncode == 0, result.stderr[-3000:]
    difference = compare_trees(*outputs)
    details = [first_difference(outputs[0] / p, outputs[1] / p) for p in difference.differ[:5]]
    assert difference.identical, f"{difference}\n" + "\n".join(details)
    assert difference.files > 100
    print(f"\nreproducible-build gate: {difference.files} files, byte-identical in two builds")


def test_the_sitemap_dates_come_from_source_date_epoch_not_the_clock(tmp_path, built_downloads):
    out = tmp_path / "site"
    result = build_site(out, downloads=built_downloads, extra_env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stderr[-3000:]
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", (out / "sitemap.xml").read_text())) == {"2025-11-26"}


def test_pdfs_are_byte_identical_when_rendered_twice(tmp_path):
    kb = load_knowledge_base(GOOD)
    first, second = tmp_path / "first", tmp_path / "second"
    build_pdfs(kb, first, only=("case-studies",), workers=1, stream=io.StringIO())
    time.sleep(1.1)  # a clock that moved on must not show
    build_pdfs(kb, second, only=("case-studies",), workers=1, stream=io.StringIO())
    difference = compare_trees(first, second)
    assert difference.identical, str(difference)
    assert difference.files >= 3  # the PDFs and their manifest


def test_the_offline_zip_does_not_record_file_times(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>hello</p>")
    zip_site(site, tmp_path / "one" / "offline.zip", io.StringIO())
    later = time.time() + 3600
    os.utime(site / "index.html", (later, later))
    zip_site(site, tmp_path / "two" / "offline.zip", io.StringIO())
    assert (tmp_path / "one" / "offline.zip").read_bytes() == (tmp_path / "two" / "offline.zip").read_bytes()


def test_a_planted_difference_between_two_builds_is_found(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    for root in (first, second):
        (root / "assets").mkdir(parents=True)
        (root / "index.html").write_text("<p>same</p>")
    (first / "sitemap.xml").write_text("<lastmod>2025-11-26</lastmod>")
    (second / "sitemap.xml").write_text("<lastmod>2025-11-27</lastmod>")
    (first / "assets" / "only-here.js").write_text("")
    (second / "assets" / "new.js").write_text("")
    difference = compare_trees(first, second)
    assert not difference.identical
    assert (difference.differ, difference.only_in_first, difference.only_in_second) == (
        ["sitemap.xml"], ["assets/only-here.js"], ["assets/new.js"])
    assert "2025-11-26" in first_difference(first / "sitemap.xml", second / "sitemap.xml")
