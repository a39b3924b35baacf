"""Contributor text survives Markdown as exactly the text typed: no links, no HTML, no template code."""
from __future__ import annotations

import markdown
import pytest
import yaml

from conftest import ROOT
from valued_care.render import md_link, md_text, relative, web_link

EXTENSIONS = yaml.safe_load((ROOT / "mkdocs.yml").read_text().split("markdown_extensions:")[1].replace("\n  - ", "\n- "))


def to_html(text: str) -> str:
    names = [e if isinstance(e, str) else next(iter(e)) for e in EXTENSIONS]
    configs = {next(iter(e)): next(iter(e.values())) for e in EXTENSIONS if isinstance(e, dict)}
    return markdown.markdown(text, extensions=names, extension_configs=configs)


@pytest.mark.parametrize("typed, shown", [
    ("{{ 7*7 }}", "{{ 7*7 }}"),
    ("[click](javascript:alert(1))", "[click](javascript:alert(1))"),
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("**bold** and _under_", "**bold** and _under_"),
    ("# not a heading", "# not a heading"),
    ("1. not a list", "1. not a list"),
    ("a & b", "a &amp; b"),
    ("{: #id .class }", "{: #id .class }"),
    ("back\\slash", "back\\slash"),
    ("| a | b |", "| a | b |"),
])
def test_text_renders_literally(typed, shown):
    assert to_html(md_text(typed)) == f"<p>{shown}</p>"


def test_link_text_is_escaped_and_target_kept():
    html = to_html(web_link("A *title* [x]", "https://example.org/a_(b)?x=1&y=2"))
    assert html == '<p><a href="https://example.org/a_(b)?x=1&amp;y=2">A *title* [x]</a></p>'


def test_internal_links_stay_markdown_and_refuse_web_addresses():
    assert to_html(md_link("Next", "../b/c.md")) == '<p><a href="../b/c.md">Next</a></p>'
    with pytest.raises(ValueError):
        md_link("x", "https://example.org/")


def test_relative_links_between_pages():
    assert relative("case-studies/a.md", "ingredients/culture.md") == "../ingredients/culture.md"
    assert relative("index.md", "case-studies/a.md") == "case-studies/a.md"


def test_the_method_line_reads_the_same_in_every_case():
    from types import SimpleNamespace

    from valued_care.views import method_line
    assert method_line(SimpleNamespace(methods=["lean", "digital"], method_detail="Weekly huddles")) == \
        "Lean and production systems; Digital technology. Weekly huddles"
    assert method_line(SimpleNamespace(methods=[], method_detail="Weekly huddles")) == "Weekly huddles"
    assert method_line(SimpleNamespace(methods=[], method_detail=None)) == "Not stated by the sources."
