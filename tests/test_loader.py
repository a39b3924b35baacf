"""Every malformed file is rejected with its file, line and a fix; valid data loads."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, GOOD, ROOT
from valued_care.data.loader import load_knowledge_base
from valued_care.errors import DataInvalid

BAD = sorted((FIXTURES / "bad").glob("*/*.yml"))


def expectation(path: Path) -> tuple[int, str]:
    first = path.read_bytes().split(b"\n", 1)[0].decode()
    match = re.fullmatch(r"# expect: (\d+) (.+)", first)
    assert match, f"{path.name} must start with '# expect: <line> <message>'"
    return int(match.group(1)), match.group(2)


def test_there_are_at_least_twenty_bad_fixtures():
    assert len(BAD) >= 20


@pytest.mark.parametrize("fixture", BAD, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_bad_fixture_is_rejected_with_file_and_line(fixture: Path, good_data: Path):
    line, message = expectation(fixture)
    shutil.copy(fixture, good_data / fixture.parent.name / fixture.name)
    with pytest.raises(DataInvalid) as caught:
        load_knowledge_base(good_data, root=good_data.parent)
    mine = [p for p in caught.value.problems if p.path.endswith(fixture.name)]
    assert mine, caught.value.report()
    assert any(p.line == line and message in p.message for p in mine), caught.value.report()
    assert all(p.fix for p in mine), "every problem says what to do about it"
    assert f"{fixture.name}:{line}:" in caught.value.report()


def test_yaml_extension_is_refused(good_data: Path):
    (good_data / "trusts" / "other.yaml").write_text("id: other\nname: Other NHS Trust\nregion: london\n")
    with pytest.raises(DataInvalid, match=r"other\.yaml:1:1: file ends in \.yaml"):
        load_knowledge_base(good_data)


def test_good_fixtures_load():
    kb = load_knowledge_base(GOOD)
    assert set(kb.case_studies) == {"example-case", "injection-shows-literally"}
    assert [c.id for c in kb.case_studies_for("leadership")] == ["example-case"]


def test_all_problems_are_reported_in_one_run(good_data: Path):
    for name in ("unknown-trust.yml", "duplicate-key.yml", "raw-html.yml"):
        shutil.copy(FIXTURES / "bad" / "case_studies" / name, good_data / "case_studies" / name)
    with pytest.raises(DataInvalid) as caught:
        load_knowledge_base(good_data)
    files = {Path(p.path).name for p in caught.value.problems}
    assert {"unknown-trust.yml", "duplicate-key.yml", "raw-html.yml"} <= files
    assert caught.value.report().endswith("nothing was built.")


def test_unknown_field_suggests_the_right_name(good_data: Path):
    shutil.copy(FIXTURES / "bad" / "case_studies" / "unknown-field.yml", good_data / "case_studies")
    with pytest.raises(DataInvalid) as caught:
        load_knowledge_base(good_data)
    assert "did you mean 'region'?" in caught.value.report()


def test_missing_reference_is_reported_at_the_referring_file(good_data: Path):
    (good_data / "resources" / "ref-1.yml").unlink()
    with pytest.raises(DataInvalid) as caught:
        load_knowledge_base(good_data)
    report = caught.value.report()
    assert "culture.yml" in report and "unknown resource 'ref-1'" in report


def test_the_real_data_is_valid():
    kb = load_knowledge_base(ROOT / "data")
    assert len(kb.ingredients) == 9
