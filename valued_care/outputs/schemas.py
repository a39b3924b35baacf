"""JSON Schemas generated from the typed records, so editors check YAML as people type."""
from __future__ import annotations

import json
from pathlib import Path

from valued_care.data.model import KINDS

SCHEMA_DIR_NAME = "schemas"


def schema_file_name(kind: str) -> str:
    return f"{kind.rstrip('s') if not kind.endswith('ies') else kind[:-3] + 'y'}.schema.json"


def schema_texts() -> dict[str, str]:
    texts = {}
    for kind, model in KINDS.items():
        schema = model.model_json_schema(mode="validation")
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
        texts[schema_file_name(kind)] = json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return texts


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
