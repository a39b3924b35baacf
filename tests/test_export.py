"""Open data: JSON and CSV that match their published schemas, with stable ids and permalinks."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from conftest import GOOD, ROOT
from valued_care.data.loader import load_knowledge_base
from valued_care.outputs import export, feed

SITE = "https://example.org/kb/"


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base(GOOD)


@pytest.fixture(scope="module")
def files(kb):
    return export.site_files(kb, SITE)


@pytest.mark.parametrize("name", sorted(export.export_schemas()))
def test_committed_export_schema_matches_model(name):
    committed = ROOT / "schemas" / "export" / name
    assert committed.exists(), f"run `python -m valued_care schemas` to write schemas/export/{name}"
    assert json.loads(committed.read_text()) == export.export_schemas()[name], \
        f"schemas/export/{name} is out of date: run `python -m valued_care schemas`"


@pytest.mark.parametrize("dataset", export.DATASETS, ids=lambda d: d.name)
def test_json_passes_its_schema_and_holds_every_record(files, kb, dataset):
    data = json.loads(files[f"data/{dataset.name}.json"])
    schema = json.loads(files[f"data/schemas/{dataset.name}.schema.json"])
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema)
    assert [r["id"] for r in data["records"]] == sorted(getattr(kb, dataset.kind))
    assert data["count"] == len(data["records"]) and data["licence"] == "CC-BY-4.0"


@pytest.mark.parametrize("dataset", export.DATASETS, ids=lambda d: d.name)
def test_csv_rows_pass_their_schema_and_match_the_json(files, dataset):
    rows = list(csv.DictReader(io.StringIO(files[f"data/{dataset.name}.csv"], newline="")))
    schema = json.loads(files[f"data/schemas/{dataset.name}.csv.schema.json"])
    records = json.loads(files[f"data/{dataset.name}.json"])["records"]
    assert len(rows) == len(records)
    for row, record in zip(rows, records):
        jsonschema.validate(row, schema)
        assert (row["id"], row["permalink"]) == (record["id"], record["permalink"])
    assert list(rows[0])[0] == "id"


def test_case_study_json_and_csv_carry_permalink_evidence_and_lists(files):
    [case] = [r for r in json.loads(files["data/case-studies.json"])["records"] if r["id"] == "example-case"]
    assert case["permalink"] == "https://example.org/kb/case-studies/example-case/"
    assert case["strongest_evidence"] == "trust"
    assert case["other_ingredients"] == ["leadership"] and case["added"] == "2026-11-20"
    row = next(r for r in csv.DictReader(io.StringIO(files["data/case-studies.csv"])) if r["id"] == "example-case")
    assert row["trusts"] == "example-trust" and row["other_ingredients"] == "leadership"
    assert json.loads(row["outcomes"]) == case["outcomes"]


def test_resource_permalink_is_its_anchor_on_the_resources_page(files):
    [first] = json.loads(files["data/resources.json"])["records"][:1]
    assert first["permalink"] == f"https://example.org/kb/resources/#res-{first['id']}"


@pytest.mark.parametrize("typed, cell", [("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+1", "'+1"), ("-5% falls", "'-5% falls"),
                                         ("@SUM(A1)", "'@SUM(A1)"), ("Plain text", "Plain text"), (None, "")])
def test_spreadsheet_formulas_are_defused(typed, cell):
    assert export._cell(typed, "text") == cell


def test_permalinks_use_directory_urls():
    assert export.permalink("https://x.org/a", "index.md") == "https://x.org/a/"
    assert export.permalink("https://x.org/a/", "case-studies/index.md") == "https://x.org/a/case-studies/"
    assert export.permalink("https://x.org/a/", "trusts/t.md") == "https://x.org/a/trusts/t/"


def test_feed_is_well_formed_atom_newest_first_with_text_escaped(kb):
    xml = feed.atom(kb, SITE, "Site & <name>", "CC BY 4.0")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.fromstring(xml.encode())
    entries = root.findall("a:entry", ns)
    assert [e.find("a:id", ns).text for e in entries] == [
        SITE + "case-studies/injection-shows-literally/", SITE + "case-studies/example-case/"]
    assert root.find("a:title", ns).text == "Site & <name>: new case studies"
    hostile = entries[0]
    assert "{{ 7*7 }}" in hostile.find("a:title", ns).text
    assert hostile.find("a:updated", ns).text == "2026-11-21T00:00:00Z"
    assert [c.get("term") for c in entries[1].findall("a:category", ns)] == ["culture", "leadership"]
    assert "&amp;" in xml and "<script" not in xml


def test_feed_keeps_only_the_newest(kb):
    assert len(ET.fromstring(feed.atom(kb, SITE, "S", limit=1)).findall("{http://www.w3.org/2005/Atom}entry")) == 1
