"""Benchmark of search and the case-study finder at 57, 500 and 5,000 case studies. Prints figures; not a test.

    .venv/bin/python scripts/benchmark_search.py [--sizes 57 500 5000] [--queries 24] [--write BENCHMARKS.md]

For each size it writes a synthetic data folder in a temporary directory (copies of the real case studies with
words, trusts, settings, methods, ingredients and periods shuffled, so vocabulary and facets spread as a real
collection's would), builds the site with `mkdocs build` in a child process, and measures:

- build: wall time and peak memory (max RSS of the build process), and the cost per case study;
- the finder index (assets/javascripts/finder-index.js): size raw and gzip, and the time lunr.py takes to build it;
- in headless Chromium, over http from 127.0.0.1: time from navigation start until the finder is ready (median of
  several loads with a warm cache), and from a keystroke to results on screen: every keystroke of >= 20 queries
  typed letter by letter, timed from the input event until the list is laid out ("handled") and until the next
  frame ("painted", which includes waiting for the frame);
- Material's own search: time from navigation start until it shows results for a query given in the address
  (?q=), which includes fetching search_index.json and lunr.js building its index in the browser; measured on the
  index as built, and again with each case study cut down to one entry of its title and tags (what Material's
  search would cost if the finder alone searched case-study text).
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from child_build import timed  # noqa: E402

from valued_care.data.loader import load_knowledge_base  # noqa: E402
from valued_care.site.search_index import SCRIPT_PATH, finder_script  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SECTION = "## Search and finder"
METHOD = """Measured by `scripts/benchmark_search.py` (see its docstring for exactly what each column times) on synthetic
collections: mutated copies of the real case studies, built with `mkdocs build` in a child process, pages served
from 127.0.0.1 to headless Chromium. Times are from one run on a shared 2-core machine; the browser figures are
medians (finder ready: 5 loads with a warm cache; keystrokes: every keystroke of 24 queries typed letter by letter;
Material: 3 queries given as ?q= in the address, each in a fresh tab). The machine load (1-minute load average,
2 cores) is in the last column: other work on the machine slows every figure, the build most.

Material's search has no prebuilt index: each visit fetches search_index.json and lunr.js indexes it in a web
worker before the first answer, so that time grows with all the text on the site. The finder's index is built
at build time, so the browser only loads it; what grows with the collection is the download and the page's
static list (the no-JavaScript view). Above 1,000 case studies the build gives Material's search each case study as
one entry of title and tags (valued_care/site/search_meta.py), so at 5,000 the "as built" column is already that compact
index; with every section of every case study indexed, the first answer at 5,000 took 5.0 s and 8.1 s in two runs
on 26 November 2026."""


# ---- synthetic data ---------------------------------------------------------------------------------------------

def synthetic_data(n: int, target: Path, seed: int = 4) -> Path:
    """The real data folder with its case studies replaced by n mutated copies of them."""
    rng = random.Random(seed)
    shutil.copytree(ROOT / "data", target)
    originals = [yaml.safe_load(p.read_text()) for p in sorted((ROOT / "data" / "case_studies").glob("*.yml"))]
    for path in (target / "case_studies").glob("*.yml"):
        path.unlink()
    for path in (target / "pathways").glob("*.yml"):  # pathways name real case studies, which are replaced here
        path.unlink()
    trusts = sorted(p.stem for p in (target / "trusts").glob("*.yml"))
    ingredients = sorted(p.stem for p in (target / "ingredients").glob("*.yml"))
    settings = sorted({s for case in originals for s in case["settings"]})
    regions = sorted({case["region"] for case in originals})
    methods = sorted({m for case in originals for m in case.get("methods", [])})
    words = sorted({w for case in originals for w in re.findall(r"\b[a-z]{5,}\b",
                                                                 case["summary"] + case.get("problem", ""))})
    for k in range(n):
        case = dict(originals[k % len(originals)])
        copy = k // len(originals)
        case["id"] = f"{case['id']}-{copy}"
        case["title"] = _mutate(case["title"], words, rng, 300) + ("" if copy == 0 else f" ({copy})")
        case["summary"] = _mutate(case["summary"], words, rng, 600)
        if "problem" in case:  # an outline case study may leave it out
            case["problem"] = _mutate(case["problem"], words, rng, 3000)
        case["outcomes"] = [{**o, "text": _mutate(o["text"], words, rng, 3000)} for o in case["outcomes"]]
        case["trusts"] = [rng.choice(trusts)]
        case["primary_ingredient"] = rng.choice(ingredients)
        case["other_ingredients"] = rng.sample([i for i in ingredients if i != case["primary_ingredient"]],
                                               rng.randint(0, 3))
        case["settings"] = rng.sample(settings, rng.randint(1, 2))
        case["region"] = rng.choice(regions)
        case["methods"] = rng.sample(methods, rng.randint(0, 3))
        if not case["methods"]:
            case.pop("method_detail", None)
        start = rng.choice([None, *range(2000, 2025)])
        case["period"] = {"start": start, "description": f"From {start}" if start else "Not stated"}
        if start is None:
            del case["period"]["start"]
        (target / "case_studies" / f"{case['id']}.yml").write_text(
            yaml.safe_dump(case, sort_keys=False, allow_unicode=True))
    return target


def _mutate(text: str, words: list[str], rng: random.Random, limit: int) -> str:
    """About one word in six replaced by another from the collection, within the field's length limit."""
    parts = text.split(" ")
    for i, part in enumerate(parts):
        if re.fullmatch(r"[a-z]{5,}", part) and rng.random() < 0.17:
            parts[i] = rng.choice(words)
    out = " ".join(parts)
    return out if len(out) <= limit else out[:limit].rsplit(" ", 1)[0]


# ---- build ------------------------------------------------------------------------------------------------------

def build(data: Path, out: Path) -> tuple[float, float]:
    """Wall time (s) and peak memory (MB) of `mkdocs build` in a child process of its own."""
    env = {**os.environ, "VALUED_CARE_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    return timed([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)], ROOT, env)


def index_build_seconds(data: Path) -> float:
    kb = load_knowledge_base(data)
    started = time.perf_counter()
    finder_script(kb)
    return time.perf_counter() - started


# ---- browser ----------------------------------------------------------------------------------------------------

class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Server:
    def __init__(self, site: Path):
        handler = functools.partial(QuietHandler, directory=str(site))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def close(self):
        self.httpd.shutdown()


MEASURE_KEYSTROKES = """async (queries) => {
  const input = document.getElementById('vc-finder-q'), list = document.getElementById('vc-finder-results');
  const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  const handled = [], painted = [];
  for (const q of queries) {
    input.value = ''; input.dispatchEvent(new Event('input')); await frame();
    for (let i = 1; i <= q.length; i++) {
      input.value = q.slice(0, i);
      const t0 = performance.now();
      input.dispatchEvent(new Event('input'));
      list.getBoundingClientRect();            // layout now, as painting would
      handled.push(performance.now() - t0);
      await frame();
      painted.push(performance.now() - t0);
    }
  }
  return {handled, painted};
}"""

FIRST_RESULT_PROBE = """(() => {
  new MutationObserver((_, observer) => {
    if (document.querySelector('.md-search-result__item')) {
      window.__firstResultAt = performance.now(); observer.disconnect();
    }
  }).observe(document, {subtree: true, childList: true});
})();"""


def browser_figures(site: Path, queries: list[str], loads: int = 5) -> dict:
    from playwright.sync_api import sync_playwright

    server = Server(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page()
            ready, setup = [], []
            for _ in range(loads + 1):  # the first load warms the cache and is not counted
                page.goto(server.base + "finder/")
                page.wait_for_selector("#vc-finder[data-ready]", timeout=120_000)
                figures = page.evaluate("window.vcFinder")
                ready.append(figures["readyAt"])
                setup.append(figures["setupMs"])
            keys = page.evaluate(MEASURE_KEYSTROKES, queries)
            material = material_first_answers(browser, server.base, queries[:3])
            compact_index(site / "search" / "search_index.json")
            compact = material_first_answers(browser, server.base, queries[:3])
            browser.close()
    finally:
        server.close()
    return {
        "ready_ms": statistics.median(ready[1:]), "setup_ms": statistics.median(setup[1:]),
        "key_handled_ms": statistics.median(keys["handled"]), "key_painted_ms": statistics.median(keys["painted"]),
        "key_handled_p95_ms": _percentile(keys["handled"], 95), "keystrokes": len(keys["handled"]),
        "material_first_ms": statistics.median(material), "material_compact_ms": statistics.median(compact),
    }


def material_first_answers(browser, base: str, queries: list[str]) -> list[float]:
    answers = []
    for query in queries:
        tab = browser.new_page()
        tab.add_init_script(FIRST_RESULT_PROBE)
        tab.goto(base + "?q=" + query.replace(" ", "+"))
        tab.wait_for_function("window.__firstResultAt !== undefined", timeout=600_000, polling=50)
        answers.append(tab.evaluate("window.__firstResultAt"))
        tab.close()
    return answers


def compact_index(path: Path):
    """Material's index with each case study as one entry of title and tags (its sections and text dropped)."""
    index = json.loads(path.read_text())
    docs = []
    for doc in index["docs"]:
        if doc["location"].startswith("case-studies/") and doc["location"] != "case-studies/":
            if "#" in doc["location"]:
                continue
            doc = {**doc, "text": ""}
        docs.append(doc)
    path.write_text(json.dumps({**index, "docs": docs}, separators=(",", ":")))


def _percentile(values: list[float], pct: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def query_list(data: Path, count: int) -> list[str]:
    """count queries of one to three words, taken from the case studies' titles, the same on every run."""
    rng = random.Random(7)
    titles = [yaml.safe_load(p.read_text())["title"] for p in sorted((data / "case_studies").glob("*.yml"))]
    queries: list[str] = []
    while len(queries) < count:
        words = [w.lower() for w in re.findall(r"[A-Za-z]{4,}", rng.choice(titles))]
        if words:
            start = rng.randrange(len(words))
            queries.append(" ".join(words[start:start + rng.randint(1, 3)]))
    return queries


# ---- report -----------------------------------------------------------------------------------------------------

def measure(n: int, work: Path, queries: int) -> dict:
    data = synthetic_data(n, work / f"data-{n}")
    site = work / f"site-{n}"
    print(f"[{n}] building...", file=sys.stderr, flush=True)
    seconds, peak_mb = build(data, site)
    script = (site / SCRIPT_PATH).read_bytes()
    result = {"n": n, "build_s": seconds, "peak_mb": peak_mb, "per_case_ms": 1000 * seconds / n,
              "index_s": index_build_seconds(data), "index_raw": len(script), "index_gzip": len(gzip.compress(script)),
              "search_index_raw": (site / "search" / "search_index.json").stat().st_size,
              "finder_html": (site / "finder" / "index.html").stat().st_size}
    print(f"[{n}] built in {seconds:.1f} s; measuring in Chromium...", file=sys.stderr, flush=True)
    result["load_build"] = os.getloadavg()[0]
    result.update(browser_figures(site, query_list(data, queries)))
    result["load_browser"] = os.getloadavg()[0]
    shutil.rmtree(site)
    return result


def table(rows: list[dict]) -> str:
    def mb(b):
        return f"{b / 1e6:.2f} MB" if b >= 1e6 else f"{b / 1e3:.0f} KB"
    lines = [
        "| case studies | build | peak memory | build per case study | lunr.py index build | finder index raw / gzip "
        "| finder page HTML | finder ready (from navigation start) | finder setup (index load + first list) "
        "| keystroke to results: handled, median / p95 | keystroke to next frame, median | Material search index "
        "| Material's first answer, as built (from navigation start) | the same, case studies as title and tags only "
        "| machine load after build / after browser |",
        "|" + "---|" * 15,
    ]
    for r in rows:
        lines.append(
            f"| {r['n']:,} | {r['build_s']:.1f} s | {r['peak_mb']:.0f} MB | {r['per_case_ms']:.0f} ms "
            f"| {r['index_s']:.2f} s | {mb(r['index_raw'])} / {mb(r['index_gzip'])} | {mb(r['finder_html'])} "
            f"| {r['ready_ms']:.0f} ms | {r['setup_ms']:.0f} ms "
            f"| {r['key_handled_ms']:.1f} / {r['key_handled_p95_ms']:.1f} ms ({r['keystrokes']} keystrokes) "
            f"| {r['key_painted_ms']:.1f} ms | {mb(r['search_index_raw'])} | {r['material_first_ms'] / 1000:.2f} s "
            f"| {r['material_compact_ms'] / 1000:.2f} s | {r['load_build']:.1f} / {r['load_browser']:.1f} |")
    return "\n".join(lines)


def verdicts(rows: list[dict]) -> list[str]:
    """The issue's targets against the figures measured."""
    by_n = {r["n"]: r for r in rows}
    small, large = rows[0], rows[-1]

    def line(ok: bool, text: str) -> str:
        return f"- {'met' if ok else 'NOT met'}: {text}"
    out = []
    if len(rows) > 1:
        ratio = large["per_case_ms"] / small["per_case_ms"]
        out.append(line(ratio <= 2, f"build cost per case study at {large['n']:,} is {ratio:.2f}x that at "
                                    f"{small['n']:,} (target: at most 2x)"))
    out.append(line(large["key_handled_ms"] < 16, f"keystroke to results at {large['n']:,}: median "
                                                  f"{large['key_handled_ms']:.1f} ms handled (target: under 16 ms); "
                                                  f"p95 {large['key_handled_p95_ms']:.1f} ms"))
    if 57 in by_n:
        out.append(line(by_n[57]["ready_ms"] < 300, f"finder ready {by_n[57]['ready_ms']:.0f} ms after navigation "
                                                    f"start at 57 (target: under 300 ms)"))
    if 5000 in by_n:
        out.append(line(by_n[5000]["ready_ms"] < 1500, f"finder ready {by_n[5000]['ready_ms']:.0f} ms after "
                                                       f"navigation start at 5,000 (target: under 1.5 s)"))
        out.append(line(by_n[5000]["material_first_ms"] < 1000,
                        f"Material's first answer at 5,000: {by_n[5000]['material_first_ms'] / 1000:.2f} s "
                        f"(target: under 1 s); with case studies as title and tags only: "
                        f"{by_n[5000]['material_compact_ms'] / 1000:.2f} s"))
    return out


def write_section(path: Path, body: str):
    """Put the section into BENCHMARKS.md, replacing an earlier run's and leaving other sections alone."""
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    section = f"{SECTION}\n\n{body.strip()}\n"
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    text = pattern.sub(lambda _: section + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + section
    path.write_text(text.rstrip() + "\n")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[57, 500, 5000])
    parser.add_argument("--queries", type=int, default=24)
    parser.add_argument("--write", type=Path, help="put the table into this Markdown file's search section")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="vc-bench-search-") as tmp:
        for n in args.sizes:
            rows.append(measure(n, Path(tmp), args.queries))
            print(table(rows[-1:]).splitlines()[-1], flush=True)
    report = table(rows) + "\n\n" + "\n".join(verdicts(rows))
    print()
    print(report)
    if args.write:
        write_section(args.write, f"{METHOD}\n\n{report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
