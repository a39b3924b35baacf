"""Print how the book reads on paper, from WeasyPrint's own layout of it (valued_care/outputs/pdf_layout.py):
characters per line of running text, the contents' type size and whether any leader falls on a line of its own, and
how full each page is. Figures only; tests/test_pdf_typography.py holds the limits.

    .venv/bin/python scripts/measure_pdf_typography.py [--summary]
"""
from __future__ import annotations

import collections
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from valued_care import paths
from valued_care.data.loader import load_knowledge_base
from valued_care.outputs import pdf_layout
from valued_care.outputs.pdf_book import PdfBook

PARTS = {
    "chapter text": lambda line: not {"case", "refs", "sources", "toc"} & set(line.classes),
    "case panels": lambda line: "case" in line.classes and "sources" not in line.classes,
    "sources": lambda line: "sources" in line.classes,
    "references": lambda line: "refs" in line.classes,
}


def main() -> None:
    book = PdfBook(load_knowledge_base(paths.DATA))
    doc = book.summary() if "--summary" in sys.argv else book.book()
    started = time.perf_counter()
    document = pdf_layout.render(doc.html)
    print(f"{doc.title}: {len(document.pages)} pages, laid out in {time.perf_counter() - started:.1f} s")
    lines = pdf_layout.lines(document)
    for part, where in PARTS.items():
        figures = pdf_layout.measure(lines, where)
        if figures["lines"]:
            print(f"  {part:<14} characters a line: median {figures['median']}, 10th percentile {figures['p10']}, "
                  f"90th {figures['p90']} ({figures['lines']} full lines)")
    contents = [line for line in lines if "toc" in line.classes and line.text != "Contents"]
    if contents:
        sizes = collections.Counter(round(line.font_size * 0.75, 1) for line in contents)
        alone = sum(bool(re.fullmatch(r"[. ]*\d+", line.text)) for line in contents)
        print(f"  contents: {len(contents)} lines at {dict(sorted(sizes.items()))} pt; "
              f"{alone} with only a leader and page number")
    fill = [page.used for page in pdf_layout.pages(document)]
    low = [(n, round(used, 2)) for n, used in enumerate(fill, 1) if used < 0.25]
    print(f"  pages under a quarter full: {len(low)} {low}")
    print(f"  pages under 15% full, not counting the last: {sum(used < 0.15 for used in fill[:-1])}")


if __name__ == "__main__":
    main()
