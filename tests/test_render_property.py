"""Property-based: any text a contributor writes comes out of Markdown as exactly that text, in every place our
page templates put a value: a paragraph, a list item, a heading, link text, a definition, a table cell, after
other words and beside another value. Hypothesis writes the text from every ASCII punctuation mark, letters, digits,
spaces and line breaks, with the runs that make Markdown syntax ("1. ", "- ", "---", "**", "](", "{: ", "<!--").
"""
from __future__ import annotations

import re

import markdown
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_render import EXTENSIONS

from valued_care.render import md_link, md_text

PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
SYNTAX = ["1. ", "2019. ", "- ", "]:", "[x]: ", "*[x]: ", "[^1]", "+ ", "* ", "---", "===", "**", "__", "](", "[x]",
          "![", "{: #a .b }", "<!--", "-->",
          "<b>", "&amp;", "&#60;", "\\", "`code`", ":   ", "> ", "# ", " #", "|", "<https://x.example>", "~~", "^^",
          "{{ 7*7 }}", "{% if %}", "\u00a0", "é", "’", "\t", "\n", "\n\n", "    "]
TEXT = st.lists(st.one_of(st.sampled_from(list(PUNCTUATION)), st.sampled_from(SYNTAX),
                          st.text(alphabet="abcXYZ019 ", min_size=1, max_size=4)), min_size=1, max_size=14).map("".join)


def _html(source: str) -> str:
    names = [e if isinstance(e, str) else next(iter(e)) for e in EXTENSIONS]
    configs = {next(iter(e)): dict(next(iter(e.values()))) for e in EXTENSIONS if isinstance(e, dict)}
    configs.get("toc", {}).pop("permalink", None)
    configs.get("toc", {}).pop("permalink_title", None)
    return markdown.markdown(source, extensions=names, extension_configs=configs)


def shown(text: str) -> str:
    """The text as HTML shows it: one line, with &, < and > as entities."""
    return " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def inner(html: str, tag: str) -> str:
    found = re.search(rf"<{tag}(?: [^>]*)?>(.*?)</{tag}>", html, re.S)
    assert found, html
    return found.group(1)


PLACES = {
    "paragraph": ("{}", "p"),
    "list item": ("- {}", "li"),
    "numbered item": ("1. {}", "li"),
    "heading": ("## {}", "h2"),
    "definition": ("Term\n:   {}", "dd"),
    "table cell": ("| a |\n|---|\n| {} |", "td"),
}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
@example("]:")  # found by Hypothesis: "[\\]:](x.md)" read as a reference definition, so the link vanished
@example("abc]: https://x.example/ def")
@example("2019. [x]: y")
def test_text_shows_exactly_as_typed_wherever_a_template_puts_it(text):
    if not text.split():
        return
    for place, (template, tag) in PLACES.items():
        html = _html(template.format(md_text(text)))
        assert inner(html, tag).strip() == shown(text), (place, text, html)
    assert inner(_html(f"Result: {md_text(text)}"), "p") == "Result: " + shown(text)
    assert inner(_html(str(md_link(text, "x.md"))), "a") == shown(text)


@settings(max_examples=150, deadline=None)
@given(TEXT, TEXT)
def test_two_values_side_by_side_stay_two_texts(first, second):
    if not first.split() or not second.split():
        return
    html = _html(f"{md_text(first)} · {md_text(second)}")
    assert inner(html, "p") == f"{shown(first)} · {shown(second)}"
