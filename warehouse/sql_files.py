"""Where the project's SQL lives, so Python never holds SQL text of its own."""

from __future__ import annotations

from functools import cache
from pathlib import Path

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"


@cache
def sql_text(name: str) -> str:
    """The text of ``sql/<name>`` (e.g. ``"schema.sql"``, ``"load/replace_digest.sql"``)."""
    return (SQL_DIR / name).read_text(encoding="utf-8")


def sql_statements(name: str) -> list[str]:
    """The statements of a SQL file, split on ``;`` at line ends (no ``;`` in strings)."""
    statements = []
    for chunk in sql_text(name).split(";\n"):
        body = "\n".join(
            line for line in chunk.splitlines() if not line.strip().startswith("--")
        ).strip()
        if body:
            statements.append(body.rstrip(";"))
    return statements
