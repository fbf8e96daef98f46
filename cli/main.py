"""`claims`: ingest digests, query the warehouse, report on it, and score extraction against gold.

Every subcommand prints a clear message and exits non-zero on bad input;
tracebacks are for bugs, not for users.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import polars as pl

from cli.progress import Progress, clear_bar, terminal_bar
from cli.stopping import stop_on_signals
from warehouse.bounded_query import (
    DEFAULT_MAX_ROWS,
    DEFAULT_TIMEOUT_SECONDS,
    QueryTimeout,
    run_bounded_query,
)
from warehouse.connection import default_db_path, read_only
from warehouse.diff import NoVersionsToCompare, diff_versions
from warehouse.failures import WarehouseUnavailable
from warehouse.queries import RefusedQuery, run_query
from warehouse.sql_files import sql_text

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except (RefusedQuery, NoVersionsToCompare, FileNotFoundError) as exc:
        print(f"claims: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except WarehouseUnavailable as exc:
        print(f"claims: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("claims: interrupted", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claims", description=__doc__)
    sub = parser.add_subparsers(required=True, metavar="COMMAND")

    def db_option(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--db",
            type=Path,
            default=None,
            help="warehouse file (default: $CLAIMS_DB or data/warehouse.duckdb)",
        )

    p = sub.add_parser("ingest", help="ingest digest files or folders of them")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--year", type=int, help="year for date lines without one")
    p.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        help="files ingested side by side when there are several (default: one per core)",
    )
    db_option(p)
    p.set_defaults(handler=_ingest)

    p = sub.add_parser("sql", help="run read-only SQL against the warehouse")
    p.add_argument("query", nargs="?", help="the SQL (or use --file)")
    p.add_argument("--file", type=Path, help="read the SQL from this file")
    p.add_argument("--format", choices=["table", "csv", "jsonl"], default="table")
    _sql_limit_options(p)
    db_option(p)
    p.set_defaults(handler=_sql)

    p = sub.add_parser("eval", help="score a digest's mentions against gold mentions")
    p.add_argument("gold", type=Path, metavar="GOLD.jsonl")
    p.add_argument("digest", type=Path, metavar="DIGEST")
    p.add_argument("--year", type=int, help="year for date lines without one")
    db_option(p)
    p.set_defaults(handler=_eval)

    p = sub.add_parser(
        "diff", help="mentions added, removed and changed between extractor versions"
    )
    p.add_argument("--from", dest="old", metavar="VERSION", help="default: the version before --to")
    p.add_argument("--to", dest="new", metavar="VERSION", help="default: the current extractor")
    p.add_argument("--format", choices=["table", "jsonl"], default="table")
    p.add_argument("--sample", type=int, default=5, help="rows shown per kind of change")
    db_option(p)
    p.set_defaults(handler=_diff)

    p = sub.add_parser("summary", help="what the warehouse holds, and the largest speedups")
    db_option(p)
    p.set_defaults(handler=_summary)

    p = sub.add_parser("report", help="write the warehouse as one self-contained HTML page")
    p.add_argument("--out", type=Path, default=Path("report.html"), help="default: report.html")
    db_option(p)
    p.set_defaults(handler=_report)
    return parser


def _db(args: argparse.Namespace) -> Path:
    return args.db or default_db_path()


def _ingest(args: argparse.Namespace) -> int:
    # Before Dagster is imported: no thread of it may take the signals instead.
    with stop_on_signals("ingest"):
        return _ingest_files(args)


def _ingest_files(args: argparse.Namespace) -> int:
    # Dagster is slow to import
    from dagster_project.ingest import digest_files, ingest_files, side_by_side

    files = list(digest_files(args.paths))
    # Files side by side draw no bars of their own; this one counts files instead.
    bar = terminal_bar() if side_by_side(files, args.jobs) else None
    progress = Progress(len(files), unit="files").every(0.0, bar) if bar else None
    worst = EXIT_OK
    # The outcome lines say what failed and why; Dagster's own log of a failed step
    # is its stack (CLAIMS_LOG_LEVEL=WARNING shows it).
    log_level = os.environ.get("CLAIMS_LOG_LEVEL", "CRITICAL")
    outcomes = ingest_files(
        files, db_path=_db(args), year=args.year, jobs=args.jobs, log_level=log_level
    )
    for outcome in outcomes:
        line = f"{outcome.digest}: {outcome.status}"
        if outcome.status in ("loaded", "unchanged"):
            line += f", {outcome.papers_loaded} papers, {outcome.mentions_loaded} mentions"
            if outcome.problems:
                line += f", {outcome.problems} problems (see ingest_errors)"
        else:
            line += f": {outcome.message}"
            worst = EXIT_FAILED
        if outcome.failed_checks:
            line += f"; FAILED checks: {', '.join(outcome.failed_checks)}"
            worst = EXIT_FAILED
        if progress is not None:
            clear_bar()
        print(line, flush=True)
        if outcome.fatal:  # the warehouse cannot be written: every other file would fail too
            break
        if progress is not None:
            progress.advance()
    if progress is not None:
        clear_bar()
    return worst


def _sql(args: argparse.Namespace) -> int:
    if args.file is not None:
        query = args.file.read_text(encoding="utf-8")
    elif args.query:
        query = args.query
    else:
        print("claims sql: give a QUERY or --file", file=sys.stderr)
        return EXIT_USAGE
    return _run_bounded_sql(args, query)


def _sql_limit_options(p: argparse.ArgumentParser) -> None:
    """`claims sql` cannot hold the machine: a time limit and a row cap."""
    p.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT_SECONDS,
        metavar="SECONDS",
        help=f"stop the query after this long (default {DEFAULT_TIMEOUT_SECONDS:g}; 0: no limit)",
    )
    p.add_argument(
        "--max-rows",
        type=int,
        default=DEFAULT_MAX_ROWS,
        metavar="N",
        help=f"print at most N rows (default {DEFAULT_MAX_ROWS:,})",
    )


def _run_bounded_sql(args: argparse.Namespace, query: str) -> int:
    """Run ``query`` within ``--timeout`` and print at most ``--max-rows`` rows, with
    a note on stderr when there were more; a timeout is one line and exit 1."""
    if args.max_rows < 1 or args.timeout < 0:
        print(
            "claims sql: --max-rows must be at least 1 and --timeout not negative", file=sys.stderr
        )
        return EXIT_USAGE
    try:
        result = run_bounded_query(_db(args), query, timeout=args.timeout, max_rows=args.max_rows)
    except QueryTimeout as exc:
        print(f"claims sql: {exc}", file=sys.stderr)
        return EXIT_FAILED
    _print_frame(result.frame, args.format)
    if result.truncated:
        sys.stdout.flush()
        print(
            f"claims sql: showing the first {args.max_rows:,} rows; the result has more "
            "(add a LIMIT, or raise --max-rows)",
            file=sys.stderr,
        )
    return EXIT_OK


def _print_frame(frame: pl.DataFrame, fmt: str) -> None:
    if fmt == "csv":
        sys.stdout.write(frame.write_csv())
    elif fmt == "jsonl":
        sys.stdout.write(frame.write_ndjson())
    else:
        with pl.Config(
            tbl_rows=200,
            tbl_cols=50,
            fmt_str_lengths=80,
            tbl_hide_dataframe_shape=True,
            tbl_hide_column_data_types=True,
            tbl_formatting="ASCII_MARKDOWN",
            tbl_width_chars=400,
        ):
            print(frame)


def _eval(args: argparse.Namespace) -> int:
    from dagster_project.ingest import ingest_files
    from evaluation.scoring import format_report, score

    db = _db(args)
    for outcome in ingest_files([args.digest], db_path=db, year=args.year):
        if outcome.status not in ("loaded", "unchanged"):
            print(f"claims eval: {outcome.digest}: {outcome.message}", file=sys.stderr)
            return EXIT_FAILED
    gold = [
        json.loads(line)
        for line in args.gold.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    with read_only(db) as con:
        predicted = (
            con.execute(sql_text("reports/digest_mentions.sql"), {"digest": args.digest.name})
            .pl()
            .to_dicts()
        )
    print(format_report(score(gold, predicted)))
    return EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    diff = diff_versions(_db(args), args.old, args.new)
    if args.format == "jsonl":
        sys.stdout.write(diff.rows.write_ndjson())
        return EXIT_OK
    print(f"from {diff.old}\nto   {diff.new}")
    print(f"\n{diff.rows.height} mentions differ")
    for by in ("unit", "kind"):
        print(f"\nBy {by}")
        _print_frame(diff.counts(by), "table")
    columns = ["change", "title", "text", "changed_fields", "old_unit", "new_unit", "old_kind",
               "new_kind", "old_metric", "new_metric"]  # fmt: skip
    for change in ("added", "removed", "changed"):
        sample = diff.sample(change, args.sample)
        if sample.height:
            print(f"\nSample of {change}")
            _print_frame(sample.select(columns), "table")
    return EXIT_OK


def _summary(args: argparse.Namespace) -> int:
    db = _db(args)
    for title, name in (
        ("Warehouse", "reports/totals.sql"),
        ("Mentions by unit and role", "reports/mentions_by_unit_role.sql"),
        ("Five largest claimed speedups", "reports/top_speedups.sql"),
    ):
        print(f"\n{title}")
        _print_frame(run_query(db, sql_text(name)), "table")
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from analysis.report import write_report  # matplotlib is slow to import

    report = write_report(_db(args), args.out)
    rows = ", ".join(f"{name} {frame.height}" for name, frame in report.frames.items())
    print(f"wrote {args.out}: {report.plots} plots; rows: {rows}")
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
