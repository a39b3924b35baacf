"""The finder's prebuilt index and facet table, and what Material's search learns from front matter."""
from __future__ import annotations

import json

import pytest
import yaml
from lunr.index import Index

from conftest import GOOD
from valued_care.data.loader import load_knowledge_base
from valued_care.site import search_meta
from valued_care.site.pages import generate_pages
from valued_care.site.search_index import (
    NOT_STATED,
    SEARCH_FIELDS,
    build_index,
    facet_values,
    facets,
    finder_data,
    finder_script,
    period_bucket,
)


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base(GOOD)


def hits(index: dict, query: str) -> list[str]:
    return [hit["ref"] for hit in Index.load(index).search(query)]


def test_one_document_per_case_study_referred_to_by_position(kb):
    data = finder_data(kb)
    assert [doc[0] for doc in data["docs"]] == list(kb.case_studies)
    refs = {ref.split("/", 1)[1] for ref, _ in build_index(kb)["fieldVectors"]}
    assert refs == {str(n) for n in range(len(kb.case_studies))}
    held = {posting[k] for posting in data["postings"] for k in range(0, len(posting), 2)}
    assert held == set(range(len(kb.case_studies)))


def test_index_holds_every_narrative_field_title_highest_and_no_positions(kb):
    index = build_index(kb)
    assert index["fields"] == [name for name, _ in SEARCH_FIELDS]
    boosts = dict(SEARCH_FIELDS)
    assert boosts["title"] == max(boosts.values())
    for _term, posting in index["invertedIndex"]:
        for field in index["fields"]:
            assert all(metadata == {} for metadata in posting[field].values())


def test_free_text_finds_every_narrative_field(kb):
    """Cause 2 of issue 12: only title, trust, summary and outcomes were searched, never what they did or lessons."""
    index = build_index(kb)
    example = str(list(kb.case_studies).index("example-case"))
    assert hits(index, "speaking") == [example]              # title ("speaking", stemmed)
    assert hits(index, "+easier +staff") == [example]        # summary
    assert hits(index, "concerns") == [example]              # problem and outcome text (stemmed "concern")
    assert len(hits(index, "example")) == len(kb.case_studies)  # trust name, on both case studies
    assert hits(index, "guardians") == [example]             # what they did
    assert hits(index, "board") == [example]                 # lessons
    assert hits(index, "engagement") == [example]            # tags: its method's label


def test_the_index_holds_words_as_lunr_js_stems_them(kb):
    """Cause 1 of issue 12: lunr.py's stemmer made "survey" "survei", which lunr.js never searches for."""
    case = kb.case_studies["example-case"]
    kb.case_studies["example-case"] = case.model_copy(update={"title": "A staff survey on the patient journey"})
    try:
        data = finder_data(kb)
    finally:
        kb.case_studies["example-case"] = case
    assert {"survey", "journey"} <= set(data["terms"]) and not {"survei", "journei"} & set(data["terms"])
    assert data["terms"] == sorted(data["terms"])


def test_postings_are_lunrs_weights_summed_over_the_fields(kb):
    index = build_index(kb)
    data = finder_data(kb)
    term = data["terms"].index("speak")
    posting = data["postings"][term]
    vectors = dict((ref, dict(zip(v[::2], v[1::2]))) for ref, v in index["fieldVectors"])
    entry = dict(index["invertedIndex"])["speak"]
    example = list(kb.case_studies).index("example-case")
    expected = sum(vectors[f"{field}/{example}"][entry["_index"]] for field in index["fields"]
                   if str(example) in entry[field])
    assert posting[posting.index(example) + 1] == pytest.approx(expected, abs=1e-3)


def test_facet_rows_number_values_in_facet_order_with_the_main_ingredient_first(kb):
    data = finder_data(kb)
    keys = [f["key"] for f in data["facets"]]
    assert keys == ["ingredient", "topic", "setting", "region", "method", "source", "period"]
    row = dict(zip(keys, data["docs"][[d[0] for d in data["docs"]].index("example-case")][1:]))
    values = {f["key"]: f["values"] for f in data["facets"]}
    named = {key: [values[key][n] for n in row[key]] for key in keys}
    assert named == {"ingredient": ["culture", "leadership"], "topic": ["speaking-up-and-learning"],
                     "setting": ["trust-wide"], "region": ["london"],
                     "method": ["staff-engagement"], "source": ["trust"], "period": ["2015-2019"]}


def test_unstated_method_and_period_are_values_of_their_own(kb):
    case = kb.case_studies["injection-shows-literally"]
    assert case.methods == [] and case.period.start is None
    values = facet_values(kb, case)
    assert values["method"] == [NOT_STATED] and values["period"] == [NOT_STATED]


@pytest.mark.parametrize("start, end, bucket", [(2019, None, "2015-2019"), (2020, 2023, "2020-2024"),
                                                (None, 2012, "2010-2014"), (None, None, NOT_STATED)])
def test_period_buckets_by_start_year_or_else_end_year(kb, start, end, bucket):
    case = kb.case_studies["example-case"]
    period = case.period.model_copy(update={"start": start, "end": end})
    assert period_bucket(case.model_copy(update={"period": period})) == bucket


def test_facet_counts_match_the_collection_and_keep_all_ingredients(kb):
    by_key = {f.key: f for f in facets(kb)}
    assert [v.slug for v in by_key["ingredient"].values] == list(kb.ingredients)
    counts = {v.slug: v.count for v in by_key["ingredient"].values}
    assert counts["culture"] == 2 and counts["leadership"] == 1 and counts["innovation"] == 0
    assert {v.slug: v.count for v in by_key["region"].values} == {"london": 2}  # empty regions left out
    assert [v.label for v in by_key["period"].values] == ["2015 to 2019", "Not stated"]


def test_script_sets_a_global_holding_the_data_as_json(kb):
    script = finder_script(kb)
    prefix = "window.vcFinderData="
    assert script.startswith(prefix) and script.endswith(";\n")
    assert json.loads(script[len(prefix):-2]) == json.loads(json.dumps(finder_data(kb)))


def test_script_escapes_line_separators_that_would_end_a_javascript_string(kb):
    case = kb.case_studies["example-case"]
    odd = case.model_copy(update={"title": "Line\u2028separator"})
    kb.case_studies["example-case"] = odd
    try:
        script = finder_script(kb)
    finally:
        kb.case_studies["example-case"] = case
    assert "\u2028" not in script
    json.loads(script[len("window.vcFinderData="):-2])


def _front(page) -> dict:
    return yaml.safe_load(page.text.split("---\n")[1])


def test_case_study_pages_carry_their_ingredients_and_trust_as_escaped_search_tags(kb):
    meta = _front(generate_pages(kb)["case-studies/example-case.md"])
    assert meta["tags"][:3] == ["Culture", "Leadership", "Example NHS Foundation Trust"]
    # then the glossary's names for what the page is about that its words do not say ("speak up": FTSU)
    assert "FTSU" in meta["tags"][3:]
    assert search_meta._tags("A & B <i>")["tags"] == ["A &amp; B &lt;i&gt;"]


def test_chapters_are_boosted_and_the_finder_page_is_left_out_of_site_search(kb):
    pages = generate_pages(kb)
    assert _front(pages["ingredients/culture.md"])["search"] == {"boost": search_meta.CHAPTER_BOOST}
    assert _front(pages["theory/culture.md"])["tags"] == ["Culture"]
    finder = _front(pages["finder.md"])
    assert finder["search"] == {"exclude": True} and finder["template"] == "finder.html"


def test_above_the_threshold_material_gets_each_case_study_as_title_and_tags_only(kb, monkeypatch):
    assert not search_meta.compact(kb)
    monkeypatch.setattr(search_meta, "COMPACT_ABOVE", 1)
    assert search_meta.compact(kb)
    assert "Trust-wide" in search_meta.case_study(kb, kb.case_studies["example-case"])["tags"]  # settings too
    index = {"config": {}, "docs": [
        {"location": "case-studies/", "title": "Case studies", "text": "every case study"},
        {"location": "case-studies/a/", "title": "A", "text": "summary", "tags": ["Culture"]},
        {"location": "case-studies/a/#outcomes", "title": "Outcomes", "text": "rose by 40%"},
        {"location": "ingredients/culture/", "title": "Culture", "text": "chapter"}]}
    compacted = search_meta.compact_index(index, {"case-studies/a/"})
    assert compacted["docs"] == [index["docs"][0], {**index["docs"][1], "text": ""}, index["docs"][3]]


def test_the_build_hook_compacts_the_written_index_above_the_threshold(kb, monkeypatch, tmp_path):
    from types import SimpleNamespace

    from macros import mkdocs_hooks
    hooks = mkdocs_hooks.ValuedCareHooks()
    hooks.build = mkdocs_hooks._Build(kb)
    hooks.build.page_urls = {"case-studies/example-case.md": "case-studies/example-case/", "index.md": ""}
    written = tmp_path / "search" / "search_index.json"
    written.parent.mkdir()
    docs = [{"location": "case-studies/example-case/", "title": "Example", "text": "summary"},
            {"location": "case-studies/example-case/#outcomes", "title": "Outcomes", "text": "rose"},
            {"location": "", "title": "Home", "text": "welcome"}]
    written.write_text(json.dumps({"config": {}, "docs": docs}))
    hooks.on_post_build(SimpleNamespace(site_dir=str(tmp_path)))
    assert json.loads(written.read_text())["docs"] == docs  # 2 case studies: below the threshold, untouched
    monkeypatch.setattr(search_meta, "COMPACT_ABOVE", 1)
    hooks.on_post_build(SimpleNamespace(site_dir=str(tmp_path)))
    assert json.loads(written.read_text())["docs"] == [{**docs[0], "text": ""}, docs[2]]


@pytest.mark.parametrize("data_dir", ["good fixtures", "real data"])
def test_the_finders_weights_are_lunrs_own_to_the_last_digit(data_dir):
    """search_weights works BM25 out directly; lunr.py's builder, on the same analysed documents, gives the same
    terms, case studies and weights (lunr's idf, k1, b, rounding and field boosts)."""
    from conftest import ROOT
    from valued_care.site.search_index import _analyse, _build, _documents, postings
    from valued_care.site.search_vocabulary import site_glossary
    from valued_care.site.search_weights import weighted_postings

    kb = load_knowledge_base(GOOD if data_dir == "good fixtures" else ROOT / "data")
    analysed = _analyse(_documents(kb, site_glossary()))[0]
    assert weighted_postings(analysed, SEARCH_FIELDS) == postings(_build(analysed))
    assert finder_data(kb)["postings"] == postings(_build(analysed))[1]


def test_weights_of_a_small_hand_made_collection_match_lunr():
    from valued_care.site.search_index import _build, postings
    from valued_care.site.search_weights import weighted_postings

    docs = [{"ref": "0", "title": ["ward", "falls"], "summary": [], "trust": ["a"], "tags": [], "outcomes": ["falls"],
             "body": ["falls", "falls", "ward", "night"]},
            {"ref": "1", "title": ["night"], "summary": ["ward"], "trust": ["b"], "tags": ["ward"], "outcomes": [],
             "body": []},
            {"ref": "2", "title": [], "summary": [], "trust": [], "tags": [], "outcomes": [], "body": ["x"] * 9}]
    assert weighted_postings(docs, SEARCH_FIELDS) == postings(_build(docs))
