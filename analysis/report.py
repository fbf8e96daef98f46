"""The warehouse as one self-contained HTML page: plots, and the tables behind them.

Every number comes from a named query in ``sql/analysis/`` (the ones users run
with ``claims sql --file``), so the page and ad-hoc SQL never disagree. This
module picks what each section shows; ``plots.py`` draws the figures as inline
SVG and the Jinja templates in ``templates/`` lay out the page, with autoescape
on, so no value from the warehouse reaches the page unescaped. The page holds no
script and loads nothing, so it opens offline and can be mailed around.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import duckdb
import jinja2
import polars as pl
from markupsafe import Markup

from analysis.leaderboards import leaderboard_frames, plot_leaderboards
from analysis.plots import baselines_plot, digests_plot, short, strip_plot, svg, values_plot
from warehouse.connection import read_only, require_current_schema
from warehouse.sql_files import sql_text

ANALYSES = (
    "largest_speedups",
    "largest_reductions",
    "result_values",
    "beaten_baselines",
    "compute_and_money",
    "digest_counts",
)
TABLE_ROWS = 25
CELL_CHARS = 160


@dataclass(frozen=True)
class Section:
    """One part of the page: a heading, why it is there, a plot, and its table."""

    key: str  # the sql/analysis/ query behind it
    title: str
    intro: str
    svg: str | None
    table: pl.DataFrame
    columns: Sequence[str]


@dataclass(frozen=True)
class Cell:
    """A table cell as the template shows it: its text, and whether it is a number."""

    text: str
    numeric: bool


@dataclass(frozen=True)
class Table:
    """The first rows of an analysis, ready for ``table.html.j2``."""

    columns: list[str]
    rows: list[list[Cell]]
    more: int  # rows left out


@dataclass(frozen=True)
class Report:
    """The rendered page and what it holds, for the CLI and the Dagster asset."""

    html: str
    frames: dict[str, pl.DataFrame]
    plots: int


def run_analyses(con: duckdb.DuckDBPyConnection) -> dict[str, pl.DataFrame]:
    """The result of every query in ``sql/analysis/`` that the report shows."""
    frames = {name: con.execute(sql_text(f"analysis/{name}.sql")).pl() for name in ANALYSES}
    return {**frames, **leaderboard_frames(con)}


def build_report(frames: dict[str, pl.DataFrame], source: str) -> Report:
    """Render the analyses' frames into the page; ``source`` names the warehouse."""
    sections = [
        Section(
            "largest_speedups",
            "Claimed speedups",
            "Every result multiplier whose metric goes up (\u201c2.62x faster\u201d), one "
            "dot per claim, grouped by the normalized metric, on a log scale.",
            svg(
                "speedups",
                lambda fig: strip_plot(
                    fig, frames["largest_speedups"], "factor", "metric_key", "claimed factor (x)"
                ),
            ),
            frames["largest_speedups"],
            ("factor", "metric", "qualifier", "baseline", "text", "title", "digest", "paper_idx"),
        ),
        Section(
            "largest_reductions",
            "Claimed reductions",
            "Memory, steps, cost, time, compute and the like going down, multipliers "
            "(\u201c500X reduction\u201d) and percentages (\u201c62% less\u201d) on one "
            "scale: the reduction factor old/new (62% less is 2.63x), on a log scale.",
            svg(
                "reductions",
                lambda fig: strip_plot(
                    fig,
                    frames["largest_reductions"],
                    "reduction_factor",
                    "metric_family",
                    "reduction factor (old / new)",
                ),
            ),
            frames["largest_reductions"],
            (
                "reduction_factor",
                "percent_saved",
                "metric_family",
                "metric",
                "text",
                "baseline",
                "title",
                "digest",
                "paper_idx",
            ),
        ),
        Section(
            "result_values",
            "Result values by metric and benchmark",
            "Absolute scores papers report (accuracy, FID, pass@1\u2026) for the most "
            "claimed metrics, one dot per value, one row per benchmark named after it.",
            svg("values", lambda fig: values_plot(fig, frames["result_values"])),
            frames["result_values"],
            (
                "metric_key",
                "benchmark",
                "unit",
                "claims",
                "papers",
                "min_value",
                "median_value",
                "max_value",
                "paper_titles",
            ),
        ),
        Section(
            "leaderboards",
            "Leaderboards",
            "Which model scored what on which benchmark: the boards reported by the most "
            "papers, each subject\u2019s best claimed value ranked (a bar each, with the "
            "paper that claims it), which way is better from the metric registry.",
            svg("leaderboards", lambda fig: plot_leaderboards(fig, frames["leaderboards"])),
            frames["leaderboards"],
            (
                "benchmark",
                "metric",
                "unit",
                "rank",
                "subject",
                "value",
                "title",
                "arxiv_id",
                "digest_date",
                "published",
                "papers",
            ),
        ),
        Section(
            "beaten_baselines",
            "Most beaten baselines",
            "Baselines that result claims say they beat, by how many papers say so.",
            svg("baselines", lambda fig: baselines_plot(fig, frames["beaten_baselines"])),
            frames["beaten_baselines"],
            ("baseline", "papers", "claims", "largest_factor", "metrics", "paper_titles"),
        ),
        Section(
            "digest_counts",
            "Mentions per digest over time",
            "What each digest brought, by the digest's date: result and setup mentions.",
            svg("digests", lambda fig: digests_plot(fig, frames["digest_counts"])),
            frames["digest_counts"],
            (
                "digest",
                "digest_date",
                "papers",
                "mentions",
                "result_mentions",
                "setup_mentions",
                "multipliers",
                "running_mentions",
            ),
        ),
        Section(
            "compute_and_money",
            "Compute and money per paper",
            "The largest GPU time, compute and sum of money each paper mentions.",
            None,
            frames["compute_and_money"],
            ("title", "max_gpu_hours", "max_flop", "max_usd", "evidence", "digest", "paper_idx"),
        ),
    ]
    page = render_page(sections, frames["digest_counts"], source)
    return Report(html=page, frames=frames, plots=sum(s.svg is not None for s in sections))


def write_report(db_path: str | Path, out: str | Path) -> Report:
    """Query the warehouse at ``db_path`` read-only and write the page to ``out``.

    The report never writes the warehouse: one made by another version of the
    schema (its views missing or different) is an error that says how to upgrade it.
    """
    with read_only(db_path) as con:
        require_current_schema(con, db_path)
        frames = run_analyses(con)
    report = build_report(frames, str(db_path))
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text(report.html, encoding="utf-8")
    return report


def summary_markdown(frames: dict[str, pl.DataFrame]) -> str:
    """A few lines on what the warehouse says, for Dagster's materialization metadata."""
    counts = frames["digest_counts"]
    lines = [
        f"- **{counts.height}** digests, **{int(counts['papers'].sum() or 0)}** paper listings, "
        f"**{int(counts['mentions'].sum() or 0)}** mentions "
        f"({int(counts['result_mentions'].sum() or 0)} results)",
    ]
    speedups = frames["largest_speedups"]
    if speedups.height:
        top = speedups.row(0, named=True)
        lines.append(
            f"- largest claimed speedup: **{_fmt(top['factor'])}x** "
            f"{top['metric'] or ''} \u2014 {top['title']}"
        )
    reductions = frames["largest_reductions"]
    if reductions.height:
        top = reductions.row(0, named=True)
        lines.append(
            f"- largest claimed reduction: **{_fmt(top['reduction_factor'])}x** less "
            f"{top['metric'] or top['metric_family']} \u2014 {top['title']}"
        )
    baselines = frames["beaten_baselines"]
    if baselines.height:
        names = ", ".join(
            f"{row['baseline']} ({row['papers']})"
            for row in baselines.head(5).iter_rows(named=True)
        )
        lines.append(f"- most beaten baselines (papers): {names}")
    return "\n".join(lines)


def top_claims(frames: dict[str, pl.DataFrame], n: int = 10) -> list[tuple[object, ...]]:
    """The ``n`` largest speedups and reductions as (factor, kind, metric, text, title) rows."""
    rows = [
        (row["factor"], "speedup", row["metric"], row["text"], row["title"])
        for row in frames["largest_speedups"].head(n).iter_rows(named=True)
    ] + [
        (row["reduction_factor"], "reduction", row["metric"], row["text"], row["title"])
        for row in frames["largest_reductions"].head(n).iter_rows(named=True)
    ]
    return sorted(rows, key=lambda r: -float(r[0]))[:n]


# --- HTML ------------------------------------------------------------------


@cache
def _templates() -> jinja2.Environment:
    """The page's templates, read from the installed package (they ship as package data)."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("analysis", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_page(sections: Sequence[Section], counts: pl.DataFrame, source: str) -> str:
    """The page of ``sections``; ``counts`` is ``digest_counts``, ``source`` the warehouse."""
    return (
        _templates()
        .get_template("report.html.j2")
        .render(
            digests=counts.height,
            mentions=int(counts["mentions"].sum() or 0) if counts.height else 0,
            source=source,
            generated=dt.datetime.now().isoformat(timespec="seconds"),
            sections=[
                {
                    "key": s.key,
                    "title": s.title,
                    "intro": s.intro,
                    # matplotlib's own SVG, its labels escaped by matplotlib: the one
                    # piece of the page that goes in as markup.
                    "svg": Markup(s.svg) if s.svg else None,
                    "table": _table(s.table, s.columns),
                }
                for s in sections
            ],
        )
    )


def _table(frame: pl.DataFrame, columns: Sequence[str]) -> Table:
    shown = frame.select([c for c in columns if c in frame.columns]).head(TABLE_ROWS)
    return Table(
        columns=shown.columns,
        rows=[[_cell(v) for v in row] for row in shown.iter_rows()],
        more=max(frame.height - TABLE_ROWS, 0),
    )


def _cell(value: object) -> Cell:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Cell(_fmt(value), numeric=True)
    return Cell(short("" if value is None else str(value), CELL_CHARS), numeric=False)


def _fmt(value: object) -> str:
    """Numbers as people read them: 2.62, 150,000, 6e+17."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    number = float(value)  # type: ignore[arg-type]
    if number.is_integer() and abs(number) < 1e9:
        return f"{int(number):,}"
    if abs(number) >= 1e9:
        return f"{number:.3g}"
    return f"{number:.4g}"
