"""The report's plots: matplotlib figures rendered as inline SVG text.

Text stays text in the SVG (``svg.fonttype: none``) and ids are salted per plot,
so the page is small, searchable, and several plots never share an element id.
matplotlib escapes the labels it writes, so the SVG is safe to inline as is.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Sequence

import polars as pl
from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.figure import Figure

TOP_GROUPS = 10
COLORS = ("#1f6f8b", "#e07a1f", "#4c9a2a", "#b23a48", "#6a4c93", "#8a8a8a")


def svg(name: str, draw: Callable[[Figure], None]) -> str:
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


def strip_plot(fig: Figure, frame: pl.DataFrame, value: str, group: str, xlabel: str) -> None:
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


def values_plot(fig: Figure, frame: pl.DataFrame) -> None:
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
        _rows(ax, [short(b, 18) for b in benchmarks])
        ax.set_title(f"{short(metric, 28)} ({unit})")
        ax.grid(axis="x", alpha=0.25)


def baselines_plot(fig: Figure, frame: pl.DataFrame) -> None:
    ax = fig.add_subplot()
    if frame.height == 0:
        _empty(ax, "baselines")
        return
    top = frame.head(15)
    labels = [short(b, 40) for b in top["baseline"].to_list()]
    ax.barh(range(top.height), top["claims"].to_list(), color=COLORS[1], label="claims")
    ax.barh(range(top.height), top["papers"].to_list(), color=COLORS[0], label="papers")
    ax.set_yticks(range(top.height), labels)
    ax.invert_yaxis()
    ax.set_xlabel("result claims naming it (papers in blue)")
    ax.legend(loc="lower right")
    ax.grid(axis="x", alpha=0.25)


def digests_plot(fig: Figure, frame: pl.DataFrame) -> None:
    ax = fig.add_subplot()
    if frame.height == 0:
        _empty(ax, "digests")
        return
    labels = [
        f"{d.isoformat() if d else '?'}\n{short(name, 16)}"
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


def short(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, with an ellipsis when it was longer."""
    return text if len(text) <= width else text[: width - 1] + "\u2026"
