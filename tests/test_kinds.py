"""The kinds table (valued_care/data/kinds.py) is the one declaration of each record kind: everything that lists
kinds reads it, and a kind can never be checked and then dropped."""
from __future__ import annotations

import dataclasses

import pytest

from valued_care.data.kinds import KINDS, Kind
from valued_care.data.knowledge_base import KnowledgeBase
from valued_care.data.model import Record
from valued_care.outputs import export
from valued_care.outputs.schemas import schema_texts


def test_the_knowledge_base_has_one_field_per_kind_and_no_other():
    public = [f.name for f in dataclasses.fields(KnowledgeBase) if not f.name.startswith("_")]
    assert public == [kind.folder for kind in KINDS]


def test_a_kind_with_no_place_in_the_knowledge_base_is_an_error_not_dropped(real_kb):
    class Event(Record):
        id: str

    records = {kind.folder: dict(getattr(real_kb, kind.folder)) for kind in KINDS}
    records["events"] = {"e": Event(id="e")}
    toy = Kind("events", Event, "event", "events")
    with pytest.raises(TypeError, match="events"):
        KnowledgeBase.from_records(records, kinds=(*KINDS, toy))


def test_schemas_and_open_data_follow_the_table():
    # every kind has its schema; the other schemas are of vocabularies (glossary), not record kinds
    assert {kind.schema_file for kind in KINDS} <= set(schema_texts())
    assert set(schema_texts()) - {kind.schema_file for kind in KINDS} == {"glossary.schema.json"}
    assert [d.kind for d in export.DATASETS] == [kind.folder for kind in KINDS if kind.exported]


def test_every_reference_names_a_kind_and_a_field_of_its_model():
    folders = {kind.folder for kind in KINDS}
    for kind in KINDS:
        for ref in kind.references:
            assert ref.target in folders, (kind.folder, ref)
            assert ref.field[0] in kind.model.model_fields, (kind.folder, ref)
        for field in kind.no_repeats:
            assert field in kind.model.model_fields, (kind.folder, field)
