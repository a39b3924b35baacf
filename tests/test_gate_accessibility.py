"""Accessibility gate: axe-core (WCAG 2.0, 2.1, 2.2, A and AA) in headless Chromium over every built page, the
404 page and each page state (search results, the finder with filters applied, a narrow screen with the menu
open): 0 violations (tests/quality/accessibility.py, crawl.py, page_states.py)."""
from __future__ import annotations

import hashlib
import re

import pytest

from conftest import FIXTURES, ROOT
from quality.accessibility import WCAG_TAGS, describe
from quality.browser import PageNotSettled, settle
from quality.crawl import crawl_site
from quality.page_states import STATES
from quality.serve import serve
from quality.site import BuiltSite

pytestmark = pytest.mark.browser


def test_every_page_and_state_has_no_wcag_a_or_aa_violations(quality_site, site_crawl):
    problems = [line for v in site_crawl.visits for line in describe(v.violations, f"{v.page} ({v.state})")]
    assert problems == []
    assert site_crawl.pages == {p.relative_to(quality_site.root).as_posix() for p in quality_site.pages}
    assert "404.html" in site_crawl.pages
    print(f"\naccessibility gate: {len(site_crawl.pages)} pages, {len(site_crawl.visits)} page states audited "
          f"with axe-core ({', '.join(WCAG_TAGS)}), {len(problems)} violations")


def test_every_page_state_was_reached(site_crawl):
    """A state whose page moved or whose controls changed fails here instead of dropping out of the audit."""
    assert {(s.name, s.pages) for s in STATES} <= site_crawl.states_applied()


def test_every_page_loads_without_script_errors(site_crawl):
    assert site_crawl.errors == []
    assert {v.status for v in site_crawl.visits} == {200}


def test_planted_violations_are_found(chromium):
    site = BuiltSite(FIXTURES / "sites" / "inaccessible", "https://example.org/kb/")
    report = crawl_site(chromium, site, states=())
    found = {v["id"] for visit in report.visits for v in visit.violations}
    assert {"color-contrast", "image-alt", "label", "link-name", "html-has-lang"} <= found


def test_axe_waits_for_the_page_to_be_still_and_a_page_that_never_is_fails_clearly(chromium):
    """axe reads colours as they are at that moment: mid-fade, a colour that passes can fail contrast (issue 11).
    settle (called by audit before every axe run) waits out transitions and names any animation that never ends."""
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.set_content("<style>#fade { transition: opacity 400ms linear } #fade.out { opacity: 0.25 }"
                         " @keyframes spin { to { transform: rotate(1turn) } }"
                         " .spin { animation: spin 1s linear infinite }</style><p id=fade>Text</p><p id=spinner>*</p>")
        page.evaluate("document.getElementById('fade').classList.add('out')")
        settle(page)
        assert page.evaluate("getComputedStyle(document.getElementById('fade')).opacity") == "0.25"
        page.evaluate("document.getElementById('spinner').classList.add('spin')")
        with pytest.raises(PageNotSettled, match=r"still moving after 300 ms: animation spin on p#spinner.spin"):
            settle(page, timeout_ms=300)
    finally:
        context.close()


def test_links_in_text_are_underlined_and_focus_is_visible(quality_site, chromium):
    """What axe cannot see: as on NHS sites, links in text are underlined and a link reached by keyboard turns
    focus-yellow with a dark underline."""
    with serve(quality_site.root, quality_site.base_path) as address:
        context = chromium.new_context()
        try:
            page = context.new_page()
            page.set_default_timeout(10_000)
            page.goto(address)
            page.keyboard.press("Tab")  # the first stop is the skip link
            skip = page.evaluate("document.activeElement.classList.contains('md-skip')")
            link = page.locator("article li a:not(.headerlink)").first
            underline = link.evaluate("a => getComputedStyle(a).textDecorationLine")
            link.focus()
            page.keyboard.press("Shift+Tab")  # and back: focus that came from the keyboard
            page.keyboard.press("Tab")
            focused = page.evaluate("[document.activeElement.closest('article') !== null, "
                                    "getComputedStyle(document.activeElement).backgroundColor]")
        finally:
            context.close()
    assert skip
    assert "underline" in underline
    assert focused == [True, "rgb(255, 235, 59)"]


def test_the_accessibility_statement_is_linked_from_every_page_footer(quality_site):
    statement = quality_site.root / "accessibility" / "index.html"
    for path in quality_site.pages:
        footer = path.read_text(encoding="utf-8").split('<footer class="md-footer">', 1)[1]
        hrefs = re.findall(r'<a href="([^"]*)">Accessibility statement</a>', footer)
        assert [quality_site.resolve(h, path).file for h in hrefs] == [statement], path


def test_the_accessibility_statement_follows_the_gov_uk_model():
    text = (ROOT / "docs" / "accessibility.md").read_text(encoding="utf-8")
    headings = re.findall(r"^#+ (.+)$", text, re.MULTILINE)
    assert headings == [
        "Accessibility statement", "How accessible this website is", "Feedback and contact information",
        "Reporting accessibility problems with this website", "Enforcement procedure",
        "Technical information about this website's accessibility", "Compliance status", "Non-accessible content",
        "Not yet checked by hand", "Content that is not within the scope of the accessibility regulations",
        "What we are doing to improve accessibility", "Preparation of this accessibility statement"]
    checklist = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    for manual_check in ("keyboard", "400% zoom and 320 pixels", "screen reader", "focused element is never hidden",
                         "24 by 24"):
        assert any(manual_check in item for item in checklist), manual_check
    assert "WCAG 2.0, 2.1 and 2.2 at levels A and AA" in text


def test_axe_is_the_vendored_version_named_in_its_readme():
    from quality.accessibility import AXE

    readme = (AXE.parent / "README.md").read_text(encoding="utf-8")
    version = re.search(r"\| axe-core \| ([\d.]+) \|", readme).group(1)
    assert AXE.read_text(encoding="utf-8").startswith(f"/*! axe v{version}\n")
    assert hashlib.sha256(AXE.read_bytes()).hexdigest() in readme
