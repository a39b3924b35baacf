"""Privacy gate: the site makes no request to any host but its own.

Two checks. In the browser (crawl.py), every request a page makes is recorded through RequestLog, and any
request for another host is recorded and then refused, so nothing leaves the machine. In the HTML, every address
the browser would fetch without a click (scripts, styles, images, frames, preconnect and prefetch hints, which
make connections the browser's request events never show) must be the site's own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from quality.html_scan import Element, scan_file
from quality.site import BuiltSite

_CSS_URL = re.compile(r"""url\(\s*["']?([^"')\s]+)|@import\s+["']([^"']+)""", re.IGNORECASE)
# <link rel=...> values that make the browser fetch or connect on load; other rels (canonical, license) only name.
FETCHING_RELS = frozenset({"stylesheet", "icon", "shortcut", "apple-touch-icon", "mask-icon", "manifest", "preload",
                           "prefetch", "preconnect", "dns-prefetch", "modulepreload", "prerender"})


@dataclass(frozen=True)
class Request:
    page: str          # the page (and state) being visited when the request was made
    url: str
    resource_type: str


@dataclass
class RequestLog:
    """Every request a browser context makes while attached; other hosts' requests are refused."""
    origin: str                      # scheme://host:port of the served site
    page: str = ""                   # set by the crawler before each visit
    requests: list[Request] = field(default_factory=list)
    failed: list[tuple[Request, str]] = field(default_factory=list)

    def attach(self, context) -> None:
        context.on("request", lambda r: self.requests.append(Request(self.page, r.url, r.resource_type)))
        context.on("requestfailed", self._on_failed)
        context.on("response", self._on_response)
        context.route(lambda url: not self.is_own(url), lambda route: route.abort("blockedbyclient"))

    def is_own(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            return True  # made in the page, never sent over the network
        return f"{parts.scheme}://{parts.netloc}" == self.origin

    def offsite(self) -> list[Request]:
        return [r for r in self.requests if not self.is_own(r.url)]

    def _on_failed(self, request) -> None:
        if self.is_own(request.url):
            self.failed.append((Request(self.page, request.url, request.resource_type), request.failure or "failed"))

    def _on_response(self, response) -> None:
        if response.status >= 400 and self.is_own(response.url):
            request = response.request
            self.failed.append((Request(self.page, request.url, request.resource_type), f"HTTP {response.status}"))


def fetched_urls(element: Element) -> list[str]:
    """The addresses this element makes the browser fetch or connect to on load (not links a reader clicks)."""
    if element.tag in ("a", "area"):
        return []
    if element.tag == "link":
        rels = set((element.get("rel") or "").lower().split())
        return [element.get("href") or ""] if rels & FETCHING_RELS else []
    return [url for attribute, url in element.urls() if attribute not in ("cite", "longdesc", "action", "formaction")]


def offsite_resources(site: BuiltSite) -> tuple[int, list[str]]:
    """(resource addresses checked, 'file:line: url' for each that is another host's) over every page and
    stylesheet (url() and @import: a web font or background image from a CDN)."""
    checked, found = 0, []
    for path in sorted(site.root.rglob("*.css")):
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            for url in (a or b for a, b in _CSS_URL.findall(line)):
                checked += 1
                if urlsplit(url).netloc or url.startswith("//"):
                    found.append(f"{path.relative_to(site.root).as_posix()}:{number}: fetches {url}")
    for path in site.pages:
        page = path.relative_to(site.root).as_posix()
        for element in scan_file(path).elements:
            for url in fetched_urls(element):
                if not url or url.startswith(("data:", "#")):
                    continue
                checked += 1
                parts = urlsplit(url)
                if (parts.scheme or parts.netloc) and site.resolve(url, path) is None:
                    found.append(f"{page}:{element.line}: <{element.tag}> fetches {url}")
    return checked, found
