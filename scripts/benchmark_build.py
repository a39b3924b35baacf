"""This project's whole `mkdocs build` side by side with plain Material for MkDocs on the same number of pages.

    .venv/bin/python scripts/benchmark_build.py [--quick] [--sizes real 500 2000 5000] [--runs 3] [--profile N]

For each size it makes a temporary copy of the project (code, docs, templates, mkdocs.yml) whose data/ holds the
real records and, at a synthetic size, N case studies in all: the real ones plus copies of them with new ids, some
words of their text swapped for others of the collection, and trusts, ingredients and settings drawn at random, so
related case studies, listings and facets spread as a real collection's would. It builds that copy once (warm-up,
which also writes the generated pages), then makes a plain Material project with the same number of pages: each
page of the project (hand-written and generated) becomes a plain Markdown page of the same length, with its
headings, paragraphs and list items and a small navigation of 15 entries. Then the two are built alternately
(project, plain, project, ...), each `mkdocs build` in a child process of its own with no PDFs to ship, and the
table gives the median wall time and the largest peak memory (max RSS of the child) of each, and their ratios.

--profile N builds the project copy at N case studies once under cProfile, all in one process (cProfile does not
follow the second process that makes half the generated pages), and prints the functions that take the most time,
cumulative and own, to show what dominates what is left.

--yaml times reading the data files (median of 5 passes, in ms a file): yaml_source.read_yaml, the whole loader
(load_knowledge_base, with its checks), and PyYAML's C loader alone (yaml.load, CSafeLoader) as a floor.

--pdf-book times the book PDF alone, in a child process each (wall time, ms a page, peak memory), laid out a part at
a time as the build does, and with --whole also laid out as one document, as it was before.

Prints figures; not a test.
"""
from __future__ import annotations

import argparse
import html
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from child_build import timed
from synthetic_data import ROOT, data_copy, project_copy

PLAIN_NAV = 15


# ---- plain Material with the same pages -------------------------------------------------------------------------

def project_pages(project: Path) -> list[str]:
    """The source of every page the project's build made: hand-written docs and generated pages (Markdown or HTML)."""
    folders = [project / "docs", *(project / ".cache" / "generated-pages").glob("*")]
    return [p.read_text(encoding="utf-8") for folder in folders for p in sorted(folder.rglob("*.md"))]


def plain_page(number: int, source: str) -> str:
    """A plain Markdown page as long as the page `source`, with as many headings and list items, and words from it.

    A page the project writes as HTML (html_page.py) counts as long as its front matter and its text without tags
    (entities undone), and its headings and items are counted as tags: its tags would make it longer than the same
    page written in Markdown, so this errs against the project.
    """
    body = re.sub(r"^---\n.*?\n---\n", "", source, flags=re.S)
    words = re.findall(r"[A-Za-z]{2,}", body) or ["text"]
    lines, i = [f"# Page {number}", ""], 0
    if re.search(r'<h1 id="', body):
        length = len(source) - len(body) + len(html.unescape(re.sub(r"<[^>]+>", "", body)))
        headings = len(re.findall(r"<h[2-6][ >]", body))
        items = len(re.findall(r"<li[ >]", body))
    else:
        length = len(source)
        headings = len(re.findall(r"^#{2,} ", body, flags=re.M))
        items = len(re.findall(r"^\s*(?:[-*]|\d+\.) ", body, flags=re.M))
    used = sum(len(x) + 1 for x in lines)
    while used < length:
        chunk = " ".join(words[(i + k) % len(words)] for k in range(40))
        i += 40
        if headings and i % 400 == 0:
            added, headings = [f"## {chunk[:40]}", ""], headings - 1
        elif items:
            added, items = [f"- {chunk[:160]}"], items - 1
        else:
            added = ["", chunk, ""]
        lines += added
        used += sum(len(x) + 1 for x in added)
    return "\n".join(lines) + "\n"


def plain_project(target: Path, pages: list[str]) -> Path:
    docs = target / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text(plain_page(0, pages[0]), encoding="utf-8")
    for n, markdown in enumerate(pages[1:], start=1):
        (docs / f"p{n // 1000}").mkdir(exist_ok=True)
        (docs / f"p{n // 1000}" / f"page-{n}.md").write_text(plain_page(n, markdown), encoding="utf-8")
    nav = [{"Home": "index.md"}, *({f"Page {n}": f"p0/page-{n}.md"} for n in range(1, min(PLAIN_NAV, len(pages))))]
    config = {"site_name": "Plain Material", "site_url": "https://example.org/", "theme": {"name": "material"},
              "plugins": ["search"], "nav": nav,
              "markdown_extensions": [{"toc": {"permalink": True}}, "attr_list", "def_list", "admonition", "tables",
                                      "md_in_html"],
              "validation": {"omitted_files": "ignore"}}
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return target


# ---- builds -----------------------------------------------------------------------------------------------------

def build(project: Path, out: Path, extra: list[str] | None = None, one_process: bool = False) -> tuple[float, float]:
    """Wall time (s) and peak memory (MB, max RSS) of `mkdocs build` of `project` in a child process. one_process:
    without the second process that makes half the generated pages (two_processes.py), as when profiling."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "VALUED_CARE_BUILD": str(project / "no-downloads")}
    if one_process:
        env["VALUED_CARE_PROCESSES"] = "1"
    env.pop("VALUED_CARE_DATA", None)
    return timed([sys.executable, *(extra or ["-m", "mkdocs"]), "build", "-q", "-d", str(out)], project, env)


def measure(size: int | None, runs: int, tmp: Path) -> dict:
    project = project_copy(tmp / "project", size)
    build(project, tmp / "site-project")  # warm-up: writes the generated pages, fills the disk cache
    pages = project_pages(project)
    plain = plain_project(tmp / "plain", pages)
    build(plain, tmp / "site-plain")
    mine, theirs = [], []
    for _ in range(runs):
        mine.append(build(project, tmp / "site-project"))
        theirs.append(build(plain, tmp / "site-plain"))
    count = len(list((project / "data" / "case_studies").glob("*.yml")))
    html = sum(1 for _ in (tmp / "site-project").rglob("*.html"))
    return {"label": "real" if size is None else "synthetic", "case_studies": count, "pages": len(pages),
            "html": html, "mine": mine, "theirs": theirs}


def row(result: dict) -> str:
    mine_t = statistics.median(t for t, _ in result["mine"])
    theirs_t = statistics.median(t for t, _ in result["theirs"])
    mine_m, theirs_m = max(m for _, m in result["mine"]), max(m for _, m in result["theirs"])
    return (f"| {result['case_studies']:,} ({result['label']}) | {result['pages']:,} | {mine_t:.1f} s | "
            f"{theirs_t:.1f} s | {mine_t / theirs_t:.2f}x | {mine_m:.0f} MB | {theirs_m:.0f} MB | "
            f"{mine_m / theirs_m:.2f}x | {mine_t / result['case_studies'] * 1000:.0f} ms |")


def profile(size: int, tmp: Path, keep: Path | None, top: int = 30) -> None:
    """One build of the project copy at `size` case studies under cProfile; the top functions printed, and the
    statistics kept in `keep` for pstats if given."""
    import pstats

    project = project_copy(tmp / "project", size)
    build(project, tmp / "site")  # the generated pages written once, as in the measured builds
    stats = keep or tmp / "build.prof"
    took, peak = build(project, tmp / "site", ["-m", "cProfile", "-o", str(stats), "-m", "mkdocs"], one_process=True)
    print(f"profiled build at {size:,} case studies: {took:.1f} s under the profiler, peak {peak:.0f} MB")
    for order in ("cumulative", "tottime"):
        pstats.Stats(str(stats)).sort_stats(order).print_stats(top)


def _ms_per_file(work, files: int) -> float:
    """Median of 5 runs of work(), in ms for each of `files` files."""
    import gc

    times = []
    for _ in range(5):
        gc.collect()
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times) / files * 1000


def yaml_figures(sizes: list[str], tmp: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from valued_care.data.loader import load_knowledge_base
    from valued_care.data.yaml_source import read_yaml

    print("| case studies | files | read_yaml | whole loader (read, validate, check) | yaml.load, CSafeLoader |")
    print("|---|---|---|---|---|")
    for size in sizes:
        data = data_copy(tmp / f"data-{size}", size)
        files = sorted(data.glob("*/*.yml"))
        texts = [f.read_text(encoding="utf-8") for f in files]
        read = _ms_per_file(lambda files=files: [read_yaml(f, f.name) for f in files], len(files))
        whole = _ms_per_file(lambda data=data: load_knowledge_base(data), len(files))
        floor = _ms_per_file(lambda texts=texts: [yaml.load(t, Loader=yaml.CSafeLoader) for t in texts], len(files))
        cases = len(list((data / "case_studies").glob("*.yml")))
        print(f"| {cases:,} | {len(files):,} | {read:.2f} ms | {whole:.2f} ms | {floor:.2f} ms |", flush=True)


PDF_CHILD = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from valued_care.data.loader import load_knowledge_base
from valued_care.outputs.pdf import PDF_OPTIONS, PdfWriter
from valued_care.outputs.pdf_book import PdfBook
doc = PdfBook(load_knowledge_base(Path({data!r}))).book()
writer, out = PdfWriter(), Path({out!r})
started = time.perf_counter()
if {whole!r}:
    document = writer.render(doc.html)
    document.write_pdf(out, **PDF_OPTIONS)
    pages = len(document.pages)
else:
    pages = writer.write(doc, out)
print(json.dumps({{"pages": pages, "seconds": time.perf_counter() - started,
                  "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "bytes": out.stat().st_size}}))
"""


def pdf_book_figures(sizes: list[str], whole: bool, tmp: Path) -> None:
    import json

    print("| case studies | layout | pages | size | wall time | per page | peak memory |")
    print("|---|---|---|---|---|---|---|")
    for size in sizes:
        data = data_copy(tmp / f"data-{size}", size)
        cases = len(list((data / "case_studies").glob("*.yml")))
        for mode in ((False, True) if whole else (False,)):
            code = PDF_CHILD.format(root=str(ROOT), data=str(data), out=str(tmp / "book.pdf"), whole=mode)
            done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
            fig = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"| {cases:,} | {'whole' if mode else 'a part at a time'} | {fig['pages']:,} | "
                  f"{fig['bytes'] / 1e6:.1f} MB | {fig['seconds']:.1f} s | {fig['seconds'] / fig['pages'] * 1000:.0f} ms | "
                  f"{fig['peak']:.0f} MB |", flush=True)
        shutil.rmtree(data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="*", default=["real", "500", "2000", "5000"],
                        help="'real' and/or numbers of case studies")
    parser.add_argument("--quick", action="store_true", help="real and 500 only")
    parser.add_argument("--runs", type=int, default=3, help="measured builds of each, alternating")
    parser.add_argument("--profile", type=int, metavar="N", help="profile one build at N case studies instead")
    parser.add_argument("--profile-out", type=Path, help="with --profile: keep the statistics in this file")
    parser.add_argument("--yaml", action="store_true", help="time reading the data files instead")
    parser.add_argument("--pdf-book", action="store_true", help="time the book PDF instead")
    parser.add_argument("--whole", action="store_true", help="with --pdf-book: also laid out as one document")
    args = parser.parse_args()
    sizes = ["real", "500"] if args.quick else args.sizes
    with tempfile.TemporaryDirectory(prefix="vc-bench-build-") as tmp:
        if args.profile:
            profile(args.profile, Path(tmp), args.profile_out)
            return 0
        if args.yaml or args.pdf_book:
            print(f"{os.cpu_count()} cores; load average before: {os.getloadavg()[0]:.1f}")
            (yaml_figures(sizes, Path(tmp)) if args.yaml else pdf_book_figures(sizes, args.whole, Path(tmp)))
            print(f"load average after: {os.getloadavg()[0]:.1f}")
            return 0
        print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
              f"{platform.python_version()}; load average before: {os.getloadavg()[0]:.1f}; "
              f"{args.runs} alternating runs each, after one warm-up")
        print("| case studies | pages | this project | plain Material | time ratio | this project, peak | "
              "plain Material, peak | memory ratio | this project per case study |")
        print("|---|---|---|---|---|---|---|---|---|")
        for size in sizes:
            work = Path(tmp) / f"size-{size}"
            result = measure(None if size == "real" else int(size), args.runs, work)
            print(row(result), flush=True)
            shutil.rmtree(work)
        print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
