"""The bridge between MkDocs and the core: the knowledge base of the current build.

The hook calls load() once at the start of each build (it reloads only when a data file changed, so `mkdocs serve`
picks up edits); the mkdocs-macros module for hand-written pages reads current(), the same data, without looking at
the files again.
"""
from __future__ import annotations

import filecmp
import hashlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from valued_care import paths
from valued_care.data.knowledge_base import KnowledgeBase
from valued_care.data.loader import load_knowledge_base

_loaded: dict[str, object] = {}


def _fingerprint(data_dir: Path) -> tuple:
    return tuple((str(p), p.lstat().st_mtime_ns, p.lstat().st_size) for p in sorted(data_dir.rglob("*.yml")))


def load(data_dir: Path | None = None) -> KnowledgeBase:
    data_dir = data_dir or paths.DATA
    key = _fingerprint(data_dir)
    if _loaded.get("key") != key:
        _loaded["kb"] = load_knowledge_base(data_dir, root=paths.ROOT)
        _loaded["key"] = key
    return _loaded["kb"]  # type: ignore[return-value]


def current() -> KnowledgeBase:
    """The knowledge base the current build loaded (loading it if no build has yet)."""
    return _loaded["kb"] if "kb" in _loaded else load()  # type: ignore[return-value]


class ChangedFiles:
    """Generated texts as files in a cache folder of their own (one per kind, data folder and `variant`: the build
    settings the texts depend on, so builds with other settings, even at the same time, never share a file), each
    rewritten only when its text changed, so a file's age says whether its page needs building again (`mkdocs serve
    --dirty`), and replaced whole, never seen half-written; finish(paths) removes every other file. Two processes
    may write into one folder at once (two_processes.py), each its own files."""

    def __init__(self, kind: str, variant: str = ""):
        key = hashlib.sha256(f"{paths.DATA}\0{variant}".encode()).hexdigest()[:12]
        # Beside the project's data, in the project; beside any other data folder (a test's, a benchmark's), next to
        # it, so that it goes when that folder goes and the project's .cache does not grow with every test run.
        base = paths.ROOT if paths.DATA.is_relative_to(paths.ROOT) else paths.DATA.parent
        self.folder = base / ".cache" / kind / key
        self._folders: set[Path] = set()  # made already

    def write(self, path: str, text: str | Iterable[str]) -> None:
        """Write one file: its text, or its text in pieces (never all in memory: compared with the file on disk
        once written out)."""
        file = self.folder / path
        if isinstance(text, str) and file.is_file() and file.read_text(encoding="utf-8") == text:
            return
        if file.parent not in self._folders:
            file.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(file.parent)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=file.parent, delete=False,
                                         prefix=".writing-") as out:
            out.writelines([text] if isinstance(text, str) else text)
        if not isinstance(text, str) and file.is_file() and filecmp.cmp(out.name, file, shallow=False):
            os.unlink(out.name)  # unchanged: the old file keeps its age
        else:
            os.replace(out.name, file)

    def finish(self, paths: Iterable[str]) -> Path:
        """The folder, holding the files at paths (all written this time) and no others."""
        keep = set(paths)
        for file in [f for f in self.folder.rglob("*") if f.is_file() and not f.name.startswith(".writing-")]:
            if file.relative_to(self.folder).as_posix() not in keep:
                file.unlink()
        return self.folder
