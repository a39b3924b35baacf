"""Jinja environments for our own templates. Contributor text only ever arrives as template *data*.

Markdown templates escape every value by default (every punctuation mark backslash-escaped, which the
pymdownx.escapeall extension turns back into literal text), so YAML text can carry no Markdown, HTML or Jinja.
Values marked safe with Markup are our own output (links, ids we validated).
"""
from __future__ import annotations

import html
import posixpath
import re
from functools import lru_cache

import jinja2
from markupsafe import Markup

from .paths import TEMPLATES
from .text_rules import ID_PATTERN

_MD_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")


def md_text(value) -> Markup:
    """Plain text -> Markdown that renders as exactly that text."""
    if isinstance(value, Markup):
        return value
    text = " ".join(str(value).split())
    return Markup(_MD_SPECIAL.sub(r"\\\1", text))


def _finalize(value):
    if value is None:
        return ""
    return md_text(value)


def md_link(text, target: str) -> Markup:
    """A Markdown link: escaped text, and a target we built ourselves (a relative .md path or validated URL)."""
    safe_target = target.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
    return Markup(f"[{md_text(text)}]({safe_target})")


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
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


@lru_cache(maxsize=None)
def markdown_env() -> jinja2.Environment:
    # autoescape makes macro output Markup (already escaped); finalize escapes every other value for Markdown.
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES / "pages"), autoescape=True,
                             finalize=_finalize, undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["md"] = md_text
    env.filters["anchor"] = anchor_id
    env.filters["html"] = html_text
    return env


@lru_cache(maxsize=None)
def html_env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES / "pdf"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env


@lru_cache(maxsize=None)
def snippet_env() -> jinja2.Environment:
    """HTML and SVG pieces that go into site pages as raw HTML (templates/html/): escaped for HTML, not Markdown."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES / "html"), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render_snippet(name: str, **context) -> Markup:
    return Markup(snippet_env().get_template(name).render(**context))
