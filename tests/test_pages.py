"""Generated pages carry the record's content and the links between records."""
from __future__ import annotations

import yaml

from conftest import GOOD
from valued_care.data.loader import load_knowledge_base
from valued_care.site.pages import generate_pages, site_nav


def pages():
    return generate_pages(load_knowledge_base(GOOD))


def front_matter(markdown: str) -> dict:
    return yaml.safe_load(markdown.split("---\n")[1])


def test_one_page_per_record_and_index():
    paths = set(pages())
    assert {"case-studies/example-case.md", "trust-stories/example-trust-journey.md", "ingredients/culture.md",
            "theory/culture.md", "trusts/example-trust.md", "settings/trust-wide.md", "case-studies/index.md",
            "resources.md"} <= paths


def test_case_study_page_links_ingredients_trust_story_and_sources():
    page = pages()["case-studies/example-case.md"]
    text = page.text
    assert '<a href="../../ingredients/culture/">Culture</a>' in text
    assert '<a href="../../ingredients/leadership/">Leadership</a>' in text
    assert '<a href="../../trusts/example-trust/">Example NHS Foundation Trust</a>' in text
    assert 'href="../../trust-stories/example-trust-journey/"' in text
    assert '<a href="https://example.org/case">' in text
    assert "Concerns raised rose by 40%" in text
    assert page.source == "data/case_studies/example-case.yml"


def test_generated_pages_are_never_rendered_as_macros():
    for page in pages().values():
        assert front_matter(page.text)["render_macros"] is False


def test_front_matter_values_are_html_escaped():
    meta = front_matter(pages()["case-studies/injection-shows-literally.md"].text)
    assert "&amp;" in meta["description"] and "<" not in meta["description"]


def test_ingredient_page_lists_primary_and_secondary_case_studies():
    culture = pages()["ingredients/culture.md"].text
    leadership = pages()["ingredients/leadership.md"].text
    assert 'href="../../case-studies/example-case/"' in culture  # lists are HTML, with final links
    assert "Where it plays a part" in leadership and 'href="../../case-studies/example-case/"' in leadership
    assert 'href="../../trust-stories/example-trust-journey/"' in culture  # referenced by


def test_trust_page_lists_what_refers_to_it():
    trust = pages()["trusts/example-trust.md"].text
    assert 'href="../../case-studies/example-case/"' in trust
    assert 'href="../../trust-stories/example-trust-journey/"' in trust


def test_nav_expands_chapters_and_stays_small():
    kb = load_knowledge_base(GOOD)
    nav = site_nav(kb, [{"Home": "index.md"}, {"The nine ingredients": "ingredients/index.md"}])
    chapters = nav[1]["The nine ingredients"]
    assert chapters[0] == "ingredients/index.md"
    assert [next(iter(c)) for c in chapters[1:]][2:4] == ["3. Culture", "4. Leadership"]
    assert len(chapters) == 10
    assert "case-studies/example-case.md" not in str(nav)
