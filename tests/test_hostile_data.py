"""A pull request is untrusted: hostile data files end in file:line problems, never a crash, a hang or a published
script. Each test here reproduces a finding of issue 11 (the malformed-file fixtures are in tests/fixtures/bad/)."""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from urllib.parse import quote

import html5lib
import pytest
from test_render import to_html

from valued_care.data.loader import load_knowledge_base
from valued_care.data.text_rules import web_url
from valued_care.errors import DataInvalid
from valued_care.outputs.pdf import template_fetcher
from valued_care.render import web_link
from valued_care.site.pages import generate_pages

PAYLOAD = "https://evil.example/<!--><svg/onload=alert&#40;document.domain&#41;>-->\\"


def _problems(data: Path) -> str:
    with pytest.raises(DataInvalid) as caught:
        load_knowledge_base(data, root=data.parent)
    return caught.value.report()


@pytest.mark.parametrize("url", [
    PAYLOAD,
    "https://evil.example/a\\",
    'https://evil.example/"onmouseover="alert(1)',
    "https://evil.example/<script>",
    "https://evil.example/a b",
    "https://evil.example/\u202egnp.exe",
    "https://evil.example/\x07",
    "https://user:secret@example.org/",
    "https://example.org:8080/",
    "https:///no-host",
    "https://localhost/",
    "https://127.0.0.1/",
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "file:///etc/passwd",
    "https://example.org/" + "a" * 600,
])
def test_hostile_urls_are_refused(url):
    with pytest.raises(ValueError):
        web_url(url)


@pytest.mark.parametrize("url", ["https://www.england.nhs.uk/mental-health/", "http://www.wmahsn.org/programmes/view/x",
                                 "https://example.org/a_(b)?x=1&y=2#part", "https://example.org/%3Cnot-markup%3E"])
def test_real_web_addresses_pass(url):
    assert web_url(url) == url


def _elements_with_handlers(html: str) -> list[str]:
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    return [el.tag for el in tree.iter() if any(str(a).lower().startswith("on") for a in el.attrib)]


def test_a_link_builder_never_lets_an_address_out_of_its_attribute():
    """Even an address that skipped validation stays inside href: the browser's own parse finds no new element."""
    html = to_html("Source: " + web_link("Report", PAYLOAD) + " more text")
    assert _elements_with_handlers(html) == []
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    assert [el.tag for el in tree.iter() if el.tag in {"svg", "script", "img"}] == []
    assert [a.get("href") for a in tree.iter("a")] == [quote(PAYLOAD, safe="/:?#[]@!$&()*+,;=-._~%")]


def test_titles_differing_only_in_case_build(good_data: Path):
    original = (good_data / "case_studies" / "example-case.yml").read_text()
    twin = original.replace("id: example-case", "id: example-case-twin").replace(
        "title: Example case study about speaking up", "title: EXAMPLE case study about speaking up")
    (good_data / "case_studies" / "example-case-twin.yml").write_text(twin)
    kb = load_knowledge_base(good_data, root=good_data.parent)
    pages = generate_pages(kb)
    assert "case-studies/example-case-twin.md" in pages and "case-studies/example-case.md" in pages


@pytest.mark.parametrize("kind, field", [("case_studies", "id: example-case"), ("trusts", "id: example-trust")])
def test_an_id_of_index_is_refused(good_data: Path, kind, field):
    source = next((good_data / kind).glob("*.yml"))
    (good_data / kind / "index.yml").write_text(source.read_text().replace(field, "id: index"))
    report = _problems(good_data)
    assert f"data/{kind}/index.yml:" in report and "reserved" in report


@pytest.mark.parametrize("target", ["/dev/zero", "/proc/self/status", "/nonexistent/dangling.yml"])
def test_symlinks_are_refused_without_being_read(good_data: Path, target):
    os.symlink(target, good_data / "case_studies" / "z.yml")
    started = time.monotonic()
    report = _problems(good_data)
    assert time.monotonic() - started < 10
    assert "data/case_studies/z.yml:1:1: is a symbolic link" in report
    assert "VmPeak" not in report and "Name:" not in report


def test_a_symlinked_data_folder_is_refused(good_data: Path, tmp_path: Path):
    elsewhere = tmp_path / "elsewhere"
    shutil.move(str(good_data / "trusts"), elsewhere)
    os.symlink(elsewhere, good_data / "trusts")
    report = _problems(good_data)
    assert "trusts:1:1: folder is a symbolic link" in report and "elsewhere" not in report


def test_a_folder_named_like_a_data_file_is_refused(good_data: Path):
    (good_data / "case_studies" / "x.yml").mkdir()
    assert "data/case_studies/x.yml:1:1: is not a regular file" in _problems(good_data)


@pytest.mark.parametrize("name", ["upper.YML", "mixed.Yml", "long.yaml", "long.YAML"])
def test_other_spellings_of_the_extension_are_refused_not_ignored(good_data: Path, name):
    shutil.copy(good_data / "case_studies" / "example-case.yml", good_data / "case_studies" / name)
    report = _problems(good_data)
    assert f"data/case_studies/{name}:1:1: file ends in" in report and ".yml" in report


def test_an_oversized_file_is_refused_before_it_is_read(good_data: Path):
    big = good_data / "case_studies" / "big.yml"
    with big.open("wb") as handle:
        handle.truncate(64 * 1024 * 1024)  # sparse: 64 MB that costs no disk
    started = time.monotonic()
    report = _problems(good_data)
    assert time.monotonic() - started < 5
    assert "data/case_studies/big.yml:1:1: file is 67,108,864 bytes, over the" in report


def test_the_pdf_renderer_reads_no_file_outside_its_templates():
    fetcher = template_fetcher()
    for url in ("file:///etc/passwd", "https://example.org/style.css", "file:///proc/self/environ"):
        with pytest.raises(BaseException, match="refused to fetch"):
            fetcher.fetch(url)
