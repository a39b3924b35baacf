"""The one loader: data/ folder -> checked, typed KnowledgeBase, or DataInvalid listing every problem at once.

Used by the validate command, the site build, the PDF, the exports and the tests alike.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from valued_care.data import text_scan
from valued_care.data.cross_references import cross_check
from valued_care.data.kinds import KINDS
from valued_care.data.knowledge_base import KnowledgeBase
from valued_care.data.locations import FileLocations, Locator
from valued_care.data.model import Record
from valued_care.data.yaml_source import YamlDocument, YamlProblems, read_yaml
from valued_care.errors import DataInvalid, DataProblem, display_path
from valued_care.suggest import did_you_mean, nearest


def load_knowledge_base(data_dir: Path, root: Path | None = None) -> KnowledgeBase:
    problems: list[DataProblem] = []
    records: dict[str, dict[str, Record]] = {kind.folder: {} for kind in KINDS}
    documents: dict[tuple[str, str], Locator] = {}
    for kind in KINDS:
        problems += _load_folder(data_dir / kind.folder, kind.folder, kind.model, root, records[kind.folder],
                                 documents)
    problems += cross_check(records, documents)
    if problems:
        raise DataInvalid(problems)
    return KnowledgeBase.from_records(records)


def _load_folder(folder: Path, name: str, model: type[Record], root: Path | None, records: dict[str, Record],
                 documents: dict[tuple[str, str], Locator]) -> list[DataProblem]:
    """Every record of one kind into records (by id) and documents, and every problem found on the way."""
    if folder.is_symlink() or not folder.is_dir():
        what = "is a symbolic link" if folder.is_symlink() else "is missing"
        return [DataProblem(display_path(folder, root), 1, 1, f"folder {what}",
                            f"create data/{name}/ as a real folder with one .yml file per record")]
    problems: list[DataProblem] = []
    for file in sorted(folder.iterdir()):
        if file.suffix.lower() not in {".yml", ".yaml"}:
            continue
        if file.suffix != ".yml":
            problems.append(DataProblem(display_path(file, root), 1, 1, f"file ends in {file.suffix}",
                                        f"rename it to {file.stem}.yml (lower-case .yml is the only one read)"))
            continue
        record, doc, found = load_file(file, display_path(file, root), model)
        problems += found
        if record is None or doc is None:
            continue
        if record.id in records:
            first = documents[(name, record.id)]
            problems.append(doc.problem(("id",), f"duplicate id '{record.id}' (also in {first.path})",
                                        "give each record its own id"))
            problems.append(first.problem(("id",), f"duplicate id '{record.id}' (also in {doc.path})",
                                          "give each record its own id"))
            continue
        records[record.id] = record
        documents[(name, record.id)] = FileLocations(file, doc.path)  # re-read only to place a problem
    return problems


def load_file(file: Path, shown: str, model: type[Record]) -> tuple[Any, YamlDocument | None, list[DataProblem]]:
    """One data file -> its record (None if it has problems), its document, and every problem found in it."""
    record, doc, problems = _load_record(file, shown, model)
    if doc is not None:  # personal data and unfilled scaffold text, in any field (text_scan.py)
        problems = problems + text_scan.check(doc, file)
    return record, doc, problems


def _load_record(file: Path, shown: str, model: type[Record]):
    try:
        doc = read_yaml(file, shown)
    except YamlProblems as err:
        return None, None, err.problems
    if not isinstance(doc.value, dict):
        found = type(doc.value).__name__.replace("list", "a list").replace("str", "plain text")
        return None, doc, [doc.problem((), f"expected fields ('name: value' lines) but found {found}",
                                       "write one record per file as 'field: value' lines, without a leading '- '")]
    try:
        record: Any = model.model_validate(doc.value)  # a record of the kinds table: each has an id
    except ValidationError as err:
        return None, doc, [_explain(doc, e, model) for e in err.errors()]
    problems = []
    if record.id != file.stem:
        problems.append(doc.problem(("id",), f"id '{record.id}' does not match the file name '{file.name}'",
                                    f"rename the file to {record.id}.yml, or set id: {file.stem}"))
    return record, doc, problems


def _field_name(loc: tuple) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "the file"


def _explain(doc: YamlDocument, error: Any, model: type[Record]) -> DataProblem:
    loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith(("function-", "literal["))))
    field, kind, value = _field_name(loc), error["type"], error.get("input")
    raw = doc.raw_text(loc)
    if kind == "missing":
        return doc.problem(loc[:-1], f"missing required field '{_field_name(loc)}'",
                           f"add '{loc[-1]}:' (the schema in schemas/ lists every field)")
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, loc[:-1])
        hint = did_you_mean(loc[-1], allowed) + " " if nearest(loc[-1], allowed) else ""
        return doc.problem(loc, f"unknown field '{field}'", f"{hint}allowed here: {', '.join(allowed)}")
    if isinstance(value, bool) and kind in {"string_type", "int_type", "date_type"}:
        return doc.problem(loc, f"{field}: '{raw}' was read as {str(value).lower()} (a yes/no value), not text",
                           f"put it in quotes: \"{raw}\"")
    if kind == "literal_error":
        allowed = [a.strip(" '") for a in error["ctx"]["expected"].replace(" or ", ",").split(",")]
        hint = did_you_mean(value, allowed) + " " if nearest(value, allowed) else ""
        return doc.problem(loc, f"{field}: '{value}' is not an allowed value", f"{hint}use one of: {', '.join(allowed)}")
    if kind == "string_too_long":
        limit = error["ctx"]["max_length"]
        return doc.problem(loc, f"{field} is {len(value):,} characters, over the limit of {limit:,}",
                           "shorten it, or split it into several items")
    if kind == "string_pattern_mismatch":
        return doc.problem(loc, f"{field}: '{value}' is not a valid id",
                           "use lower-case letters and digits joined by single hyphens, e.g. east-london")
    if kind == "too_short":
        return doc.problem(loc, f"{field} needs at least {error['ctx']['min_length']} item(s)", "add the missing items")
    if kind in {"date_type", "date_from_datetime_parsing", "date_parsing"}:
        return doc.problem(loc, f"{field}: '{raw if raw is not None else value}' is not a date",
                           "write the date as YYYY-MM-DD without quotes, e.g. 2026-11-26")
    if kind in {"list_type"}:
        return doc.problem(loc, f"{field} should be a list", "write each item on its own line starting '- '")
    if kind in {"model_type", "dict_type"}:
        return doc.problem(loc, f"{field} should be a set of 'name: value' fields", "see the schema in schemas/")
    if kind == "string_type":
        return doc.problem(loc, f"{field} should be text, not {type(value).__name__}", "put the value in quotes")
    if kind in {"int_type", "int_parsing", "greater_than_equal", "less_than_equal"}:
        return doc.problem(loc, f"{field}: {error['msg'].lower()}", "give a whole number in range, e.g. 2019")
    message = error["msg"].removeprefix("Value error, ")
    return doc.problem(loc, f"{field} {message}" if loc else message, "see CONTRIBUTING.md for what this field holds")


def _allowed_fields(model: type[Record], loc: tuple) -> list[str]:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return []
        current = _inner_model(info.annotation)
    return sorted(getattr(current, "model_fields", {}))


def _inner_model(annotation):
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return annotation if isinstance(annotation, type) and issubclass(annotation, Record) else None
