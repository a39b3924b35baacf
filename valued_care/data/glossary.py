"""The glossary, which is also the search vocabulary (data/glossary.yml): abbreviations, the other names readers
use for a thing, and British and American spellings, each term with a plain definition.

It is one file, not a kind of record: no page per term, and it is optional (a data folder without it has an empty
glossary). It is read like every data file (yaml_source.read_yaml: limits, file:line problems; text_scan: personal
data and invisible characters) and checked here: ids, terms and names each used once, so that a word a reader
types stands for one thing. `python -m valued_care validate` reports its problems with the rest of the data.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field, ValidationError

from valued_care.data import text_scan
from valued_care.data.loader import _explain  # the one wording of a field's problem
from valued_care.data.model import Id, Record, ShortText, Text
from valued_care.data.yaml_source import YamlDocument, YamlProblems, read_yaml
from valued_care.errors import DataInvalid, DataProblem, display_path

FILE_NAME = "glossary.yml"
SCHEMA_FILE = "glossary.schema.json"


class GlossaryTerm(Record):
    id: Id = Field(description="Its anchor on the Glossary page, e.g. out-of-area-placement")
    term: ShortText = Field(description="The name the knowledge base uses, as a heading: 'Out-of-area placement'")
    abbreviations: list[ShortText] = Field([], description="Short forms readers type: OAP")
    also: list[ShortText] = Field([], description="Other names and spellings readers use for the same thing; a "
                                                  "search for any of them finds the others")
    definition: Text = Field(description="What it means, in plain words, for someone new to the NHS")
    see_also: list[Id] = Field([], description="Ids of related terms in this file")


class Spelling(Record):
    british: ShortText
    american: ShortText


class Glossary(Record):
    terms: list[GlossaryTerm] = []
    spellings: list[Spelling] = Field([], description="British and American spellings of the same word: a search "
                                                      "for either finds both")

    def names(self, term: GlossaryTerm) -> list[str]:
        """Every name of a term: the term, its abbreviations and its other names."""
        return [term.term, *term.abbreviations, *term.also]


@dataclass(frozen=True)
class _Name:
    text: str
    where: tuple  # its location in the document, for problems
    owner: str  # the term (or spelling) it belongs to


def normalised(name: str) -> str:
    """How two names are compared: case, hyphens and spacing aside ("Out-of-area" = "out of area")."""
    return " ".join(re.sub(r"[\s\-]+", " ", name.lower()).split())


def load_glossary(data_dir: Path, root: Path | None = None) -> Glossary:
    """The checked glossary of a data folder (empty if it has none); DataInvalid listing every problem otherwise."""
    glossary, problems = read_glossary(data_dir, root)
    if problems:
        raise DataInvalid(problems)
    return glossary


def read_glossary(data_dir: Path, root: Path | None = None) -> tuple[Glossary, list[DataProblem]]:
    file = data_dir / FILE_NAME
    if not file.exists() and not file.is_symlink():
        return Glossary(), []
    shown = display_path(file, root)
    try:
        doc = read_yaml(file, shown)
    except YamlProblems as err:
        return Glossary(), err.problems
    problems = text_scan.check(doc, file)
    if not isinstance(doc.value, dict):
        return Glossary(), [*problems, doc.problem((), "expected 'terms:' and 'spellings:' lists",
                                                   "see the comment at the top of data/glossary.yml")]
    try:
        glossary = Glossary.model_validate(doc.value)
    except ValidationError as err:
        return Glossary(), [*problems, *(_explain(doc, e, Glossary) for e in err.errors())]
    return glossary, [*problems, *check(glossary, doc)]


def check(glossary: Glossary, doc: YamlDocument) -> list[DataProblem]:
    """Ids once, each name (term, abbreviation, other name, spelling) once in the whole file, and see_also naming
    terms that exist."""
    problems: list[DataProblem] = []
    ids: dict[str, int] = {}
    for n, term in enumerate(glossary.terms):
        if term.id in ids:
            problems.append(doc.problem(("terms", n, "id"), f"duplicate id '{term.id}' (also term {ids[term.id] + 1})",
                                        "give each term its own id"))
        ids.setdefault(term.id, n)
    for n, term in enumerate(glossary.terms):
        for k, other in enumerate(term.see_also):
            if other not in ids or other == term.id:
                problems.append(doc.problem(("terms", n, "see_also", k), f"see_also: no other term has the id '{other}'",
                                            "name the id of another term in this file"))
    seen: dict[str, _Name] = {}
    for name in _names(glossary):
        key = normalised(name.text)
        if not re.search(r"\w", key):
            problems.append(doc.problem(name.where, f"'{name.text}' has no letters or digits to search for",
                                        "write the name as readers type it"))
        elif key in seen and seen[key].owner != name.owner:
            first = seen[key]
            line = doc.position(first.where)[0]
            problems.append(doc.problem(name.where, f"'{name.text}' is already a name of '{first.owner}' (line {line})",
                                        "give each name to one term only, so a search for it means one thing"))
        seen.setdefault(key, name)
    return problems


def _names(glossary: Glossary) -> Iterator[_Name]:
    for n, term in enumerate(glossary.terms):
        yield _Name(term.term, ("terms", n, "term"), term.term)
        for field in ("abbreviations", "also"):
            for k, text in enumerate(getattr(term, field)):
                yield _Name(text, ("terms", n, field, k), term.term)
    for n, pair in enumerate(glossary.spellings):
        yield _Name(pair.british, ("spellings", n, "british"), f"{pair.british}/{pair.american}")
        yield _Name(pair.american, ("spellings", n, "american"), f"{pair.british}/{pair.american}")


def schema_text() -> str:
    """The JSON Schema of data/glossary.yml, for editors (schemas/glossary.schema.json)."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              **Glossary.model_json_schema(mode="validation")}
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
