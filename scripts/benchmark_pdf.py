"""Benchmark the PDFs: time and size of the book, all chapter PDFs and all case-study PDFs.

At the real content (data/, or --data), then at synthetic sizes (default 500 case studies): real case studies copied
with new ids and titles into a temporary data folder. Prints a Markdown table for BENCHMARKS.md. Not a test: the
figures depend on the machine. Every build here starts from an empty folder (no cached PDFs).

    .venv/bin/python scripts/benchmark_pdf.py [--sizes 250 500] [--workers 2] [--skip-real]
"""
from __future__ import annotations

import argparse
import io
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from valued_care import paths
from valued_care.data.loader import load_knowledge_base
from valued_care.outputs.pdf import build_pdfs


def synthetic_data(real: Path, target: Path, case_studies: int) -> Path:
    """A copy of the real data with `case_studies` case studies: the real ones plus numbered copies of them."""
    shutil.copytree(real, target)
    folder = target / "case_studies"
    originals = sorted(folder.glob("*.yml"))
    for n in range(case_studies - len(originals)):
        source = originals[n % len(originals)]
        record = yaml.safe_load(source.read_text(encoding="utf-8"))
        record["id"] = f"s{n:04d}-{record['id']}"[:80].rstrip("-")
        record["title"] = f"{record['title']} (synthetic copy {n + 1})"
        (folder / f"{record['id']}.yml").write_text(yaml.safe_dump(record, sort_keys=False, allow_unicode=True),
                                                     encoding="utf-8")
    return target


def measure(kb, selection: str, workers: int | None) -> dict:
    with tempfile.TemporaryDirectory(prefix="vc-bench-pdf-") as out:
        cpu_before = _cpu_seconds()
        started = time.perf_counter()
        built = build_pdfs(kb, Path(out), only=[selection], workers=workers, stream=io.StringIO())
        took = time.perf_counter() - started
        cpu = _cpu_seconds() - cpu_before
    return {"what": selection, "files": len(built), "pages": sum(b.pages for b in built),
            "mb": sum(b.bytes for b in built) / 1e6, "seconds": took, "cpu": cpu}


def _cpu_seconds() -> float:
    """CPU time of this process and its finished worker processes: steadier than wall time on a busy machine."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def run(label: str, kb, workers: int | None) -> list[dict]:
    rows = []
    # The book is one document, rendered in this process: its peak memory is this process's.
    for selection, w in [("book", 1), ("chapters", workers), ("case-studies", workers)]:
        row = measure(kb, selection, w)
        row.update(data=label, case_studies=len(kb.case_studies), workers=w or os.cpu_count())
        if selection == "book":
            row["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows.append(row)
        print(_line(row), flush=True)
    return rows


def _line(row: dict) -> str:
    per = row["seconds"] / row["case_studies"] * 1000
    memory = f"{row['peak_mb']:.0f} MB" if "peak_mb" in row else ""
    return (f"| {row['data']} | {row['case_studies']} | {row['what']} | {row['files']} | {row['pages']} | "
            f"{row['mb']:.1f} MB | {row['seconds']:.1f} s | {row['cpu']:.1f} s | {per:.0f} ms | {row['workers']} | "
            f"{memory} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(paths.DATA))
    parser.add_argument("--sizes", type=int, nargs="*", default=[500], help="synthetic numbers of case studies")
    parser.add_argument("--workers", type=int, help="processes for chapter and case-study PDFs (default: cores)")
    parser.add_argument("--skip-real", action="store_true")
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}; load average before: {os.getloadavg()[0]:.1f}")
    print("| data | case studies | PDFs | files | pages | size | wall time | CPU time | wall time per case study | "
          "workers | peak memory |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    real = Path(args.data)
    if not args.skip_real:
        run("real", load_knowledge_base(real), args.workers)
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="vc-bench-data-") as tmp:
            data = synthetic_data(real, Path(tmp) / "data", size)
            run("synthetic", load_knowledge_base(data), args.workers)
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
