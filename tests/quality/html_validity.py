"""HTML validity gate: html-validate (pinned in tests/node/package-lock.json, installed by `make gates-deps`) over
the built pages, with the rules that check conformance to the HTML standard and whole documents.

Errors that come from the Material theme's own templates are listed, with a reason each, in
html_validity_allowlist.json; anything else is ours to fix.
"""
from __future__ import annotations

import json
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from valued_care.paths import ROOT

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "htmlvalidate.json"
ALLOWLIST = HERE / "html_validity_allowlist.json"
NODE_TOOLS = ROOT / "tests" / "node"
HTML_VALIDATE = NODE_TOOLS / "node_modules" / "html-validate" / "bin" / "html-validate.mjs"
BATCH = 200  # pages per validator run, to keep command lines short


class ValidatorMissing(RuntimeError):
    pass


@dataclass(frozen=True)
class HtmlError:
    page: str
    line: int
    rule: str
    message: str
    selector: str | None

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.rule}: {self.message} ({self.selector})"


@dataclass(frozen=True)
class Allowed:
    rule: str
    message: str
    selector: str | None
    why: str

    def matches(self, error: HtmlError) -> bool:
        return (error.rule == self.rule and error.message == self.message
                and (self.selector is None or error.selector == self.selector))


def allowlist(path: Path = ALLOWLIST) -> list[Allowed]:
    return [Allowed(**entry) for entry in json.loads(path.read_text(encoding="utf-8"))["allowed"]]


def validate(pages: list[Path], root: Path) -> list[HtmlError]:
    """Every error html-validate reports in the pages (paths reported relative to root)."""
    if not HTML_VALIDATE.exists():
        raise ValidatorMissing(f"{HTML_VALIDATE.relative_to(ROOT)} is missing: run `make gates-deps` "
                               "(npm ci in tests/node)")
    errors = []
    for start in range(0, len(pages), BATCH):
        batch = [str(p.resolve()) for p in pages[start:start + BATCH]]
        with tempfile.TemporaryDirectory() as tmp:
            # The report goes to a file: node exits before a large report written to a pipe is flushed.
            out = Path(tmp) / "report.json"
            result = subprocess.run(["node", str(HTML_VALIDATE), "--config", str(CONFIG), "--formatter",
                                     f"json={out}", *batch], capture_output=True, text=True, cwd=NODE_TOOLS)
            if result.returncode not in (0, 1) or not out.exists():  # 1 means "errors found"
                raise RuntimeError(f"html-validate failed ({result.returncode}): {result.stderr[-2000:]}")
            reports = json.loads(out.read_text(encoding="utf-8"))
        for report in reports:
            page = Path(report["filePath"]).resolve().relative_to(root.resolve()).as_posix()
            errors += [HtmlError(page, m.get("line", 0), m["ruleId"], m["message"], m.get("selector"))
                       for m in report["messages"] if m.get("severity", 2) >= 2]
    return errors


def split_allowed(errors: list[HtmlError], allowed: list[Allowed]) -> tuple[list[HtmlError], dict[Allowed, int]]:
    """(errors that are ours, how many times each allowlist entry was used)."""
    used = {entry: 0 for entry in allowed}
    ours = []
    for error in errors:
        entry = next((a for a in allowed if a.matches(error)), None)
        if entry is None:
            ours.append(error)
        else:
            used[entry] += 1
    return ours, used
