"""Checks over every text value of a data file, whatever its field: personal data (pii.py) and placeholder text the
scaffold left unfilled. Run by the loader on each file it reads, so `python -m macros validate`, the build and the
pre-commit hook all refuse them, naming the file, line and column.
"""
from __future__ import annotations

import bisect
import re
from functools import cached_property
from pathlib import Path

import yaml

from . import pii
from .errors import DataProblem
from .yaml_source import YamlDocument

# What `python -m macros new-case-study` writes where the contributor's words go. The validator refuses it, so a
# half-filled case study can never be published.
PLACEHOLDER = "TODO"
_PLACEHOLDER = re.compile(rf"\b{PLACEHOLDER}\b")
ALLOWLIST_FIELD = "public_contacts"


def check(doc: YamlDocument, file: Path) -> list[DataProblem]:
    source = _Source(file)
    allowed, problems = _allowlist(doc)
    used: set[str] = set()
    for loc, node in doc.nodes.items():
        if not isinstance(node, yaml.ScalarNode) or (loc and loc[0] == ALLOWLIST_FIELD):
            continue
        for finding in pii.find(node.value):
            key = pii.normalise(finding.text)
            if finding.kind in pii.ALLOWABLE and key in allowed:
                used.add(key)
                continue
            fix = ("remove it: no personal data may be published" if finding.kind not in pii.ALLOWABLE else
                   f"remove it, or if it is a public contact of an organisation (not a person), list it exactly "
                   f"under {ALLOWLIST_FIELD}: in this file")
            problems.append(_at(doc, source, node, finding.start, finding.text,
                                f"contains what looks like {_a(finding.kind)} ('{_mask(finding)}')", fix))
        for match in _PLACEHOLDER.finditer(node.value):
            problems.append(_at(doc, source, node, match.start(), match.group(0),
                                "still holds placeholder text from the scaffold",
                                "replace the TODO text with your own words (see CONTRIBUTING.md)"))
            break
    for key, index in allowed.items():
        if key not in used:
            problems.append(doc.problem((ALLOWLIST_FIELD, index), f"{ALLOWLIST_FIELD}[{index}] is not used in this file",
                                        "remove it: list only contact details the text gives"))
    return problems


def _allowlist(doc: YamlDocument) -> tuple[dict[str, int], list[DataProblem]]:
    entries = doc.value.get(ALLOWLIST_FIELD) if isinstance(doc.value, dict) else None
    allowed: dict[str, int] = {}
    problems: list[DataProblem] = []
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        kind = pii.contact_kind(entry) if isinstance(entry, str) else None
        if kind in pii.ALLOWABLE:
            allowed[pii.normalise(entry)] = index
        else:
            what = f"{_a(kind)}, which belongs to one person" if kind else "not one email address, phone number or postcode"
            problems.append(doc.problem((ALLOWLIST_FIELD, index), f"{ALLOWLIST_FIELD}[{index}] is {what}",
                                        "list only the public contact details of an organisation, one per line"))
    return allowed, problems


def _a(kind: str) -> str:
    return f"{'an' if kind.startswith(('NHS', 'email')) else 'a'} {kind}"


def _mask(finding: pii.Finding) -> str:
    """Enough to find it in the file without repeating it whole in logs and CI output."""
    text = finding.text
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
