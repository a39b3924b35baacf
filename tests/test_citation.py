"""CITATION.cff is checked like data: the Citation File Format 1.2.0 fields we publish, then personal data. Every
mistake is a file:line problem with a fix, never a traceback in the build."""
from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import pytest

from conftest import FIXTURES, ROOT
from valued_care.data.citation import SCHEMA, check_citation
from valued_care.errors import DataProblem
from valued_care.site import credits

CITATIONS = FIXTURES / "citation"
BAD = sorted((CITATIONS / "bad").glob("*.cff"))


def expectation(path: Path) -> tuple[int, str]:
    first = path.read_bytes().split(b"\n", 1)[0].decode()
    match = re.fullmatch(r"# expect: (\d+) (.+)", first)
    assert match, f"{path.name} must start with '# expect: <line> <message>'"
    return int(match.group(1)), match.group(2)


def test_schema_is_valid_json_schema():
    jsonschema.Draft7Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", [ROOT / "CITATION.cff", CITATIONS / "good.cff"], ids=["repository", "fixture"])
def test_good_citation_passes_and_the_site_can_read_it(path: Path):
    assert check_citation(path, path.name) == []
    # What passes must never break the Contributors page.
    assert credits.contributors(path) and credits.citation_text(path)


@pytest.mark.parametrize("fixture", BAD, ids=lambda p: p.stem)
def test_bad_citation_is_reported_at_its_line(fixture: Path):
    line, message = expectation(fixture)
    problems = check_citation(fixture, f"shown/{fixture.name}")
    report = "\n".join(map(str, problems))
    assert any(p.line == line and message in p.message for p in problems), report
    assert all(isinstance(p, DataProblem) and p.path == f"shown/{fixture.name}" and p.fix for p in problems), report


def test_the_required_cases_each_fail_with_a_line():
    """The cases issue 11 names: a number for a name, authors as text, no title, an unknown key, a phone number."""
    for name in ("author-name-is-a-number", "authors-is-not-a-list", "missing-title", "unknown-key",
                 "phone-number-in-text"):
        assert check_citation(CITATIONS / "bad" / f"{name}.cff", name), name


def test_public_contacts_advice_is_not_given_for_a_citation():
    [problem] = check_citation(CITATIONS / "bad" / "phone-number-in-text.cff", "CITATION.cff")
    assert "public_contacts" not in problem.fix


def test_unknown_key_suggests_the_right_one():
    [problem] = check_citation(CITATIONS / "bad" / "unknown-key.cff", "CITATION.cff")
    assert "did you mean 'license'?" in problem.fix


@pytest.mark.parametrize("replacement", ["12345", "1.5", "yes", "null", "[]", "[a, b]", "{a: 1}", "''", "2026-01-01",
                                         "<b>x</b>", "https://example.org"])
def test_any_value_of_any_type_gives_problems_not_a_traceback(tmp_path: Path, replacement: str):
    lines = (CITATIONS / "good.cff").read_text(encoding="utf-8").splitlines()
    for index, line in enumerate(lines):
        match = re.match(r"(\s*(?:- )?[\w-]+:) \S", line)
        if not match:
            continue
        broken = tmp_path / "CITATION.cff"
        broken.write_text("\n".join(lines[:index] + [f"{match.group(1)} {replacement}"] + lines[index + 1:]) + "\n",
                          encoding="utf-8")
        problems = check_citation(broken, "CITATION.cff")
        assert all(isinstance(p, DataProblem) and p.fix for p in problems)
        if not problems:  # accepted, so the site must be able to show it
            credits.citation_text(broken)


def test_not_a_mapping(tmp_path: Path):
    path = tmp_path / "CITATION.cff"
    path.write_text("- just\n- a list\n", encoding="utf-8")
    [problem] = check_citation(path, "CITATION.cff")
    assert (problem.line, problem.col) == (1, 1) and "expected fields" in problem.message
