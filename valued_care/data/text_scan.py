"""Checks over every text value of a data file, whatever its field: personal data (personal_data.py), invisible characters
that hide or reorder text, and placeholder text the scaffold left unfilled; and personal data in YAML comments, which
are published with the repository. Run by the loader on each file it reads, so `python -m valued_care validate`, the build
and the pre-commit hook all refuse them, naming the file, line and column.
"""
from __future__ import annotations

import bisect
import re
from functools import cached_property
from pathlib import Path

import yaml

from valued_care.data import personal_data
from valued_care.data.yaml_source import YamlDocument
from valued_care.errors import DataProblem

# What `python -m valued_care new-case-study` writes where the contributor's words go. The validator refuses it, so a
# half-filled case study can never be published.
PLACEHOLDER = "TODO"
_PLACEHOLDER = re.compile(rf"\b{PLACEHOLDER}\b")
ALLOWLIST_FIELD = "public_contacts"
# How research was done is not what readers need: "the excerpt read", "stored copy", "partly seen" say what a
# researcher could see, not what the sources say. Readers need the plain statement: "The sources do not give ...".
_WORKING_NOTES = re.compile(
    r"\b(?:the excerpts? (?:we |I )?read|excerpt read|stored cop(?:y|ies)|research notes|partly[- ]seen"
    r"|could not be (?:read|opened)|(?:was|were) not visible|visible in the (?:excerpt|copy|page))\b", re.IGNORECASE)
_WORKING_NOTES_FIX = ("say what the public sources give or do not give, for readers (for example 'The sources do not "
                      "give the dates'), not what could be seen while researching")
# Zero-width characters and bidi embedding, override and isolate controls: they split a word so that no check
# recognises it, or make a line show in a different order from how it is stored ("Trojan Source").
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]")


def check(doc: YamlDocument, file: Path, public_contacts: bool = True) -> list[DataProblem]:
    """Every problem in the text of doc (read from file). public_contacts: whether the file may list the contacts of
    an organisation it publishes (data files may; CITATION.cff credits people by name and lists none)."""
    source = _Source(file)
    allowed, problems = _allowlist(doc) if public_contacts else ({}, [])
    fix = _pii_fix if public_contacts else _remove
    used: set[str] = set()
    for loc, node in doc.nodes.items():
        if not isinstance(node, yaml.ScalarNode):
            continue
        invisible = _INVISIBLE.search(node.value)
        if invisible:
            problems.append(_at(doc, source, node, invisible.start(), invisible.group(0), _invisible_message(invisible),
                                _INVISIBLE_FIX))
        if public_contacts and loc and loc[0] == ALLOWLIST_FIELD:
            continue
        for finding in personal_data.find(node.value):
            if _allowed(finding, allowed, used):
                continue
            problems.append(_at(doc, source, node, finding.start, finding.text, _pii_message(finding),
                                fix(finding)))
        notes = _WORKING_NOTES.search(node.value)
        if notes:
            problems.append(_at(doc, source, node, notes.start(), notes.group(0),
                                f"research-process wording '{notes.group(0)}' in reader text", _WORKING_NOTES_FIX))
        for match in _PLACEHOLDER.finditer(node.value):
            problems.append(_at(doc, source, node, match.start(), match.group(0),
                                "still holds placeholder text from the scaffold",
                                "replace the TODO text with your own words (see CONTRIBUTING.md)"))
            break
    problems += _check_comments(doc, source, allowed, used, fix)
    for key, index in allowed.items():
        if key not in used:
            problems.append(doc.problem((ALLOWLIST_FIELD, index), f"{ALLOWLIST_FIELD}[{index}] is not used in this file",
                                        "remove it: list only contact details the text gives"))
    return problems


_INVISIBLE_FIX = ("delete it (retype the text around it in a plain editor): invisible characters can hide personal "
                  "data from the checks or make text read differently from how it is stored")


def _invisible_message(match: re.Match) -> str:
    return f"contains an invisible character (U+{ord(match.group(0)):04X}) that hides or reorders text"


def _allowed(finding: personal_data.Finding, allowed: dict[str, int], used: set[str]) -> bool:
    key = personal_data.normalise(finding.text)
    if finding.kind in personal_data.ALLOWABLE and key in allowed:
        used.add(key)
        return True
    return False


def _pii_message(finding: personal_data.Finding, where: str = "") -> str:
    return f"{where}contains what looks like {_a(finding.kind)} ('{_mask(finding)}')"


def _remove(finding: personal_data.Finding) -> str:
    return "remove it: no personal data may be published"


def _pii_fix(finding: personal_data.Finding) -> str:
    if finding.kind not in personal_data.ALLOWABLE:
        return _remove(finding)
    return (f"remove it, or if it is a public contact of an organisation (not a person), list it exactly under "
            f"{ALLOWLIST_FIELD}: in this file")


def _check_comments(doc: YamlDocument, source: _Source, allowed: dict[str, int], used: set[str],
                    fix) -> list[DataProblem]:
    """Comments are not values, but they are published with the repository: the same rules apply to them."""
    problems = []
    for line, col, comment in _comments(doc, source):
        invisible = _INVISIBLE.search(comment)
        if invisible:
            problems.append(DataProblem(doc.path, line, col + invisible.start(), "comment " +
                                        _invisible_message(invisible), _INVISIBLE_FIX))
        for finding in personal_data.find(comment):
            if not _allowed(finding, allowed, used):
                problems.append(DataProblem(doc.path, line, col + finding.start, _pii_message(finding, "comment "),
                                            fix(finding)))
    return problems


_COMMENT_START = re.compile(r"(?:^|(?<=[ \t]))#", re.MULTILINE)


def _comments(doc: YamlDocument, source: _Source):
    """(line, column, text) of each '# ...' comment: a '#' at the start of a line or after a space, outside every
    value (a '#' inside a quoted or block value is text). PyYAML's scanner drops comments, so lines are read here."""
    hashes = list(_COMMENT_START.finditer(source.text))
    if not hashes:  # most files: no '#' where a comment could start (a URL's '#' follows no space)
        return
    spans = sorted((source.offset(node.start_mark), source.offset(node.end_mark))
                   for node in doc.nodes.values() if isinstance(node, yaml.ScalarNode))
    span_starts = [start for start, _ in spans]
    comment_end = 0
    for match in hashes:
        offset = match.start()
        inside = bisect.bisect_right(span_starts, offset) - 1
        if offset < comment_end or (inside >= 0 and spans[inside][0] <= offset < spans[inside][1]):
            continue
        comment_end = source.text.find("\n", offset) % (len(source.text) + 1)  # -1 (last line) -> end of text
        line, col = source.line_col(offset)
        yield line, col, source.text[offset:comment_end]


def _allowlist(doc: YamlDocument) -> tuple[dict[str, int], list[DataProblem]]:
    entries = doc.value.get(ALLOWLIST_FIELD) if isinstance(doc.value, dict) else None
    allowed: dict[str, int] = {}
    problems: list[DataProblem] = []
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        kind = personal_data.contact_kind(entry) if isinstance(entry, str) else None
        if kind in personal_data.ALLOWABLE:
            allowed[personal_data.normalise(entry)] = index
        else:
            what = f"{_a(kind)}, which belongs to one person" if kind else "not one email address, phone number or postcode"
            problems.append(doc.problem((ALLOWLIST_FIELD, index), f"{ALLOWLIST_FIELD}[{index}] is {what}",
                                        "list only the public contact details of an organisation, one per line"))
    return allowed, problems


def _a(kind: str) -> str:
    return f"{'an' if kind.startswith(('NHS', 'email')) else 'a'} {kind}"


def _mask(finding: personal_data.Finding) -> str:
    """Enough to find it in the file without repeating it whole in logs and CI output."""
    text = personal_data.clean(finding.text)
    return text[:3] + "…" if len(text) > 4 else "…"


class _Source:
    """The file's text and where each line starts, to turn a position in a value into a line and column."""

    def __init__(self, file: Path):
        self.file = file

    @cached_property
    def text(self) -> str:  # read only when there is something to point at
        return self.file.read_text(encoding="utf-8")

    @cached_property
    def starts(self) -> list[int]:
        return [0, *(m.end() for m in re.finditer("\n", self.text))]

    def offset(self, mark) -> int:
        return self.starts[min(mark.line, len(self.starts) - 1)] + mark.column

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


def _at(doc: YamlDocument, source: _Source, node: yaml.ScalarNode, offset: int, found: str, message: str,
        fix: str) -> DataProblem:
    """Where found stands in the file. It is searched for in the value's source text, as a value may be quoted,
    folded or spread over lines; if it cannot be found there, the start of the value is given."""
    start, end = source.offset(node.start_mark), source.offset(node.end_mark)
    pattern = r"\s+".join(re.escape(part) for part in found.split())
    earlier = len(re.findall(pattern, node.value[:offset]))
    matches = list(re.finditer(pattern, source.text[start:end]))
    if len(matches) > earlier:
        line, col = source.line_col(start + matches[earlier].start())
    else:
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
    return DataProblem(doc.path, line, col, message, fix)
