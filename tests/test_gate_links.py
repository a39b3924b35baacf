"""Links gate: 0 broken internal links or anchors in the built site (tests/quality/links.py)."""
from __future__ import annotations

from conftest import FIXTURES
from quality.links import check_links
from quality.site import BuiltSite

PLANTED = BuiltSite(FIXTURES / "sites" / "broken-links", "https://example.org/kb/")


def test_every_internal_link_and_anchor_in_the_built_site_resolves(quality_site):
    report = check_links(quality_site)
    assert [str(b) for b in report.broken] == []
    assert report.pages == len(quality_site.pages)
    assert report.checked > 20 * report.pages  # navigation, assets and content links on every page were followed
    print(f"\nlinks gate: {report.pages} pages, {report.checked} internal links and anchors checked, "
          f"{report.external} external links not followed, {len(report.broken)} broken")


def test_planted_broken_anchors_and_links_fail_the_check():
    broken = {(b.page, b.url): b.problem for b in check_links(PLANTED).broken}
    assert broken == {
        ("index.html", "case-studies/example/#no-such-heading"): "no id 'no-such-heading' in that page",
        ("index.html", "#nowhere"): "no id 'nowhere' in that page",
        ("index.html", "case-studies/missing/"): "no such file in the built site",
        ("index.html", "assets/missing.png"): "no such file in the built site",
        ("index.html", "/elsewhere/"): "no such file in the built site",
        ("sitemap.xml", "https://example.org/kb/case-studies/removed/"): "no such file in the built site",
        ("search/search_index.json", "case-studies/example/#lessons"): "no id 'lessons' in that page",
    }


def test_broken_links_are_reported_with_their_line():
    lines = {b.url: b.line for b in check_links(PLANTED).broken}
    assert lines["#nowhere"] == 20 and lines["assets/missing.png"] == 22


def test_a_real_page_with_a_planted_broken_anchor_fails(quality_site, tmp_path):
    """The same check on a copy of a real built page with one link changed to point at a missing heading."""
    page = quality_site.root / "accessibility" / "index.html"
    html = page.read_text(encoding="utf-8")
    copy = tmp_path / "site"
    (copy / "accessibility").mkdir(parents=True)
    (copy / "accessibility" / "index.html").write_text(
        html.replace("</article>", '<p><a href="#no-such-section">see below</a></p></article>', 1), encoding="utf-8")
    broken = check_links(BuiltSite(copy, quality_site.site_url)).broken
    assert ("accessibility/index.html", "#no-such-section") in {(b.page, b.url) for b in broken}
