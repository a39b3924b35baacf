"""Jinja environments for our own templates. Contributor text only ever arrives as template *data*.

Markdown templates escape every value by default (md_text: marks backslash-escaped, which the pymdownx.escapeall
extension turns back into literal text), so YAML text can carry no Markdown, HTML or Jinja.
Values marked safe with Markup are our own output (links, ids we validated).
"""
from __future__ import annotations

import html
import posixpath
import re
from functools import cache
from urllib.parse import quote

import jinja2
from markupsafe import Markup, escape

from valued_care.data.text_rules import ID_PATTERN
from valued_care.paths import TEMPLATES
from valued_care.template_cache import keep_compiled
from valued_care.urls import relative_path

_URL_SAFE = "/:?#[]@!$&()*+,;=-._~%"  # RFC 3986 reserved and unreserved characters (letters and digits are always safe)
# Marks that are Markdown wherever they stand: always escaped. The others ("-", "+", ".", ":", "=", "(" ...) only make
# syntax at the start of a line ("- ", "1. ", ": ", "===") or next to a mark escaped here ("](" needs "]"), and a
# value is always one line, so they are escaped only at its start. Escaping every mark everywhere made Python-Markdown
# split the text at each one: a sixth of its time on a case study (tests/test_render_property.py holds the rule).
_MD_ALWAYS = re.compile(r"([\\`*_\[\]<>&!{}#|~^]|(?<=\]):)")  # and ":" after "]": "[x]:" defines a reference
_MD_START = re.compile(r"^(\d*)([!-/:-@\[-`{-~])")


def md_text(value) -> Markup:
    """Plain text -> Markdown that renders as exactly that text."""
    if isinstance(value, Markup):
        return value
    text = _MD_ALWAYS.sub(r"\\\1", " ".join(str(value).split()))
    # The first mark, if the value starts with one or with a number and one ("- ", "2019. "), is escaped too.
    return Markup(_MD_START.sub(lambda m: m.group(1) + ("" if m.group(2) == "\\" else "\\") + m.group(2), text, count=1))


def md_spaced(value) -> Markup:
    """md_text that keeps a space at either end, for text a template joins to a link or another piece."""
    text = str(value)
    return Markup((" " if text[:1].isspace() else "") + md_text(text) + (" " if text[-1:].isspace() else ""))


def _finalize(value):
    if value is None:
        return ""
    return md_text(value)


def md_link(text, target: str) -> Markup:
    """A Markdown link between our own pages: escaped text, and a relative .md path we built from validated ids.

    Never for addresses from the data: see web_link."""
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target) or target.startswith("//"):
        raise ValueError(f"md_link is for links between our own pages, not {target!r}; use web_link")
    safe_target = target.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
    return Markup(f"[{md_text(text)}]({safe_target})")


def web_link(text, url: str) -> Markup:
    """A link to a web address from the data, as inline HTML: the address goes into an escaped attribute, never into
    Markdown link syntax (where a trailing backslash or bracket could end the link and let the rest through as HTML).
    The address has already passed text_rules.web_url; this is the second wall: anything outside the characters an
    address may hold is percent-encoded, so the tag is always whole, and the attribute is HTML-escaped."""
    return Markup(f'<a href="{web_href(url)}">{md_text(text)}</a>')


def web_href(url: str) -> Markup:
    """A web address from the data for an HTML attribute: percent-encoded, then attribute-escaped (see web_link)."""
    return Markup(html.escape(quote(url, safe=_URL_SAFE), quote=True))


def html_link(text, href: str) -> Markup:
    """A link in a page written as HTML: the text escaped as text, the address as an attribute (an address from
    web_href is Markup, escaped already)."""
    return Markup(f'<a href="{escape(href)}">{text_html(_one_line(text))}</a>')


def text_html(value) -> Markup:
    """Text for an HTML text node: &, < and > escaped, quotes left as typed, as Python-Markdown writes text (so "it's"
    reads the same in every page's source). Never for an attribute value: templates use the `attr` filter there
    (tests/test_html_page.py checks that they do)."""
    if isinstance(value, Markup):
        return value
    return Markup(str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def anchor_id(value: str) -> Markup:
    """An id we validated (lower-case words and hyphens) used raw in an attribute list, so anchors stay exact."""
    if not re.fullmatch(ID_PATTERN, value):
        raise ValueError(f"not a valid id for an anchor: {value!r}")
    return Markup(value)


def html_attr(value) -> str:
    return html.escape(str(value), quote=True)


def html_text(value) -> Markup:
    """Text for the raw HTML parts of a Markdown template, where Markdown's backslash escapes would show."""
    return Markup(html_attr(value))


def relative(from_page: str, to_page: str) -> str:
    """Relative link between two source paths (docs-relative, e.g. case-studies/x.md), as MkDocs validates."""
    return _relative(to_page, posixpath.dirname(from_page))


@cache  # pages of one folder link to the same few hundred pages: worked out once per folder and target
def _relative(to_page: str, folder: str) -> str:
    return relative_path(to_page, folder)


def _globals() -> dict:
    """What every template may use, the same in site pages, hand-written pages' macros and the PDFs: the address
    rules (urls) and every controlled vocabulary with its labels."""
    from valued_care import dates, references, urls, views, vocabulary

    names = ("SETTINGS", "REGIONS", "METHODS", "SOURCE_TYPES", "RESOURCE_TYPES", "CONFIDENCE", "DEPTHS",
             "TARGET_STATUSES", "STEP_KINDS", "TOPICS")
    # Dates and references are worded once (dates.py, references.py) and only escaped by each template.
    wording = {"show_date": dates.show_date, "long_date": dates.long_date, "views": views,
               "resource_ref": references.resource_entry, "source_ref": references.source_entry,
               "a_to_z": references.a_to_z, "cite_segments": references.cite_segments}
    return {"urls": urls, "method_line": views.method_line, **wording,
            **{name: getattr(vocabulary, name) for name in names}}


@cache
def markdown_env() -> jinja2.Environment:
    # autoescape makes macro output Markup (already escaped); finalize escapes every other value for Markdown.
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES / "pages"), autoescape=True,
                             finalize=_finalize, undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["md"] = md_text
    env.filters["spaced"] = md_spaced
    env.filters["anchor"] = anchor_id
    env.filters["html"] = html_text
    env.globals.update(_globals())
    return keep_compiled(env, "pages-md")


def _one_line(value):
    return value if isinstance(value, Markup) else " ".join(str(value).split())


def _html_finalize(value):
    return "" if value is None else text_html(_one_line(value))


@cache
def page_html_env() -> jinja2.Environment:
    """Generated pages written as HTML (templates/pages/*.html.j2), which MkDocs shows without Markdown: every value
    is folded onto one line, as in the Markdown templates, and escaped as text (text_html); a value in an attribute
    takes the `attr` filter, which escapes quotes too."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES / "pages"), autoescape=True,
                             finalize=_html_finalize, undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["anchor"] = anchor_id
    env.filters["attr"] = escape
    env.globals.update(_globals())
    return keep_compiled(env, "pages-html")


@cache
def html_env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES / "pdf"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(_globals())
    return keep_compiled(env, "pdf")


@cache
def snippet_env() -> jinja2.Environment:
    """HTML and SVG pieces that go into site pages as raw HTML (templates/html/): escaped for HTML, not Markdown."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES / "html"), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render_snippet(name: str, **context) -> Markup:
    return Markup(snippet_env().get_template(name).render(**context))
