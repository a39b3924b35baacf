"""The bridge between MkDocs and the core: the knowledge base of the current build.

The hook calls load() once at the start of each build (it reloads only when a data file changed, so `mkdocs serve`
picks up edits); the mkdocs-macros module for hand-written pages reads current(), the same data, without looking at
the files again.
"""
from __future__ import annotations

import hashlib
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


def write_changed_pages(pages: dict[str, str]) -> Path:
    """The generated pages as files in a cache folder of their own (one per data folder), each rewritten only when
    its text changed and stale ones removed, so a file's age says whether its page needs building again."""
    key = hashlib.sha256(str(paths.DATA).encode()).hexdigest()[:12]
    folder = paths.ROOT / ".cache" / "generated-pages" / key
    for path, text in pages.items():
        file = folder / path
        if not file.is_file() or file.read_text(encoding="utf-8") != text:
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(text, encoding="utf-8")
    for file in folder.rglob("*.md"):
        if file.relative_to(folder).as_posix() not in pages:
            file.unlink()
    return folder
