"""Search relevance over a built site: the judged queries (tests/search/judged_queries.yml) put to the case-study
finder and to Material's search in headless Chromium, and scored.

- recall@5: of the case studies a good answer must hold, the share in the first five (out of at most five);
- MRR: the mean over queries of 1 / the rank of the first relevant case study in the first ten (0 if none);
- nothing relevant: the share of queries with no relevant case study in the first ten.

The finder is asked as a reader asks it: the words typed into its box, the list it then shows read in order.
Material's search is asked by address (?q=), and its results read in order; as it also returns chapters,
stories and other pages, a case study's rank is its place among the case studies it returns.
Used by tests/test_search_relevance_browser.py and scripts/benchmark_relevance.py.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote_plus, unquote, urlsplit

import yaml

JUDGED = Path(__file__).resolve().parent.parent / "search" / "judged_queries.yml"
TOP = 10
CASE_STUDY = "case-studies/"


@dataclass(frozen=True)
class Judged:
    query: str
    relevant: frozenset[str]
    reader: str
    ingredient: str
    kind: str


@dataclass(frozen=True)
class Scores:
    recall_at_5: float
    mrr: float
    nothing_relevant: float  # share of queries
    misses: tuple[str, ...]  # the queries with nothing relevant in the top ten


def judged_queries(path: Path = JUDGED) -> list[Judged]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]
    return [Judged(e["query"], frozenset(e["relevant"]), e["reader"], e["ingredient"], e["kind"]) for e in entries]


def recall_at_5(ranked: list[str], relevant: frozenset[str]) -> float:
    return len(relevant & set(ranked[:5])) / min(len(relevant), 5)


def reciprocal_rank(ranked: list[str], relevant: frozenset[str]) -> float:
    return next((1 / n for n, cid in enumerate(ranked[:TOP], start=1) if cid in relevant), 0.0)


def score(judged: list[Judged], rankings: list[list[str]]) -> Scores:
    recalls = [recall_at_5(r, j.relevant) for j, r in zip(judged, rankings)]
    ranks = [reciprocal_rank(r, j.relevant) for j, r in zip(judged, rankings)]
    misses = tuple(j.query for j, rr in zip(judged, ranks) if rr == 0)
    return Scores(sum(recalls) / len(judged), sum(ranks) / len(judged), len(misses) / len(judged), misses)


def finder_rankings(page, finder_url: str, judged: list[Judged]) -> list[list[str]]:
    """Each query typed into the finder's box (as one input), and the case studies it then lists, in order."""
    page.goto(finder_url)
    page.wait_for_selector("#vc-finder[data-ready]", timeout=60_000)
    rankings = []
    for j in judged:
        page.fill("#vc-finder-q", j.query)
        rankings.append(page.eval_on_selector_all(
            "#vc-finder-results > li", f"items => items.slice(0, {TOP}).map(li => li.id.slice(3))"))
    return rankings


_MATERIAL_DONE = """() => /matching document|No matching/i.test(
    (document.querySelector('.md-search-result__meta') || {}).textContent || '')"""


def material_ranking(browser, home_url: str, query: str) -> list[str]:
    """The case studies Material's search returns for a query given in the address, in order."""
    page = browser.new_page()
    try:
        page.goto(home_url + "?q=" + quote_plus(query))
        page.wait_for_function(_MATERIAL_DONE, timeout=60_000, polling=50)
        hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    finally:
        page.close()
    ranked: list[str] = []
    for href in hrefs:
        path = unquote(urlsplit(href).path)
        if CASE_STUDY not in path:
            continue
        cid = path.split(CASE_STUDY, 1)[1].strip("/").removesuffix(".html").split("/")[0]
        if cid and cid != "index" and cid not in ranked:
            ranked.append(cid)
    return ranked


def material_rankings(browser, home_url: str, judged: list[Judged]) -> list[list[str]]:
    return [material_ranking(browser, home_url, j.query) for j in judged]
