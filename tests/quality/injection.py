"""Script-injection gate: a scan of the built HTML for anything that could run script or send the reader away.

Everywhere in a page: no javascript:, vbscript: or data: URLs in any URL attribute (SVG's xlink:href, SVG animation
values and a meta refresh's target included), no on* event-handler attributes on any element (HTML, SVG or MathML),
and no srcdoc documents. Inside the article body (the page's content), no element that runs script, embeds another
document, submits data or changes how the page loads, unless it is one of ours, named in ALLOWED (our own
templates, never contributor text, which is escaped).

Pages are read as a browser reads them (html_scan parses with html5lib, a WHATWG-conformant parser), so markup
that hides from a lax parser, such as `<!--><svg onload=...>-->`, is seen where the browser sees it.
"""
from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass

from quality.html_scan import Element, scan_file
from quality.site import BuiltSite

DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")
CONTENT_BANNED_TAGS = frozenset({"script", "iframe", "frame", "frameset", "object", "embed", "applet", "form",
                                 "base", "meta", "link", "style"})
# Browsers ignore ASCII whitespace and control characters inside a URL's scheme ("java\tscript:" runs).
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")
# URL attributes html_scan leaves out because no other gate follows them (old plugin and image attributes).
MORE_URL_ATTRIBUTES = frozenset({"codebase", "dynsrc", "lowsrc", "icon"})
# SVG animation can set an attribute, href included, to any of these values (`<animate attributeName=href
# values="javascript:...">` inside an SVG <a> runs on click).
SVG_ANIMATIONS = frozenset({"animate", "set", "animatemotion", "animatetransform", "animatecolor"})
SVG_ANIMATION_VALUES = ("values", "from", "to", "by")
# <meta http-equiv=refresh content="0; url=...">: the target after the delay, as browsers read it.
_REFRESH_TARGET = re.compile(r"""^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?["']?([^"']*)""", re.IGNORECASE)


@dataclass(frozen=True)
class Allowed:
    """An element our own templates put in the article body: which pages, which tag, and an attribute that names
    it (contributor text cannot make elements or attributes: it is escaped)."""
    pages: str  # glob over site-relative page paths
    tag: str
    attribute: str
    value: str
    why: str

    def matches(self, page: str, element: Element) -> bool:
        return (fnmatch.fnmatch(page, self.pages) and element.tag == self.tag
                and element.get(self.attribute) == self.value)


# Our template-produced elements that would otherwise be refused. Add to it only for markup from our templates
# (tests/test_gate_injection.py pins this list, so it cannot grow unnoticed).
ALLOWED: tuple[Allowed, ...] = (
    Allowed("finder/index.html", "form", "id", "vc-finder-form",
            "the case-study finder's form (valued_care/templates/pages/finder.md.j2): no action, it submits nowhere; "
            "finder.js filters the page in place"),
    Allowed("ingredients/*/index.html", "form", "aria-label", "This chapter's case studies",
            "each chapter's search of its own case studies (valued_care/templates/pages/ingredient.html.j2): no action, "
            "it submits to its own page; scoped-search.js handles it"),
    Allowed("index.html", "form", "class", "vc-home-search",
            "the home page's case-study search (valued_care/templates/pages/_parts.md.j2): a GET to the finder page "
            "on this site, which reads its find= parameter; nothing is sent anywhere else"),
)


@dataclass(frozen=True)
class Finding:
    page: str
    line: int
    problem: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.problem}"


def dangerous_url(url: str) -> bool:
    normalised = _IGNORED_IN_SCHEME.sub("", url).lower()
    return normalised.startswith(DANGEROUS_SCHEMES)


def refresh_target(content: str) -> str:
    match = _REFRESH_TARGET.match(content)
    return match.group(1).strip() if match else ""


def element_urls(element: Element) -> list[tuple[str, str]]:
    """(attribute, url) for every address this element can send the browser to, load, or set as an address."""
    urls = element.urls() + [(key, value) for key, value in element.attrs if key in MORE_URL_ATTRIBUTES]
    if element.namespace == "svg" and element.tag in SVG_ANIMATIONS:
        urls += [(key, value.strip()) for key, values in element.attrs if key in SVG_ANIMATION_VALUES
                 for value in values.split(";")]
    if element.tag == "meta" and (element.get("http-equiv") or "").strip().lower() == "refresh":
        urls.append(("content", refresh_target(element.get("content") or "")))
    return urls


def element_findings(page: str, element: Element, allowed: tuple[Allowed, ...] = ALLOWED) -> list[str]:
    problems = []
    for attribute, url in element_urls(element):
        if dangerous_url(url):
            problems.append(f"<{element.tag} {attribute}={url[:60]!r}>: a script or data URL")
    for attribute, _value in element.attrs:
        if attribute.startswith("on"):
            problems.append(f"<{element.tag} {attribute}=...>: an event-handler attribute runs script")
        elif attribute == "srcdoc":
            problems.append(f"<{element.tag} srcdoc=...>: an inline document, which can run script")
    if (element.in_article and element.tag in CONTENT_BANNED_TAGS
            and not any(a.matches(page, element) for a in allowed)):
        problems.append(f"<{element.tag}> in the page content")
    return problems


def find_injections(site: BuiltSite, allowed: tuple[Allowed, ...] = ALLOWED) -> tuple[int, list[Finding]]:
    """(elements scanned, findings) over every page of the site."""
    scanned, findings = 0, []
    for path in site.pages:
        page = path.relative_to(site.root).as_posix()
        for element in scan_file(path).elements:
            scanned += 1
            findings += [Finding(page, element.line, p) for p in element_findings(page, element, allowed)]
    return scanned, findings
