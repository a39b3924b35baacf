"""The glossary as search vocabulary (valued_care/site/search_vocabulary.py): forms, phrases found in text, the
finder's concept terms and Material's alias tags."""
from __future__ import annotations

import pytest

from conftest import ROOT
from valued_care.data.glossary import load_glossary
from valued_care.data.loader import load_knowledge_base
from valued_care.site import search_index, search_vocabulary
from valued_care.site.search_text import terms
from valued_care.site.search_vocabulary import Concepts, alias_tags, concept, form, groups, is_synthetic, phrase


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(ROOT / "data", ROOT)


def test_a_name_is_its_index_terms_unless_stop_words_leave_one_term_of_several():
    assert form("Out-of-area placement") == ("out", "area", "placement")
    assert form("OAPs") == ("oap",)
    assert form("Just culture") == ()  # "just" is a stop word: "cultur" alone would find every page about culture


def test_phrases_are_found_whole_and_longest_first(glossary):
    concepts = Concepts(glossary)
    found = concepts.found(terms("Out-of-area placements fell, and restraint; the area had placements out of it."))
    names = [groups(glossary)[group][0] for group, _, _ in found]
    assert names == [form("Out-of-area placement"), form("Restrictive practice")]
    indexed = concepts.text(terms("Physical restraint was cut")).split()
    assert indexed[0].startswith(search_vocabulary.CONCEPT) and indexed[1].startswith(search_vocabulary.PHRASE)
    assert all(is_synthetic(t) for t in indexed) and not is_synthetic("vcgx") and concept(3) == "vcg3"
    assert phrase(12) == "vcp12"


def test_material_gets_the_names_a_page_does_not_use_itself(glossary):
    tags = alias_tags(glossary, "Out-of-area placements fell by 93% and bed occupancy went down.")
    assert "OAP" in tags and "Out-of-area placement" not in tags
    assert "whistleblowing" in alias_tags(glossary, "Staff could speak up to a guardian.")
    assert alias_tags(glossary, "Nothing from the glossary here.") == []


def test_the_finder_data_holds_the_groups_and_never_shows_a_concept_term_as_a_word(glossary):
    kb = load_knowledge_base(ROOT / "data")
    data = search_index.finder_data(kb, glossary)
    assert data["vocabulary"] == search_vocabulary.finder_vocabulary(glossary)
    assert data["synthetic"] == [search_vocabulary.CONCEPT, search_vocabulary.PHRASE]
    oap = next(n for n, group in enumerate(data["vocabulary"]) if "oap" in group)
    assert concept(oap) in data["terms"]
    assert not any(is_synthetic(stem) or is_synthetic(word) for stem, word in data["words"].items())
    assert data["words"]["seclus"] == "seclusion"


def test_topics_are_a_facet_and_their_labels_are_searched():
    kb = load_knowledge_base(ROOT / "data")
    facet = next(f for f in search_index.facets(kb) if f.key == "topic")
    assert [f.key for f in search_index.facets(kb)][:2] == ["ingredient", "topic"]
    for value in facet.values:
        assert value.count == sum(value.slug in c.topics for c in kb.case_studies.values())
    case = next(iter(kb.case_studies.values()))
    doc = search_index._search_document(kb, 0, case, Concepts(load_glossary(ROOT / "data")))
    assert all(label in doc["tags"] for label in search_index.topic_labels(case))
