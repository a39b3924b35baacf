"""Search relevance: the judged queries (tests/search/judged_queries.yml) put to the case-study finder and to
Material's search on a built site, in headless Chromium. Prints figures; not a test (the test with targets is
tests/test_search_relevance_browser.py).

    .venv/bin/python scripts/benchmark_relevance.py [--site DIR] [--before DIR --before-label TEXT]
                                                    [--write BENCHMARKS.md]

Without --site it builds the site from data/ into a temporary folder with `mkdocs build`. For each engine it gives
recall@5, MRR and the share of queries with nothing relevant in the first ten (tests/quality/relevance.py says
exactly how each is counted), overall and by kind of query, and lists the queries each engine misses. --before
measures another built site (an older version) the same way, for comparison.
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import os
import re
import subprocess
import sys
import tempfile
import threading
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from quality.browser import launch  # noqa: E402
from quality.relevance import Judged, Scores, finder_rankings, judged_queries, material_rankings, score  # noqa: E402

SECTION = "## Search relevance"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def build(out: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"build failed:\n{result.stderr[-3000:]}")


def rankings(site: Path, judged: list[Judged]) -> dict[str, list[list[str]]]:
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as p:
            browser = launch(p)
            page = browser.new_page()
            found = {"finder": finder_rankings(page, base + "finder/", judged),
                     "Material's search": material_rankings(browser, base, judged)}
            browser.close()
    finally:
        server.shutdown()
    return found


def by_kind(judged: list[Judged], ranked: list[list[str]]) -> dict[str, Scores]:
    groups: dict[str, list[int]] = defaultdict(list)
    for n, j in enumerate(judged):
        groups[j.kind].append(n)
    return {kind: score([judged[n] for n in ns], [ranked[n] for n in ns]) for kind, ns in sorted(groups.items())}


def report(judged: list[Judged], found: dict[str, list[list[str]]]) -> str:
    lines = ["| engine | recall@5 | MRR | queries with nothing relevant in the top 10 |", "|---|---|---|---|"]
    for engine, ranked in found.items():  # an older site's figures too (named "... (before)")
        s = score(judged, ranked)
        examples = ", ".join(f'"{q}"' for q in s.misses[:5])
        lines.append(f"| {engine} | {s.recall_at_5:.2f} | {s.mrr:.2f} | {len(s.misses)} of {len(judged)}"
                     f"{' (' + examples + ')' if examples else ''} |")
    found = {engine: ranked for engine, ranked in found.items() if not engine.endswith(")")}  # by kind: now only
    kinds = by_kind(judged, next(iter(found.values())))
    lines += ["", "By kind of query (recall@5 / MRR):", "",
              "| kind | queries | " + " | ".join(found) + " |", "|---|---|" + "---|" * len(found)]
    for kind in kinds:
        cells = [by_kind(judged, ranked)[kind] for ranked in found.values()]
        count = sum(j.kind == kind for j in judged)
        lines.append(f"| {kind} | {count} | " + " | ".join(f"{c.recall_at_5:.2f} / {c.mrr:.2f}" for c in cells) + " |")
    return "\n".join(lines)


METHOD = """Measured by `scripts/benchmark_relevance.py` on the site built from data/ ({cases} case studies), in
headless Chromium on {date}: {queries} judged queries (tests/search/judged_queries.yml) written from reader tasks
(board members, clinicians, improvement leads, experts by experience; all nine ingredients; abbreviations, plurals,
misspellings, synonyms, an American spelling and whole questions), each with the case studies a good answer must
hold, judged by reading the case studies, not by running either engine. The finder is asked by typing into its
box; Material's search by address (?q=), its case-study results read in order (its other pages skipped).
recall@5: share of the relevant case studies (up to five) in the first five; MRR: mean of 1 / rank of the first
relevant one in the first ten; `tests/test_search_relevance_browser.py` fails the build if the finder falls below
recall@5 0.9 or MRR 0.85, or leaves any query with nothing relevant in its first ten."""


def write_section(path: Path, body: str) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    section = f"{SECTION}\n\n{body.strip()}\n"
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    text = pattern.sub(lambda _: section + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + section
    path.write_text(text.rstrip() + "\n", encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one from data/)")
    parser.add_argument("--before", type=Path, help="an older built site to measure the same way, for comparison")
    parser.add_argument("--before-label", default="before", help="what to call it in the table")
    parser.add_argument("--write", type=Path, help="put the figures into this Markdown file's relevance section")
    args = parser.parse_args(argv)
    judged = judged_queries()
    with tempfile.TemporaryDirectory(prefix="vc-relevance-") as tmp:
        site = args.site or Path(tmp) / "site"
        if not args.site:
            build(site)
        found = rankings(site, judged)
    if args.before:
        found.update({f"{engine} ({args.before_label})": ranked
                      for engine, ranked in rankings(args.before, judged).items()})
    body = report(judged, found)
    for engine, ranked in found.items():
        misses = score(judged, ranked).misses
        body += f"\n\n{engine}: nothing relevant in the top 10 for " + (", ".join(f'"{q}"' for q in misses) or "none")
    print(body)
    if args.write:
        cases = len(list((ROOT / "data" / "case_studies").glob("*.yml")))
        method = METHOD.format(cases=cases, date=dt.date.today().strftime("%-d %B %Y"), queries=len(judged))
        write_section(args.write, f"{method}\n\n{body}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
