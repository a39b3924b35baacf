"""Accessibility gate: axe-core in the browser, against WCAG 2.0, 2.1 and 2.2 at levels A and AA.

axe-core is vendored (vendor/axe.min.js, see vendor/README.md) and injected into the page under test by the test
only; the published site never loads it.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from quality.browser import settle

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")

_RUN = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return {violations: results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary}))})),
    rules: results.passes.length + results.violations.length + results.incomplete.length + results.inapplicable.length};
}"""


@lru_cache(maxsize=1)
def axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


def audit(page) -> list[dict]:
    """axe's WCAG A/AA violations on the page once it is still (browser.settle: no animation, transition or scrolling
    under way): [{id, impact, help, nodes: [{target, summary}]}]. Every axe run goes through here."""
    settle(page)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source())
    return page.evaluate(_RUN, list(WCAG_TAGS))["violations"]


def describe(violations: list[dict], where: str) -> list[str]:
    """One line per failing element, for a test failure message a person can act on."""
    return [f"{where}: {v['id']} ({v['impact']}): {v['help']}: {n['target']}: {n['summary']}"
            for v in violations for n in v["nodes"]]
