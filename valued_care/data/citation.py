"""CITATION.cff, checked like data: the part of the Citation File Format 1.2.0 we publish, then the same personal-data
scan as every data file. The Contributors page, the open-data page and the exports read it (credits.py), so a
mistake in it must be a file:line problem with a fix, never a traceback in the build.

The schema below is a subset of https://citation-file-format.github.io/1.2.0/schema (same field names, types and
patterns): it leaves out the contact fields (email, tel, fax, address, ...), which we never publish, and web
addresses must be https. Each part of it may carry a "fix": the advice given when a value breaks it.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import jsonschema

from valued_care.data import text_scan
from valued_care.data.text_rules import plain_text, web_url
from valued_care.data.yaml_source import YamlDocument, YamlProblems, read_yaml
from valued_care.errors import DataProblem
from valued_care.suggest import did_you_mean

CFF_VERSION = "1.2.0"
SPEC = "https://citation-file-format.github.io/"
# CFF fields for reaching a person or organisation: personal data when an author is a person, and never needed to
# credit anyone. Refused with their own message rather than as unknown keys.
CONTACT_FIELDS = ("address", "city", "country", "email", "fax", "post-code", "region", "tel")
_URL_FIELDS = {"url", "repository", "repository-artifact", "repository-code", "license-url", "website"}

_TEXT = {"type": "string", "minLength": 1}
_DATE = {"type": "string", "pattern": r"^[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$",
         "fix": "write the date as YYYY-MM-DD, for example 2026-03-01"}
_URL = {"type": "string", "pattern": r"^https://\S+$",
        "fix": "give the full address starting https://"}
_ORCID = {"type": "string", "pattern": r"^https://orcid\.org/[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$",
          "fix": "write the ORCID as its full address: https://orcid.org/0000-0000-0000-0000"}
_DOI = {"type": "string", "pattern": r"^10\.\d{4,9}(\.\d+)?/[A-Za-z0-9:/_;\-.()\[\]\\]+$",
        "fix": "write the DOI itself (10.5281/zenodo.1003150), not its https://doi.org/ address"}
_VERSION = {"type": ["string", "number"], "minLength": 1}
_LICENSE_ID = {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9.+-]*$",
               "fix": "give the SPDX identifier of the licence, for example CC-BY-4.0 (see https://spdx.org/licenses/)"}
_PERSON = {
    "type": "object", "additionalProperties": False,
    "properties": {key: _TEXT for key in ("given-names", "family-names", "name-particle", "name-suffix", "alias",
                                          "affiliation")} | {"orcid": _ORCID, "website": _URL},
    "anyOf": [{"required": ["family-names"]}, {"required": ["given-names"]}],
    "problem": "has no name",
    "fix": "give a person's 'given-names' and 'family-names', or an organisation's 'name'",
}
_ENTITY = {
    "type": "object", "additionalProperties": False, "required": ["name"],
    "properties": {"name": _TEXT, "alias": _TEXT, "location": _TEXT, "orcid": _ORCID, "website": _URL,
                   "date-start": _DATE, "date-end": _DATE},
}
# CFF's 'anyOf: [person, entity]', decided by whether 'name' is given, so that a mistake is reported against the
# one the contributor meant rather than as 'matches neither'.
_AUTHOR = {"if": {"type": "object", "required": ["name"]}, "then": _ENTITY, "else": _PERSON,
           "fix": "write each author as '- given-names: ...' with 'family-names: ...' on the next line (a person), "
                  "or '- name: ...' (an organisation)"}
_AUTHORS = {"type": "array", "minItems": 1, "uniqueItems": True, "items": _AUTHOR,
            "fix": "list at least one author under authors:, each as '- given-names: ...' with 'family-names: ...' "
                   "(a person) or '- name: ...' (an organisation)"}
_LICENSE = {"anyOf": [_LICENSE_ID, {"type": "array", "minItems": 1, "uniqueItems": True, "items": _LICENSE_ID}],
            "problem": "is not an SPDX licence identifier, or a list of them", "fix": _LICENSE_ID["fix"]}
_KEYWORDS = {"type": "array", "minItems": 1, "uniqueItems": True, "items": _TEXT}
_IDENTIFIER = {
    "type": "object", "additionalProperties": False, "required": ["type", "value"],
    "properties": {"type": {"enum": ["doi", "url", "swh", "other"]}, "value": _TEXT, "description": _TEXT},
    "allOf": [{"if": {"properties": {"type": {"const": "doi"}}}, "then": {"properties": {"value": _DOI}}},
              {"if": {"properties": {"type": {"const": "url"}}}, "then": {"properties": {"value": _URL}}}],
}
_REFERENCE_TYPES = [
    "art", "article", "audiovisual", "bill", "blog", "book", "catalogue", "conference-paper", "conference", "data",
    "database", "dictionary", "edited-work", "encyclopedia", "film-broadcast", "generic", "government-document",
    "grant", "hearing", "historical-work", "legal-case", "legal-rule", "magazine-article", "manual", "map",
    "multimedia", "music", "newspaper-article", "pamphlet", "patent", "personal-communication", "proceedings",
    "report", "serial", "slides", "software-code", "software-container", "software-executable",
    "software-virtual-machine", "software", "sound-recording", "standard", "statute", "thesis", "unpublished",
    "video", "website"]
_REFERENCE = {
    "type": "object", "additionalProperties": False, "required": ["type", "title", "authors"],
    "properties": {
        "type": {"type": "string", "enum": _REFERENCE_TYPES,
                 "fix": f"use one of the CFF reference types, such as report, article or website (see {SPEC})"},
        "title": _TEXT, "authors": _AUTHORS, "editors": _AUTHORS, "abstract": _TEXT, "notes": _TEXT,
        "journal": _TEXT, "collection-title": _TEXT, "edition": _TEXT, "medium": _TEXT, "keywords": _KEYWORDS,
        "publisher": _ENTITY, "institution": _ENTITY, "conference": _ENTITY,
        "date-published": _DATE, "date-released": _DATE, "date-accessed": _DATE, "doi": _DOI,
        "identifiers": {"type": "array", "minItems": 1, "items": _IDENTIFIER},
        "url": _URL, "repository": _URL, "repository-code": _URL, "license": _LICENSE, "license-url": _URL,
        "version": _VERSION, "year": {"type": "integer"}, "month": {"type": "integer", "minimum": 1, "maximum": 12},
        "volume": {"type": "integer"}, "issue": _VERSION, "start": {"type": "integer"}, "end": {"type": "integer"},
        "pages": {"type": "integer"}, "isbn": {"type": "string", "pattern": r"^[0-9\- ]{10,17}X?$"},
        "issn": {"type": "string", "pattern": r"^\d{4}-\d{3}[\dxX]$"},
    },
}
SCHEMA: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object", "additionalProperties": False,
    "required": ["cff-version", "message", "title", "authors"],
    "properties": {
        "cff-version": {"type": "string", "pattern": r"^1\.2\.0$", "fix": f"write cff-version: {CFF_VERSION}"},
        "message": _TEXT, "title": _TEXT, "abstract": _TEXT, "authors": _AUTHORS, "contact": _AUTHORS,
        "type": {"type": "string", "enum": ["dataset", "software"]},
        "version": _VERSION, "date-released": _DATE, "doi": _DOI, "commit": _TEXT,
        "identifiers": {"type": "array", "minItems": 1, "uniqueItems": True, "items": _IDENTIFIER},
        "license": _LICENSE, "license-url": _URL, "url": _URL, "repository": _URL, "repository-artifact": _URL,
        "repository-code": _URL, "keywords": _KEYWORDS,
        "references": {"type": "array", "minItems": 1, "items": _REFERENCE},
        "preferred-citation": _REFERENCE,
    },
}
_REQUIRED_FIX = {
    "cff-version": f"add cff-version: {CFF_VERSION} as the first field",
    "message": "add message: If you use this knowledge base or its open data, please cite it as below.",
    "title": "add title: the name of the work, as it should be cited",
    "authors": "add authors: with at least one person (given-names, family-names) or organisation (name)",
}
_VALIDATOR = jsonschema.Draft7Validator(SCHEMA)


def check_citation(path: Path, shown_as: str) -> list[DataProblem]:
    """Every problem with the citation file at path, each at its file:line:col with a fix; [] when it is good."""
    try:
        doc = read_yaml(path, shown_as)
    except YamlProblems as err:
        return list(err.problems)
    if not isinstance(doc.value, dict):
        return [doc.problem((), "expected fields ('name: value' lines) of the Citation File Format",
                            f"start from the example at {SPEC} and keep one 'field: value' per line")]
    problems = _schema_problems(doc)
    if not problems:  # types are right, so the text rules the site applies can run without surprises
        problems = _text_problems(doc, doc.value, ())
    return sorted(set(problems + text_scan.check(doc, path, public_contacts=False)))


def _schema_problems(doc: YamlDocument) -> list[DataProblem]:
    problems = []
    for error in _VALIDATOR.iter_errors(_as_json(doc.value)):
        problems += _explain(doc, error)
    return problems


def _as_json(value: Any, key: str = "") -> Any:
    """YAML reads 2026-03-01 as a date; CFF's schema expects the text, as its own validators cast it. Only in date
    fields: a date anywhere else (given-names: 2026-01-01) must stay a date, so the schema refuses it."""
    if isinstance(value, dict):
        return {k: _as_json(item, k) for k, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    if isinstance(value, dt.date) and key.startswith("date-"):  # a datetime's text has a time: the pattern refuses it
        return value.isoformat()
    return value


def _explain(doc: YamlDocument, error: jsonschema.ValidationError) -> list[DataProblem]:
    loc = tuple(error.absolute_path)
    name = _name(loc)
    fix = error.schema.get("fix", "") if isinstance(error.schema, dict) else ""
    kind = error.validator
    if kind == "required":
        missing = [key for key in error.validator_value if key not in error.instance]
        if not loc:
            return [doc.problem(loc, f"'{key}' is missing", _REQUIRED_FIX[key]) for key in missing]
        return [doc.problem(loc, f"{name} needs '{key}'", fix or f"add '{key}' (see {SPEC})") for key in missing]
    if kind == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        problems = []
        for key in (k for k in error.instance if k not in known):
            if key in CONTACT_FIELDS:
                problems.append(doc.problem(loc + (key,), f"{_name(loc + (key,))}: contact details are not published",
                                            "remove it: credit needs only a name (and an ORCID, if you have one)"))
                continue
            hint = did_you_mean(key, known, f"remove it; allowed here: {', '.join(known)}")
            problems.append(doc.problem(loc + (key,), f"unknown key '{key}'" + (f" in {name}" if loc else ""),
                                        f"{hint} (Citation File Format {CFF_VERSION})"))
        return problems
    if kind == "type":
        return [doc.problem(loc, f"{name} must be {_describe_type(error.validator_value)}, not "
                                 f"{_describe_value(error.instance)}", fix or _type_fix(error.validator_value))]
    if kind in ("anyOf", "oneOf") and fix:
        return [doc.problem(loc, f"{name} {error.schema.get('problem', 'is not valid here')}", fix)]
    if kind == "pattern":
        return [doc.problem(loc, f"{name} is not in the expected form: '{error.instance}'", fix)]
    if kind == "enum":
        options = ", ".join(map(str, error.validator_value[:8])) + (", ..." if len(error.validator_value) > 8 else "")
        return [doc.problem(loc, f"{name} '{error.instance}' is not one of: {options}",
                            fix or f"use one of: {options}")]
    if kind == "minItems":
        return [doc.problem(loc, f"{name} is empty", fix or "list at least one entry, or remove the field")]
    if kind == "minLength":
        return [doc.problem(loc, f"{name} is empty", "write the text, or remove the field")]
    if kind == "uniqueItems":
        return [doc.problem(loc, f"{name} lists the same entry twice", "keep one of them")]
    return [doc.problem(loc, f"{name}: {error.message}", fix or f"see the Citation File Format at {SPEC}")]


def _text_problems(doc: YamlDocument, value: Any, loc: tuple) -> list[DataProblem]:
    """The rules the site applies to contributor text and links (text_rules.py), so credits.py never fails."""
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in _text_problems(doc, item, loc + (key,))]
    if isinstance(value, list):
        return [p for i, item in enumerate(value) for p in _text_problems(doc, item, loc + (i,))]
    if not isinstance(value, str):
        return []
    is_url = bool(loc) and loc[-1] in _URL_FIELDS
    try:
        web_url(value) if is_url else plain_text(value)
    except ValueError as err:
        fix = "give the https:// address of a public page" if is_url else "retype the text as plain words"
        return [doc.problem(loc, f"{_name(loc)} {err}", fix)]
    return []


def _name(loc: tuple) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return f"'{text}'" if text else "the file"


def _describe_type(expected: str | list[str]) -> str:
    names = {"string": "text", "array": "a list", "object": "fields ('name: value' lines)", "integer": "a whole number",
             "number": "a number", "boolean": "yes or no"}
    kinds = expected if isinstance(expected, list) else [expected]
    return " or ".join(names.get(kind, kind) for kind in kinds)


def _describe_value(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (read as yes/no)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{value[:40]}'"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    return "a list" if isinstance(value, list) else "fields"


def _type_fix(expected: str | list[str]) -> str:
    if expected == "string" or "string" in expected:
        return "put the text in double quotes, or write it out if the line is empty"
    if expected == "array":
        return "write it as a list: one '- ' item per line"
    if expected == "object":
        return "write it as 'name: value' lines"
    return f"see the Citation File Format at {SPEC}"
