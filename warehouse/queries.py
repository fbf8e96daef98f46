"""Read-only SQL for users: refuse anything that is not a query, run the rest.

Two fences: the statement types are checked before anything runs (for a clear
message), and the connection itself is read-only with external access off (so
a query cannot write, attach a file, or install an extension even if the check
were fooled).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

from warehouse.connection import read_only

ALLOWED = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}


class RefusedQuery(ValueError):
    """The SQL would change the warehouse or reach outside it."""


def check_read_only(con: duckdb.DuckDBPyConnection, query: str) -> list[duckdb.Statement]:
    """The statements of ``query``; `RefusedQuery` unless every one only reads."""
    try:
        query.encode("utf-8")
    except UnicodeError as exc:  # a lone surrogate: bytes on the command line that are not UTF-8
        raise RefusedQuery("the SQL is not valid UTF-8 text") from exc
    try:
        statements = con.extract_statements(query)
    except duckdb.Error as exc:
        raise RefusedQuery(f"cannot parse the SQL: {describe_error(exc)}") from exc
    if not statements:
        raise RefusedQuery("no SQL statement given")
    for statement in statements:
        if statement.type not in ALLOWED:
            kind = statement.type.name.lower()
            raise RefusedQuery(
                f"refused: `claims sql` only reads the warehouse, and this is a {kind} "
                "statement (writes, ATTACH, COPY, INSTALL/LOAD and SET are not allowed)"
            )
    return statements


def run_query(db_path: str | Path, query: str) -> pl.DataFrame:
    """The result of the last statement of ``query`` (all of them checked first)."""
    with read_only(db_path) as con:
        statements = check_read_only(con, query)
        for statement in statements[:-1]:
            con.execute(statement.query)
        try:
            return con.execute(statements[-1].query).pl()
        except duckdb.PermissionException as exc:
            raise RefusedQuery(f"refused by the read-only warehouse: {exc}") from exc


def run_queries(db_path: str | Path, query: str) -> list[pl.DataFrame]:
    """The result of every statement of ``query``, in order (all of them checked
    first), for `claims sql`, which prints each one."""
    with read_only(db_path) as con:
        statements = check_read_only(con, query)
        try:
            return [result_frame(con, statement.query) for statement in statements]
        except duckdb.PermissionException as exc:
            raise RefusedQuery(
                f"refused by the read-only warehouse: {describe_error(exc)}"
            ) from exc


def result_frame(
    con: duckdb.DuckDBPyConnection, query: str, *, max_rows: int | None = None
) -> pl.DataFrame:
    """The result as a polars frame, at most ``max_rows`` rows when given (DuckDB
    stops there: nothing larger is ever handed to polars). A few DuckDB types have
    no polars equivalent (INTERVAL, BIT, UNION, ...); then the query runs again and
    every column comes back as text of its Python value, which prints in any format."""

    def relation() -> duckdb.DuckDBPyRelation:
        rel = con.sql(query)
        return rel.limit(max_rows) if max_rows is not None else rel

    try:
        if max_rows is None:
            return con.execute(query).pl()
        return relation().pl()
    except duckdb.Error:
        raise
    except Exception:  # polars or Arrow cannot hold a column type
        cursor = con.execute(query) if max_rows is None else relation()
        names = _unique([column[0] for column in cursor.description or []])
        rows = cursor.fetchall()
        return pl.DataFrame(
            {
                name: pl.Series(
                    name, [None if row[i] is None else str(row[i]) for row in rows], pl.String
                )
                for i, name in enumerate(names)
            }
        )


def _unique(names: list[str]) -> list[str]:
    """Column names made unique as DuckDB's own conversion does (``a``, ``a_1``)."""
    seen: set[str] = set()
    out = []
    for name in names:
        candidate, n = name, 0
        while candidate in seen:
            n += 1
            candidate = f"{name}_{n}"
        seen.add(candidate)
        out.append(candidate)
    return out


def describe_error(exc: duckdb.Error) -> str:
    """DuckDB's message on one line: its first line (``Binder Error: ...``) and any
    suggestion it makes (``Did you mean "claims"?``, ``Candidate bindings: ...``),
    without the ``LINE 1: ... ^`` picture of where the error is."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    if not lines:
        return type(exc).__name__
    kept = [lines[0]]
    for line in lines[1:]:
        if line.startswith("LINE ") or set(line) == {"^"}:
            break
        kept.append(line)
    return " ".join(kept)
