"""Check every external link the data cites (sources and resources) and write a Markdown report.

Run weekly by .github/workflows/link-check.yml. It reports and never fails the run: a site that is down today may be
back tomorrow, and a person decides whether to change the data. Usage:

    .venv/bin/python scripts/check_links.py [--report link-report.md] [--data DIR] [--workers 8]
"""
from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from valued_care import paths
from valued_care.data.knowledge_base import KnowledgeBase
from valued_care.data.loader import load_knowledge_base

USER_AGENT = "valued-care-link-check/1 (+https://github.com/valued-care/valued-care)"


@dataclass(frozen=True)
class Checked:
    url: str
    status: int | None  # the final HTTP status, or None when no answer came
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.status is not None and self.status < 400


def cited_links(kb: KnowledgeBase) -> dict[str, list[str]]:
    """Each external address -> the data files that cite it."""
    cited: dict[str, list[str]] = defaultdict(list)
    for kind, records in (("case_studies", kb.case_studies), ("trust_stories", kb.trust_stories)):
        for rid, record in records.items():
            for source in record.sources:
                cited[source.url].append(f"data/{kind}/{rid}.yml")
    for rid, resource in kb.resources.items():
        if resource.url:
            cited[resource.url].append(f"data/resources/{rid}.yml")
    return dict(sorted(cited.items()))


def check(url: str, timeout: float = 20.0) -> Checked:
    """HEAD first (cheap); some servers refuse HEAD, so anything but a clear answer is retried with GET."""
    status, error = None, ""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return Checked(url, response.status)
        except urllib.error.HTTPError as err:
            status, error = err.code, err.reason if isinstance(err.reason, str) else ""
            if err.code in (404, 410):
                break
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as err:
            status, error = None, str(getattr(err, "reason", err))
    return Checked(url, status, error)


def check_all(urls: list[str], workers: int = 8, timeout: float = 20.0) -> list[Checked]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda u: check(u, timeout), urls))


def report(results: list[Checked], cited: dict[str, list[str]]) -> str:
    broken = [r for r in results if not r.ok]
    lines = [f"## External links: {len(results) - len(broken)} of {len(results)} answered", ""]
    if not broken:
        return "\n".join(lines + ["Every link answered.", ""])
    lines += ["| Link | Answer | Cited by |", "|---|---|---|"]
    for result in broken:
        answer = f"HTTP {result.status}" if result.status else f"no answer ({result.error or 'unknown'})"
        cell = lambda text: text.replace("|", "\\|")
        lines.append(f"| {cell(result.url)} | {cell(answer)} | {cell(', '.join(cited.get(result.url, [])))} |")
    return "\n".join(lines + [""])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(paths.DATA))
    parser.add_argument("--report", help="write the Markdown report here as well as printing it")
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--timeout", type=float, default=20.0)
    args = parser.parse_args(argv)
    cited = cited_links(load_knowledge_base(Path(args.data)))
    text = report(check_all(list(cited), args.workers, args.timeout), cited)
    print(text)
    if args.report:
        Path(args.report).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
