"""JSON Schemas generated from the typed records, so editors check YAML as people type."""
from __future__ import annotations

import json
from pathlib import Path

from valued_care.data import glossary
from valued_care.data.kinds import KINDS


def schema_texts() -> dict[str, str]:
    texts = {}
    for kind in KINDS:
        schema = kind.model.model_json_schema(mode="validation")
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
        texts[kind.schema_file] = json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    texts[glossary.SCHEMA_FILE] = glossary.schema_text()  # data/glossary.yml, one file rather than a kind
    return texts


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
