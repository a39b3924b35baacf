"""Spot-check content integrity: every number written in case studies and trust stories must appear in the
researched facts. Usage: python scripts/check_figures.py [FACTS_DIR]. Prints each number not found; exit 1 if any.

Numbers inside source URLs, titles and dates of sources are skipped (they are copied, not written), as are
review dates.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
NUMBER = re.compile(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)")
SKIP_KEYS = {"sources", "added", "last_reviewed", "next_review", "id"}


def numbers_in(value, key=None):
    if key in SKIP_KEYS:
        return
    if isinstance(value, dict):
        for k, v in value.items():
            yield from numbers_in(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from numbers_in(v, key)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        yield str(value)
    elif isinstance(value, str):
        for match in NUMBER.findall(value):
            yield match.rstrip(",").rstrip(".")


def main() -> int:
    facts_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "reference" / "case-study-facts"
    facts = " ".join(p.read_text(encoding="utf-8") for p in facts_dir.glob("*.yml"))
    facts_numbers = set(m.rstrip(",").rstrip(".") for m in NUMBER.findall(facts))
    facts_numbers |= {n.replace(",", "") for n in facts_numbers}
    missing = 0
    files = sorted((ROOT / "data" / "case_studies").glob("*.yml")) + sorted((ROOT / "data" / "trust_stories").glob("*.yml"))
    for file in files:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        for number in set(numbers_in(data)):
            if number not in facts_numbers and number.replace(",", "") not in facts_numbers:
                print(f"{file.relative_to(ROOT)}: {number} is not in the facts")
                missing += 1
    print(f"checked {len(files)} files: {missing} number(s) not found in the facts")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
