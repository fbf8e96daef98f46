"""`claims sql` within bounds: a time limit, Ctrl-C that works, and a row cap.

A query such as ``select count(*) from range(1000000000000)`` would otherwise
run for hours, hold the warehouse against every writer, and ignore Ctrl-C (a
signal handler only runs when DuckDB returns). So the query runs on a thread of
its own while the main thread waits, ready to call ``interrupt()`` on the
connection when the time is up or Ctrl-C arrives. The last statement's rows
pass through a ``LIMIT`` of the cap plus one, so DuckDB never hands over more
rows than can be shown (and one more, to know there are more).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import duckdb
import polars as pl

from warehouse.connection import read_only
from warehouse.queries import RefusedQuery, check_read_only, describe_error, result_frame

DEFAULT_TIMEOUT_SECONDS = 60.0
DEFAULT_MAX_ROWS = 10_000
POLL_SECONDS = 0.1

T = TypeVar("T")


class QueryTimeout(Exception):
    """The query ran past its time limit and was stopped."""


@dataclass(frozen=True)
class CappedResult:
    """At most ``max_rows`` rows of the result, and whether it had more."""

    frame: pl.DataFrame
    truncated: bool


def run_bounded_query(
    db_path: str | Path,
    query: str,
    *,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    max_rows: int = DEFAULT_MAX_ROWS,
) -> list[CappedResult]:
    """Every statement's first ``max_rows`` rows, in order (all of them checked
    first); `QueryTimeout` after ``timeout`` seconds for the whole query (0: none),
    KeyboardInterrupt on Ctrl-C."""
    with read_only(db_path) as con:
        statements = check_read_only(con, query)

        def run() -> list[CappedResult]:
            out = []
            for statement in statements:
                # a query stops after cap + 1 rows (one more tells that there were more)
                select = statement.type == duckdb.StatementType.SELECT
                frame = result_frame(
                    con, statement.query, max_rows=max_rows + 1 if select else None
                )
                out.append(CappedResult(frame.head(max_rows), frame.height > max_rows))
            return out

        try:
            return interruptible(con, run, timeout)
        except duckdb.PermissionException as exc:
            raise RefusedQuery(
                f"refused by the read-only warehouse: {describe_error(exc)}"
            ) from exc


def interruptible(con: duckdb.DuckDBPyConnection, work: Callable[[], T], timeout: float) -> T:
    """``work()`` on a thread of its own; the connection is interrupted when
    ``timeout`` seconds pass (0: never) or this (main) thread gets Ctrl-C."""
    outcome: dict[str, object] = {}
    # An Event, not Thread.join: a join that Ctrl-C interrupts can report the
    # thread finished while it still runs (CPython), and the connection would be
    # closed under a running query.
    finished = threading.Event()

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # handed to the caller's thread
            outcome["error"] = exc
        finally:
            finished.set()

    worker = threading.Thread(target=target, name="claims-sql", daemon=True)
    waited = 0.0
    timed_out = False
    try:
        # started inside the try: a Ctrl-C that lands while the thread starts (start()
        # waits for it to run, long on a loaded host) must interrupt its query too, or
        # closing the connection would wait for that query to end
        worker.start()
        while not finished.wait(POLL_SECONDS):
            waited += POLL_SECONDS
            if timeout and waited >= timeout and not timed_out:
                timed_out = True
                con.interrupt()
    except KeyboardInterrupt:
        if worker.ident is not None:  # (a thread that never started runs nothing)
            con.interrupt()
            while not finished.wait(POLL_SECONDS):
                con.interrupt()
        raise
    if "error" in outcome:
        error = outcome["error"]
        if timed_out and isinstance(error, duckdb.InterruptException):
            raise QueryTimeout(
                f"query stopped after {timeout:g} s; give it longer with --timeout SECONDS "
                "(0 for no limit)"
            ) from error
        assert isinstance(error, BaseException)
        raise error
    return outcome["value"]  # type: ignore[return-value]
