"""Command line: python -m macros <command>. Each command is a thin call into a module that can be tested alone."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import paths
from .errors import DataInvalid
from .loader import load_knowledge_base


def cmd_validate(args) -> int:
    started = time.perf_counter()
    try:
        kb = load_knowledge_base(Path(args.data), root=paths.ROOT)
    except DataInvalid as err:
        print(err.report(), file=sys.stderr)
        return 1
    took = time.perf_counter() - started
    print(f"ok: {len(kb.ingredients)} ingredients, {len(kb.theory)} theory reviews, {len(kb.case_studies)} case studies, "
          f"{len(kb.trust_stories)} trust stories, {len(kb.trusts)} trusts, {len(kb.resources)} resources "
          f"checked in {took:.2f} s")
    return 0


def cmd_schemas(args) -> int:
    from .schemas import write_schemas

    for path in write_schemas(Path(args.out)):
        print(f"wrote {path.relative_to(paths.ROOT) if path.is_relative_to(paths.ROOT) else path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="check every data file; list every problem with file and line")
    p.add_argument("--data", default=str(paths.DATA))
    p.set_defaults(func=cmd_validate)
    p = sub.add_parser("schemas", help="write the JSON Schemas for editors into schemas/")
    p.add_argument("--out", default=str(paths.SCHEMAS))
    p.set_defaults(func=cmd_schemas)
    args = parser.parse_args(argv)
    return args.func(args)
