"""Checks that need more than one file: every id a record names must exist, and numbering must be whole."""
from __future__ import annotations

from valued_care.errors import DataProblem
from valued_care.vocabulary import STEP_FOLDERS, STEP_KINDS
from valued_care.data.yaml_source import YamlDocument


def cross_check(records: dict, documents: dict[tuple[str, str], YamlDocument]) -> list[DataProblem]:
    problems: list[DataProblem] = []
    known = {kind: set(items) for kind, items in records.items()}

    def refer(kind: str, rid: str, loc: tuple, target: str, value: str, what: str) -> None:
        if value not in known[target]:
            problems.append(documents[(kind, rid)].problem(
                loc, f"unknown {what} '{value}'",
                f"use the id of a file in data/{target}/ ({_suggest(value, known[target])})"))

    def no_repeats(kind: str, rid: str, field: str, values: list[str]) -> None:
        seen = set()
        for i, value in enumerate(values):
            if value in seen:
                problems.append(documents[(kind, rid)].problem((field, i), f"'{value}' is listed twice in {field}",
                                                               "remove the repeat"))
            seen.add(value)

    numbers: dict[int, str] = {}
    for rid, item in records["ingredients"].items():
        if item.number in numbers:
            problems.append(documents[("ingredients", rid)].problem(
                ("number",), f"ingredient number {item.number} is also used by '{numbers[item.number]}'",
                "each of the nine ingredients has its own number, 1 to 9"))
        numbers[item.number] = rid
        for i, fact in enumerate(item.current_situation):
            refer("ingredients", rid, ("current_situation", i, "source"), "resources", fact.source, "resource")

    for rid, item in records["resources"].items():
        for i, value in enumerate(item.ingredients):
            refer("resources", rid, ("ingredients", i), "ingredients", value, "ingredient")
        no_repeats("resources", rid, "ingredients", item.ingredients)

    for rid, item in records["trusts"].items():
        if item.merged_into:
            refer("trusts", rid, ("merged_into",), "trusts", item.merged_into, "trust")

    for rid, item in records["theory"].items():
        refer("theory", rid, ("id",), "ingredients", rid, "ingredient (a theory review's id is its ingredient's id)")
        for i, value in enumerate(item.references):
            refer("theory", rid, ("references", i), "resources", value, "resource")
        no_repeats("theory", rid, "references", item.references)

    for rid, item in records["case_studies"].items():
        for i, value in enumerate(item.trusts):
            refer("case_studies", rid, ("trusts", i), "trusts", value, "trust")
        refer("case_studies", rid, ("primary_ingredient",), "ingredients", item.primary_ingredient, "ingredient")
        for i, value in enumerate(item.other_ingredients):
            refer("case_studies", rid, ("other_ingredients", i), "ingredients", value, "ingredient")
            if value == item.primary_ingredient:
                problems.append(documents[("case_studies", rid)].problem(
                    ("other_ingredients", i), f"'{value}' is already the primary ingredient",
                    "list it only as primary_ingredient"))
        for field in ("trusts", "other_ingredients", "settings", "methods"):
            no_repeats("case_studies", rid, field, getattr(item, field))
        _sources_once(documents[("case_studies", rid)], item.sources, problems)

    for rid, item in records["trust_stories"].items():
        refer("trust_stories", rid, ("trust",), "trusts", item.trust, "trust")
        for i, value in enumerate(item.ingredients):
            refer("trust_stories", rid, ("ingredients", i), "ingredients", value, "ingredient")
        no_repeats("trust_stories", rid, "ingredients", item.ingredients)
        _sources_once(documents[("trust_stories", rid)], item.sources, problems)

    orders: dict[int, str] = {}
    for rid, item in records.get("pathways", {}).items():
        if item.order in orders:
            problems.append(documents[("pathways", rid)].problem(
                ("order",), f"pathway order {item.order} is also used by '{orders[item.order]}'",
                "give each pathway its own place in the list"))
        orders[item.order] = rid
        seen_steps: set[tuple[str, str]] = set()
        for i, step in enumerate(item.steps):
            refer("pathways", rid, ("steps", i, "id"), STEP_FOLDERS[step.kind], step.id, STEP_KINDS[step.kind].lower())
            if (step.kind, step.id) in seen_steps:
                problems.append(documents[("pathways", rid)].problem(
                    ("steps", i, "id"), f"{step.kind} '{step.id}' is already a step of this pathway",
                    "remove the repeat"))
            seen_steps.add((step.kind, step.id))
    return problems


def _sources_once(doc: YamlDocument, sources, problems: list[DataProblem]) -> None:
    seen: set[str] = set()
    for i, source in enumerate(sources):
        if source.url in seen:
            problems.append(doc.problem(("sources", i, "url"), "this source is listed twice", "remove the repeat"))
        seen.add(source.url)


def _suggest(value: str, choices: set[str]) -> str:
    import difflib

    close = difflib.get_close_matches(value, sorted(choices), n=1, cutoff=0.5)
    return f"did you mean '{close[0]}'?" if close else f"{len(choices)} known"
