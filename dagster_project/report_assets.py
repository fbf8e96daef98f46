"""The HTML report as an asset downstream of the warehouse tables.

One page for the whole warehouse, so it is unpartitioned: it depends on every
partition of ``warehouse_digest``, and its eager automation condition rebuilds
it after any of them is loaded (the daemon's automation sensor evaluates it).
Its metadata carries a summary and the top claims, so the UI answers "what did
we learn" without opening the file.
"""

from pathlib import Path

import dagster as dg

from dagster_project.assets import GROUP, WAREHOUSE_POOL, warehouse_digest
from dagster_project.metadata import markdown_table
from dagster_project.resources import WarehouseResource
from warehouse.connection import require_current_schema


class ClaimsReportConfig(dg.Config):
    """Where the page goes. Left empty: ``<warehouse stem>_report.html`` beside the warehouse."""

    path: str = ""


def report_path(config: ClaimsReportConfig, warehouse: WarehouseResource) -> Path:
    """The file the report asset writes."""
    if config.path:
        return Path(config.path)
    db = Path(warehouse.database)
    return db.with_name(f"{db.stem}_report.html")


# In the warehouse pool: even a read-only connection waits while a load holds the
# DuckDB file's lock, so the report takes its turn with the loads.
@dg.asset(
    group_name=GROUP,
    kinds={"duckdb", "html"},
    deps=[warehouse_digest],
    pool=WAREHOUSE_POOL,
    automation_condition=dg.AutomationCondition.eager(),
)
def claims_report(
    context: dg.AssetExecutionContext,
    config: ClaimsReportConfig,
    warehouse: WarehouseResource,
) -> dg.MaterializeResult:
    """The warehouse as one self-contained HTML page of plots and tables
    (the same page as `claims report`), from the queries in sql/analysis/."""
    # matplotlib takes ~1 s to import: every run (and `dg launch`) loads this module
    from analysis.report import build_report, run_analyses, summary_markdown, top_claims

    # Read-only: the loads upstream applied the schema; a report never writes.
    with warehouse.read_only_connection() as con:
        require_current_schema(con, warehouse.database)
        frames = run_analyses(con)
    out = report_path(config, warehouse)
    report = build_report(frames, warehouse.database)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report.html, encoding="utf-8")
    context.log.info(f"wrote {out} with {report.plots} plots")
    claims = top_claims(frames, 10)
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(out.resolve())),
            "plots": report.plots,
            "bytes": out.stat().st_size,
            **{f"rows_{name}": frame.height for name, frame in frames.items()},
            "summary": dg.MetadataValue.md(summary_markdown(frames)),
            "top_claims": dg.MetadataValue.md(
                markdown_table(["factor", "kind", "metric", "text", "paper"], claims)
            ),
        }
    )


REPORT_ASSETS = [claims_report]
