"""Synthetic collections for the benchmarks: the real data with N case studies, in a temporary copy of the project.

The real case studies are kept (pathways name them) and copies of them added with new ids, about one word in six of
their text swapped for another word of the collection, and trusts, ingredients and settings drawn at random, so
related case studies, listings, facets and the search vocabulary spread as a real collection's would.
"""
from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("docs", "overrides", "macros", "valued_care", "data", "schemas")  # and every file at the top level
WORD = re.compile(r"\b[a-z]{5,}\b")


def synthetic_case_studies(data: Path, total: int, seed: int = 16) -> None:
    """Add copies of the real case studies to data/case_studies until it holds `total` of them."""
    rng = random.Random(seed)
    folder = data / "case_studies"
    originals = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yml"))]
    trusts = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))["region"]
              for p in sorted((data / "trusts").glob("*.yml"))}
    ingredients = sorted(p.stem for p in (data / "ingredients").glob("*.yml"))
    settings = sorted({s for case in originals for s in case["settings"]})
    words = sorted({w for case in originals for w in WORD.findall(case["summary"] + case.get("problem", ""))})
    for n in range(total - len(originals)):
        case = dict(originals[n % len(originals)])
        case["id"] = f"{case['id'][:70].rstrip('-')}-s{n}"
        case["title"] = f"{_mutate(case['title'], words, rng, 280)} ({n + 1})"
        case["summary"] = _mutate(case["summary"], words, rng, 600)
        if case.get("problem"):
            case["problem"] = _mutate(case["problem"], words, rng, 3000)
        case["outcomes"] = [{**o, "text": _mutate(o["text"], words, rng, 3000)} for o in case["outcomes"]]
        case["trusts"] = rng.sample(sorted(trusts), rng.choice((1, 1, 1, 2)))
        case["region"] = trusts[case["trusts"][0]]
        case["primary_ingredient"] = rng.choice(ingredients)
        others = [i for i in ingredients if i != case["primary_ingredient"]]
        case["other_ingredients"] = rng.sample(others, rng.randint(0, 3))
        case["settings"] = rng.sample(settings, rng.randint(1, 2))
        case.pop("public_contacts", None)
        (folder / f"{case['id']}.yml").write_text(yaml.safe_dump(case, sort_keys=False, allow_unicode=True),
                                                  encoding="utf-8")


def _mutate(text: str, words: list[str], rng: random.Random, limit: int) -> str:
    """About one word in six of five letters or more swapped for another word of the collection."""
    out = WORD.sub(lambda m: rng.choice(words) if rng.random() < 0.17 else m.group(0), text)
    return out if len(out) <= limit else out[:limit].rsplit(" ", 1)[0]


def project_copy(target: Path, size: int | None) -> Path:
    """A copy of the project at `target` with `size` case studies (None: the real data)."""
    target.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in COPIED:
        shutil.copytree(ROOT / name, target / name, ignore=ignore)
    for file in ROOT.iterdir():
        if file.is_file():
            shutil.copy2(file, target / file.name)
    if size is not None:
        synthetic_case_studies(target / "data", size)
    return target


def data_copy(target: Path, size: str) -> Path:
    """A copy of the data folder at `target` with `size` case studies ('real': the real data)."""
    shutil.copytree(ROOT / "data", target)
    if size != "real":
        synthetic_case_studies(target, int(size))
    return target
