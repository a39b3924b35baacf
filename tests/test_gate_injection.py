"""Script-injection gate: no script or data URLs, no event handlers, and no script, frame, object or form coming
from content anywhere in the built site (macros/quality/injection.py)."""
from __future__ import annotations

from conftest import FIXTURES
from macros.quality.injection import ALLOWED, Allowed, dangerous_url, find_injections
from macros.quality.site import BuiltSite


def test_the_built_site_has_no_script_injection(quality_site):
    scanned, findings = find_injections(quality_site)
    assert [str(f) for f in findings] == []
    assert scanned > 100 * len(quality_site.pages)
    print(f"\ninjection gate: {len(quality_site.pages)} pages, {scanned} elements scanned, {len(findings)} findings")


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


def test_the_allowlist_holds_only_our_two_search_forms():
    """Our own template markup only: adding an entry needs this test changed too."""
    assert [(a.pages, a.tag, a.attribute, a.value) for a in ALLOWED] == [
        ("finder/index.html", "form", "id", "vc-finder-form"),
        ("ingredients/*/index.html", "form", "aria-label", "This chapter's case studies"),
    ]


def test_every_allowlist_entry_is_still_needed(quality_site):
    """An entry that matches nothing in the built site must go."""
    unused = []
    for entry in ALLOWED:
        _, findings = find_injections(quality_site, tuple(a for a in ALLOWED if a is not entry))
        if not findings:
            unused.append(entry.value)
    assert unused == []
