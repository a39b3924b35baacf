"""Visit every page of a served site once in a browser: audit it with axe and record every request it makes.

One visit serves both the accessibility and the privacy gate, so the browser loads each page once per test run.
"""
from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from quality import accessibility
from quality.page_states import STATES, PageState
from quality.privacy import RequestLog
from quality.serve import serve
from quality.site import BuiltSite

VIEWPORT = {"width": 1280, "height": 800}


@dataclass(frozen=True)
class Visit:
    page: str              # site-relative file, e.g. case-studies/x/index.html
    state: str             # "as loaded" or the name of a PageState
    status: int | None     # HTTP status of the page itself
    violations: list[dict]


@dataclass
class CrawlReport:
    visits: list[Visit] = field(default_factory=list)
    log: RequestLog | None = None
    errors: list[str] = field(default_factory=list)  # uncaught script errors in pages

    @property
    def pages(self) -> set[str]:
        return {v.page for v in self.visits}

    def states_applied(self) -> set[tuple[str, str]]:
        return {(v.state, v.page) for v in self.visits if v.state != "as loaded"}


def crawl_site(browser, site: BuiltSite, states: tuple[PageState, ...] = STATES, audit: bool = True) -> CrawlReport:
    """Serve the site on 127.0.0.1 under its published path and crawl it with `browser` (a Playwright Browser:
    the test run's one Chromium, since Playwright's sync API allows one instance at a time)."""
    with serve(site.root, site.base_path) as address:
        return crawl(browser, site, address, states, audit)


def crawl(browser, site: BuiltSite, address: str, states: tuple[PageState, ...] = STATES,
          audit: bool = True) -> CrawlReport:
    """Visit every page of `site`, served at `address`, and each state on the pages it applies to."""
    parts = urlsplit(address)
    origin = f"{parts.scheme}://{parts.netloc}"
    log = RequestLog(origin)
    report = CrawlReport(log=log)
    context = browser.new_context(viewport=VIEWPORT)
    log.attach(context)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("pageerror", lambda error: report.errors.append(f"{log.page}: {error}"))
    try:
        for path in site.pages:
            name = path.relative_to(site.root).as_posix()
            url = origin + site.url_path(path)
            report.visits.append(_visit(page, log, url, name, "as loaded", None, audit))
            for state in states:
                if fnmatch.fnmatch(name, state.pages):
                    report.visits.append(_visit(page, log, url, name, state.name, state.apply, audit))
                    page.set_viewport_size(VIEWPORT)
    finally:
        context.close()
    return report


def _visit(page, log: RequestLog, url: str, name: str, state: str, apply, audit: bool) -> Visit:
    log.page = name if state == "as loaded" else f"{name} ({state})"
    response = page.goto(url, wait_until="load")
    if apply is not None:
        apply(page)
    violations = accessibility.audit(page) if audit else []
    page.wait_for_load_state("networkidle")  # late requests (the theme's, the finder's) land in the log
    return Visit(name, state, response.status if response else None, violations)
