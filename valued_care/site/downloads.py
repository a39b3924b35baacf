"""What there is to download (the PDFs and the offline bundle), read from build/, for the site's pages and hook.

build/ holds each download at its site path (build/pdf/..., build/downloads/...), so the site build copies it
over as it is. If nothing was built, the site still builds: there is simply nothing to link, and the downloads page
says how to build them. No MkDocs and no WeasyPrint here.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from valued_care import urls
from valued_care.outputs import manifest
from valued_care.outputs.manifest import FORMATS


@dataclass(frozen=True)
class Download:
    path: str  # site path, e.g. pdf/chapters/leadership.pdf
    kind: str  # book, summary, chapter, case-study or offline
    record_id: str | None
    title: str
    bytes: int
    pages: int | None = None
    format: str = "PDF"  # in link text

    @property
    def size(self) -> str:
        if self.bytes >= 1_000_000:
            return f"{self.bytes / 1_000_000:.1f} MB"
        return f"{max(1, round(self.bytes / 1000))} KB"

    @property
    def label(self) -> str:
        """Format, size and pages, for link text: 'PDF, 1.2 MB, 24 pages'."""
        parts = [self.format, self.size]
        if self.pages:
            parts.append(f"{self.pages} page{'' if self.pages == 1 else 's'}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Downloads:
    files: tuple[Download, ...] = ()
    edition: dt.date | None = None  # the date of the data the PDFs were built from
    stale: bool = False  # the PDFs were built from other data than the site's
    offline_build: bool = False  # this is the offline bundle itself (which cannot contain itself)

    @classmethod
    def from_build(cls, build_dir: Path, data_fingerprint: str | None = None,
                   offline_build: bool = False) -> Downloads:
        found, infos = [], []
        for fmt in FORMATS:  # every download format's manifest, read the same way (outputs/manifest.py)
            out_dir = build_dir / fmt.folder
            found += [Download(b.path, b.kind, b.record_id, b.title, b.bytes, b.pages, fmt.label)
                      for b in manifest.read(out_dir).values() if manifest.file_of(out_dir, b.path).is_file()]
            infos.append(manifest.read_info(out_dir))
        zip_file = build_dir / urls.OFFLINE_ZIP
        if zip_file.is_file() and not offline_build:
            found.append(Download(urls.OFFLINE_ZIP, "offline", None, "Offline copy of the site",
                                  zip_file.stat().st_size, None, "ZIP"))
        info = next((i for i in infos if i), {})
        stale = bool(found and data_fingerprint and info.get("data") != data_fingerprint)
        edition = dt.date.fromisoformat(info["edition"]) if info.get("edition") else None
        return cls(tuple(found), edition, stale, offline_build)

    def _find(self, kind: str, record_id: str | None = None) -> Download | None:
        return next((d for d in self.files if d.kind == kind and d.record_id == record_id), None)

    @property
    def book(self) -> Download | None:
        return self._find("book")

    @property
    def summary(self) -> Download | None:
        return self._find("summary")

    @property
    def offline(self) -> Download | None:
        return self._find("offline")

    def chapter(self, rid: str) -> Download | None:
        return self._find("chapter", rid)

    def case_study(self, rid: str) -> Download | None:
        return self._find("case-study", rid)

    def of_kind(self, kind: str) -> list[Download]:
        return [d for d in self.files if d.kind == kind]

    @property
    def has_pdfs(self) -> bool:
        return any(d.kind != "offline" for d in self.files)
