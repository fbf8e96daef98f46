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
        statements = con.extract_statements(query)
    except duckdb.Error as exc:
        raise RefusedQuery(f"cannot parse the SQL: {exc}") from exc
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
