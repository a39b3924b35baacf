"""The real build: strict, complete, and safe with hostile contributor text."""
from __future__ import annotations

import re
import shutil

from conftest import FIXTURES, GOOD, ROOT, build_site
from valued_care.data.loader import load_knowledge_base


def test_case_study_page_shows_title_trust_ingredients_outcomes_and_sources(built_site):
    kb = load_knowledge_base(ROOT / "data")
    for case in kb.case_studies.values():
        html = (built_site / "case-studies" / case.id / "index.html").read_text()
        assert _text(case.title) in html
        for trust in case.trusts:
            assert _text(kb.trusts[trust].name) in html
        for ingredient in case.ingredients:
            assert f'href="../../ingredients/{ingredient}/"' in html
        assert _text(case.outcomes[0].text[:60]) in html
        for source in case.sources:
            assert f'href="{_text(source.url)}"' in html


def test_every_record_has_a_page(built_site):
    kb = load_knowledge_base(ROOT / "data")
    for folder, records in [("case-studies", kb.case_studies), ("trust-stories", kb.trust_stories),
                            ("ingredients", kb.ingredients), ("theory", kb.theory), ("trusts", kb.trusts)]:
        for rid in records:
            assert (built_site / folder / rid / "index.html").exists(), f"{folder}/{rid}"


def test_navigation_does_not_list_case_studies(built_site):
    html = (built_site / "index.html").read_text()
    nav = html.split('<nav class="md-nav md-nav--primary"')[1].split("</nav>")[0]
    assert nav.count("md-nav__link") < 40
    assert "case-studies/nottinghamshire-peer-support-workers" not in nav


def test_hostile_text_shows_literally(tmp_path):
    out = tmp_path / "site"
    result = build_site(out, GOOD)
    assert result.returncode == 0, result.stderr[-3000:]
    html = (out / "case-studies" / "injection-shows-literally" / "index.html").read_text()
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    assert "Template {{ 7*7 }} and {% if true %}tags{% endif %} show literally" in article
    assert "<li>{{ 7*7 }}</li>" in article
    assert "{{ config.site_name }}" in article
    assert "[click](javascript:alert(1))" in article
    assert "3 &lt; 5 and 7 &gt; 2" in article
    assert "49" not in article
    links = re.findall(r'href="([^"]*)"', article)
    assert not [link for link in links if link.lower().startswith(("javascript:", "data:"))]


def test_bad_data_fails_the_build_and_publishes_nothing(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(GOOD, data)
    shutil.copy(FIXTURES / "bad" / "case_studies" / "unknown-trust.yml", data / "case_studies")
    out = tmp_path / "site"
    result = build_site(out, data)
    assert result.returncode != 0
    assert "unknown-trust.yml:4:" in result.stderr and "unknown trust 'missing-trust'" in result.stderr
    assert not out.exists()


def _text(value: str) -> str:
    """How plain text appears in HTML source."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
