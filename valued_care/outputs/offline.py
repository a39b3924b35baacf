"""The offline bundle: the whole site built to be read from file:// (no server, no network), as one zip.

`mkdocs build --strict` runs with OFFLINE=true: mkdocs.yml then turns on Material's offline plugin (search from
file://, no directory URLs) and sets extra.offline, which the finder and our hook read. The built site is checked
for anything loaded from another host (a CDN script, a web font), then zipped under one top folder, with the PDFs
built before it (they are part of the site).
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import TextIO

from valued_care import paths, urls
from valued_care.progress import progress

TOP_FOLDER = "valued-care-offline"
README = """Valued care in mental health: offline copy

Open index.html in this folder with a web browser. Everything works without a network connection, search and
the case study finder included. The PDFs are in the pdf folder.
"""
# Anything the browser would load from another host: scripts, stylesheets, fonts, images, frames.
_EXTERNAL_IN_HTML = re.compile(
    r"<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//"
    r"|<link\b(?=[^>]*\brel\s*=\s*[\"']?(?:stylesheet|preload|preconnect|icon|modulepreload|manifest))"
    r"[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//", re.IGNORECASE)
_EXTERNAL_IN_CSS = re.compile(r"(?:url\(\s*[\"']?|@import\s+[\"'])(?:https?:)?//", re.IGNORECASE)


class OfflineBuildFailed(RuntimeError):
    pass


def external_resources(site_dir: Path) -> list[str]:
    """Files of a built site that load something from another host, with what they load."""
    found = []
    for file in sorted(site_dir.rglob("*")):
        if file.suffix not in {".html", ".css"}:
            continue
        text = file.read_text(encoding="utf-8", errors="replace")
        pattern = _EXTERNAL_IN_HTML if file.suffix == ".html" else _EXTERNAL_IN_CSS
        for match in pattern.finditer(text):
            snippet = text[match.start():match.end() + 60].split(">")[0]
            found.append(f"{file.relative_to(site_dir)}: {snippet}")
    return found


def build_site_for_offline(out_dir: Path, build_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "OFFLINE": "true", "VALUED_CARE_BUILD": str(build_dir), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out_dir)],
                          cwd=paths.ROOT, env=env, capture_output=True, text=True)


def zip_site(site_dir: Path, target: Path, stream: TextIO) -> None:
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as bundle:
        bundle.writestr(_entry("README.txt"), README, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
        for file in progress(files, len(files), "Zip", stream):
            # PDFs are compressed already: storing them saves time and costs nothing in size.
            method = zipfile.ZIP_STORED if file.suffix in {".pdf", ".zip", ".png", ".jpg"} else zipfile.ZIP_DEFLATED
            bundle.writestr(_entry(file.relative_to(site_dir).as_posix()), file.read_bytes(),
                            compress_type=method, compresslevel=6)
    partial.replace(target)


def _entry(name: str) -> zipfile.ZipInfo:
    """A zip entry dated SOURCE_DATE_EPOCH (else 1980-01-01, the zip epoch), never the file's mtime or the clock,
    so the same site always zips to the same bytes (the reproducible-build gate checks it)."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or 315532800)
    info = zipfile.ZipInfo(f"{TOP_FOLDER}/{name}", date_time=time.gmtime(max(epoch, 315532800))[:6])
    info.external_attr = 0o644 << 16  # rw-r--r--, whatever the builder's umask
    return info


def build_offline_bundle(build_dir: Path = paths.BUILD, stream: TextIO | None = None) -> Path:
    """Build the site for file:// and zip it to build_dir/downloads/...zip; raise OfflineBuildFailed if it cannot."""
    stream = stream or sys.stderr
    started = time.perf_counter()
    target = build_dir / urls.OFFLINE_ZIP
    with tempfile.TemporaryDirectory(prefix="valued-care-offline-") as tmp:
        site = Path(tmp) / TOP_FOLDER
        print("Offline: building the site for file:// ...", file=stream)
        result = build_site_for_offline(site, build_dir)
        if result.returncode != 0:
            raise OfflineBuildFailed(f"the offline site build failed:\n{result.stderr[-4000:]}")
        external = external_resources(site)
        if external:
            raise OfflineBuildFailed("the offline site loads from other hosts:\n" + "\n".join(external[:20]))
        zip_site(site, target, stream)
    print(f"Offline: wrote {target} ({target.stat().st_size / 1e6:.1f} MB) in "
          f"{time.perf_counter() - started:.1f} s", file=stream)
    return target
