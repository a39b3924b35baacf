"""The one entry of every list of case studies, as HTML: its title as a link, a line of the trusts its title does
not already name (views.trusts_to_name), its settings and years, then its headline result (views.headline).

It is the most repeated piece of the site (each case study is listed on its trust's, settings', topics' and
chapters' pages and on the index), so it is written here rather than as a template macro: the words of an entry
are worked out once per case study and build, and only its link differs from page to page. Every value is escaped
as text (render.text_html). No MkDocs here.
"""
from __future__ import annotations

from markupsafe import Markup

from valued_care import views
from valued_care.data.knowledge_base import KnowledgeBase
from valued_care.data.model import CaseStudy
from valued_care.render import text_html
from valued_care.vocabulary import SETTINGS


class CaseEntries:
    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self._words: dict[tuple[str, str | None], str] = {}

    def entry(self, case: CaseStudy, link: Markup, omit_trust: str | None = None) -> Markup:
        """The entry as a list item; `link` is the case study's title linked from the page it is on."""
        return Markup(f"<li><strong>{link}</strong>\n{self._lines(case, omit_trust)}</li>")

    def _lines(self, case: CaseStudy, omit_trust: str | None) -> str:
        key = (case.id, omit_trust)
        if key not in self._words:
            trusts = [t.name for t in views.trusts_to_name(case, self.kb.trusts) if t.id != omit_trust]
            when = views.years(case)
            meta = "; ".join(trusts) + (" · " if trusts else "") + ", ".join(SETTINGS[s] for s in case.settings)
            meta += f" · {when}" if when else ""
            self._words[key] = (f'  <span class="vc-case-meta">{text_html(meta)}</span>\n'
                                f'  <span class="vc-case-result">Result: {text_html(views.headline(case))}</span>')
        return self._words[key]
