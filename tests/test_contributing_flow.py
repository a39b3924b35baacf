"""End to end, as CONTRIBUTING.md tells a new contributor: scaffold a case study, fill it in, validate, build; then
find it on its ingredient page, on What's new, in the feed and in the open data. The same build checks what every
page offers: edit links to the YAML source, a pre-filled problem report, review dates, evidence labels."""
from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from test_scaffold import fill

from conftest import GOOD, ROOT, build_site

CASE = "peer-support-workers-on-acute-wards"
TITLE = "Peer support workers on acute wards"
REPO = "https://github.com/valued-care/valued-care"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "valued_care", *args], cwd=ROOT, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """Follow the guide on a copy of the fixture data, then build the site from it."""
    data = tmp_path_factory.mktemp("contributor") / "data"
    shutil.copytree(GOOD, data)
    made = run("new-case-study", "--data", str(data), "--title", TITLE, "--trust", "example-trust",
               "--ingredient", "experts-by-experience", "--ingredient", "culture", "--setting", "adult-inpatient",
               "--today", "2026-12-01")
    assert made.returncode == 0, made.stderr
    assert f"case_studies/{CASE}.yml" in made.stdout and "TODO placeholders" in made.stdout
    refused = run("validate", "--data", str(data))
    assert refused.returncode == 1 and "still holds placeholder text from the scaffold" in refused.stderr
    path = data / "case_studies" / f"{CASE}.yml"
    path.write_text(fill(path.read_text(), summary="Peer workers joined two acute wards."))
    checked = run("validate", "--data", str(data))
    assert checked.returncode == 0, checked.stderr
    out = data.parent / "site"
    built = build_site(out, data)
    assert built.returncode == 0, built.stderr[-3000:]
    return out


def guide_commands() -> list[list[str]]:
    guide = (ROOT / "CONTRIBUTING.md").read_text()
    return [shlex.split(c)[3:] for c in re.findall(r"^\.venv/bin/python -m valued_care .+$", guide, flags=re.M)]


def test_guide_uses_the_make_targets_that_exist():
    guide = (ROOT / "CONTRIBUTING.md").read_text()
    targets = set(re.findall(r"^([a-z]+):", (ROOT / "Makefile").read_text(), flags=re.M))
    used = set(re.findall(r"`make ([a-z]+)`", guide)) | set(re.findall(r"^make ([a-z]+)$", guide, flags=re.M))
    assert {"validate", "serve", "test"} <= used <= targets


def test_guide_scaffold_command_works_on_the_real_data(tmp_path):
    [scaffold] = [argv for argv in guide_commands() if argv[0] == "new-case-study"]
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    made = run(*scaffold, "--no-input", "--data", str(data))
    assert made.returncode == 0, made.stderr
    written = re.search(r"wrote (\S+\.yml)", made.stdout).group(1)
    assert "TODO placeholders" in made.stdout and Path(written).exists()
    assert [argv for argv in guide_commands() if argv == ["validate"]]


def test_new_case_study_is_on_its_ingredient_pages(site):
    primary = (site / "ingredients" / "experts-by-experience" / "index.html").read_text()
    other = (site / "ingredients" / "culture" / "index.html").read_text()
    link = f'href="../../case-studies/{CASE}/"'
    assert link in primary and TITLE in primary
    assert link in other.split("Where it plays a part", 1)[1]


def test_new_case_study_is_first_on_whats_new_and_in_the_feed(site):
    whats_new = (site / "whats-new" / "index.html").read_text()
    first = re.search(r'<li>.*?href="([^"]+)"', whats_new.split("<h2", 1)[1], flags=re.S).group(1)
    assert first == f"../case-studies/{CASE}/"
    assert "December 2026" in whats_new
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entry = ET.parse(site / "feed.xml").getroot().find("a:entry", ns)
    assert entry.find("a:title", ns).text == TITLE
    assert entry.find("a:id", ns).text == f"https://valued-care.github.io/valued-care/case-studies/{CASE}/"
    assert entry.find("a:summary", ns).text == "Peer workers joined two acute wards."


def test_new_case_study_is_in_the_finder(site):
    from valued_care.site.search_index import SCRIPT_PATH

    assert f'["{CASE}",' in (site / SCRIPT_PATH).read_text()  # in the finder's index
    assert TITLE in (site / "finder" / "index.html").read_text()  # and its list of results


def test_new_case_study_is_in_the_open_data(site):
    records = json.loads((site / "data" / "case-studies.json").read_text())["records"]
    [mine] = [r for r in records if r["id"] == CASE]
    assert mine["title"] == TITLE and mine["added"] == "2026-12-01"
    assert mine["permalink"].endswith(f"/case-studies/{CASE}/")
    assert CASE in (site / "data" / "case-studies.csv").read_text()
    page = (site / "open-data" / "index.html").read_text()
    for name in ("case-studies", "trust-stories", "ingredients", "trusts", "resources"):
        assert f'href="../data/{name}.json"' in page and f'href="../data/{name}.csv"' in page
        assert (site / "data" / "schemas" / f"{name}.schema.json").exists()


def test_edit_link_opens_the_yaml_source(site):
    case = (site / "case-studies" / CASE / "index.html").read_text()
    assert f'href="{REPO}/edit/main/data/case_studies/{CASE}.yml"' in case
    ingredient = (site / "ingredients" / "culture" / "index.html").read_text()
    assert f'href="{REPO}/edit/main/data/ingredients/culture.yml"' in ingredient
    hand_written = (site / "accessibility" / "index.html").read_text()
    assert f'href="{REPO}/edit/main/docs/accessibility.md"' in hand_written
    assert f"{REPO}/edit/" not in (site / "case-studies" / "index.html").read_text()  # generated index: no source
    assert f'href="{REPO}/edit/main/CITATION.cff"' in (site / "contributors" / "index.html").read_text()


def test_report_a_problem_is_prefilled_with_title_and_address(site):
    html = (site / "case-studies" / CASE / "index.html").read_text()
    href = re.search(r'href="([^"]*report-a-problem[^"]*)"', html).group(1).replace("&amp;", "&")
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(href).query)
    assert href.startswith(f"{REPO}/issues/new?")
    assert query["template"] == ["report-a-problem.yml"]
    assert query["title"] == [f"Problem with page: {TITLE}"]
    assert query["page-url"] == [f"https://valued-care.github.io/valued-care/case-studies/{CASE}/"]


def test_review_dates_on_record_and_hand_written_pages(site):
    case = (site / "case-studies" / CASE / "index.html").read_text()
    assert "Last reviewed 1 December 2026. Next review due 1 December 2027." in case
    for page in ("index.html", "accessibility/index.html", "contributing/index.html"):
        html = (site / page).read_text()
        assert re.search(r"Last reviewed \d+ \w+ \d{4}\. Next review due \d+ \w+ \d{4}\.", html), page
        assert html.count("Last reviewed") == 1, page


def test_evidence_labels_show_type_in_words(site):
    html = (site / "case-studies" / CASE / "index.html").read_text()
    key = 'class="vc-evidence" data-evidence="trust" href="../../about/#evidence-labels"'
    assert f"<a {key}>Trust's own publication</a>" in html, "the strongest evidence links the key to the labels"
    assert f"<a {key}>Evidence type: Trust's own publication</a>" in html
    assert 'href="../../assets/css/evidence.css"' in html


def test_every_page_advertises_the_feed(site):
    for page in ("index.html", f"case-studies/{CASE}/index.html"):
        assert re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="[./]*feed.xml"',
                         (site / page).read_text()), page


def test_contributors_page_credits_the_citation_authors(site):
    from valued_care.site.credits import contributors

    html = (site / "contributors" / "index.html").read_text()
    for person in contributors():
        assert person.name in html


def test_real_site_every_reviewed_page_shows_its_dates_and_edit_link(built_site):
    from valued_care.contributors import review
    from valued_care.data.loader import load_knowledge_base

    for page in review.all_pages(load_knowledge_base(ROOT / "data"), ROOT / "docs"):
        built = page.page.removesuffix(".md")
        built = built.removesuffix("index") if built == "index" or built.endswith("/index") else built + "/"
        html = (built_site / built / "index.html").read_text()
        assert html.count("Last reviewed") == 1 and "Next review due" in html, page.page
        assert f'href="{REPO}/edit/main/{page.source}"' in html, page.page
