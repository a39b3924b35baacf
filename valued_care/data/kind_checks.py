"""Checks that look at every record of one kind, or across kinds, beyond the ids a kind names (kinds.py lists those):
numbering, pathway steps, a source listed twice. Each takes the folder it checks and the records read so far."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from valued_care.data.locations import Locator
from valued_care.errors import DataProblem
from valued_care.suggest import did_you_mean
from valued_care.vocabulary import STEP_FOLDERS, STEP_KINDS


@dataclass(frozen=True)
class Context:
    records: Mapping[str, Mapping[str, Any]]  # folder -> id -> record
    documents: Mapping[tuple[str, str], Locator]  # (folder, id) -> the YAML it came from, for file:line

    def problem(self, folder: str, rid: str, loc: tuple, message: str, fix: str) -> DataProblem:
        return self.documents[(folder, rid)].problem(loc, message, fix)

    def unknown(self, folder: str, rid: str, loc: tuple, target: str, value: str, what: str) -> list[DataProblem]:
        """[] if value is the id of a record in target, else the problem with a suggestion."""
        known = self.records.get(target, {})
        if value in known:
            return []
        return [self.problem(folder, rid, loc, f"unknown {what} '{value}'",
                             f"use the id of a file in data/{target}/ ({suggest(value, known)})")]


Check = Callable[[str, Context], list[DataProblem]]


def suggest(value: str, choices) -> str:
    return did_you_mean(value, choices, f"{len(choices)} known")


def _once(folder: str, ctx: Context, field: str, what: str, fix: str) -> list[DataProblem]:
    problems: list[DataProblem] = []
    first: dict[Any, str] = {}
    for rid, item in ctx.records[folder].items():
        value = getattr(item, field)
        if value in first:
            problems.append(ctx.problem(folder, rid, (field,), f"{what} {value} is also used by '{first[value]}'", fix))
        first.setdefault(value, rid)
    return problems


def numbered_once(folder: str, ctx: Context) -> list[DataProblem]:
    return _once(folder, ctx, "number", "ingredient number", "each of the nine ingredients has its own number, 1 to 9")


def ordered_once(folder: str, ctx: Context) -> list[DataProblem]:
    return _once(folder, ctx, "order", "pathway order", "give each pathway its own place in the list")


def primary_not_repeated(folder: str, ctx: Context) -> list[DataProblem]:
    return [ctx.problem(folder, rid, ("other_ingredients", i), f"'{value}' is already the primary ingredient",
                        "list it only as primary_ingredient")
            for rid, item in ctx.records[folder].items()
            for i, value in enumerate(item.other_ingredients) if value == item.primary_ingredient]


def sources_once(folder: str, ctx: Context) -> list[DataProblem]:
    problems = []
    for rid, item in ctx.records[folder].items():
        seen: set[str] = set()
        for i, source in enumerate(item.sources):
            if source.url in seen:
                problems.append(ctx.problem(folder, rid, ("sources", i, "url"), "this source is listed twice",
                                            "remove the repeat"))
            seen.add(source.url)
    return problems


def pathway_steps(folder: str, ctx: Context) -> list[DataProblem]:
    problems = []
    for rid, item in ctx.records[folder].items():
        seen: set[tuple[str, str]] = set()
        for i, step in enumerate(item.steps):
            problems += ctx.unknown(folder, rid, ("steps", i, "id"), STEP_FOLDERS[step.kind], step.id,
                                    STEP_KINDS[step.kind].lower())
            if (step.kind, step.id) in seen:
                problems.append(ctx.problem(folder, rid, ("steps", i, "id"),
                                            f"{step.kind} '{step.id}' is already a step of this pathway",
                                            "remove the repeat"))
            seen.add((step.kind, step.id))
    return problems
