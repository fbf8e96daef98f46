"""Materialization metadata: small markdown previews for the UI."""

from __future__ import annotations

from collections.abc import Sequence


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
