"""Provenance (issue 13): the About page says where the model comes from and who wrote this site, CITATION.cff credits
the contributors rather than the organisations the model came from, and the README, the About page, the navigation
and the footer agree. Each test reads the real files, so it fails when one of them drifts from the others."""
from __future__ import annotations

import re

import yaml

from conftest import ROOT
from valued_care.vocabulary import DEPTHS, SOURCE_TYPES

PUBLICATION = "Valued care in mental health: improving for excellence"
ABOUT = ROOT / "docs" / "about.md"


def plain(markdown: str) -> str:
    """The words a reader sees: emphasis and code marks dropped, lines joined."""
    return re.sub(r"\s+", " ", re.sub(r"[*_`]", "", markdown))


def about() -> str:
    return plain(ABOUT.read_text(encoding="utf-8"))


def citation() -> dict:
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def author_name(author: dict) -> str:
    # CFF: an organisation has 'name'; a person has 'given-names' and 'family-names'.
    if "name" in author:
        return author["name"]
    return " ".join(author.get(part, "") for part in ("given-names", "name-particle", "family-names")).strip()


def trust_names() -> set[str]:
    names = set()
    for path in (ROOT / "data" / "trusts").glob("*.yml"):
        trust = yaml.safe_load(path.read_text(encoding="utf-8"))
        names.update(n for n in (trust.get("name"), trust.get("short_name")) if n)
    return names


def names(name: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE) is not None


def test_the_about_page_credits_the_citation_authors_and_links_the_contributors_page():
    authors = [author_name(a) for a in citation()["authors"]]
    assert authors
    # Organisation (collective) authors are named on the About page; people who add themselves to CITATION.cff are
    # listed on the Contributors page, which the About page links.
    organisations = [author_name(a) for a in citation()["authors"] if "name" in a]
    assert organisations, "CITATION.cff should credit the contributors as a group"
    missing = [name for name in organisations if name not in about()]
    assert missing == [], f"docs/about.md does not name the CITATION.cff authors {missing}"
    assert "](contributors.md)" in ABOUT.read_text(encoding="utf-8")


def test_the_about_page_names_the_original_publication_and_its_authors():
    text = about()
    for name in (PUBLICATION, "NHS Improvement", "Henley Business School"):
        assert name in text, f"docs/about.md does not name {name!r}"


def test_citation_credits_neither_nhs_improvement_nor_a_trust_as_an_author():
    trusts = trust_names()
    assert trusts, "data/trusts/*.yml should name the trusts"
    for author in (author_name(a) for a in citation()["authors"]):
        assert not names("NHS Improvement", author), f"CITATION.cff lists {author!r} as an author"
        assert not names("NHS England", author), f"CITATION.cff lists {author!r} as an author"
        assert not names("Henley Business School", author), f"CITATION.cff lists {author!r} as an author"
        credited = sorted(t for t in trusts if names(t, author))
        assert credited == [], f"CITATION.cff author {author!r} is the trust {credited}"


def test_citation_cites_the_original_publication_as_a_reference():
    titles = [ref.get("title") for ref in citation().get("references", [])]
    assert PUBLICATION in titles


def test_the_readme_provenance_paragraph_and_the_about_page_name_the_original_publication():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## What this is", 1)[1].split("\n## ", 1)[0]
    paragraph = plain(section.strip().split("\n\n", 1)[0])
    assert PUBLICATION in paragraph, "README.md's 'What this is' paragraph should name the original publication"
    assert "about.md" in paragraph, "README.md's provenance paragraph should point to the About page"
    assert PUBLICATION in about()


def test_the_about_page_explains_every_evidence_label_strongest_first_and_every_depth():
    raw = ABOUT.read_text(encoding="utf-8")
    assert "## Evidence labels {#evidence-labels}" in raw
    assert "## Depth of a case study {#depth}" in raw
    labels = raw.split("{#evidence-labels}", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in labels.splitlines() if line.startswith("| `")]
    assert [re.match(r"\| `([a-z-]+)`", row).group(1) for row in rows] == list(SOURCE_TYPES)
    for row, display in zip(rows, SOURCE_TYPES.values(), strict=True):
        assert display in row
    depth = plain(raw.split("{#depth}", 1)[1].split("\n## ", 1)[0])
    for label in DEPTHS.values():
        assert label.split(":")[0] in depth  # "Full account", "Outline"


def test_the_about_page_says_how_to_report_an_error():
    assert "https://github.com/valued-care/valued-care/issues" in ABOUT.read_text(encoding="utf-8")


def test_the_about_page_opens_the_about_menu():
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["nav"]
    groups = {title: pages for item in nav for title, pages in item.items()}
    assert groups["Home"] == "index.md"
    assert next(iter(groups["About"][0].values())) == "about.md"


def test_the_footer_and_the_home_page_link_the_about_page():
    footer = (ROOT / "overrides" / "partials" / "copyright.html").read_text(encoding="utf-8")
    assert "('about' ~ ext) | url" in footer
    assert "('accessibility' ~ ext) | url" in footer and "('contributing' ~ ext) | url" in footer
    home = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert "](about.md)" in home.split("## ", 1)[0], "the home page should link About before its first section"


def test_no_page_says_the_trusts_wrote_or_run_this_site():
    """The trusts wrote the original publication; this site is its contributors' work from public sources."""
    claims = re.compile(r"(written|run|kept) (and run )?by a group of NHS|group of NHS mental health trusts in England, "
                        r"working in the open", re.IGNORECASE)
    pages = [*sorted((ROOT / "docs").rglob("*.md")), ROOT / "README.md", ROOT / "CONTRIBUTING.md"]
    found = [str(p.relative_to(ROOT)) for p in pages if claims.search(p.read_text(encoding="utf-8"))]
    assert found == []


def test_the_original_publication_is_in_the_resources_library_and_the_about_page_links_it(real_kb):
    from valued_care import urls
    from valued_care.references import resource_entry

    found = [r for r in real_kb.resources.values() if r.title.casefold() == PUBLICATION.casefold()]
    assert len(found) == 1, "the original publication should be one resource"
    publication = found[0]
    assert publication.url and set(publication.ingredients) == set(real_kb.ingredients)
    assert publication.year is None or 2015 <= publication.year <= 2020
    entry = resource_entry(publication)
    assert "(n.d.)" in entry.before or publication.year, "a work with no known date is cited as n.d."
    # The page names the library, not the anchor: hand-written pages are built with any data folder (a contributor's
    # fixtures too), where that resource may not exist.
    assert f"]({urls.RESOURCES})" in ABOUT.read_text(encoding="utf-8")
