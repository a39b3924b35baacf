"""The self-assessment and journey planner: the statements a team rates, and the reading material the plan draws on.

A team rates each chapter's "what good looks like" statements on SCALE. In the browser, self-assessment.js takes the
PLAN_SIZE ingredients with the lowest average rating (ties go to the one earlier in the model) and lists, in the
model's order, each one's chapter, theory review, case studies (main ingredient first) and resources. All of that
comes from plan_data(), which the build writes into a script of its own (DATA_SCRIPT, loaded by the page's template
overrides/self-assessment.html like any script, so it works from file://): the page fetches nothing, sends nothing.
"""
from __future__ import annotations

import json

from markupsafe import Markup

from valued_care import urls
from valued_care.data.knowledge_base import KnowledgeBase
from valued_care.data.model import Resource
from valued_care.references import year_of
from valued_care.render import render_snippet

SCALE = ("Not yet", "Partly", "Mostly", "Fully")  # stored as 0..3
PLAN_SIZE = 3
STORAGE_KEY = "valued-care:self-assessment"
DATA_SCRIPT = "assets/javascripts/self-assessment-data.js"  # built from data by the MkDocs hook; not in docs/
DATA_GLOBAL = "valuedCareAssessment"
TITLE = "Self-assessment and journey planner"
DESCRIPTION = ("Rate where your team is now against what good looks like for each ingredient, and get a reading "
               "plan for your weakest ingredients. Your answers stay in your browser.")
META = {"template": "self-assessment.html", "search": {"exclude": True}, "hide": ["toc"]}


def _resource_detail(r: Resource) -> str:
    return f"{r.authors.rstrip('.') + '. ' if r.authors else ''}{r.publisher}, {year_of(r)}."


def plan_data(kb: KnowledgeBase) -> dict:
    """Everything the planner shows, keyed by id so each case study and resource is written once.

    Pages are docs-relative paths (case-studies/x.md); the script turns them into links the way the build does.
    """
    ingredients, cases, resources = [], {}, {}
    for ing in kb.ingredients.values():
        primary, others = kb.case_studies_for(ing.id, primary_only=True), kb.other_case_studies_for(ing.id)
        for case in [*primary, *others]:
            if case.id not in cases:  # a case study is listed under each of its ingredients; written once
                cases[case.id] = {"title": case.title, "page": urls.case_study(case.id),
                                  "trusts": "; ".join(kb.trusts[t].name for t in case.trusts)}
        found = kb.resources_for(ing.id)
        for r in found:
            if r.id not in resources:
                resources[r.id] = {"title": r.title, "page": urls.resource(r.id), "detail": _resource_detail(r)}
        review = kb.theory.get(ing.id)
        ingredients.append({
            "id": ing.id, "number": ing.number, "title": ing.title, "page": urls.ingredient(ing.id),
            "statements": list(ing.what_good_looks_like),
            "questions": list(ing.questions_for_teams),
            "theory": {"title": review.title, "page": urls.theory(review.id)} if review else None,
            "primary": [c.id for c in primary],
            "others": [c.id for c in others],
            "resources": [r.id for r in found],
        })
    return {"version": 1, "page": urls.SELF_ASSESSMENT, "storageKey": STORAGE_KEY, "scale": list(SCALE),
            "planSize": PLAN_SIZE, "ingredients": ingredients, "caseStudies": cases, "resources": resources}


def data_script(kb: KnowledgeBase) -> str:
    """plan_data() as a script: JSON is JavaScript, and ASCII-only JSON is safe in any encoding."""
    return f"window.{DATA_GLOBAL} = {json.dumps(plan_data(kb), ensure_ascii=True, separators=(',', ':'))};\n"


def form(kb: KnowledgeBase) -> Markup:
    """The rating form and the plan's place, as one raw HTML block for the Markdown page."""
    return render_snippet("self_assessment.html.j2", kb=kb, scale=SCALE)
