"""The case study scaffold writes a file that fails only on its placeholders, and passes once they are filled."""
from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from valued_care.contributors import scaffold
from valued_care.data.loader import load_knowledge_base
from valued_care.errors import DataInvalid

TODAY = dt.date(2026, 11, 26)


def fill(text: str, summary: str = "Peer workers joined the community teams.") -> str:
    """What a contributor does by hand: replace each placeholder with real text."""
    text = text.replace('summary: "TODO', f'summary: "{summary}" #', 1)
    text = re.sub(r'"TODO:[^"]*"', '"Real text from the sources."', text)
    text = text.replace("https://TODO.example.org/the-public-page-you-used", "https://example.org/peer-workers")
    text = text.replace("topics: [TODO]", "topics: [lived-experience-and-peer-support]")
    return text.replace("type: TODO", "type: trust")


def draft(**changes) -> scaffold.Draft:
    values = dict(title="Peer workers cut readmissions", trusts=["example-trust"],
                  ingredients=["experts-by-experience", "culture"], settings=["community"])
    return scaffold.Draft(**{**values, **changes})


def test_new_file_points_at_its_schema_and_fails_only_on_placeholders(good_data: Path):
    result = scaffold.create(draft(), good_data, TODAY)
    text = result.path.read_text()
    assert result.path.name == "peer-workers-cut-readmissions.yml"
    assert text.split("\n", 1)[0] == "# yaml-language-server: $schema=../../schemas/case_study.schema.json"
    assert result.other_problems == [] and result.problems_elsewhere == 0
    todo_lines = {n for n, line in enumerate(text.splitlines(), 1) if "TODO" in line and not line.startswith("#")}
    assert {p.line for p in result.placeholders} == todo_lines
    record = yaml.safe_load(text)
    assert (record["region"], record["added"], record["next_review"]) == ("london", TODAY, dt.date(2027, 11, 26))
    assert (record["primary_ingredient"], record["other_ingredients"]) == ("experts-by-experience", ["culture"])


def test_validator_refuses_it_until_every_placeholder_is_filled(good_data: Path):
    result = scaffold.create(draft(), good_data, TODAY)
    almost = fill(result.path.read_text()).replace('problem: "Real text from the sources."', 'problem: "TODO: later"')
    result.path.write_text(almost)
    with pytest.raises(DataInvalid) as caught:
        load_knowledge_base(good_data)
    [problem] = caught.value.problems
    assert "still holds placeholder text" in problem.message and "TODO" in problem.fix
    result.path.write_text(fill(result.path.read_text()))
    kb = load_knowledge_base(good_data)
    case = kb.case_studies["peer-workers-cut-readmissions"]
    assert case in kb.case_studies_for("experts-by-experience") and case in kb.case_studies_for("culture")


def test_a_given_source_is_written_and_needs_no_placeholder(good_data: Path):
    source = scaffold.Source("https://example.org/report", "Annual report", "Example Trust", "trust")
    result = scaffold.create(draft(source=source, methods=["peer-support"]), good_data, TODAY)
    sources_line = result.path.read_text().splitlines().index("sources:") + 1
    assert result.placeholders and all(p.line < sources_line for p in result.placeholders)
    record = yaml.safe_load(result.path.read_text())
    assert record["sources"] == [{"url": "https://example.org/report", "title": "Annual report",
                                  "publisher": "Example Trust", "type": "trust"}]
    assert record["methods"] == ["peer-support"]


def test_what_a_contributor_types_cannot_break_the_yaml(good_data: Path):
    title = 'Wards: "no force" {{ 7*7 }} # not a comment \\ and \'quotes\''
    result = scaffold.create(draft(title=title, id="odd-title"), good_data, TODAY)
    assert yaml.safe_load(result.path.read_text())["title"] == title


def test_unknown_values_are_refused_with_suggestions_and_nothing_is_written(good_data: Path):
    with pytest.raises(scaffold.DraftError) as caught:
        scaffold.create(draft(trusts=["exampel-trust"], ingredients=["cultur"], settings=["inpatient"]),
                        good_data, TODAY)
    text = str(caught.value)
    assert "unknown trust 'exampel-trust' (did you mean 'example-trust'?)" in text
    assert "unknown ingredient 'cultur' (did you mean 'culture'?)" in text
    assert "--setting: unknown value 'inpatient'" in text
    assert not list((good_data / "case_studies").glob("peer-*"))


def test_an_existing_id_is_never_overwritten(good_data: Path):
    before = (good_data / "case_studies" / "example-case.yml").read_text()
    with pytest.raises(scaffold.DraftError, match="already exists"):
        scaffold.create(draft(id="example-case"), good_data, TODAY)
    assert (good_data / "case_studies" / "example-case.yml").read_text() == before


def test_a_new_trust_is_added_with_its_region(good_data: Path):
    result = scaffold.create(draft(trusts=["north-example"], new_trust_name="North Example NHS Trust",
                                   region="north-west"), good_data, TODAY)
    trust_file = good_data / "trusts" / "north-example.yml"
    assert trust_file in result.written
    assert yaml.safe_load(trust_file.read_text()) == {"id": "north-example", "name": "North Example NHS Trust",
                                                      "region": "north-west"}
    assert result.other_problems == []
    with pytest.raises(scaffold.DraftError, match="--region"):
        scaffold.create(draft(trusts=["south-example"], new_trust_name="South Example NHS Trust"), good_data, TODAY)


def test_review_a_year_on_even_from_29_february(good_data: Path):
    result = scaffold.create(draft(), good_data, dt.date(2028, 2, 29))
    assert yaml.safe_load(result.path.read_text())["next_review"] == dt.date(2029, 2, 28)


def test_command_without_input_lists_what_is_missing(good_data: Path):
    run = subprocess.run([sys.executable, "-m", "valued_care", "new-case-study", "--no-input", "--data", str(good_data),
                          "--title", "Something"], cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert run.returncode == 2
    assert "--trust: name at least one trust" in run.stderr and "--ingredient: name at least one" in run.stderr


def test_questions_fill_what_the_flags_left_out():
    answers = iter(["A title", "example-trust", "culture, leadership", "community", "staff-wellbeing"])
    filled = scaffold.ask_missing(scaffold.Draft("", [], [], []), lambda _: next(answers), ["culture"])
    assert (filled.title, filled.trusts, filled.ingredients, filled.settings, filled.topics) == (
        "A title", ["example-trust"], ["culture", "leadership"], ["community"], ["staff-wellbeing"])


def test_topics_given_are_written_and_an_unknown_topic_is_refused(good_data: Path):
    result = scaffold.create(draft(topics=["carers-and-families", "crisis-care"]), good_data, TODAY)
    assert yaml.safe_load(result.path.read_text())["topics"] == ["carers-and-families", "crisis-care"]
    assert not any("topics" in p.message for p in result.placeholders + result.other_problems)
    with pytest.raises(scaffold.DraftError, match="--topic: unknown value 'carers-and-family'.*carers-and-families"):
        scaffold.create(draft(id="other", topics=["carers-and-family"]), good_data, TODAY)


@pytest.mark.parametrize("rid", ["yes", "null", "2020-01-01", "0123"])
def test_ids_that_yaml_would_read_as_other_types_are_written_as_text(good_data: Path, rid: str):
    result = scaffold.create(draft(id=rid), good_data, TODAY)
    record = yaml.safe_load(result.path.read_text())
    assert record["id"] == rid and isinstance(record["id"], str)
    assert all(isinstance(t, str) for t in record["trusts"] + record["settings"])
