"""mkdocs-macros module: the macros that hand-written pages in docs/ may call. Each returns escaped Markdown."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import site_build
from valued_care import urls
from valued_care.render import markdown_env, md_link, relative
from valued_care.site.diagram import model_diagram as render_model_diagram
from valued_care.site.topics import case_studies_by_topic


def define_env(env):
    def _from(page_path: str):
        return lambda text, to, anchor="": md_link(text, relative(page_path, to) + (f"#{anchor}" if anchor else ""))

    def _partial(name: str, **context) -> str:
        page_path = env.page.file.src_uri
        template = markdown_env().from_string(
            '{% import "_parts.md.j2" as parts with context %}' + name)
        return template.render(kb=site_build.current(), link=_from(page_path), **context)

    @env.macro
    def case_study_list(ingredient: str, primary_only: bool = False) -> str:
        """The case studies of one ingredient, as a linked list with summaries."""
        cases = site_build.current().case_studies_for(ingredient, primary_only=primary_only)
        return _partial("{{ parts.case_list(cases) }}", cases=cases)

    @env.macro
    def find_by_topic() -> str:
        """A search box that opens the finder, and every topic (the problems readers bring) with its case studies."""
        finder = urls.href(env.page.file.src_uri, urls.FINDER, env.conf["use_directory_urls"])
        return _partial("{{ parts.find_by_topic(by_topic, finder) }}",
                        by_topic=case_studies_by_topic(site_build.current()), finder=finder)

    @env.macro
    def ingredient_overview() -> str:
        """The nine ingredients in order, each linked, with its count of case studies in the words of the diagram
        and the PDF (views.main_ingredient_count: those with it as their main ingredient)."""
        return _partial(
            "{% for ing in kb.ingredients.values() %}"
            "{% set n = kb.case_studies_for(ing.id, primary_only=True) | length %}"
            "{{ ing.number }}. **{{ link(ing.title, urls.ingredient(ing.id)) }}**: {{ ing.summary }} "
            "({{ views.main_ingredient_count(n) | join(' ') }})\n{% endfor %}")

    @env.macro
    def model_diagram() -> str:
        """The nine ingredients as a journey: an SVG of nine links, each to its chapter with its case-study count."""
        return render_model_diagram(site_build.current(), env.page.file.src_uri, env.conf["use_directory_urls"])

    @env.macro
    def counts() -> dict:
        kb = site_build.current()
        return {"case_studies": len(kb.case_studies), "trust_stories": len(kb.trust_stories),
                "trusts": len(kb.trusts), "resources": len(kb.resources), "ingredients": len(kb.ingredients)}
