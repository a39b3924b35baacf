"""The seam for download formats. Each format (PDF today; EPUB or another tomorrow) writes its files into
build/<folder>/ at their site paths, with a manifest.json in the shape below; the site (site/downloads.py) reads every
format's manifest the same way and links what it finds. A new format is one module that writes this manifest, one
template folder, and one line in FORMATS."""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Format:
    folder: str  # build/<folder>/ and the site's <folder>/
    label: str  # in link text: "PDF, 1.2 MB, 24 pages"


FORMATS: tuple[Format, ...] = (Format("pdf", "PDF"),)


@dataclass(frozen=True)
class Built:
    """One built download, as its manifest lists it."""
    path: str  # site path, e.g. pdf/chapters/leadership.pdf
    kind: str  # book, chapter, case-study
    record_id: str | None
    title: str
    bytes: int
    pages: int | None
    fingerprint: str  # of what it was built from, so an unchanged file is not built again


def file_of(out_dir: Path, site_path: str) -> Path:
    """Where a site path is in a format's output folder: pdf/chapters/x.pdf is <out_dir>/chapters/x.pdf."""
    return out_dir / site_path.split("/", 1)[1]


def read_info(out_dir: Path) -> dict:
    file = out_dir / MANIFEST
    return json.loads(file.read_text(encoding="utf-8")) if file.exists() else {}


def read(out_dir: Path) -> dict[str, Built]:
    return {e["path"]: Built(**e) for e in read_info(out_dir).get("files", [])}


def write(out_dir: Path, files: Iterable[Built], edition: dt.date, data: str) -> None:
    """files in the order readers should see them; edition and data: the date and fingerprint of the data used."""
    payload = {"edition": edition.isoformat(), "data": data, "files": [asdict(b) for b in files]}
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / MANIFEST).write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
