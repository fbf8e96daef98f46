"""Leaderboards from abstracts: which model scored what on which benchmark.

The boards are the ``leaderboard`` view (sql/analysis_views.sql) read through the
named query ``sql/analysis/leaderboards.sql``; this module runs that query for
`claims leaderboard`, the report's section and the ``leaderboards`` asset, and
renders what it returns: text headings, markdown previews, a bar chart. It does
not import matplotlib until a chart is drawn, so the command stays quick.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import polars as pl

from warehouse.connection import read_only, schema_fingerprint, writable
from warehouse.sql_files import execute_file, sql_text

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

QUERY = "analysis/leaderboards.sql"
PLOTTED_BOARDS = 6
BAR_COLOR = "#1f6f8b"  # the report's first colour


def query_leaderboards(
    con: duckdb.DuckDBPyConnection,
    benchmark: str | None = None,
    metric: str | None = None,
    limit: int | None = None,
) -> pl.DataFrame:
    """The boards of the named query: without ``benchmark`` the ten reported by the
    most papers, five rows each; with it, every board of that benchmark (matched by
    benchmark_key, so ``imagenet`` finds ImageNet-1k). ``metric`` keeps the boards
    whose metric_key holds its metric_key; ``limit`` caps the rows per board."""
    execute_file(
        con, "reports/leaderboard_request.sql", benchmark=benchmark, metric=metric, limit=limit
    )
    result = con.execute(sql_text(QUERY))
    # Rows, not .pl(): that would import pyarrow, a third of the command's run time.
    columns = [d[0] for d in result.description]
    return pl.DataFrame(result.fetchall(), schema=columns, orient="row", infer_schema_length=None)


def leaderboard_frames(con: duckdb.DuckDBPyConnection) -> dict[str, pl.DataFrame]:
    """The frames the report shows: the overview boards, as the query's defaults give them."""
    return {"leaderboards": query_leaderboards(con)}


def similar_benchmarks(con: duckdb.DuckDBPyConnection, name: str, n: int = 5) -> list[str]:
    """The ``n`` benchmarks with a board spelled most like ``name`` (for "did you mean")."""
    rows = con.execute(sql_text("reports/leaderboard_benchmarks.sql"), {"name": name}).fetchall()
    return [benchmark for benchmark, *_ in rows[:n]]


@contextmanager
def current_warehouse(db_path: str | Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to a warehouse whose views and registries are this
    code's: one made before them (or before a registry edit) is refreshed first,
    which takes the write lock only then."""
    with read_only(db_path) as con:
        current = _is_current(con)
        if current:
            yield con
            return
    with writable(db_path):
        pass  # applies the schema files and registries
    with read_only(db_path) as con:
        yield con


def _is_current(con: duckdb.DuckDBPyConnection) -> bool:
    try:
        return execute_file(con, "schema_fingerprint.sql") == [(schema_fingerprint(),)]
    except duckdb.CatalogException:
        return False


# --- text --------------------------------------------------------------------


def boards(frame: pl.DataFrame) -> Iterator[tuple[str, pl.DataFrame]]:
    """Each board of a query result, in order, with a heading that says what it
    ranks and which way is better."""
    if frame.height == 0:
        return
    for (_,), rows in frame.group_by("board", maintain_order=True):
        yield heading(rows.row(0, named=True)), rows


def heading(row: dict[str, object]) -> str:
    """``ImageNet-1k: top-1 accuracy (%), higher is better; 3 papers, 4 subjects``."""
    papers, subjects = int(row["papers"]), int(row["subjects"])
    return (
        f"{row['benchmark']}: {row['metric']} ({row['unit']}), {row['better']} is better; "
        f"{papers} paper{'s' * (papers != 1)}, {subjects} subject{'s' * (subjects != 1)}"
    )


def entry_rows(rows: pl.DataFrame) -> pl.DataFrame:
    """A board's rows as people read them: the value with its qualifier (``~84``)."""
    value = pl.when(pl.col("qualifier") == "=").then(pl.lit("")).otherwise(pl.col("qualifier"))
    return rows.select(
        "rank",
        "subject",
        (value + pl.col("value").map_elements(format_value, return_dtype=pl.String)).alias("value"),
        pl.col("title").alias("paper"),
        "arxiv_id",
        pl.coalesce("digest_date", "published").alias("date"),
    )


def format_value(value: float) -> str:
    """84.2, 2.27, 150000: no trailing zeros, no exponent for plain scores."""
    return f"{value:.6g}" if abs(value) < 1e6 else f"{value:.4g}"


def boards_markdown(frame: pl.DataFrame, rows_per_board: int = 5) -> str:
    """Every board of ``frame`` as a markdown heading and a table of its top rows,
    for Dagster's materialization metadata."""
    if frame.height == 0:
        return "_no leaderboard entries: result values need a metric, a benchmark and a subject_"
    columns = ("rank", "subject", "value", "paper", "arxiv_id")
    parts = []
    for title, rows in boards(frame):
        lines = [f"**{title}**", "", "| " + " | ".join(columns) + " |", "|---" * len(columns) + "|"]
        for row in entry_rows(rows.head(rows_per_board)).iter_rows(named=True):
            lines.append("| " + " | ".join(_md(row[c]) for c in columns) + " |")
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def _md(value: object, width: int = 70) -> str:
    text = "" if value is None else str(value).replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


# --- plot --------------------------------------------------------------------


def plot_leaderboards(fig: Figure, frame: pl.DataFrame) -> None:
    """One ranked horizontal bar chart per board (the first few), best at the top;
    each bar is labelled with its rank, subject and the paper that claims it, and
    ends in its value."""
    shown = list(boards(frame))[:PLOTTED_BOARDS]
    if not shown:
        ax = fig.add_subplot()
        ax.text(0.5, 0.5, "no leaderboard entries in the warehouse", ha="center",
                va="center", color="#666")  # fmt: skip
        ax.set_axis_off()
        return
    heights = [rows.height * 0.5 + 0.7 for _, rows in shown]
    fig.set_size_inches(9, sum(heights) + 0.3)
    axes = fig.subplots(len(shown), 1, squeeze=False, height_ratios=heights)[:, 0]
    for ax, (title, rows) in zip(axes, shown, strict=True):
        _board_bars(ax, title, rows)


def _board_bars(ax: Axes, title: str, rows: pl.DataFrame) -> None:
    entries = list(rows.iter_rows(named=True))
    values = [float(r["value"]) for r in entries]
    ys = list(range(len(entries)))
    ax.barh(ys, values, color=BAR_COLOR, height=0.6)
    ax.set_yticks(
        ys,
        [
            f"#{r['rank']} {_short(str(r['subject']), 30)}\n"
            f"{_short(str(r['title']), 48)} ({r['arxiv_id'] or r['digest']})"
            for r in entries
        ],
        fontsize=7.5,
    )
    ax.set_ylim(len(entries) - 0.5, -0.5)
    low, high = min(0.0, *values), max(0.0, *values)
    span = (high - low) or 1.0
    for y, value in zip(ys, values, strict=True):
        ax.text(value + span * 0.01, y, format_value(value), va="center", ha="left", fontsize=8)
    ax.set_xlim(low, high + span * 0.12)
    ax.set_title(_short(title, 110), loc="left")
    ax.grid(axis="x", alpha=0.25)


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
