"""Open data: the knowledge base as JSON and CSV, each file with a JSON Schema, stable ids and permalinks.

Plain functions, no MkDocs: site_files() gives {site path: text} for the build (the hook adds them to the site),
and export_schemas() gives the schemas committed in schemas/export/.
JSON is the full record exactly as validated; CSV is the same record, one row each, for spreadsheets.
"""
from __future__ import annotations

import copy
import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from valued_care import urls
from valued_care.data.kinds import KINDS
from valued_care.data.knowledge_base import KnowledgeBase
from valued_care.data.model import Record
from valued_care.vocabulary import SOURCE_TYPES

LICENCE = "CC-BY-4.0"
FOLDER = "data"  # in the site: data/case-studies.json
SCHEMA_FOLDER = "data/schemas"
JSON_SCHEMA = "https://json-schema.org/draft/2020-12/schema"
# A cell starting with one of these is run as a formula by spreadsheets; such cells get a leading apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Dataset:
    name: str  # the file stem: data/<name>.json
    title: str
    kind: str  # the KnowledgeBase attribute and data/ folder
    model: type[Record]
    page: Callable[[str], str]
    description: str


# One dataset for each kind the kinds table marks as exported, in its order.
DATASETS = [Dataset(kind.dataset, kind.label.capitalize(), kind.folder, kind.model, kind.page, kind.exported)
            for kind in KINDS if kind.exported and kind.page]

# Fields worked out from the data rather than typed in it, added to every record of a dataset.
_DERIVED = {
    "permalink": {"type": "string", "format": "uri", "description": "The record's page on the site; stable"},
}
_EVIDENCE = {"strongest_evidence": {"enum": list(SOURCE_TYPES), "type": "string",
                                    "description": "The strongest type of source it cites (types strongest first: "
                                                   + ", ".join(SOURCE_TYPES) + ")"}}


def permalink(site_url: str, page: str) -> str:
    """The published address of a docs-relative page (directory URLs): case-studies/x.md -> <site>/case-studies/x/."""
    path, _, anchor = page.partition("#")
    return site_url.rstrip("/") + "/" + urls.built(path) + (f"#{anchor}" if anchor else "")


def _derived(dataset: Dataset) -> dict:
    return {**_DERIVED, **(_EVIDENCE if "sources" in dataset.model.model_fields else {})}


def rows(kb: KnowledgeBase, dataset: Dataset, site_url: str) -> list[dict]:
    """The records as JSON values, sorted by id so each export differs from the last only where the data did."""
    result = []
    for rid, record in sorted(getattr(kb, dataset.kind).items()):
        row = record.model_dump(mode="json")
        row["permalink"] = permalink(site_url, dataset.page(rid))
        if "strongest_evidence" in _derived(dataset):
            row["strongest_evidence"] = kb.strongest_source(record.sources)
        result.append(row)
    return result


def record_schema(dataset: Dataset) -> dict:
    """The model's schema, as exported: every field present (null when empty), plus the derived fields."""
    schema = copy.deepcopy(dataset.model.model_json_schema(mode="serialization"))
    schema["properties"].update(copy.deepcopy(_derived(dataset)))
    # id first and review dates last, as a reader of the CSV would look for them.
    order = sorted(schema["properties"], key=lambda name: (name != "id", name in ("last_reviewed", "next_review")))
    schema["properties"] = {name: schema["properties"][name] for name in order}
    for part in [schema, *schema.get("$defs", {}).values()]:
        if "properties" in part:
            part["required"] = list(part["properties"])
    return schema


def json_schema(dataset: Dataset) -> dict:
    record = record_schema(dataset)
    defs = record.pop("$defs", {})
    return {
        "$schema": JSON_SCHEMA,
        "title": f"{dataset.title}: valued care in mental health open data",
        "description": dataset.description,
        "type": "object",
        "additionalProperties": False,
        "required": ["dataset", "title", "licence", "count", "records"],
        "properties": {
            "dataset": {"const": dataset.name},
            "title": {"type": "string"},
            "licence": {"const": LICENCE},
            "count": {"type": "integer", "minimum": 0},
            "records": {"type": "array", "items": {"$ref": "#/$defs/Record"}},
        },
        "$defs": {**defs, "Record": record},
    }


def csv_columns(dataset: Dataset) -> dict[str, dict]:
    """Column name -> how its cell is written: 'list' (ids joined by '; '), 'json' (nested values) or 'text'."""
    schema = record_schema(dataset)
    columns = {}
    for name, prop in schema["properties"].items():
        options = prop.get("anyOf", [prop])
        kinds = {o.get("type") for o in options} - {"null"}
        if kinds == {"array"} and all(("pattern" in o.get("items", {}) or "enum" in o.get("items", {}))
                                      for o in options if o.get("type") == "array"):
            columns[name] = {"format": "list", "description": prop.get("description", "")}
        elif kinds & {"array", "object"} or any("$ref" in o for o in options):
            columns[name] = {"format": "json", "description": prop.get("description", "")}
        else:
            columns[name] = {"format": "text", "description": prop.get("description", "")}
    return columns


def csv_schema(dataset: Dataset) -> dict:
    notes = {"list": "Ids joined by '; '.", "json": "JSON, as in the JSON file.", "text": ""}
    columns = csv_columns(dataset)
    return {
        "$schema": JSON_SCHEMA,
        "title": f"{dataset.title}: one row of data/{dataset.name}.csv",
        "description": "Every cell is text; empty when the record leaves the field out. A cell that would start "
                       "with =, +, -, @ or a tab starts with an apostrophe so spreadsheets do not run it.",
        "type": "object",
        "additionalProperties": False,
        "required": list(columns),
        "properties": {name: {"type": "string", "description": " ".join(filter(None, [c["description"],
                                                                                      notes[c["format"]]]))}
                       for name, c in columns.items()},
    }


def csv_chunks(dataset: Dataset, records: list[dict], size: int = 1 << 16) -> Iterator[str]:
    """The CSV a piece at a time (about `size` characters each), so a build writes it without holding it whole."""
    columns = csv_columns(dataset)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in records:
        writer.writerow([_cell(row.get(name), spec["format"]) for name, spec in columns.items()])
        if out.tell() >= size:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()


def _cell(value, form: str) -> str:
    if value is None or value == []:
        text = ""
    elif form == "list":
        text = "; ".join(value)
    elif form == "json":
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    else:
        text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _json(value) -> str:
    return "".join(_json_chunks(value))


def _json_chunks(value) -> Iterator[str]:
    """json.dumps(value, indent=2, ensure_ascii=False) and a newline, a piece at a time: the whole text of the
    case studies' file, and the list of pieces json.dumps joins it from, were the largest things a build held."""
    yield from json.JSONEncoder(indent=2, ensure_ascii=False).iterencode(value)
    yield "\n"


def site_files(kb: KnowledgeBase, site_url: str) -> dict[str, str]:
    """Every open data file of one build: {path in the site: text}."""
    return {path: "".join(pieces()) for path, pieces in site_file_makers(kb, site_url)}


def site_file_makers(kb: KnowledgeBase, site_url: str) -> Iterator[tuple[str, Callable[[], Iterable[str]]]]:
    """The same, as (path in the site, a function giving its text in pieces): each file is made only when it is
    written, a piece at a time, so a build never holds a whole file and can make them in any order or process. Each
    works out its dataset's rows itself (a few ms at the real content): a shared build makes a dataset's JSON and CSV
    in different processes, and rows kept for the other file would only be held longer."""
    for dataset in DATASETS:
        yield f"{FOLDER}/{dataset.name}.json", partial(_dataset_json, kb, dataset, site_url)
        yield f"{FOLDER}/{dataset.name}.csv", partial(_dataset_csv, kb, dataset, site_url)
    for name, schema in export_schemas().items():
        yield f"{SCHEMA_FOLDER}/{name}", partial(_json_chunks, schema)


def _dataset_json(kb: KnowledgeBase, dataset: Dataset, site_url: str) -> Iterator[str]:
    records = rows(kb, dataset, site_url)
    return _json_chunks({"dataset": dataset.name, "title": dataset.title, "licence": LICENCE, "count": len(records),
                         "records": records})


def _dataset_csv(kb: KnowledgeBase, dataset: Dataset, site_url: str) -> Iterator[str]:
    return csv_chunks(dataset, rows(kb, dataset, site_url))


def export_schemas() -> dict[str, dict]:
    """{file name: schema} for each dataset's JSON file and CSV row, as committed in schemas/export/."""
    schemas = {}
    for dataset in DATASETS:
        schemas[f"{dataset.name}.schema.json"] = json_schema(dataset)
        schemas[f"{dataset.name}.csv.schema.json"] = csv_schema(dataset)
    return schemas


def write_schemas(folder: Path) -> list[Path]:
    return _write_texts(folder, {name: _json(schema) for name, schema in export_schemas().items()})


def _write_texts(folder: Path, texts: dict[str, str]) -> list[Path]:
    written = []
    for relative, text in texts.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        written.append(path)
    return written
