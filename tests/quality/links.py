"""Links gate: every internal link and anchor in the built HTML resolves to a file and, if it names one, an id.

Every URL-bearing attribute of every element counts (links written in raw HTML, generated pages, the theme's own
assets), and so do the addresses in the sitemap and the search index, which readers and search engines follow too.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from quality.html_scan import scan_file
from quality.site import BuiltSite

# Links that go nowhere in the site and need no file: mail, phone, and same-page script hooks with no anchor.
_NOT_A_FILE = re.compile(r"^(mailto:|tel:|sms:|#$)", re.IGNORECASE)


@dataclass(frozen=True)
class BrokenLink:
    page: str   # site-relative file, e.g. case-studies/x/index.html
    line: int
    url: str
    problem: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.url}: {self.problem}"


@dataclass
class LinkReport:
    pages: int = 0
    checked: int = 0            # internal links followed (file and anchor)
    external: int = 0           # links that leave the site (not followed: the machine and CI are offline)
    broken: list[BrokenLink] = field(default_factory=list)


def check_links(site: BuiltSite) -> LinkReport:
    report = LinkReport()
    ids: dict[Path, set[str]] = {}

    def ids_of(file: Path) -> set[str]:
        if file not in ids:
            ids[file] = scan_file(file).ids
        return ids[file]

    def follow(page: Path, line: int, url: str, where: str = "") -> None:
        if not url or _NOT_A_FILE.match(url):
            return
        target = site.resolve(url, page)
        if target is None:
            report.external += 1
            return
        report.checked += 1
        where = where or page.relative_to(site.root).as_posix()
        if target.file is None:
            report.broken.append(BrokenLink(where, line, url, "no such file in the built site"))
        elif target.fragment and target.file.suffix == ".html" and target.fragment not in ids_of(target.file):
            report.broken.append(BrokenLink(where, line, url, f"no id '{target.fragment}' in that page"))

    for page in site.pages:
        report.pages += 1
        scanned = scan_file(page)
        ids.setdefault(page, scanned.ids)
        for element in scanned.elements:
            for _attribute, url in element.urls():
                follow(page, element.line, url)

    home = site.root / "index.html"  # both list addresses relative to the site's root
    for url in _sitemap_urls(site):
        follow(home, 0, url, "sitemap.xml")
    for location in _search_locations(site):
        follow(home, 0, location, "search/search_index.json")
    return report


def _sitemap_urls(site: BuiltSite) -> list[str]:
    sitemap = site.root / "sitemap.xml"
    if not sitemap.exists():
        return []
    return re.findall(r"<loc>([^<]+)</loc>", sitemap.read_text(encoding="utf-8"))


def _search_locations(site: BuiltSite) -> list[str]:
    """Locations in MkDocs' search index are relative to the site root, as the search results link them."""
    index = site.root / "search" / "search_index.json"
    if not index.exists():
        return []
    docs = json.loads(index.read_text(encoding="utf-8")).get("docs", [])
    return [doc["location"] for doc in docs if "location" in doc]
