"""A built site on disk: its pages, its address, and how a link in one page resolves to a file and an anchor."""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from valued_care.paths import ROOT


def configured_site_url(mkdocs_yml: Path = ROOT / "mkdocs.yml") -> str:
    """site_url from mkdocs.yml, read as text (the file may hold tags a safe YAML loader refuses)."""
    match = re.search(r"^site_url:\s*(\S+)\s*$", mkdocs_yml.read_text(encoding="utf-8"), re.MULTILINE)
    if not match:
        raise ValueError(f"{mkdocs_yml} has no site_url")
    return match.group(1).rstrip("/") + "/"


@dataclass(frozen=True)
class Target:
    """Where an internal link points: a file in the site (or None if nothing is there) and an anchor."""
    file: Path | None
    fragment: str


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    site_url: str  # the published address, e.g. https://example.org/project/ (pages use its path as their base)

    @property
    def base_path(self) -> str:
        return urlsplit(self.site_url).path or "/"

    @cached_property
    def pages(self) -> tuple[Path, ...]:
        return tuple(sorted(self.root.rglob("*.html")))

    def url_path(self, page: Path) -> str:
        """The path a browser asks for to get this page (a folder's index.html is asked for as the folder)."""
        rel = page.relative_to(self.root).as_posix()
        if rel == "index.html" or rel.endswith("/index.html"):
            rel = rel[: -len("index.html")]
        return self.base_path + rel

    def resolve(self, url: str, from_page: Path) -> Target | None:
        """The file and anchor a link in from_page points to, or None if the link leaves the site."""
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            if not url.startswith(self.site_url):
                return None
            url = self.base_path + url[len(self.site_url):]
        absolute = urlsplit(urljoin(self.url_path(from_page), url))
        path = unquote(absolute.path)
        fragment = unquote(absolute.fragment)
        if not path.startswith(self.base_path):
            return Target(None, fragment)  # a root-relative link that escapes the site's folder when published
        rel = posixpath.normpath(path[len(self.base_path):]) if path != self.base_path else "."
        if rel.startswith(".."):
            return Target(None, fragment)
        candidate = self.root / rel
        if candidate.is_dir() or path.endswith("/"):
            candidate = candidate / "index.html"
        return Target(candidate if candidate.is_file() else None, fragment)
