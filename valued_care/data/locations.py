"""Where a checked record's values are in its file, for the checks across records that run after every file is read.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from valued_care.data.yaml_source import Location, YamlProblems, read_yaml
from valued_care.errors import DataProblem


class Locator(Protocol):
    """What the checks across records need of a record's file: its name and where a value is in it."""
    @property
    def path(self) -> str: ...

    def problem(self, loc: Location, message: str, fix: str = "") -> DataProblem: ...


@dataclass(frozen=True)
class FileLocations:
    """A data file that passed its own checks, kept for the checks across records: where a value is is read again
    from the file when a problem is found there, so nothing of the file stays in memory meanwhile (at thousands of
    records their node trees were most of a build's memory: 64 KB a case study)."""
    file: Path
    path: str

    def problem(self, loc: Location, message: str, fix: str = "") -> DataProblem:
        try:
            return read_yaml(self.file, self.path).problem(loc, message, fix)
        except YamlProblems:  # changed since it was checked: the file, at least
            return DataProblem(self.path, 1, 1, message, fix)
