"""Command line: python -m valued_care <command>. Each command is a thin call into a module that can be tested alone."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from valued_care import paths
from valued_care.data.kinds import KINDS
from valued_care.data.loader import load_knowledge_base
from valued_care.errors import DataInvalid, display_path


def _load_or_report(data: str):
    """The checked knowledge base, or None after printing every problem (the caller exits 1). The citation file is
    published on the Contributors page, so it is checked with the data."""
    from valued_care.data.citation import check_citation
    from valued_care.data.glossary import read_glossary
    from valued_care.site.credits import CITATION

    try:
        kb = load_knowledge_base(Path(data), root=paths.ROOT)
        problems = []
    except DataInvalid as err:
        kb, problems = None, err.problems
    if CITATION.exists():
        problems += check_citation(CITATION, display_path(CITATION, paths.ROOT))
    problems += read_glossary(Path(data), paths.ROOT)[1]  # data/glossary.yml: the glossary and search vocabulary
    if problems:
        print(DataInvalid(problems).report(), file=sys.stderr)
        return None
    return kb


def cmd_validate(args) -> int:
    started = time.perf_counter()
    kb = _load_or_report(args.data)
    if kb is None:
        return 1
    took = time.perf_counter() - started
    counts = ", ".join(f"{len(getattr(kb, kind.folder))} {kind.label}" for kind in KINDS)
    print(f"ok: {counts} checked in {took:.2f} s")
    return 0


def cmd_schemas(args) -> int:
    from valued_care.outputs.export import write_schemas as write_export_schemas
    from valued_care.outputs.schemas import write_schemas

    for path in [*write_schemas(Path(args.out)), *write_export_schemas(Path(args.out) / "export")]:
        print(f"wrote {path.relative_to(paths.ROOT) if path.is_relative_to(paths.ROOT) else path}")
    return 0


def cmd_new_case_study(args) -> int:
    import datetime as dt

    from valued_care.contributors import scaffold

    data = Path(args.data)
    source = None
    if args.source_url:
        source = scaffold.Source(args.source_url, args.source_title or "", args.source_publisher or "",
                                 args.source_type or "")
    draft = scaffold.Draft(title=args.title or "", trusts=args.trust, ingredients=args.ingredient,
                           settings=args.setting, id=args.id or "", region=args.region or "", methods=args.method,
                           topics=args.topic, source=source, new_trust_name=args.trust_name or "")
    if sys.stdin.isatty() and not args.no_input:
        draft = scaffold.ask_missing(draft, input, scaffold.known_ids(data, "ingredients"))
    try:
        result = scaffold.create(draft, data, dt.date.fromisoformat(args.today), root=Path.cwd())
    except scaffold.DraftError as err:
        print("Nothing was written:\n" + "\n".join(f"  {p}" for p in err.problems), file=sys.stderr)
        return 2
    for path in result.written:
        print(f"wrote {_shown(path)}")
    for problem in result.other_problems:
        print(problem, file=sys.stderr)
    lines = sorted({p.line for p in result.placeholders})
    print(f"next: open {_shown(result.path)} and replace the {len(lines)} {scaffold.PLACEHOLDER} placeholders "
          f"(lines {', '.join(map(str, lines))}); then `python -m valued_care validate` and `make serve` to preview. "
          "See CONTRIBUTING.md.")
    if result.problems_elsewhere:
        print(f"note: {result.problems_elsewhere} problem(s) in other data files; `python -m valued_care validate` lists them")
    return 1 if result.other_problems else 0


def cmd_overdue(args) -> int:
    import datetime as dt

    from valued_care.contributors.review import overdue

    kb = _load_or_report(args.data)
    if kb is None:
        return 1
    today = dt.date.fromisoformat(args.today)
    late = overdue(kb, Path(args.docs), today)
    for page in late:
        due = f"due {page.next_review}" if page.next_review else "no review date"
        print(f"{due:<18} {page.source}  ({page.title})")
    print(f"{len(late)} page{'s' if len(late) != 1 else ''} overdue for review on {today}")
    return 0


def cmd_pdf(args) -> int:
    from valued_care.outputs.pdf import SELECTIONS, build_pdfs

    kb = _load_or_report(args.data)
    if kb is None:
        return 1
    build_pdfs(kb, Path(args.out), only=[args.only] if args.only else SELECTIONS, workers=args.workers)
    return 0


def cmd_offline(args) -> int:
    from valued_care.outputs.offline import OfflineBuildFailed, build_offline_bundle

    try:
        build_offline_bundle(Path(args.build))
    except OfflineBuildFailed as err:
        print(err, file=sys.stderr)
        return 1
    return 0


def _shown(path: Path) -> str:
    return str(path.relative_to(Path.cwd())) if path.is_relative_to(Path.cwd()) else str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m valued_care", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="check every data file; list every problem with file and line")
    p.add_argument("--data", default=str(paths.DATA))
    p.set_defaults(func=cmd_validate)
    p = sub.add_parser("schemas", help="write the JSON Schemas for editors into schemas/")
    p.add_argument("--out", default=str(paths.SCHEMAS))
    p.set_defaults(func=cmd_schemas)
    p = sub.add_parser("new-case-study", help="write a new case study file to fill in (asks for what flags leave out)")
    p.add_argument("--title")
    p.add_argument("--id", help="default: made from the title")
    p.add_argument("--trust", action="append", default=[], help="trust id (repeat for several); see data/trusts/")
    p.add_argument("--trust-name", help="full NHS name, to add a trust not yet in data/trusts/ (with --region)")
    p.add_argument("--ingredient", action="append", default=[], help="ingredient id, the main one first (repeat)")
    p.add_argument("--setting", action="append", default=[], help="setting of care (repeat)")
    p.add_argument("--method", action="append", default=[], help="improvement method (repeat; optional)")
    p.add_argument("--topic", action="append", default=[], help="topic: a problem it is about, the main one first "
                                                                 "(repeat; else a placeholder)")
    p.add_argument("--region", help="default: the trust's region")
    p.add_argument("--source-url", help="the main public source (optional; else a placeholder)")
    p.add_argument("--source-title")
    p.add_argument("--source-publisher")
    p.add_argument("--source-type")
    p.add_argument("--today", default=__import__("datetime").date.today().isoformat(), help=argparse.SUPPRESS)
    p.add_argument("--no-input", action="store_true", help="never ask; fail on what is missing")
    p.add_argument("--data", default=str(paths.DATA))
    p.set_defaults(func=cmd_new_case_study)
    p = sub.add_parser("overdue", help="list pages whose next review date has passed")
    p.add_argument("--today", default=__import__("datetime").date.today().isoformat(), help="YYYY-MM-DD")
    p.add_argument("--data", default=str(paths.DATA))
    p.add_argument("--docs", default=str(paths.DOCS))
    p.set_defaults(func=cmd_overdue)
    p = sub.add_parser("pdf", help="build the book, summary, chapter and case-study PDFs into build/pdf/ (only what changed)")
    p.add_argument("--out", default=str(paths.BUILD / "pdf"), help="default: build/pdf")
    p.add_argument("--only", choices=["book", "summary", "chapters", "case-studies"])
    p.add_argument("--workers", type=int, help="processes rendering in parallel (default: one per core)")
    p.add_argument("--data", default=str(paths.DATA))
    p.set_defaults(func=cmd_pdf)
    p = sub.add_parser("offline", help="zip the site built for file:// into build/downloads/ (run `pdf` first)")
    p.add_argument("--build", default=str(paths.BUILD), help="where the PDFs are and the zip goes (default: build)")
    p.set_defaults(func=cmd_offline)
    args = parser.parse_args(argv)
    return args.func(args)
