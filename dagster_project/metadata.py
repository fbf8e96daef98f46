"""Materialization metadata: counts and small markdown previews for the UI."""

from __future__ import annotations

import dagster as dg
import polars as pl


def markdown_table(frame: pl.DataFrame, limit: int = 10, width: int = 60) -> str:
    """A markdown table of the first ``limit`` rows, cells cut to ``width`` characters."""
    if frame.is_empty():
        return "_no rows_"
    head = frame.head(limit)

    def cell(value: object) -> str:
        text = "" if value is None else str(value).replace("|", "\\|").replace("\n", " ")
        return text if len(text) <= width else text[: width - 1] + "…"

    lines = [
        "| " + " | ".join(head.columns) + " |",
        "|" + "---|" * len(head.columns),
        *("| " + " | ".join(cell(v) for v in row) + " |" for row in head.iter_rows()),
    ]
    if frame.height > limit:
        lines.append(f"\n_{frame.height - limit:,} more rows_")
    return "\n".join(lines)


def counts_by(frame: pl.DataFrame, column: str) -> dict[str, int]:
    """Row counts per value of ``column``, largest first, as plain JSON-able metadata."""
    if frame.is_empty():
        return {}
    counted = frame.group_by(column).len().sort("len", descending=True)
    return {str(k): int(n) for k, n in counted.iter_rows()}


def preview(frame: pl.DataFrame, columns: list[str], limit: int = 10) -> dg.MetadataValue:
    return dg.MetadataValue.md(markdown_table(frame.select(columns), limit))
