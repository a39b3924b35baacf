"""Checks that need more than one file, driven by the kinds table (kinds.py): every id a record names must exist,
no list repeats an entry, and each kind's own checks (kind_checks.py)."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from valued_care.data.kind_checks import Context
from valued_care.data.kinds import KINDS, Kind, Ref
from valued_care.data.locations import Locator
from valued_care.errors import DataProblem


def cross_check(records: Mapping[str, Mapping[str, Any]],
                documents: Mapping[tuple[str, str], Locator]) -> list[DataProblem]:
    ctx = Context(records, documents)
    problems: list[DataProblem] = []
    for kind in KINDS:
        for rid, item in records.get(kind.folder, {}).items():
            for ref in kind.references:
                problems += _check_ref(ctx, kind, rid, item, ref)
            for field in kind.no_repeats:
                problems += _no_repeats(ctx, kind.folder, rid, field, getattr(item, field))
        for check in kind.checks:
            problems += check(kind.folder, ctx)
    return problems


def _named(item: Any, path: tuple[str, ...]) -> list[tuple[tuple, str]]:
    """Each id at a field path, with its location: one id, a list of ids, or a field of each item of a list."""
    value = getattr(item, path[0])
    if value is None:
        return []
    if not isinstance(value, list):
        return [((path[0],), value)]
    if len(path) == 1:
        return [((path[0], i), v) for i, v in enumerate(value)]
    return [((path[0], i, path[1]), getattr(v, path[1])) for i, v in enumerate(value)]


def _check_ref(ctx: Context, kind: Kind, rid: str, item: Any, ref: Ref) -> list[DataProblem]:
    return [p for loc, value in _named(item, ref.field)
            for p in ctx.unknown(kind.folder, rid, loc, ref.target, value, ref.what)]


def _no_repeats(ctx: Context, folder: str, rid: str, field: str, values: list[str]) -> list[DataProblem]:
    problems, seen = [], set()
    for i, value in enumerate(values):
        if value in seen:
            problems.append(ctx.problem(folder, rid, (field, i), f"'{value}' is listed twice in {field}",
                                        "remove the repeat"))
        seen.add(value)
    return problems
