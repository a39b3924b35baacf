"""A new case study file, ready to fill in: `python -m valued_care new-case-study`.

The scaffold checks what it is given against the data (ids of trusts and ingredients, vocabularies), writes the YAML
from a template with the schema comment on its first line, then runs the real loader over the data folder. What is
left to do is the placeholder text, which the validator refuses until it is replaced (text_scan.PLACEHOLDER).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import jinja2

from valued_care.contributors.review import REVIEW_INTERVAL_YEARS, years_later
from valued_care.data.loader import load_knowledge_base
from valued_care.data.text_rules import ID_PATTERN
from valued_care.data.text_scan import PLACEHOLDER
from valued_care.errors import DataInvalid, DataProblem
from valued_care.paths import TEMPLATES
from valued_care.suggest import did_you_mean
from valued_care.vocabulary import METHODS, REGIONS, SETTINGS, SOURCE_TYPES, TOPICS


@dataclass
class Source:
    url: str
    title: str
    publisher: str
    type: str


@dataclass
class Draft:
    title: str
    trusts: list[str]
    ingredients: list[str]  # the first is the primary ingredient
    settings: list[str]
    id: str = ""
    region: str = ""
    methods: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)  # none: a placeholder to fill in
    source: Source | None = None
    new_trust_name: str = ""  # to add a trust that is not in data/trusts yet (needs region)


@dataclass
class Result:
    path: Path
    written: list[Path]
    placeholders: list[DataProblem]  # the TODO lines left to fill in the new file
    other_problems: list[DataProblem]  # anything else the validator found in the files written
    problems_elsewhere: int  # problems in files the scaffold did not write


class DraftError(ValueError):
    """What is wrong with the values given, all at once, each with what to do."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def slug(text: str, limit: int = 60) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    result = ""
    for word in words:
        if len(result) + len(word) + 1 > limit:
            break
        result = f"{result}-{word}" if result else word
    return result


def known_ids(data_dir: Path, kind: str) -> list[str]:
    """Ids by file name, so the scaffold still works while some other file has a problem."""
    return sorted(p.stem for p in (data_dir / kind).glob("*.yml"))


def check(draft: Draft, data_dir: Path) -> Draft:
    """The draft with its id and region filled in, or DraftError listing every problem."""
    trusts, ingredients = known_ids(data_dir, "trusts"), known_ids(data_dir, "ingredients")
    draft.id = draft.id or slug(draft.title)
    problems = [*_title_problems(draft, data_dir), *_trust_problems(draft, trusts),
                *_ingredient_problems(draft, ingredients), *_label_problems(draft)]
    if problems:
        raise DraftError(problems)
    if not draft.region and draft.trusts[0] in trusts:
        draft.region = _trust_region(data_dir, draft.trusts[0])
    return draft


def _title_problems(draft: Draft, data_dir: Path) -> list[str]:
    problems = []
    if not draft.title.strip():
        problems.append("--title: give the case study a title")
    if not re.fullmatch(ID_PATTERN, draft.id):
        problems.append(f"--id: '{draft.id}' is not a valid id; use lower-case words joined by hyphens")
    elif (data_dir / "case_studies" / f"{draft.id}.yml").exists():
        problems.append(f"--id: data/case_studies/{draft.id}.yml already exists; choose another id")
    return problems


def _trust_problems(draft: Draft, trusts: list[str]) -> list[str]:
    if not draft.trusts:
        return ["--trust: name at least one trust by its id (a file name in data/trusts/)"]
    problems = []
    for i, trust in enumerate(draft.trusts):
        if trust in trusts:
            continue
        if i == 0 and draft.new_trust_name and re.fullmatch(ID_PATTERN, trust):
            if draft.region not in REGIONS:
                problems.append(f"--region: a new trust needs its region, one of: {', '.join(REGIONS)}")
            continue
        problems.append(f"--trust: unknown trust '{trust}' ({_suggest(trust, trusts)}); to add a new trust, "
                        "give --trust-name \"Its full NHS name\" and --region")
    return problems


def _ingredient_problems(draft: Draft, ingredients: list[str]) -> list[str]:
    if not draft.ingredients:
        return [f"--ingredient: name at least one (the first is the main one): {', '.join(ingredients)}"]
    problems = [f"--ingredient: unknown ingredient '{value}' ({_suggest(value, ingredients)})"
                for value in draft.ingredients if value not in ingredients]
    if len(set(draft.ingredients)) != len(draft.ingredients):
        problems.append("--ingredient: each ingredient once")
    return problems


def _label_problems(draft: Draft) -> list[str]:
    problems = []
    for flag, values, allowed in (("--setting", draft.settings, SETTINGS), ("--method", draft.methods, METHODS),
                                  ("--topic", draft.topics, TOPICS)):
        problems += [f"{flag}: unknown value '{value}' ({_suggest(value, list(allowed))})"
                     for value in values if value not in allowed]
    if not draft.settings:
        problems.append(f"--setting: name at least one: {', '.join(SETTINGS)}")
    if draft.region and draft.region not in REGIONS:
        problems.append(f"--region: unknown region '{draft.region}' ({_suggest(draft.region, list(REGIONS))})")
    if draft.source and draft.source.type not in SOURCE_TYPES:
        problems.append(f"--source-type: one of {', '.join(SOURCE_TYPES)}")
    return problems


def render(draft: Draft, today: dt.date) -> str:
    return _env().get_template("case_study.yml.j2").render(
        **vars(draft), today=today.isoformat(), next_review=years_later(today, REVIEW_INTERVAL_YEARS).isoformat(),
        PLACEHOLDER=PLACEHOLDER, SETTINGS=SETTINGS, METHODS=METHODS, SOURCE_TYPES=SOURCE_TYPES, TOPICS=TOPICS)


def create(draft: Draft, data_dir: Path, today: dt.date, root: Path | None = None) -> Result:
    """Write the case study (and its new trust, if asked), then validate the whole data folder."""
    draft = check(draft, data_dir)
    written = []
    if draft.trusts[0] not in known_ids(data_dir, "trusts"):
        trust_path = data_dir / "trusts" / f"{draft.trusts[0]}.yml"
        trust_path.write_text(_env().get_template("trust.yml.j2").render(
            id=draft.trusts[0], name=draft.new_trust_name, region=draft.region), encoding="utf-8")
        written.append(trust_path)
    path = data_dir / "case_studies" / f"{draft.id}.yml"
    path.write_text(render(draft, today), encoding="utf-8")
    written.append(path)
    problems: list[DataProblem] = []
    try:
        load_knowledge_base(data_dir, root=root)
    except DataInvalid as err:
        problems = err.problems
    names = {p.name for p in written}
    mine = [p for p in problems if Path(p.path).name in names]
    placeholders = [p for p in mine if "placeholder" in p.message or f"'{PLACEHOLDER}'" in p.message]
    return Result(path, written, placeholders, [p for p in mine if p not in placeholders],
                  len(problems) - len(mine))


def ask_missing(draft: Draft, ask: Callable[[str], str], ingredients: list[str]) -> Draft:
    """Fill what the flags left out by asking, one question at a time (interactive use only)."""
    def many(answer: str) -> list[str]:
        return [v for v in re.split(r"[,\s]+", answer.strip()) if v]

    if not draft.title:
        draft.title = ask("Title (what changed, where), e.g. 'No Force First cuts restraint on inpatient wards': ")
    if not draft.trusts:
        draft.trusts = many(ask("Trust id(s), the file name(s) in data/trusts/ without .yml, e.g. mersey-care: "))
    if not draft.ingredients:
        draft.ingredients = many(ask(f"Ingredient id(s), the main one first ({', '.join(ingredients)}): "))
    if not draft.settings:
        draft.settings = many(ask(f"Setting(s) ({', '.join(SETTINGS)}): "))
    if not draft.topics:
        draft.topics = many(ask(f"Topic(s), the problems it is about, the main one first ({', '.join(TOPICS)}): "))
    return draft


def _trust_region(data_dir: Path, trust: str) -> str:
    try:
        return load_knowledge_base(data_dir).trusts[trust].region
    except DataInvalid:
        raise DraftError(["--region: the data has problems (run `python -m valued_care validate`), so the trust's "
                          f"region could not be read; give it: {', '.join(REGIONS)}"]) from None


def _suggest(value: str, choices: list[str]) -> str:
    return did_you_mean(value, choices, f"{len(choices)} known")


@cache
def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES / "scaffold"), autoescape=False,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    env.filters["q"] = lambda value: json.dumps(str(value), ensure_ascii=False)
    return env
