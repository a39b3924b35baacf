"""The bridge between MkDocs and our plain modules: load the data once per build, hand out pages and nav.

Both the MkDocs hook (generated pages, navigation) and the mkdocs-macros module (macros for hand-written pages)
call knowledge_base(); it reloads only when a data file changed, so `mkdocs serve` picks up edits.
"""
from __future__ import annotations

from pathlib import Path

from valued_care import paths
from valued_care.data.knowledge_base import KnowledgeBase
from valued_care.data.loader import load_knowledge_base

_cache: dict[str, object] = {}


def _fingerprint(data_dir: Path) -> tuple:
    return tuple((str(p), p.lstat().st_mtime_ns, p.lstat().st_size) for p in sorted(data_dir.rglob("*.yml")))


def knowledge_base(data_dir: Path = paths.DATA) -> KnowledgeBase:
    key = _fingerprint(data_dir)
    if _cache.get("key") != key:
        _cache["kb"] = load_knowledge_base(data_dir, root=paths.ROOT)
        _cache["key"] = key
    return _cache["kb"]  # type: ignore[return-value]
