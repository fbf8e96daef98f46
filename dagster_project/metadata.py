"""Materialization metadata: small markdown previews for the UI."""

from __future__ import annotations

from collections.abc import Sequence

import dagster as dg
import duckdb

from warehouse.sql_files import sql_text


def markdown_table(
    columns: Sequence[str], rows: Sequence[Sequence[object]], more: int = 0, width: int = 60
) -> str:
    """A markdown table of ``rows``, cells cut to ``width`` characters; ``more`` is the
    full row count, so the table can say how many rows it leaves out."""
    if not rows:
        return "_no rows_"

    def cell(value: object) -> str:
        text = "" if value is None else str(value).replace("|", "\\|").replace("\n", " ")
        return text if len(text) <= width else text[: width - 1] + "…"

    lines = [
        "| " + " | ".join(columns) + " |",
        "|" + "---|" * len(columns),
        *("| " + " | ".join(cell(v) for v in row) + " |" for row in rows),
    ]
    if more > len(rows):
        lines.append(f"\n_{more - len(rows):,} more rows_")
    return "\n".join(lines)


def column_schema(con: duckdb.DuckDBPyConnection, table: str) -> dg.TableSchema:
    """The columns of a warehouse table as Dagster's `TableSchema`, described by the
    table's ``COMMENT ON COLUMN`` texts, so the UI documents what SQL users see."""
    rows = con.execute(sql_text("reports/column_schema.sql"), {"table": table}).fetchall()
    return dg.TableSchema(
        columns=[
            dg.TableColumn(
                name,
                data_type,
                description=comment or None,
                constraints=dg.TableColumnConstraints(nullable=bool(nullable)),
            )
            for name, data_type, nullable, comment in rows
        ]
    )


def tables_markdown(con: duckdb.DuckDBPyConnection) -> str:
    """The warehouse's tables and views with their descriptions, as a markdown table."""
    rows = con.execute(sql_text("reports/table_comments.sql")).fetchall()
    return markdown_table(["name", "type", "description"], rows, width=120)
