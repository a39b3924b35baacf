"""Python-Markdown for generated pages, without the inline patterns their templates never write and contributor text
can never hold (render.md_text escapes `[`, `!`, `<` and folds each value onto one line): reference links, images,
autolinks and hard line breaks. Python-Markdown tries every inline pattern on every piece of text, so each one
dropped is time saved on every page (about a seventh of Markdown's time on a case study). Hand-written pages keep
all of Markdown. tests/test_generated_markdown.py checks that every generated page renders the same without them.
No MkDocs here: the hook says, before each page is rendered, whether it is a generated one.
"""
from __future__ import annotations

from markdown import Markdown
from markdown.extensions import Extension

UNUSED_INLINE = ("reference", "image_link", "image_reference", "short_reference", "short_image_ref", "autolink",
                 "automail", "linebreak")


class GeneratedPageMarkdown(Extension):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.generated = False

    def place(self, generated: bool) -> None:
        """Whether the page about to be rendered is a generated one."""
        self.generated = generated

    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown names it
        if self.generated:
            for name in UNUSED_INLINE:
                md.inlinePatterns.deregister(name, strict=False)
