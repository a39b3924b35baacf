"""Where a page that is not in the menu belongs in it: the entry the menu highlights while it is read.

Case studies, theory reviews, trust stories and the rest are listed on index pages, not in the menu (which every page
embeds, so it stays small). Reading one, the reader should still see where they are: the menu highlights the entry
it belongs under (a case study under "Case studies", a theory review under its chapter). No MkDocs here: the hook
marks the entry (macros/mkdocs_hooks.py); the breadcrumbs above each page's title say the same in words
(templates/pages/_place.md.j2).
"""
from __future__ import annotations

from valued_care import urls

# The folder a generated page lives in -> the menu entries it belongs under, the first one the menu has winning.
_SECTIONS = {
    "case-studies": (urls.CASE_STUDIES_INDEX,),
    "trust-stories": (urls.TRUST_STORIES_INDEX,),
    "pathways": (urls.PATHWAYS_INDEX,),
    "trusts": (urls.TRUSTS_INDEX, urls.CASE_STUDIES_INDEX),
    "settings": (urls.SETTINGS_INDEX, urls.CASE_STUDIES_INDEX),
    "topics": (urls.TOPICS_INDEX, urls.FINDER),
}


def menu_entries(page: str) -> tuple[str, ...]:
    """The docs paths of the menu entries a page belongs under, best first; none for a page of its own."""
    folder, _, name = page.rpartition("/")
    if folder == "theory":  # a theory review opens its chapter
        return (urls.ingredient(name.removesuffix(".md")), urls.INGREDIENTS_INDEX)
    if name == "index.md":  # an index page is in the menu itself, or has no better place
        return ()
    return _SECTIONS.get(folder, ())
