"""Generated pages are rendered without the inline patterns they never use (valued_care/site/generated_markdown.py):
every generated page of the real data and of the fixtures renders to the same HTML with them and without them."""
from __future__ import annotations

import markdown
import pytest
from test_render import EXTENSIONS

from conftest import GOOD, ROOT
from valued_care.data.loader import load_knowledge_base
from valued_care.site.generated_markdown import UNUSED_INLINE, GeneratedPageMarkdown
from valued_care.site.pages import generate_pages


def to_html(text: str, generated: bool) -> str:
    names = [e if isinstance(e, str) else next(iter(e)) for e in EXTENSIONS]
    configs = {next(iter(e)): next(iter(e.values())) for e in EXTENSIONS if isinstance(e, dict)}
    ext = GeneratedPageMarkdown()
    ext.place(generated)
    return markdown.markdown(text, extensions=[*names, ext], extension_configs=configs)


@pytest.mark.parametrize("data", [ROOT / "data", GOOD], ids=["real data", "fixtures"])
def test_every_generated_page_renders_the_same_without_the_unused_patterns(data):
    pages = generate_pages(load_knowledge_base(data))
    assert len(pages) > 10
    for path, page in pages.items():
        if page.html:  # written as HTML: no Markdown at all (tests/test_html_page.py)
            continue
        body = page.text.split("\n---\n", 1)[1]
        assert to_html(body, generated=True) == to_html(body, generated=False), path


def test_the_patterns_are_dropped_only_for_generated_pages():
    text = "[a][b]\n\n[b]: https://example.org/\n\n<https://example.org/>"
    hand_written, generated = to_html(text, generated=False), to_html(text, generated=True)
    assert hand_written.count("<a href") == 2 and generated.count("<a href") == 0
    md = markdown.Markdown(extensions=[GeneratedPageMarkdown()])
    assert all(name in md.inlinePatterns for name in UNUSED_INLINE)
