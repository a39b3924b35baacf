"""One short digest of every record: it changes whenever any record changes, so a build can tell whether files
made earlier (the PDFs in build/) were made from the same data."""
from __future__ import annotations

import hashlib

from valued_care.data.kinds import KINDS
from valued_care.data.knowledge_base import KnowledgeBase


def data_fingerprint(kb: KnowledgeBase) -> str:
    digest = hashlib.sha256()
    for name in sorted(kind.folder for kind in KINDS):
        for rid, record in sorted(getattr(kb, name).items()):
            digest.update(f"{name}/{rid}".encode())
            digest.update(record.model_dump_json().encode())
    return digest.hexdigest()[:16]
