"""Generated pages written as HTML (valued_care/site/html_page.py, templates/pages/*.html.j2): their headings get
the ids and permalinks Markdown's toc extension gives, MkDocs gets their table of contents and anchors back, their
links are final URLs for either URL style, and contributor text in them is escaped and only ever marked by us."""
from __future__ import annotations

import html
import re

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import GOOD, ROOT
from valued_care import urls
from valued_care.data.loader import load_knowledge_base
from valued_care.site.glossary_markup import GlossaryWords
from valued_care.site.html_page import PERMALINK_TITLE, Headings, anchor_ids, html_body, table_of_contents
from valued_care.site.pages import generate_pages
from valued_care.site.search_vocabulary import site_glossary

TITLES = ["What the problem was", "Outcomes", "Outcomes", "The trust's work: 2019–2020", "Café & A&E",
          "Über <b>bold</b> *x*", "1. Experts by experience", "   spaced    out  "]


def test_heading_ids_are_those_markdown_gives():
    source = "\n\n".join(f"## {t.replace('<', '&lt;').replace('*', chr(92) + '*')}" for t in TITLES)
    expected = re.findall(r'<h2 id="([^"]+)"', markdown.markdown(source, extensions=["toc"]))
    headings = Headings()
    written = [headings(2, t) for t in TITLES]
    assert [re.search(r'id="([^"]+)"', h).group(1) for h in written] == expected
    assert all(f'title="{PERMALINK_TITLE}">&para;</a></h2>' in h for h in written)
    assert "&lt;b&gt;bold&lt;/b&gt;" in written[5], "heading text is escaped"


def test_the_permalink_title_is_the_one_mkdocs_yml_gives():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    toc = next(e["toc"] for e in config["markdown_extensions"] if isinstance(e, dict) and "toc" in e)
    assert toc["permalink_title"] == PERMALINK_TITLE


def test_table_of_contents_nests_headings_by_level_and_finds_every_id():
    headings = Headings()
    page = "".join([headings(1, "Title"), "<p id=\"x\">text</p>", headings(2, "One"), headings(3, "One a"),
                    headings(2, "Two", exclude=True), headings(3, "Two a", "two-a")])
    tokens = table_of_contents(page)
    assert [(t["id"], [(c["id"], [g["id"] for g in c["children"]]) for c in t["children"]]) for t in tokens] == [
        ("title", [("one", ["one-a"]), ("two", ["two-a"])])]
    assert anchor_ids(page) == {"title", "x", "one", "one-a", "two", "two-a"}
    assert 'data-search-exclude="1"' in headings(2, "Three", exclude=True)


@pytest.fixture(scope="module")
def real_pages():
    return generate_pages(load_knowledge_base(ROOT / "data"))


def test_the_pages_that_grow_with_the_collection_are_written_as_html(real_pages):
    kb = load_knowledge_base(ROOT / "data")
    html_pages = {path for path, page in real_pages.items() if page.html}
    grows = ({urls.case_study(c) for c in kb.case_studies} | {urls.trust(t) for t in kb.trusts}
             | {urls.ingredient(i) for i in kb.ingredients})  # a chapter lists its case studies
    assert grows | {urls.FINDER, urls.CASE_STUDIES_INDEX, urls.RESOURCES} <= html_pages
    assert urls.theory("culture") not in html_pages  # a page that does not grow stays Markdown


def test_every_heading_of_an_html_page_is_in_its_table_of_contents(real_pages):
    for path, page in real_pages.items():
        if page.html:
            body = page.text.split("\n---\n", 1)[1]
            count = len(table_of_contents(body)) + sum(len(t["children"]) for t in table_of_contents(body))
            nested = len(re.findall(r"<h[1-6][ >]", body))
            assert nested >= count > 0, path
            assert len(_flatten(table_of_contents(body))) == nested, path


def _flatten(tokens):
    return [t for token in tokens for t in [token, *_flatten(token["children"])]]


def test_html_pages_hold_no_markdown_syntax(real_pages):
    """Markdown in an HTML page would show as its marks: links, attribute lists, emphasis, definitions."""
    for path, page in real_pages.items():
        if page.html:
            body = page.text.split("\n---\n", 1)[1]
            for mark in ("](", "{:", "**", "\n:   ", "\n- ", "\n!!! "):
                assert mark not in body, (path, mark)


@pytest.mark.parametrize("directory_urls", [True, False])
def test_links_in_html_pages_are_final_urls_for_either_url_style(directory_urls):
    kb = load_knowledge_base(GOOD)
    pages = generate_pages(kb, directory_urls=directory_urls)
    case = next(iter(kb.case_studies.values()))
    body = pages[urls.case_study(case.id)].text
    trust = urls.href(urls.case_study(case.id), urls.trust(case.trusts[0]), directory_urls)
    assert f'href="{trust}"' in body
    assert trust == (f"../../trusts/{case.trusts[0]}/" if directory_urls else f"../trusts/{case.trusts[0]}.html")
    assert ".md" not in " ".join(re.findall(r'href="([^"]+)"', body))


def test_urls_href_reaches_pages_files_queries_and_anchors():
    assert urls.href("case-studies/x.md", "pdf/case-studies/x.pdf") == "../../pdf/case-studies/x.pdf"
    assert urls.href("topics/x.md", "finder.md?topic=x") == "../../finder/?topic=x"
    assert urls.href("topics/x.md", "finder.md?topic=x", False) == "../finder.html?topic=x"
    assert urls.href("case-studies/x.md", urls.resource("r")) == "../../resources/#res-r"
    assert urls.href("case-studies/index.md", "case-studies/index.md", anchor="culture") == "./#culture"


def test_hostile_text_in_an_html_page_shows_literally():
    pages = generate_pages(load_knowledge_base(GOOD))
    body = pages["case-studies/injection-shows-literally.md"].text.split("\n---\n", 1)[1]
    assert "<script" not in body.lower() and 'href="javascript' not in body.lower()
    lede = re.search(r'<p class="vc-lede">(.*?)</p>', body).group(1)
    assert lede == "Markdown [click](javascript:alert(1)) and **bold** and &amp; and :smile: stay as typed."
    assert "{{ 7*7 }}" in html.unescape(body)


WORDS = st.lists(st.one_of(st.sampled_from(["CBT", "CQC", "A&E", "ICBs", "Care Quality Commission (CQC)", "<b>",
                                            "&amp;", '"', "'", "<a href=x>", "\n", "  ", "PICU", "picu"]),
                           st.text(alphabet="abcXYZ019 .,()&<>", min_size=1, max_size=5)),
                 min_size=1, max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=4))
def test_glossary_marking_keeps_the_text_exactly_and_adds_only_its_own_links(texts):
    words = GlossaryWords(site_glossary())
    marker = words.marker("../glossary/")
    for text in texts:
        out = str(marker(text))
        tags = re.findall(r"<[^>]+>", out)
        assert all(re.fullmatch(r'<a class="vc-glossary-link" href="\.\./glossary/#[a-z0-9-]+">|<abbr title="[^"<>]+">'
                                r"|</abbr>|</a>", tag) for tag in tags), out
        shown = html.unescape(re.sub(r"<[^>]+>", "", out))
        raw = str(text)
        assert shown.strip() == " ".join(raw.split())
    assert len(marker.seen) == len(set(marker.seen))


def test_every_value_in_an_attribute_of_an_html_template_is_escaped_for_attributes():
    """Values are escaped as text by default (quotes left as typed); in an attribute a value must take `attr`, be a
    validated id (`anchor`) or be a link we build (href(...), escaped whole)."""
    allowed = re.compile(r"^(.*\| (attr|anchor)|href\(.*\))$")
    for template in (ROOT / "valued_care" / "templates" / "pages").glob("*.html.j2"):
        for attribute in re.findall(r'=\s*"([^"]*\{\{[^"]*)"', template.read_text(encoding="utf-8")):
            for value in re.findall(r"\{\{\s*(.*?)\s*\}\}", attribute):
                assert allowed.match(value), f"{template.name}: {{{{ {value} }}}} in an attribute needs | attr"


def test_a_page_body_read_back_from_disk_starts_at_its_first_tag():
    """The body is read again from disk when MkDocs writes the page; blank lines before it would give Material's
    search a nameless first section instead of the page's own entry."""
    page = generate_pages(load_knowledge_base(GOOD))["trusts/example-trust.md"]
    body = html_body(page.text)
    assert body.startswith("<h1 id=") and body == page.text.split("\n---\n", 1)[1].lstrip("\n")


def test_a_page_that_opens_with_its_title_is_searched_at_its_own_address(built_site):
    import json
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    text_at = {d["location"]: d["text"] for d in docs}
    kb = load_knowledge_base(ROOT / "data")
    for page in [*map(urls.trust, kb.trusts), urls.setting("community"), urls.topic("crisis-care")]:
        assert text_at.get(urls.built(page)), page  # the title's section, at the page's own address
