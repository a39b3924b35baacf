"""The glossary (data/glossary.yml): checked like data, with a schema for editors, and shown as the Glossary page."""
from __future__ import annotations

import json
import re

import jsonschema
import pytest
import yaml

from conftest import GOOD, ROOT
from valued_care.cli import main as cli
from valued_care.data.glossary import FILE_NAME, SCHEMA_FILE, load_glossary, read_glossary, schema_text
from valued_care.data.loader import load_knowledge_base
from valued_care.errors import DataInvalid
from valued_care.site import glossary_page
from valued_care.site.pages import generate_pages

TERM = """  - id: {id}
    term: {term}
    abbreviations: [{abbr}]
    definition: What it means.
"""


def write(folder, text: str):
    (folder / FILE_NAME).write_text("terms:\n" + text, encoding="utf-8")


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(ROOT / "data", ROOT)


def test_the_real_glossary_is_valid_and_names_what_the_issues_ask_for(glossary):
    names = {name.lower() for term in glossary.terms for name in glossary.names(term)}
    wanted = {"oap", "epma", "camhs", "cyp", "a&e", "qi", "ftsu", "psirf", "s136", "epr", "picu", "pdsa", "restraint",
              "restrictive practice", "gp", "primary care"}
    assert wanted <= names
    assert {(p.british, p.american) for p in glossary.spellings} >= {("programme", "program"), ("behaviour", "behavior")}
    assert all(len(term.definition) > 40 for term in glossary.terms)


def test_committed_schema_matches_the_model_and_the_data_passes_it():
    committed = ROOT / "schemas" / SCHEMA_FILE
    assert committed.read_text(encoding="utf-8") == schema_text(), "run `python -m valued_care schemas`"
    data = (ROOT / "data" / FILE_NAME).read_text(encoding="utf-8")
    assert data.split("\n", 1)[0] == f"# yaml-language-server: $schema=../schemas/{SCHEMA_FILE}"
    jsonschema.validate(yaml.safe_load(data), json.loads(committed.read_text(encoding="utf-8")))


def test_no_glossary_file_is_an_empty_glossary():
    assert read_glossary(GOOD) == (read_glossary(GOOD)[0], [])
    assert read_glossary(GOOD)[0].terms == []


def test_a_name_given_to_two_terms_is_refused_with_file_and_line(good_data):
    write(good_data, TERM.format(id="out-of-area-placement", term="Out-of-area placement", abbr="OAP")
          + TERM.format(id="older-adult-psychiatry", term="Older adult psychiatry", abbr="oap"))
    _, problems = read_glossary(good_data)
    assert len(problems) == 1
    assert problems[0].line == 8 and "'oap' is already a name of 'Out-of-area placement' (line 4)" in str(problems[0])


def test_duplicate_ids_unknown_see_also_and_unknown_fields_are_refused(good_data):
    write(good_data, TERM.format(id="qi", term="Quality improvement", abbr="QI")
          + TERM.format(id="qi", term="Quality improvement programme", abbr="QIP")
          + "    see_also: [nowhere]\n    colour: blue\n")
    _, problems = read_glossary(good_data)
    text = "\n".join(map(str, problems))
    assert "unknown field 'terms[1].colour'" in text
    write(good_data, TERM.format(id="qi", term="Quality improvement", abbr="QI")
          + TERM.format(id="qi", term="Quality improvement programme", abbr="QIP") + "    see_also: [nowhere]\n")
    text = "\n".join(map(str, read_glossary(good_data)[1]))
    assert "duplicate id 'qi'" in text and "no other term has the id 'nowhere'" in text
    with pytest.raises(DataInvalid):
        load_glossary(good_data)


def test_glossary_text_is_scanned_like_all_data(good_data):
    write(good_data, TERM.format(id="x", term="X <script>", abbr="X"))
    text = "\n".join(map(str, read_glossary(good_data)[1]))
    assert "glossary.yml:3" in text
    write(good_data, TERM.format(id="x", term="Call 020 7946 0000", abbr="X"))
    assert "phone" in "\n".join(map(str, read_glossary(good_data)[1])).lower()


def test_validate_reports_glossary_problems_with_the_rest_of_the_data(good_data, capsys):
    assert cli(["validate", "--data", str(good_data)]) == 0
    write(good_data, TERM.format(id="a", term="Alpha", abbr="A1") + TERM.format(id="b", term="Beta", abbr="a1"))
    assert cli(["validate", "--data", str(good_data)]) == 1
    assert re.search(r"glossary\.yml:\d+:\d+.*'a1' is already a name of 'Alpha'", capsys.readouterr().err)


def test_the_glossary_page_lists_every_term_with_its_anchor_and_its_case_studies(glossary):
    kb = load_knowledge_base(ROOT / "data")
    page = generate_pages(kb)[glossary_page.PAGE]
    assert page.source == "data/glossary.yml"
    for term in glossary.terms:
        assert f"{{: #{term.id} }}" in page.text
    entries = {e.term.id: e for e in glossary_page.entries(kb, glossary)}
    oap = entries["out-of-area-placement"]
    assert oap.heading == "Out-of-area placement (OAP)" and oap.case_studies >= 4
    assert "(finder.md?find=Out-of-area%20placement)" in page.text
    assert [e.term.term.lower() for e in entries.values()] == sorted(e.term.term.lower() for e in entries.values())
    finder = generate_pages(kb)["finder.md"].text
    assert '<a href="../glossary/">glossary</a>' in finder
