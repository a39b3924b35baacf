"""The committed JSON Schemas match the typed model, and the real data passes them (as editors will check)."""
from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest
import yaml

from conftest import ROOT
from valued_care.data.kinds import KINDS
from valued_care.outputs.schemas import schema_texts


@pytest.mark.parametrize("name", sorted(schema_texts()))
def test_committed_schema_matches_model(name):
    committed = ROOT / "schemas" / name
    assert committed.exists(), f"run `python -m valued_care schemas` to write {name}"
    assert committed.read_text(encoding="utf-8") == schema_texts()[name], \
        f"schemas/{name} is out of date with valued_care/data/model.py: run `python -m valued_care schemas`"


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.folder)
def test_real_data_passes_its_json_schema(kind):
    schema = json.loads((ROOT / "schemas" / kind.schema_file).read_text())
    files = sorted((ROOT / "data" / kind.folder).glob("*.yml"))
    assert files
    for file in files:
        jsonschema.validate(_jsonable(yaml.safe_load(file.read_text(encoding="utf-8"))), schema)


def test_every_data_file_points_editors_at_its_schema():
    for kind in KINDS:
        for file in (ROOT / "data" / kind.folder).glob("*.yml"):
            first = file.read_text(encoding="utf-8").split("\n", 1)[0]
            assert first == f"# yaml-language-server: $schema=../../schemas/{kind.schema_file}", file
