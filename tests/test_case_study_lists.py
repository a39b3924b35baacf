"""Scannable lists: every list of case studies, on every generated page, gives one entry per case study in the same
shape (the shared case_line macro): the title, a line of trust (named once), settings and years, and the headline
result. Chapter pages have a contents box and the case-studies index jumps to each chapter, and every anchor they
link to exists in the built page."""
from __future__ import annotations

import html
import re
from types import SimpleNamespace

import pytest

from conftest import ROOT
from valued_care import urls, views
from valued_care.data.loader import load_knowledge_base
from valued_care.site.pages import generate_pages
from valued_care.vocabulary import SETTINGS

ENTRY = re.compile(r'^<li><strong><a href="(?:\.\./)*(?:case-studies/)?(?P<id>[a-z0-9-]+)/">(?P<title>.+?)</a></strong>\n'
                   r'  <span class="vc-case-meta">(?P<meta>.*?)</span>\n'
                   r'  <span class="vc-case-result">Result: (?P<result>.*?)</span></li>$', re.M)


def plain(text: str) -> str:
    """HTML text as a reader sees it: tags dropped (a glossary link), entities undone."""
    return html.unescape(re.sub(r"<[^>]+>", "", text))


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base(ROOT / "data", root=ROOT)


@pytest.fixture(scope="module")
def entries(kb):
    """Every case-study list entry of every generated page: (page path, fields of the entry)."""
    found = []
    for path, page in generate_pages(kb).items():
        for block in re.findall(r'<div class="vc-listing vc-cases".*?</div>', page.text, re.S):
            items = [line for line in block.splitlines() if line.startswith("<li>")]
            matches = list(ENTRY.finditer(block))
            assert len(matches) == len(items), f"{path}: a case-study list entry not in the shared shape"
            found += [(path, {k: plain(v) for k, v in m.groupdict().items()}) for m in matches]
    return found


def spoken_name(trust) -> str:
    """The words of a trust's name before 'NHS' (the whole name if it has none): how a title would name it."""
    return trust.name.split(" NHS")[0]


def test_every_list_of_case_studies_uses_the_shared_entry(entries, kb):
    pages = {path for path, _ in entries}
    assert {urls.CASE_STUDIES_INDEX, urls.ingredient("patient-safety"), urls.setting("adult-inpatient"),
            urls.trust("east-london"), urls.topic("crisis-care")} <= pages
    index = [e["id"] for path, e in entries if path == urls.CASE_STUDIES_INDEX]
    assert sorted(index) == sorted(kb.case_studies)  # each case study once on the index
    # The old shape, "**[title](...)**: Trust." with the summary under it, is gone from every page.
    for path, page in generate_pages(kb).items():
        old_shape = re.findall(r'href="(?:\.\./)*(?:case-studies/)?([a-z0-9-]+)/">[^<]*</a></strong>: ', page.text)
        assert not set(old_shape) & set(kb.case_studies), path


def test_the_trust_is_named_once_in_each_entry(entries, kb):
    for path, e in entries:
        case = kb.case_studies[e["id"]]
        line = f"{e['title']} {e['meta']}".lower()
        for trust in (kb.trusts[t] for t in case.trusts):
            in_meta = trust.name.lower() in e["meta"].lower()
            assert line.count(trust.name.lower()) <= 1, (path, e["id"])
            assert not (in_meta and spoken_name(trust).lower() in e["title"].lower()), (path, e["id"], trust.id)
            on_its_page = path == urls.trust(trust.id)
            assert in_meta or on_its_page or spoken_name(trust).split()[0].lower() in e["title"].lower() or (
                trust.short_name and trust.short_name.lower() in e["title"].lower()), (path, e["id"], trust.id)
            assert not (on_its_page and in_meta), (path, e["id"])  # its own page names it once, in the heading


def test_each_entry_gives_settings_years_and_the_headline_result(entries, kb):
    for path, e in entries:
        case = kb.case_studies[e["id"]]
        assert all(SETTINGS[s] in e["meta"] for s in case.settings), (path, e["id"])
        for year in (case.period.start, case.period.end):
            assert year is None or str(year) in e["meta"], (path, e["id"])
        first = " ".join(case.outcomes[0].text.split())
        assert first.startswith(e["result"].removesuffix("…")) and len(e["result"]) <= 120, (path, e["id"])
        assert e["result"] != " ".join(case.summary.split())


def test_the_issue_example_the_summary_no_longer_repeats_the_trust(entries, kb):
    """Issue 15: 61 of 65 entries named the trust twice, once as a label and again in the summary under it."""
    named_twice = [e["id"] for _, e in entries for t in kb.case_studies[e["id"]].trusts
                   if f"{e['title']} {e['meta']}".lower().count(spoken_name(kb.trusts[t]).lower()) > 1]
    assert named_twice == []


@pytest.mark.parametrize("title, named", [
    ("Mersey Care replaces blame-focused investigations", True),
    ("MERSEY CARE replaces blame-focused investigations", True),
    ("Avon and Wiltshire brings adult inpatients back", True),
    ("Sussex Recovery College: co-produced courses", False),  # Sussex Partnership is not named by 'Sussex'
    ("Three trusts adopt a computer test", False),
])
def test_whether_a_title_names_a_trust(kb, title, named):
    trust = {"Mersey": "mersey-care", "MERSEY": "mersey-care", "Avon": "avon-and-wiltshire",
             "Sussex": "sussex-partnership", "Three": "mersey-care"}[title.split()[0]]
    assert views.title_names_trust(title, kb.trusts[trust]) is named


def outcome(text: str):
    return SimpleNamespace(outcomes=[SimpleNamespace(text=text)])


def test_headline_keeps_whole_sentences_or_cuts_at_a_word():
    assert views.headline(outcome("Falls fell by 23%. Staff noticed.")) == "Falls fell by 23%. Staff noticed."
    long = "Violent incidents fell by 43% " + "on the ward and across the site " * 6 + "in a year."
    short = views.headline(outcome(long))
    assert short.endswith("…") and len(short) <= 120 and long.startswith(short[:-1])
    assert views.headline(outcome("First sentence. " + "X" * 200 + ".")) == "First sentence."


@pytest.mark.parametrize("start, end, shown", [(2019, 2020, "2019 to 2020"), (2019, 2019, "2019"),
                                               (2016, None, "from 2016"), (None, 2020, "to 2020"), (None, None, "")])
def test_years_in_gov_uk_style(start, end, shown):
    assert views.years(SimpleNamespace(period=SimpleNamespace(start=start, end=end))) == shown


# ---- contents boxes and jump links, in the built site --------------------------------------------------------------

def anchors_and_links(html: str, box: str) -> tuple[set[str], list[str]]:
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    nav = re.search(rf'<nav (?=[^>]*aria-label="{box}")(?=[^>]*class="vc-contents)[^>]*>.*?</nav>', html, re.S)
    assert nav, box
    return ids, re.findall(r'href="[^"#]*#([^"]+)"', nav.group(0))


def test_chapter_pages_have_a_contents_box_whose_links_all_land(kb, built_site):
    for ing in kb.ingredients.values():
        html = (built_site / "ingredients" / ing.id / "index.html").read_text(encoding="utf-8")
        ids, targets = anchors_and_links(html, "On this page")
        assert {"what-it-is", "what-good-looks-like", "case-studies", "resources"} <= set(targets)
        assert set(targets) <= ids, ing.id


def test_case_studies_index_jumps_to_every_chapter(kb, built_site):
    html = (built_site / "case-studies" / "index.html").read_text(encoding="utf-8")
    ids, targets = anchors_and_links(html, "Chapters on this page")
    assert targets == list(kb.ingredients) and set(targets) <= ids


def test_the_finder_names_each_trust_once_in_a_result(kb):
    finder = generate_pages(kb)[urls.FINDER].text
    results = re.findall(r'<a href="(?:\.\./)*case-studies/([a-z0-9-]+)/">(.+?)</a></p>\n'
                         r'<p class="vc-result__meta">(.*?)</p>', finder)
    assert len(results) == len(kb.case_studies)
    for cid, title, meta in results:
        for trust in (kb.trusts[t] for t in kb.case_studies[cid].trusts):
            named = f"{plain(title)} {plain(meta)}".lower().count(trust.name.lower())
            assert named <= 1, (cid, trust.id)
            assert views.title_names_trust(plain(title), trust) or trust.name in plain(meta), (cid, trust.id)
