"""Topics: the way in by problem. Every case study names at least one topic and every topic has at least three case
studies; each topic has a page listing exactly its case studies (compared with the data, not with the code that made
the page); the home page, the topics index and the case-studies index link every topic; and, at 375 px in a real
browser, a topic's case studies are one tap away from the home page, with axe-core finding nothing on the new pages."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from conftest import ROOT
from quality.accessibility import audit, describe
from valued_care import urls
from valued_care.data.loader import load_knowledge_base
from valued_care.errors import DataInvalid
from valued_care.outputs.export import DATASETS, rows
from valued_care.site.pages import generate_pages
from valued_care.vocabulary import TOPICS

CASE_LINK = re.compile(r'href="(?:\.\./)*case-studies/([a-z0-9-]+)/"')
PHONE = {"width": 375, "height": 812}


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base(ROOT / "data", root=ROOT)


@pytest.fixture(scope="module")
def pages(kb):
    return generate_pages(kb)


def about(kb, slug: str) -> list[str]:
    """The ids of the case studies whose data names the topic, in the collection's order."""
    return [c.id for c in kb.case_studies.values() if slug in c.topics]


def listed(markdown: str) -> list[str]:
    """The case studies a page lists in its case-study lists (the vc-cases blocks), in order."""
    blocks = re.findall(r'<div class="vc-listing vc-cases".*?</div>', markdown, re.S)
    return [rid for block in blocks for rid in CASE_LINK.findall(block)]


# ---- the vocabulary and the data -----------------------------------------------------------------------------------

def test_at_least_fifteen_topics_each_with_a_label_and_a_one_sentence_description():
    assert len(TOPICS) >= 15
    for slug, term in TOPICS.items():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
        assert term.label and term.label[0].isupper() and len(term.label) <= 40, slug
        assert term.description.endswith(".") and term.description.count(". ") == 0, slug
    assert len({t.label.lower() for t in TOPICS.values()}) == len(TOPICS)


def test_every_case_study_has_a_topic_and_every_topic_at_least_three(kb):
    assert all(case.topics for case in kb.case_studies.values())
    assert all(len(set(case.topics)) == len(case.topics) for case in kb.case_studies.values())
    counts = {slug: len(about(kb, slug)) for slug in TOPICS}
    assert {slug: n for slug, n in counts.items() if n < 3} == {}


def test_a_case_study_without_topics_or_with_an_unknown_one_is_refused(good_data: Path):
    case = good_data / "case_studies" / "example-case.yml"
    text = case.read_text()
    line = text.splitlines().index("topics: [speaking-up-and-learning]") + 1
    case.write_text(text.replace("topics: [speaking-up-and-learning]", "topics: [speaking-up]"))
    with pytest.raises(DataInvalid) as caught:
        load_knowledge_base(good_data)
    assert f"example-case.yml:{line}:" in caught.value.report() and "speaking-up-and-learning" in caught.value.report()
    case.write_text(text.replace("topics: [speaking-up-and-learning]\n", ""))
    with pytest.raises(DataInvalid, match="missing required field 'topics'"):
        load_knowledge_base(good_data)


def test_open_data_holds_each_case_studys_topics(kb):
    dataset = next(d for d in DATASETS if d.kind == "case_studies")
    exported = {row["id"]: row["topics"] for row in rows(kb, dataset, "https://example.org/")}
    assert exported == {rid: list(case.topics) for rid, case in kb.case_studies.items()}
    assert dataset.model.model_json_schema()["properties"]["topics"]["items"]["enum"] == list(TOPICS)


# ---- the pages -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("slug", list(TOPICS))
def test_topic_page_lists_exactly_its_case_studies(kb, pages, slug):
    page = pages[urls.topic(slug)].text
    assert listed(page) == about(kb, slug)
    title = html.unescape(yaml.safe_load(page.split("---\n")[1])["title"])
    assert title == f"Case studies about {TOPICS[slug].label.lower()}"
    assert f'href="../../finder/?topic={slug}"' in page  # the finder, already filtered to this topic
    others = re.findall(r'href="\.\./([a-z0-9-]+)/"', page.split('id="other-topics"', 1)[1])
    assert others == [s for s in TOPICS if s != slug]


def test_topics_index_links_every_topic_with_its_count(kb, pages):
    page = pages[urls.TOPICS_INDEX].text
    for slug, term in TOPICS.items():
        n = len(about(kb, slug))
        assert f"({slug}.md)** ({n} case studies)." in page
        assert term.description.split()[0] in page


def test_case_study_page_links_each_of_its_topics(kb, pages):
    for case in kb.case_studies.values():
        page = pages[urls.case_study(case.id)].text
        linked = re.findall(r'href="\.\./\.\./topics/([a-z0-9-]+)/"', page)
        assert linked == list(case.topics), case.id


def test_case_studies_index_links_every_topic(pages):
    page = pages[urls.CASE_STUDIES_INDEX].text
    assert re.findall(r'href="\.\./topics/([a-z0-9-]+)/"', page) == list(TOPICS)


class _Links(HTMLParser):
    """The links inside the element with a given class, as (href, text)."""

    def __init__(self, css_class: str):
        super().__init__()
        self.css_class, self.depth, self.links, self._href = css_class, 0, [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth or self.css_class in (attrs.get("class") or "").split():
            self.depth += 1
        if self.depth and tag == "a":
            self._href, self._text = attrs.get("href"), ""

    def handle_endtag(self, tag):
        if self.depth and tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join(self._text.split())))
            self._href = None
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self._href is not None:
            self._text += data


def test_home_page_links_every_topic_before_the_long_text(kb, built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    parser = _Links("vc-start")
    parser.feed(html)
    topic_links = [(href, text) for href, text in parser.links if href.startswith("topics/") and href != "topics/"]
    assert [href for href, _ in topic_links] == [f"topics/{slug}/" for slug in TOPICS]
    assert [text for _, text in topic_links] == [f"{t.label} ({len(about(kb, s))})" for s, t in TOPICS.items()]
    assert html.index('class="vc-start"') < html.index('id="about-the-model"')
    form = re.search(r'<form [^>]*class="vc-home-search"[^>]*>', html)
    assert form and 'action="finder/"' in form.group(0) and 'method="get"' in form.group(0)
    assert re.search(r'<input [^>]*name="find"', html)


# ---- in a browser, at 375 px ----------------------------------------------------------------------------------------

@pytest.fixture
def phone(chromium):
    context = chromium.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    tab = context.new_page()
    errors, away = [], []
    tab.on("pageerror", lambda err: errors.append(str(err)))
    tab.on("request", lambda req: away.append(req.url) if urlsplit(req.url).hostname not in (None, "", "127.0.0.1")
           else None)
    yield tab
    context.close()
    assert errors == [] and away == []


@pytest.mark.browser
def test_from_the_home_page_a_topics_case_studies_are_one_tap_away(phone, served, kb):
    phone.goto(served)
    search = phone.get_by_role("searchbox", name="Search the case studies")
    first = list(TOPICS)[0]
    topic = phone.locator(".vc-start").get_by_role("link", name=f"{TOPICS[first].label} (")
    for control in (search, topic):  # both on the first screen, without scrolling
        box = control.bounding_box()
        assert box and box["y"] + box["height"] <= PHONE["height"]
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    topic.tap()
    phone.wait_for_url(f"**/topics/{first}/")
    cases = phone.locator(".vc-cases li > strong > a")
    hrefs = [urljoin(phone.url, cases.nth(i).get_attribute("href")) for i in range(cases.count())]
    assert hrefs == [urljoin(served, f"case-studies/{rid}/") for rid in about(kb, first)]
    assert cases.first.is_visible()


@pytest.mark.browser
def test_the_home_search_box_opens_the_finder_with_the_words(phone, served):
    phone.goto(served)
    phone.get_by_role("searchbox", name="Search the case studies").fill("restraint")
    phone.locator(".vc-home-search").get_by_role("button", name="Search").tap()
    phone.wait_for_url("**/finder/?find=restraint")


@pytest.mark.browser
@pytest.mark.parametrize("path", ["topics/", f"topics/{next(iter(TOPICS))}/", "case-studies/",
                                  "ingredients/patient-safety/"])
@pytest.mark.parametrize("width", [375, 1280])
def test_new_and_changed_pages_have_no_accessibility_violations(chromium, served, path, width):
    context = chromium.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    tab.goto(served + path)
    violations = audit(tab)
    assert tab.evaluate("document.documentElement.scrollWidth") <= width
    context.close()
    assert violations == [], "\n".join(describe(violations, f"{path} at {width} px"))
