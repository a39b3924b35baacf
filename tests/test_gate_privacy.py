"""Privacy gate: a headless crawl of every page (and page state) makes 0 requests to any host but the site's own;
no page's HTML names another host for anything it loads (tests/quality/privacy.py, crawl.py)."""
from __future__ import annotations

import pytest

from conftest import FIXTURES
from quality.crawl import crawl_site
from quality.privacy import offsite_resources
from quality.site import BuiltSite

PLANTED = BuiltSite(FIXTURES / "sites" / "third-party-requests", "https://example.org/kb/")


@pytest.mark.browser
def test_the_crawl_makes_no_request_to_another_host(site_crawl):
    offsite = [f"{r.page}: {r.resource_type} {r.url}" for r in site_crawl.log.offsite()]
    assert offsite == []
    assert len(site_crawl.log.requests) >= len(site_crawl.visits)
    print(f"\nprivacy gate: {len(site_crawl.pages)} pages, {len(site_crawl.visits)} page states, "
          f"{len(site_crawl.log.requests)} requests, {len(offsite)} to other hosts")


@pytest.mark.browser
def test_every_request_to_the_site_itself_succeeds(site_crawl):
    assert [f"{r.page}: {r.url}: {why}" for r, why in site_crawl.log.failed] == []


def test_no_page_loads_anything_from_another_host(quality_site):
    checked, found = offsite_resources(quality_site)
    assert found == []
    assert checked >= 4 * len(quality_site.pages)  # stylesheets, scripts and icons on every page


@pytest.mark.browser
def test_planted_third_party_requests_are_recorded_and_refused(chromium):
    log = crawl_site(chromium, PLANTED, states=(), audit=False).log
    hosts = {r.url.split("/")[2] for r in log.offsite()}
    assert {"fonts.googleapis.com", "fonts.gstatic.com", "cdn.example.net", "api.github.com"} <= hosts
    assert "www.england.nhs.uk" not in hosts  # a link is not a request


def test_planted_third_party_resources_are_found_in_the_html():
    _, found = offsite_resources(PLANTED)
    assert found == [
        "site.css:1: fetches https://fonts.googleapis.com/css2?family=Roboto",
        "site.css:3: fetches //fonts.gstatic.com/s/roboto.woff2",
        "index.html:4: <link> fetches https://fonts.googleapis.com/css?family=Roboto:300,400",
        "index.html:5: <link> fetches https://cdn.example.net",
        "index.html:11: <img> fetches https://cdn.example.net/logo.png",
    ]
