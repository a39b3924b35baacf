"""The self-assessment page as built: one radio group per 'what good looks like' statement, and the plan's data as a
script of its own that carries any text exactly. The plan itself is worked out in the browser (test_reader_journeys_browser.py
checks it against the same data)."""
from __future__ import annotations

import html
import json
import re

import pytest
from markupsafe import escape

from conftest import GOOD, ROOT
from valued_care.data.loader import load_knowledge_base
from valued_care.site import self_assessment
from valued_care.site.pages import generate_pages

HOSTILE = "Stop </script> here & <!-- there --> 'quoted' \"double\" </script x"


def script_data(script: str) -> dict:
    prefix, suffix = f"window.{self_assessment.DATA_GLOBAL} = ", ";\n"
    assert script.startswith(prefix) and script.endswith(suffix)
    return json.loads(script[len(prefix):-len(suffix)])


@pytest.fixture(scope="module")
def real():
    return load_knowledge_base(ROOT / "data")


def test_plan_data_carries_each_chapters_statements_in_the_models_order(real):
    data = self_assessment.plan_data(real)
    assert [i["id"] for i in data["ingredients"]] == list(real.ingredients)
    for item in data["ingredients"]:
        ingredient = real.ingredients[item["id"]]
        assert item["statements"] == ingredient.what_good_looks_like
        assert item["questions"] == ingredient.questions_for_teams
        assert item["theory"]["page"] == f"theory/{item['id']}.md"


def test_plan_data_lists_main_ingredient_case_studies_first_and_each_once(real):
    data = self_assessment.plan_data(real)
    for item in data["ingredients"]:
        assert item["primary"] == [c.id for c in real.case_studies_for(item["id"], primary_only=True)]
        assert set(item["others"]) == {c.id for c in real.case_studies_for(item["id"])} - set(item["primary"])
        assert all(real.case_studies[c].primary_ingredient != item["id"] for c in item["others"])
        assert item["resources"] == [r.id for r in real.resources_for(item["id"])]
    every_case = {c for i in data["ingredients"] for c in i["primary"] + i["others"]}
    assert every_case == set(data["caseStudies"]) == set(real.case_studies)
    assert data["caseStudies"]["mersey-care-no-force-first"]["page"] == "case-studies/mersey-care-no-force-first.md"
    assert data["resources"]["francis-2015-freedom-to-speak-up"]["page"] == "resources.md#res-francis-2015-freedom-to-speak-up"


def test_form_has_one_labelled_radio_group_per_statement(real):
    form = str(self_assessment.form(real))
    fieldsets = re.findall(r'<fieldset class="vc-rating" data-vc-ingredient="([^"]+)" data-vc-statement="(\d+)">\s*'
                           r'<legend>(.*?)</legend>(.*?)</fieldset>', form, re.S)
    expected = [(i.id, n, s) for i in real.ingredients.values() for n, s in enumerate(i.what_good_looks_like)]
    assert [(rid, int(n), html.unescape(legend)) for rid, n, legend, _ in fieldsets] == expected
    for rid, n, _, body in fieldsets:
        radios = re.findall(r'<label><input type="radio" name="([^"]+)" value="(\d)"> ([^<]+)</label>', body)
        assert radios == [(f"rate-{rid}-{n}", str(v), label) for v, label in enumerate(self_assessment.SCALE)]
    assert "<form" not in form  # nothing to submit, anywhere


def test_any_statement_reaches_the_script_and_the_form_exactly():
    kb = load_knowledge_base(GOOD)
    culture = kb.ingredients["culture"]
    kb.ingredients["culture"] = culture.model_copy(update={"what_good_looks_like": [HOSTILE, *culture.what_good_looks_like]})
    script = self_assessment.data_script(kb)
    assert script.isascii() and script.count("\n") == 1
    assert script_data(script)["ingredients"][2]["statements"][0] == HOSTILE
    assert f"<legend>{escape(HOSTILE)}</legend>" in str(self_assessment.form(kb))


def test_the_page_holds_the_form_and_no_script():
    page = generate_pages(load_knowledge_base(GOOD))["self-assessment.md"]
    front, body = page.text.split("---\n")[1:3]
    assert "template: self-assessment.html" in front and "- toc" in front
    assert '<div class="vc-assess" id="vc-assess">' in body and "<script" not in body
    assert "\n\n" not in body.split('<div class="vc-assess"', 1)[1]  # one raw HTML block: no blank line inside


def test_built_site_loads_the_data_then_the_planner(built_site, real):
    page = (built_site / "self-assessment" / "index.html").read_text()
    assert page.count('<fieldset class="vc-rating"') == sum(len(i.what_good_looks_like) for i in real.ingredients.values())
    data_tag = '<script src="../assets/javascripts/self-assessment-data.js">'
    planner_tag = '<script src="../assets/javascripts/self-assessment.js">'
    assert 0 < page.index(data_tag) < page.index(planner_tag)
    built = (built_site / "assets" / "javascripts" / "self-assessment-data.js").read_text()
    assert script_data(built) == json.loads(json.dumps(self_assessment.plan_data(real)))
