"""Script-injection gate: no script or data URLs, no event handlers, and no script, frame, object or form coming
from content anywhere in the built site (tests/quality/injection.py)."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from conftest import FIXTURES
from quality.html_scan import scan_html
from quality.injection import ALLOWED, Allowed, dangerous_url, element_findings, find_injections, refresh_target
from quality.site import BuiltSite

LAX_PARSER_TRICKS = BuiltSite(FIXTURES / "sites" / "markup-that-hides-from-lax-parsers", "https://example.org/kb/")
# Each page plants one payload, on line 5, in the article. The gate's old parser (html.parser) passed the first five
# (it read them as comments, as markup, or as attributes, where a browser runs them) and flagged the harmless last page.
PLANTED = {
    "comment-ends-at-first-gt.html": ["<svg onload=...>: an event-handler attribute runs script"],  # issue 11
    "cdata-outside-svg.html": ["<svg onload=...>: an event-handler attribute runs script"],
    "comment-of-three-dashes.html": ["<img onerror=...>: an event-handler attribute runs script"],
    "noscript-is-raw-text.html": ["<img onerror=...>: an event-handler attribute runs script"],
    "svg-animate-href.html": ["<animate values='javascript:alert(1)'>: a script or data URL"],
    "tab-entity-in-scheme.html": ["<a href='jav\\tascript:alert(1)'>: a script or data URL"],
    "space-before-scheme.html": ["<a href='javascript:alert(1)'>: a script or data URL"],
    "svg-xlink-href.html": ["<a xlink:href='javascript:alert(1)'>: a script or data URL"],
    "mathml-mtext-img.html": ["<img onerror=...>: an event-handler attribute runs script"],
    "unquoted-attribute.html": ["<a href='javascript:alert(1)'>: a script or data URL"],
    "upper-case-handler.html": ["<img onload=...>: an event-handler attribute runs script"],
    "iframe-srcdoc.html": ["<iframe srcdoc=...>: an inline document, which can run script",
                           "<iframe> in the page content"],
    "base-href.html": ["<base> in the page content"],
    "meta-refresh.html": ["<meta content='javascript:alert(1)'>: a script or data URL", "<meta> in the page content"],
    "harmless-comment-and-textarea.html": [],  # a real comment and a textarea's text: the browser runs neither
}


def test_the_built_site_has_no_script_injection(quality_site):
    started = time.perf_counter()
    scanned, findings = find_injections(quality_site)
    seconds = time.perf_counter() - started
    assert [str(f) for f in findings] == []
    assert scanned > 100 * len(quality_site.pages)
    print(f"\ninjection gate: {len(quality_site.pages)} pages, {scanned} elements scanned, {len(findings)} findings, "
          f"{seconds:.1f} s")


@pytest.fixture(scope="module")
def trick_findings():
    return find_injections(LAX_PARSER_TRICKS, ())[1]


@pytest.mark.parametrize("page", sorted(PLANTED))
def test_markup_is_read_as_a_browser_reads_it(page, trick_findings):
    assert [(f.line, f.problem) for f in trick_findings if f.page == page] == [(5, p) for p in PLANTED[page]]


def test_every_page_of_the_lax_parser_tricks_is_checked():
    assert sorted(p.name for p in LAX_PARSER_TRICKS.pages) == sorted(PLANTED)


def test_a_meta_refresh_to_a_script_url_is_found_outside_the_content_too():
    page = scan_html("<head>\n<meta http-equiv=Refresh content=\"5; URL='javascript:alert(1)'\"></head>", Path("x"))
    assert [p for e in page.elements for p in element_findings("x.html", e, ())] == [
        "<meta content='javascript:alert(1)'>: a script or data URL"]
    assert refresh_target("0;url=https://example.org/") == "https://example.org/"
    assert refresh_target("3") == ""


def test_planted_injections_are_found_and_our_own_finder_form_is_not():
    site = BuiltSite(FIXTURES / "sites" / "script-in-content", "https://example.org/kb/")
    allowed = (Allowed("index.html", "form", "id", "vc-finder-form", "as the real finder's form"),)
    _, findings = find_injections(site, allowed)
    assert [(f.line, f.problem) for f in findings] == [
        (6, "<a onmouseover=...>: an event-handler attribute runs script"),
        (10, "<a href='javascript:alert(1)'>: a script or data URL"),
        (10, "<a href='java\\tscript:alert(1)'>: a script or data URL"),
        (11, "<img src='data:image/svg+xml;base64,PHN2Zz48L3N2Zz4='>: a script or data URL"),
        (12, "<p onclick=...>: an event-handler attribute runs script"),
        (13, "<script> in the page content"),
        (14, "<iframe> in the page content"),
        (15, "<object> in the page content"),
        (16, "<form> in the page content"),
    ]


def test_theme_scripts_outside_the_content_are_not_findings():
    site = BuiltSite(FIXTURES / "sites" / "script-in-content", "https://example.org/kb/")
    _, findings = find_injections(site, ())
    assert not [f for f in findings if f.line in (4, 21)]  # the theme's <script> in <head> and at the end of <body>


def test_browsers_ignore_whitespace_and_case_in_a_scheme_and_so_does_the_check():
    assert dangerous_url("JaVaScRiPt:alert(1)") and dangerous_url(" \njava\tscript:x") and dangerous_url("DATA:x")
    assert not dangerous_url("https://example.org/javascript:") and not dangerous_url("../data/file.csv")


def test_the_allowlist_holds_only_our_own_search_forms():
    """Our own template markup only: adding an entry needs this test changed too."""
    assert [(a.pages, a.tag, a.attribute, a.value) for a in ALLOWED] == [
        ("finder/index.html", "form", "id", "vc-finder-form"),
        ("ingredients/*/index.html", "form", "aria-label", "This chapter's case studies"),
        ("index.html", "form", "class", "vc-home-search"),
    ]


def test_every_allowlist_entry_is_still_needed(quality_site):
    """An entry that matches nothing in the built site must go."""
    unused = []
    for entry in ALLOWED:
        _, findings = find_injections(quality_site, tuple(a for a in ALLOWED if a is not entry))
        if not findings:
            unused.append(entry.value)
    assert unused == []
