"""The warehouse as one self-contained HTML page: plots, and the tables behind them.

Every number comes from a named query in ``sql/analysis/`` (the ones users run
with ``claims sql --file``), so the page and ad-hoc SQL never disagree; this
module only renders. Plots are matplotlib figures inlined as SVG, and the one
script is inline too, so the file opens offline and can be mailed around.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl
from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from analysis.leaderboards import leaderboard_frames, plot_leaderboards
from warehouse.connection import read_only, writable
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
TOP_GROUPS = 10
COLORS = ("#1f6f8b", "#e07a1f", "#4c9a2a", "#b23a48", "#6a4c93", "#8a8a8a")


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
            _svg(
                "speedups",
                lambda fig: _strip_plot(
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
            _svg(
                "reductions",
                lambda fig: _strip_plot(
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
            _svg("values", lambda fig: _values_plot(fig, frames["result_values"])),
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
            _svg("leaderboards", lambda fig: plot_leaderboards(fig, frames["leaderboards"])),
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
            _svg("baselines", lambda fig: _baselines_plot(fig, frames["beaten_baselines"])),
            frames["beaten_baselines"],
            ("baseline", "papers", "claims", "largest_factor", "metrics", "paper_titles"),
        ),
        Section(
            "digest_counts",
            "Mentions per digest over time",
            "What each digest brought, by the digest's date: result and setup mentions.",
            _svg("digests", lambda fig: _digests_plot(fig, frames["digest_counts"])),
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
    page = _page(sections, frames["digest_counts"], source)
    return Report(html=page, frames=frames, plots=sum(s.svg is not None for s in sections))


def write_report(db_path: str | Path, out: str | Path) -> Report:
    """Query the warehouse at ``db_path`` read-only and write the page to ``out``."""
    if not Path(db_path).exists():
        raise FileNotFoundError(f"no warehouse at {db_path}: run `claims ingest` first")
    with writable(db_path):
        pass  # (re)creates the analysis views in a warehouse made before they existed
    with read_only(db_path) as con:
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


# --- plots -----------------------------------------------------------------


def _svg(name: str, draw: Callable[[Figure], None]) -> str:
    """A figure drawn by ``draw`` as an inline ``<svg>`` element (text kept as text)."""
    with rc_context(
        {"svg.fonttype": "none", "svg.hashsalt": name, "font.size": 9, "axes.titlesize": 10}
    ):
        fig = Figure(figsize=(9, 4.2), layout="constrained")
        draw(fig)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg")
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def _empty(ax: Axes, what: str) -> None:
    ax.text(0.5, 0.5, f"no {what} in the warehouse", ha="center", va="center", color="#666")
    ax.set_axis_off()


def _groups(frame: pl.DataFrame, column: str, limit: int = TOP_GROUPS) -> list[str]:
    """The ``limit`` most frequent values of ``column``; the rest plot as "other"."""
    counts = (
        frame.select(pl.col(column).fill_null("(no metric)"))
        .group_by(column)
        .len()
        .sort(["len", column], descending=[True, False])
    )
    return counts[column].head(limit).to_list()


def _rows(ax: Axes, labels: Sequence[str]) -> None:
    """One labelled row per group, top to bottom, with room for the jitter."""
    ax.set_yticks(range(len(labels)), labels)
    ax.set_ylim(len(labels) - 0.5, -0.5)


def _jitter(i: int) -> float:
    """A deterministic spread of dots around their row, so equal values stay visible."""
    return ((i * 0.618034) % 1.0 - 0.5) * 0.5


def _strip_plot(fig: Figure, frame: pl.DataFrame, value: str, group: str, xlabel: str) -> None:
    ax = fig.add_subplot()
    if frame.height == 0:
        _empty(ax, "such claims")
        return
    groups = _groups(frame, group)
    labels = [*groups, "other"] if frame[group].n_unique() > len(groups) else groups
    index = {name: i for i, name in enumerate(labels)}
    xs, ys = [], []
    for i, (v, g) in enumerate(frame.select(value, group).iter_rows()):
        row = index.get(g if g is not None else "(no metric)", index.get("other"))
        if row is None or v is None or v <= 0:
            continue
        xs.append(v)
        ys.append(row + _jitter(i))
    ax.scatter(xs, ys, s=28, alpha=0.75, color=COLORS[0], edgecolors="white", linewidths=0.5)
    ax.set_xscale("log")
    _rows(ax, labels)
    ax.set_xlabel(xlabel)
    ax.grid(axis="x", which="both", alpha=0.25)
    ax.set_title(f"{frame.height} claims")


def _values_plot(fig: Figure, frame: pl.DataFrame) -> None:
    if frame.height == 0:
        _empty(fig.add_subplot(), "result values")
        return
    totals = (
        frame.group_by("metric_key", "unit")
        .agg(pl.col("claims").sum())
        .sort(["claims", "metric_key"], descending=[True, False])
    )
    # Metrics claimed more than once make the panels; a warehouse of one-offs shows those.
    repeated = totals.filter(pl.col("claims") > 1)
    panels = (repeated if repeated.height else totals).head(6)
    cols = min(3, panels.height)
    rows = math.ceil(panels.height / cols)
    fig.set_size_inches(9, 2.6 * rows + 0.4)
    for n, (metric, unit, _) in enumerate(panels.iter_rows()):
        ax = fig.add_subplot(rows, cols, n + 1)
        part = frame.filter((pl.col("metric_key") == metric) & (pl.col("unit") == unit))
        benchmarks = part.sort("claims", descending=True)["benchmark"].head(5).to_list()
        for row, (benchmark, values) in enumerate(
            part.filter(pl.col("benchmark").is_in(benchmarks)).select("benchmark", "values").rows()
        ):
            y = benchmarks.index(benchmark)
            ax.scatter(
                values,
                [y + _jitter(i + row) for i in range(len(values))],
                s=22,
                alpha=0.8,
                color=COLORS[row % len(COLORS)],
            )
        _rows(ax, [_short(b, 18) for b in benchmarks])
        ax.set_title(f"{_short(metric, 28)} ({unit})")
        ax.grid(axis="x", alpha=0.25)


def _baselines_plot(fig: Figure, frame: pl.DataFrame) -> None:
    ax = fig.add_subplot()
    if frame.height == 0:
        _empty(ax, "baselines")
        return
    top = frame.head(15)
    labels = [_short(b, 40) for b in top["baseline"].to_list()]
    ax.barh(range(top.height), top["claims"].to_list(), color=COLORS[1], label="claims")
    ax.barh(range(top.height), top["papers"].to_list(), color=COLORS[0], label="papers")
    ax.set_yticks(range(top.height), labels)
    ax.invert_yaxis()
    ax.set_xlabel("result claims naming it (papers in blue)")
    ax.legend(loc="lower right")
    ax.grid(axis="x", alpha=0.25)


def _digests_plot(fig: Figure, frame: pl.DataFrame) -> None:
    ax = fig.add_subplot()
    if frame.height == 0:
        _empty(ax, "digests")
        return
    labels = [
        f"{d.isoformat() if d else '?'}\n{_short(name, 16)}"
        for d, name in frame.select("digest_date", "digest").iter_rows()
    ]
    results = frame["result_mentions"].to_list()
    setups = frame["setup_mentions"].to_list()
    xs = range(frame.height)
    ax.bar(xs, results, color=COLORS[0], label="result mentions")
    ax.bar(xs, setups, bottom=results, color=COLORS[5], label="setup mentions")
    ax.set_xticks(list(xs), labels)
    ax.set_ylabel("mentions")
    ax.legend()
    ax.grid(axis="y", alpha=0.25)


# --- HTML ------------------------------------------------------------------

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #222; }
h1 { margin-bottom: 0.2rem; } .meta { color: #666; margin-top: 0; }
section { margin: 2.5rem 0; } figure.plot { margin: 1rem 0; } figure.plot svg { width: 100%;
height: auto; } table { border-collapse: collapse; font-size: 0.8rem; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: 0.2rem 0.4rem; text-align: left;
vertical-align: top; } th { background: #f4f4f4; } td.num { text-align: right;
font-variant-numeric: tabular-nums; } code { background: #f4f4f4; padding: 0 0.2rem; }
.more { color: #666; font-size: 0.8rem; }
"""

# Marks each plot rendered when its <svg> has drawn content and a visible size,
# so a headless browser's --dump-dom shows whether every plot came out.
CHECK_SCRIPT = """
(function () {
  var plots = document.querySelectorAll('figure.plot');
  var rendered = 0;
  plots.forEach(function (figure) {
    var svg = figure.querySelector('svg');
    var box = svg ? svg.getBoundingClientRect() : null;
    var drawn = svg ? svg.querySelectorAll('path, text').length : 0;
    var ok = box !== null && box.width > 100 && box.height > 100 && drawn > 0;
    figure.setAttribute('data-rendered', ok ? 'yes' : 'no');
    if (ok) { rendered += 1; }
  });
  document.body.setAttribute('data-plots', String(plots.length));
  document.body.setAttribute('data-plots-rendered', String(rendered));
})();
"""


def _page(sections: Sequence[Section], counts: pl.DataFrame, source: str) -> str:
    mentions = int(counts["mentions"].sum() or 0) if counts.height else 0
    generated = dt.datetime.now().isoformat(timespec="seconds")
    body = "\n".join(_section(s) for s in sections)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>paper-claims report</title>
<style>{STYLE}</style>
</head>
<body>
<h1>Quantitative claims in ML paper digests</h1>
<p class="meta">{counts.height} digests, {mentions} mentions; warehouse
<code>{html.escape(source)}</code>, generated {generated}. Each table is a query in
<code>sql/analysis/</code>: rerun it with <code>claims sql --file sql/analysis/NAME.sql</code>.</p>
{body}
<script>{CHECK_SCRIPT}</script>
</body>
</html>
"""


def _section(section: Section) -> str:
    plot = (
        f'<figure class="plot" id="plot-{section.key}">{section.svg}'
        f"<figcaption>{html.escape(section.title)}</figcaption></figure>"
        if section.svg
        else ""
    )
    return (
        f'<section id="{section.key}"><h2>{html.escape(section.title)}</h2>'
        f"<p>{html.escape(section.intro)} Query: "
        f"<code>sql/analysis/{section.key}.sql</code>.</p>{plot}"
        f"{_table(section.table, section.columns)}</section>"
    )


def _table(frame: pl.DataFrame, columns: Sequence[str]) -> str:
    if frame.height == 0:
        return '<p class="more">no rows</p>'
    shown = frame.select([c for c in columns if c in frame.columns]).head(TABLE_ROWS)
    head = "".join(f"<th>{html.escape(c)}</th>" for c in shown.columns)
    rows = "".join("<tr>" + "".join(_cell(v) for v in row) + "</tr>" for row in shown.iter_rows())
    more = (
        f'<p class="more">{frame.height - TABLE_ROWS} more rows</p>'
        if frame.height > TABLE_ROWS
        else ""
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>{more}"


def _cell(value: object) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f'<td class="num">{_fmt(value)}</td>'
    return f"<td>{html.escape(_short('' if value is None else str(value), 160))}</td>"


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


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"
