"""Reproducible-build gate: two builds of the same sources with the same SOURCE_DATE_EPOCH are byte-identical.

Compares file trees by content hash: every file, every byte, nothing excluded here (a caller that must exclude
something passes the reason along with it).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path


def tree_digest(root: Path) -> dict[str, str]:
    """{path relative to root: sha256 of its bytes} for every file under root."""
    digest = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            digest[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digest


@dataclass
class TreeDifference:
    files: int = 0                                   # files compared
    only_in_first: list[str] = field(default_factory=list)
    only_in_second: list[str] = field(default_factory=list)
    differ: list[str] = field(default_factory=list)

    @property
    def identical(self) -> bool:
        return not (self.only_in_first or self.only_in_second or self.differ)

    def __str__(self) -> str:
        lines = [f"only in the first build: {p}" for p in self.only_in_first]
        lines += [f"only in the second build: {p}" for p in self.only_in_second]
        lines += [f"differs between builds: {p}" for p in self.differ]
        return "\n".join(lines) or f"{self.files} files identical"


def compare_trees(first: Path, second: Path) -> TreeDifference:
    a, b = tree_digest(first), tree_digest(second)
    return TreeDifference(
        files=len(a.keys() | b.keys()),
        only_in_first=sorted(a.keys() - b.keys()),
        only_in_second=sorted(b.keys() - a.keys()),
        differ=sorted(p for p in a.keys() & b.keys() if a[p] != b[p]),
    )


def first_difference(first: Path, second: Path, context: int = 60) -> str:
    """Where two versions of a file part, with a little text either side, to say what is not reproducible."""
    x, y = first.read_bytes(), second.read_bytes()
    at = next((i for i, (p, q) in enumerate(zip(x, y)) if p != q), min(len(x), len(y)))
    return (f"byte {at}: {x[max(0, at - context):at + context]!r}\n"
            f"     vs: {y[max(0, at - context):at + context]!r}")
