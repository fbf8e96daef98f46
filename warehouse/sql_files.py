"""Where the project's SQL lives, so Python never holds SQL text of its own.

The files are package data of the ``sql`` package, read through
``importlib.resources``, so an installed wheel finds them as a checkout does.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

# The folder itself, for listing its files; a wheel installs it as a plain folder.
SQL_DIR = Path(str(resources.files("sql")))


@cache
def sql_text(name: str) -> str:
    """The text of ``sql/<name>`` (e.g. ``"schema.sql"``, ``"load/replace_digest.sql"``)."""
    return resources.files("sql").joinpath(*name.split("/")).read_text(encoding="utf-8")


def execute_file(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> list[tuple]:
    """Run every statement of ``sql/<name>``, each given the parameters it names, and
    return the rows of the last one.

    DuckDB's own parser splits the file, so comments and strings may hold ``;``.
    """
    rows: list[tuple] = []
    for statement in con.extract_statements(sql_text(name)):
        used = {key: params[key] for key in statement.named_parameters}
        rows = con.execute(statement, used or None).fetchall()
    return rows
