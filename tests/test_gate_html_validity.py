"""HTML validity gate: html-validate over every built page; 0 errors from our content or templates, and the
theme's own errors only as listed in tests/quality/html_validity_allowlist.json (tests/quality/html_validity.py)."""
from __future__ import annotations

import pytest

from conftest import FIXTURES
from quality import html_validity


@pytest.fixture(scope="module")
def site_errors(quality_site):
    return html_validity.validate(list(quality_site.pages), quality_site.root)


def test_built_pages_have_no_html_errors_of_ours(quality_site, site_errors):
    ours, used = html_validity.split_allowed(site_errors, html_validity.allowlist())
    assert [str(e) for e in ours] == []
    print(f"\nHTML validity gate: {len(quality_site.pages)} pages, {len(ours)} errors of ours, "
          f"{sum(used.values())} theme errors allowlisted ({len(used)} kinds)")


def test_every_allowlist_entry_is_still_needed(site_errors):
    """An entry that matches nothing any more must go, so the list only ever shrinks with the theme."""
    _, used = html_validity.split_allowed(site_errors, html_validity.allowlist())
    assert [f"{a.rule}: {a.message}" for a, n in used.items() if n == 0] == []


def test_the_allowlist_is_pinned():
    """Theme errors only, each with a reason. Adding one needs this test changed too."""
    entries = html_validity.allowlist()
    assert [(a.rule, a.selector) for a in entries] == [
        ("valid-autocomplete", "#__drawer"),
        ("valid-autocomplete", "#__search"),
        ("input-missing-label", "#__search"),
        ("input-missing-label", "#__toc"),
        ("no-missing-references", None),
        ("attribute-misuse", None),
    ]
    assert all(a.why and "Material" in a.why for a in entries)
    assert {a.message for a in entries if a.rule in ("no-missing-references", "attribute-misuse")} == {
        'Element references missing id "__toc"',
        '"rel" attribute cannot be used on <a> in this context: <a> does not allow rel="edit"',
    }


def test_planted_invalid_html_is_reported_and_not_allowlisted():
    root = FIXTURES / "sites" / "invalid-html"
    errors = html_validity.validate([root / "index.html"], root)
    ours, _ = html_validity.split_allowed(errors, html_validity.allowlist())
    found = {(e.line, e.rule) for e in ours}
    assert {(7, "no-dup-id"), (8, "element-permitted-content"), (9, "close-order")} <= found
    assert all(e.page == "index.html" for e in ours)


def test_an_allowlisted_message_on_another_element_is_still_an_error():
    error = html_validity.HtmlError("x.html", 1, "valid-autocomplete",
                                    'autocomplete attribute cannot be used on <input type="checkbox">', "#our-box")
    ours, _ = html_validity.split_allowed([error], html_validity.allowlist())
    assert ours == [error]
