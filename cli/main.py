"""`claims`: ingest digests, query the warehouse, report on it, and score extraction against gold.

Every subcommand prints a clear message and exits non-zero on bad input;
tracebacks are for bugs, not for users.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import polars as pl

from cli.stopping import stop_on_signals
from warehouse.bounded_query import (
    DEFAULT_MAX_ROWS,
    DEFAULT_TIMEOUT_SECONDS,
    QueryTimeout,
    run_bounded_query,
)
from warehouse.connection import SchemaOutOfDate, default_db_path, read_only
from warehouse.diff import NoVersionsToCompare, diff_versions
from warehouse.export import FORMATS, export_warehouse, nested_as_json
from warehouse.failures import WarehouseUnavailable
from warehouse.queries import RefusedQuery, describe_error, run_query
from warehouse.sql_files import sql_text

if TYPE_CHECKING:
    from dagster_project.files import IngestOutcome

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv:
        return _list_commands(parser)
    args = parser.parse_args(argv)
    try:
        code = int(args.handler(args))
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return code
    except BrokenPipeError:
        return _closed_pipe()
    except (RefusedQuery, NoVersionsToCompare, SchemaOutOfDate, FileNotFoundError) as exc:
        print(f"claims: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except WarehouseUnavailable as exc:
        print(f"claims: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("claims: interrupted", file=sys.stderr)
        return 130


def _list_commands(parser: argparse.ArgumentParser) -> int:
    """`claims` alone: the commands and what each does."""
    parser.print_help()
    return EXIT_OK


def _closed_pipe() -> int:
    """The reader of stdout went away (`claims summary | head -5`): stop quietly, as
    grep does. Python would report the failed flush at exit, so stdout goes to
    /dev/null first. 141 is what a shell shows for a process ended by SIGPIPE."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):  # stdout is not a file (captured)
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives until exit
    finally:
        os.close(devnull)
    return 128 + 13


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

    p = sub.add_parser(
        "eval",
        help="score a digest's mentions against gold mentions (in a scratch warehouse "
        "unless --db is given)",
    )
    p.add_argument("gold", type=Path, metavar="GOLD.jsonl")
    p.add_argument("digest", type=Path, metavar="DIGEST")
    p.add_argument("--year", type=int, help="year for date lines without one")
    p.add_argument(
        "--db", type=Path, default=None, help="ingest into this warehouse (default: a scratch one)"
    )
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

    p = sub.add_parser("leaderboard", help="which model scored what on which benchmark, best first")
    p.add_argument(
        "benchmark",
        nargs="?",
        metavar="BENCHMARK",
        help="one benchmark's boards, matched by benchmark_key (imagenet finds ImageNet-1k); "
        "default: the boards reported by the most papers",
    )
    p.add_argument("--metric", metavar="M", help="only boards whose metric holds M (top-1, FID)")
    p.add_argument(
        "--limit", type=int, metavar="N", help="rows per board (default: 5 without BENCHMARK)"
    )
    p.add_argument("--format", choices=["table", "csv", "jsonl"], default="table")
    db_option(p)
    p.set_defaults(handler=_leaderboard)

    p = sub.add_parser(
        "remove", help="remove a digest's rows (its papers stay while another digest lists them)"
    )
    p.add_argument("digest", metavar="DIGEST", help="the digest's name, as in `digests.digest`")
    db_option(p)
    p.set_defaults(handler=_remove)

    p = sub.add_parser("export", help="write the analysis views and main tables as files")
    p.add_argument("out_dir", type=Path, metavar="DIR")
    p.add_argument("--format", choices=FORMATS, default="parquet")
    db_option(p)
    p.set_defaults(handler=_export)
    return parser


def _db(args: argparse.Namespace) -> Path:
    return args.db or default_db_path()


def _ingest(args: argparse.Namespace) -> int:
    # Before Dagster is imported: no thread of it may take the signals instead.
    with stop_on_signals("ingest"):
        return _ingest_files(args)


def _ingest_files(args: argparse.Namespace) -> int:
    from dagster_project.files import digest_files, side_by_side
    from dagster_project.progress import Progress

    files = list(digest_files(args.paths))
    # Files side by side draw no bars of their own; this one counts files instead.
    bar_stream = sys.stderr if side_by_side(files, args.jobs) else None
    worst = EXIT_OK
    with Progress(len(files), unit="files", stream=bar_stream) as progress:
        for outcome in _outcomes_in_order(files, _db(args), args.year, args.jobs):
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
            progress.write(line)  # a line of its own, above the files bar if there is one
            if outcome.fatal:  # the warehouse cannot be written: every other file would fail too
                break
            progress.advance()
    return worst


def _outcomes_in_order(
    files: list[Path], db: Path, year: int | None, jobs: int
) -> Iterator[IngestOutcome]:
    """Every file's outcome in the order given: files the warehouse already holds
    answer `unchanged` from their hash at once; only the others start Dagster
    (whose import alone takes seconds), side by side as `ingest_files` decides."""
    from dagster_project.files import unchanged_outcome

    known = {i: outcome for i, path in enumerate(files) if (outcome := unchanged_outcome(path, db))}
    rest = [path for i, path in enumerate(files) if i not in known]
    ingested: Iterator[IngestOutcome] = iter(())
    if rest:
        from dagster_project.ingest import ingest_files  # Dagster is slow to import

        # The outcome lines say what failed and why; Dagster's own log of a failed
        # step is its stack (CLAIMS_LOG_LEVEL=WARNING shows it).
        log_level = os.environ.get("CLAIMS_LOG_LEVEL", "CRITICAL")
        ingested = ingest_files(
            rest,
            db_path=db,
            year=year,
            jobs=jobs,
            log_level=log_level,
            record_in_dagster_home=True,
        )
    for i in range(len(files)):
        yield known[i] if i in known else next(ingested)


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
        results = run_bounded_query(_db(args), query, timeout=args.timeout, max_rows=args.max_rows)
    except QueryTimeout as exc:
        print(f"claims sql: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except duckdb.Error as exc:
        print(f"claims: {describe_error(exc)}", file=sys.stderr)
        return EXIT_USAGE
    _print_frames([r.frame for r in results], args.format)
    if any(r.truncated for r in results):
        sys.stdout.flush()
        print(
            f"claims sql: showing the first {args.max_rows:,} rows; the result has more "
            "(add a LIMIT, or raise --max-rows)",
            file=sys.stderr,
        )
    return EXIT_OK


def _print_frames(frames: list[pl.DataFrame], fmt: str) -> None:
    """Each statement's result in turn; in a table, a blank line between them."""
    for i, frame in enumerate(frames):
        if i and fmt == "table":
            print()
        _print_frame(frame, fmt)


def _print_frame(frame: pl.DataFrame, fmt: str) -> None:
    if fmt == "csv":
        sys.stdout.write(nested_as_json(frame).write_csv())
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
    from evaluation.inputs import BadEvalInput, check_eval_inputs

    try:
        gold = check_eval_inputs(args.gold, args.digest)
    except BadEvalInput as exc:
        print(f"claims eval: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.db is not None:
        return _score_digest(gold, args.digest, args.db, args.year)
    # Scoring is an experiment: by default it leaves the real warehouse (and the
    # partitions the UI lists) alone.
    with tempfile.TemporaryDirectory(prefix="claims-eval-") as scratch:
        return _score_digest(gold, args.digest, Path(scratch) / "eval.duckdb", args.year)


def _score_digest(gold: list[dict], digest: Path, db: Path, year: int | None) -> int:
    """Ingest ``digest`` into ``db`` and print its mentions' scores against ``gold``."""
    from dagster_project.ingest import ingest_files
    from evaluation.scoring import format_report, score

    for outcome in ingest_files([digest], db_path=db, year=year):
        if outcome.status not in ("loaded", "unchanged"):
            print(f"claims eval: {outcome.digest}: {outcome.message}", file=sys.stderr)
            return EXIT_FAILED
    with read_only(db) as con:
        predicted = (
            con.execute(sql_text("reports/digest_mentions.sql"), {"digest": digest.name})
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


def _leaderboard(args: argparse.Namespace) -> int:
    from analysis.leaderboards import (
        boards,
        current_warehouse,
        entry_rows,
        query_leaderboards,
        similar_benchmarks,
    )

    if args.limit is not None and args.limit < 1:
        print("claims leaderboard: --limit takes a number of rows, 1 or more", file=sys.stderr)
        return EXIT_USAGE
    with current_warehouse(_db(args)) as con:
        frame = query_leaderboards(con, args.benchmark, args.metric, args.limit)
        if frame.height == 0 and args.benchmark:
            near = ", ".join(similar_benchmarks(con, args.benchmark)) or "none yet"
            metric = f" and metric {args.metric!r}" if args.metric else ""
            print(f"claims leaderboard: no board for {args.benchmark!r}{metric}; "
                  f"benchmarks with boards: {near}", file=sys.stderr)  # fmt: skip
            return EXIT_FAILED
    if args.format != "table":
        _print_frame(frame, args.format)
    elif frame.height == 0:
        print("no leaderboard entries yet: a result value needs a metric, a benchmark and a "
              "subject", file=sys.stderr)  # fmt: skip
    for title, rows in boards(frame) if args.format == "table" else ():
        print(f"\n{title}")
        _print_frame(entry_rows(rows), "table")
    return EXIT_OK


def _remove(args: argparse.Namespace) -> int:
    from warehouse.connection import writable
    from warehouse.remove import UnknownDigest, remove_digest

    db = _db(args)
    if not db.exists():
        raise FileNotFoundError(f"no warehouse at {db}")
    name = Path(args.digest).name  # a path to the file names the digest too
    try:
        with writable(db) as con:
            removed = remove_digest(con, name)
    except UnknownDigest as exc:
        print(f"claims remove: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(
        f"{name}: removed, {removed.papers_removed} papers, {removed.mentions_removed} mentions"
        f" ({removed.papers_kept} papers kept: other digests list them)"
    )
    _forget_partition(name)
    return EXIT_OK


def _forget_partition(name: str) -> None:
    """The digest's partition goes from $DAGSTER_HOME's instance too, if it has one."""
    from dagster_project.partitions import forget_partition  # Dagster is slow to import

    try:
        if forget_partition(name):
            print(f"{name}: partition deleted from the Dagster instance in $DAGSTER_HOME")
    except Exception as exc:  # the instance is unreadable; the warehouse is done
        print(f"claims remove: could not delete the Dagster partition: {exc}", file=sys.stderr)


def _export(args: argparse.Namespace) -> int:
    for done in export_warehouse(_db(args), args.out_dir, args.format):
        print(f"wrote {done.path}: {done.rows} rows")
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
