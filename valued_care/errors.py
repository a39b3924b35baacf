"""The one error type for bad data: every problem names its file, line and column, and says what to do."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class DataProblem:
    path: str
    line: int
    col: int
    message: str
    fix: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.message}"
        return f"{text}\n    fix: {self.fix}" if self.fix else text


class DataInvalid(Exception):
    """Raised once per run with every problem found, so a contributor fixes them all in one pass."""

    def __init__(self, problems: list[DataProblem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [str(p) for p in self.problems]
        lines.append(f"{count} problem{'s' if count != 1 else ''} found; nothing was built.")
        return "\n".join(lines)


def display_path(path: Path, root: Path | None = None) -> str:
    """Paths relative to the project (or as given) so messages are short and clickable in editors."""
    # abspath, not resolve: a symlink is named as the contributor wrote it, never by where it points.
    try:
        return str(Path(os.path.abspath(path)).relative_to(os.path.abspath(root or Path.cwd())))
    except ValueError:
        return str(path)
