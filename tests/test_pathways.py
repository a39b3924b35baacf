"""Reader pathways: the typed record, its cross-checks, and the pages made from it (the route, the index, and the
'On a reading pathway' links on every page that is a step). Bad files are in tests/fixtures/bad/pathways/ and are
checked, with their line numbers, by test_loader.py."""
from __future__ import annotations

import posixpath
import re
import shutil

import pytest
from test_render import to_html

from conftest import GOOD, ROOT
from valued_care import urls
from valued_care.data.loader import load_knowledge_base
from valued_care.errors import DataInvalid
from valued_care.site.pages import generate_pages
from valued_care.vocabulary import STEP_FOLDERS, STEP_KINDS

AUDIENCES = {"board-members", "team-leaders-and-clinicians", "experts-by-experience-and-carers", "improvement-leads"}


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base(GOOD)


@pytest.fixture(scope="module")
def pages(kb):
    return generate_pages(kb)


def test_pathway_loads_with_its_steps_in_order(kb):
    pathway = kb.pathways["board-members"]
    assert [(s.kind, s.id) for s in pathway.steps] == [
        ("chapter", "culture"), ("theory", "culture"), ("case-study", "example-case"),
        ("trust-story", "example-trust-journey"), ("resource", "ref-1")]


def test_every_step_kind_names_a_data_folder():
    from valued_care.data.kinds import BY_FOLDER

    assert set(STEP_KINDS) == set(STEP_FOLDERS)
    assert set(STEP_FOLDERS.values()) <= set(BY_FOLDER)


@pytest.mark.parametrize("kind, folder, rid", [("chapter", "ingredients", "culture"),
                                               ("theory", "theory", "culture"),
                                               ("case-study", "case_studies", "example-case"),
                                               ("trust-story", "trust_stories", "example-trust-journey"),
                                               ("resource", "resources", "ref-1")])
def test_a_step_whose_target_is_deleted_is_reported_at_the_step(good_data, kind, folder, rid):
    (good_data / folder / f"{rid}.yml").unlink()
    with pytest.raises(DataInvalid) as caught:
        load_knowledge_base(good_data, root=good_data.parent)
    mine = [p for p in caught.value.problems if p.path.endswith("board-members.yml")]
    assert [p.message for p in mine] == [f"unknown {STEP_KINDS[kind].lower()} '{rid}'"]
    assert f"data/{folder}/" in mine[0].fix


def test_a_pathway_file_must_be_in_the_pathways_folder_with_the_others(good_data):
    shutil.rmtree(good_data / "pathways")
    with pytest.raises(DataInvalid, match=r"pathways:1:1: folder is missing"):
        load_knowledge_base(good_data)


def test_route_page_numbers_every_step_and_links_to_its_target(pages):
    text = pages["pathways/board-members.md"].text
    assert "# Reading pathway: Board members" in text
    targets = ["../ingredients/culture.md", "../theory/culture.md", "../case-studies/example-case.md",
               "../trust-stories/example-trust-journey.md", "../resources.md#res-ref-1"]
    for number, target in enumerate(targets, start=1):
        heading = re.search(rf"^## Step {number} of 5: \[[^\]]+\]\(([^)]+)\) {{ #step-{number} }}$", text, re.M)
        assert heading, f"step {number} heading"
        assert heading.group(1) == target
    assert "**Why read this:** The evidence behind the chapter." in text
    assert pages["pathways/board-members.md"].source == "data/pathways/board-members.yml"


def test_route_page_has_a_tick_box_per_step_for_the_progress_script(pages):
    html = to_html(pages["pathways/board-members.md"].text.split("---\n", 2)[2])
    ticks = re.findall(r'<input type="checkbox" data-vc-step="([^"]+)" data-vc-number="(\d+)">', html)
    assert ticks == [("chapter/culture", "1"), ("theory/culture", "2"), ("case-study/example-case", "3"),
                     ("trust-story/example-trust-journey", "4"), ("resource/ref-1", "5")]
    assert 'data-vc-pathway="board-members" data-vc-total="5" hidden' in html
    assert '<h2 id="step-3">' in html


def test_why_text_shows_literally(pages):
    html = to_html(pages["pathways/board-members.md"].text.split("---\n", 2)[2])
    assert "Further reading: {{ 7*7 }} and [click](javascript:alert(1)) show literally." in html
    assert "javascript:" not in re.sub(r">[^<]*<", "><", html)  # only in text, never in an attribute


def test_route_page_loads_the_progress_script_through_its_template(pages):
    assert "template: pathway.html" in pages["pathways/board-members.md"].text.split("---\n")[1]


def test_index_lists_each_pathway(pages):
    text = pages["pathways/index.md"].text
    assert re.findall(r"^## \[([^\]]+)\]\(([^)]+)\)$", text, re.M) == [
        ("Board members", "board-members.md"), ("Team leaders and clinicians", "team-leaders-and-clinicians.md"),
        ("Experts by experience and carers", "experts-by-experience-and-carers.md"),
        ("Improvement leads", "improvement-leads.md")]
    assert "5 steps, starting with 3. Culture." in text


@pytest.mark.parametrize("page, previous, following", [
    ("ingredients/culture.md", None, "../theory/culture.md"),
    ("theory/culture.md", "../ingredients/culture.md", "../case-studies/example-case.md"),
    ("case-studies/example-case.md", "../theory/culture.md", "../trust-stories/example-trust-journey.md"),
    ("trust-stories/example-trust-journey.md", "../case-studies/example-case.md", "../resources.md#res-ref-1"),
])
def test_a_step_page_links_back_to_the_route_and_to_the_steps_either_side(pages, page, previous, following):
    text = pages[page].text
    expected = [link for link in (previous, following) if link]
    if pages[page].html:  # written as HTML: final links, as MkDocs would write them from the .md paths
        section = text.split('id="on-a-reading-pathway"', 1)[1]
        line = next(ln for ln in section.splitlines() if ln.startswith("<li>"))
        assert '<a href="../../pathways/board-members/#step-' in line
        links = re.findall(r'href="([^"]+)"', line)[1:]
        folder = posixpath.dirname(page)
        expected = [urls.href(page, posixpath.normpath(posixpath.join(folder, link.split("#")[0])),
                              anchor=link.partition("#")[2]) for link in expected]
    else:
        section = text.split("## On a reading pathway\n", 1)[1]
        line = next(ln for ln in section.splitlines() if ln.startswith("- "))
        assert "[Reading pathway: Board members](../pathways/board-members.md#step-" in line
        links = re.findall(r"\]\(([^)]+)\)", line)[1:]
    assert links == expected


def test_pages_that_are_no_step_say_nothing_about_pathways(pages):
    assert "On a reading pathway" not in pages["ingredients/managing-resources.md"].text
    assert "On a reading pathway" not in pages["trusts/example-trust.md"].text


def test_a_page_on_several_routes_lists_each(pages):
    section = pages["ingredients/patient-safety.md"].text.split('id="on-a-reading-pathway"', 1)[1]
    routes = re.findall(r'^<li><a href="[^"]+">Reading pathway: ([^<]+)</a>', section, re.M)
    assert routes == ["Team leaders and clinicians", "Improvement leads"]


# ---- the real pathways --------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real():
    return load_knowledge_base(ROOT / "data")


def test_there_is_a_pathway_for_each_audience_the_model_names(real):
    assert set(real.pathways) == AUDIENCES
    assert [p.order for p in real.pathways.values()] == sorted(p.order for p in real.pathways.values())


def test_each_real_pathway_is_a_real_route(real):
    for pathway in real.pathways.values():
        kinds = {s.kind for s in pathway.steps}
        assert 8 <= len(pathway.steps) <= 15, pathway.id
        assert {"chapter", "case-study"} <= kinds, pathway.id  # a chapter to frame it, practice to show it
        assert pathway.steps[0].kind == "chapter", f"{pathway.id} should open with a chapter"

