"""How long a contributor waits between saving a case study and seeing it rebuilt, with `make preview`
(`mkdocs serve --dirty`: only the pages an edit touched are built again) and with `make serve` (the whole site).

It copies the data (the real data, or N synthetic case studies with --case-studies N) to a temporary folder, builds
the site once, then changes one case study's summary and times the rebuild both ways, in this process, as the
server does. Prints a small table; nothing is timed in the tests.
"""
from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _build(site_dir: Path, dirty: bool) -> float:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    started = time.perf_counter()
    build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir)), dirty=dirty)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", data)
        os.environ["VALUED_CARE_DATA"] = str(data)
        os.environ["VALUED_CARE_BUILD"] = str(Path(tmp) / "no-build")
        from valued_care import paths

        paths.DATA, paths.BUILD = data, Path(tmp) / "no-build"
        os.chdir(ROOT)
        site = Path(tmp) / "site"
        first = _build(site, dirty=False)
        case = sorted((data / "case_studies").glob("*.yml"))[0]
        rows = []
        for mode, dirty in (("preview (only what changed)", True), ("serve (whole site)", False)):
            times = []
            for i in range(args.repeat):
                text = case.read_text(encoding="utf-8")
                case.write_text(text.replace("\nsummary: ", f"\nsummary: Edit {mode[:4]} {i}. ", 1), encoding="utf-8")
                time.sleep(0.01)  # a newer modification time than the last build's output
                times.append(_build(site, dirty=dirty))
            rows.append((mode, sorted(times)[len(times) // 2]))
        count = len(list((data / "case_studies").glob("*.yml")))
        print(f"{count} case studies; first full build {first:.2f} s")
        print(f"| after saving one case study | rebuild (median of {args.repeat}) |")
        print("|---|---|")
        for mode, took in rows:
            print(f"| {mode} | {took:.2f} s |")


if __name__ == "__main__":
    main()
