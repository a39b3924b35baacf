"""A reader knows where they are and what they are reading: breadcrumbs on generated pages, the menu grouped and its
right entry highlighted, each page saying what kind it is (Material's search previews start with it, without the
facts table or the download line), evidence and depth labels linked to their key, pathway headings numbered once,
the model on two pages, and a way to report a problem by email beside the GitHub route."""
from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml

from conftest import GOOD, ROOT, build_site
from valued_care import urls
from valued_care.data.loader import load_knowledge_base
from valued_care.site.pages import generate_pages
from valued_care.site.place import menu_entries


class _IgnoreTags(yaml.SafeLoader):
    pass


_IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)
CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=_IgnoreTags)


@pytest.fixture(scope="module")
def good_site(tmp_path_factory):
    """The small fixture data built as the real site is (strict), without PDFs."""
    out = tmp_path_factory.mktemp("place") / "site"
    result = build_site(out, GOOD)
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def html_of(site, page: str) -> str:
    return (site / urls.built(page) / "index.html").read_text(encoding="utf-8")


def test_generated_pages_have_breadcrumbs_from_home_through_their_section():
    pages = generate_pages(load_knowledge_base(GOOD))
    crumbs = {path: re.search(r'<nav (?:class="vc-breadcrumbs" )?aria-label="Breadcrumb"[^>]*>(.*?)</nav>',
                              page.text, re.S) for path, page in pages.items()}
    case = crumbs["case-studies/example-case.md"].group(1)  # a page written as HTML: final links
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', case) == [("../../", "Home"), ("../", "Case studies")]
    assert '<span aria-current="page">' in case
    theory = crumbs["theory/culture.md"].group(1)
    assert re.findall(r"\[([^\]]+)\]\(([^)]+)\)", theory)[1] == ("3\\. Culture", "../ingredients/culture.md")
    assert "Trust stories" in crumbs["trust-stories/example-trust-journey.md"].group(1)
    assert all(crumbs[p] for p in pages if p.startswith(("case-studies/", "theory/", "trust-stories/", "pathways/"))
               and not p.endswith("index.md"))


def test_each_page_outside_the_menu_belongs_under_one_entry_of_it():
    assert menu_entries("case-studies/x.md")[0] == urls.CASE_STUDIES_INDEX
    assert menu_entries("theory/culture.md")[0] == urls.ingredient("culture")
    assert menu_entries("trust-stories/x.md")[0] == urls.TRUST_STORIES_INDEX
    assert menu_entries("pathways/board-members.md")[0] == urls.PATHWAYS_INDEX
    assert menu_entries("case-studies/index.md") == () and menu_entries("about.md") == ()


def test_the_menu_is_grouped_read_find_take_part_about_and_keeps_every_page():
    nav = CONFIG["nav"]
    assert [next(iter(entry)) for entry in nav] == ["Home", "Read", "Find", "Take part", "About"]
    listed = json.dumps(nav)
    for page in ("using-the-model.md", urls.SUMMARY, urls.INGREDIENTS_INDEX, urls.PATHWAYS_INDEX,
                 urls.CASE_STUDIES_INDEX, urls.TRUST_STORIES_INDEX, urls.FINDER, urls.RESOURCES, urls.DOWNLOADS,
                 "whats-new.md", urls.SELF_ASSESSMENT, "contributing.md", "contributors.md", "open-data.md",
                 "accessibility.md", urls.ABOUT):
        assert f'"{page}"' in listed, page


@pytest.mark.parametrize("page, entry", [
    ("case-studies/example-case.md", "Case studies"),
    ("theory/culture.md", "3. Culture"),
    ("trust-stories/example-trust-journey.md", "Trust stories"),
])
def test_the_menu_highlights_the_entry_a_page_belongs_under(good_site, page, entry):
    html = html_of(good_site, page)
    active = re.findall(r'<li class="md-nav__item md-nav__item--active">\s*<a href="[^"]+" class="md-nav__link">'
                        r'\s*<span class="md-ellipsis">\s*([^<]+?)\s*</span>', html)
    assert active == [entry]
    assert re.search(r'md-nav__item--active md-nav__item--nested">\s*<input[^>]+checked', html)  # its group open
    assert "md-nav__item--active" not in html_of(good_site, "contributing.md").split("Case studies")[0][-400:]


def test_evidence_and_depth_labels_link_to_their_key_on_the_about_page(good_site):
    html = html_of(good_site, "case-studies/example-case.md")
    badges = re.findall(r'<a class="vc-evidence" data-evidence="[a-z-]+" href="([^"]+)">', html)
    assert len(badges) >= 2 and set(badges) == {"../../about/#evidence-labels"}
    assert re.search(r'<dt>Depth</dt>\s*<dd><a href="../../about/#depth">', html)
    about = (good_site / "about" / "index.html").read_text()
    assert 'id="evidence-labels"' in about and 'id="depth"' in about


def test_pathway_headings_number_a_chapter_once(real_kb):
    for path, page in generate_pages(real_kb).items():
        if path.startswith("pathways/") and not path.endswith("index.md"):
            assert not re.search(r"^## Step \d+ of \d+: \[\d+\\\. ", page.text, re.M), path
            assert re.search(r"^\*Chapter \d+\.\*", page.text, re.M), path


def test_the_model_on_two_pages_holds_every_ingredient_and_its_board_question(real_kb):
    page = generate_pages(real_kb)[urls.SUMMARY].text
    for ing in real_kb.ingredients.values():
        assert f"### {ing.number}. " in page and f"({urls.ingredient(ing.id)})" in page
    assert page.count("**A question for the board:**") == len(real_kb.ingredients)
    assert "Henley Business School" in page


def test_search_previews_say_what_a_page_is_without_facts_or_download_line(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    first = {}
    for doc in index["docs"]:
        page, _, section = doc["location"].partition("#")
        if section and page not in first:
            first[page] = doc["text"]
    kinds = {"case-studies/": "Case study ·", "ingredients/": "Chapter ", "trust-stories/": "Trust improvement story",
             "pathways/": "Reading pathway ·", "theory/": "Theory review ·"}
    for page, text in first.items():
        kind = next((k for prefix, k in kinds.items() if page.startswith(prefix) and page != prefix), None)
        if kind:
            assert re.sub("<[^>]+>", "", text).lstrip().startswith(kind), (page, text[:80])
        if page.startswith("case-studies/") and page != "case-studies/":
            assert "Download this" not in text and "Main ingredient" not in text, page


def test_a_case_study_offers_an_email_about_it_beside_github(good_site):
    html = html_of(good_site, "case-studies/example-case.md")
    section = html.split('<section class="vc-feedback"', 1)[1].split("</section>", 1)[0]
    mail = re.search(r'href="(mailto:[^"]+)"', section).group(1).replace("&amp;", "&")
    parts = urlsplit(mail)
    assert unquote(parts.path) == CONFIG["extra"]["feedback_email"]
    query = parse_qs(parts.query)
    title = re.search(r"<h1[^>]*>([^<]+)", html).group(1)
    assert query["subject"] == [f"Problem with a case study: {title}"]
    assert query["body"][0].startswith(f"Page: {CONFIG['site_url']}case-studies/example-case/")
    assert f'{CONFIG["repo_url"]}/issues/new?' in section and 'for="vc-feedback-text"' in section
    assert "vc-feedback" not in html_of(good_site, "theory/culture.md")


@pytest.mark.browser
def test_what_the_reader_types_goes_into_the_email(chromium, good_site):
    tab = chromium.new_page(viewport={"width": 375, "height": 800})
    tab.goto((good_site / "case-studies" / "example-case" / "index.html").as_uri())
    box = tab.get_by_label("What is wrong? (it goes into the email)")
    assert box.is_visible()
    box.fill("The second figure is from 2019, not 2018 & more")
    href = tab.get_by_role("link", name="Write an email about this page").get_attribute("href")
    tab.close()
    body = parse_qs(urlsplit(href).query)["body"][0]
    assert body.endswith("What is wrong:\nThe second figure is from 2019, not 2018 & more")
