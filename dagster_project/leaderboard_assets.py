"""The leaderboards as an asset downstream of the warehouse tables.

Like the report, one unpartitioned asset that depends on every partition of
``warehouse_digest`` and is rebuilt by its eager automation condition after any
of them is loaded. The boards themselves are a view (``leaderboard``), always
current for SQL; what the asset adds is a record, per load, of what the boards
say: its metadata previews the top of each board, so the UI shows who leads
which benchmark without a query.
"""

import dagster as dg

from analysis.leaderboards import boards_markdown, query_leaderboards
from dagster_project.assets import GROUP, WAREHOUSE_POOL, warehouse_digest
from dagster_project.resources import WarehouseResource
from warehouse.sql_files import execute_file

PREVIEW_ROWS = 5


# In the warehouse pool: its connection may refresh the views, which takes the write lock.
@dg.asset(
    group_name=GROUP,
    kinds={"duckdb"},
    deps=[warehouse_digest],
    pool=WAREHOUSE_POOL,
    automation_condition=dg.AutomationCondition.eager(),
)
def leaderboards(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    """Which model scored what on which benchmark: the boards of
    sql/analysis/leaderboards.sql (the same as `claims leaderboard`)."""
    with warehouse.get_connection() as con:
        frame = query_leaderboards(con, limit=PREVIEW_ROWS)
        ((boards, benchmarks, entries, papers),) = execute_file(
            con, "reports/leaderboard_totals.sql"
        )
    context.log.info(f"{boards} leaderboards over {benchmarks} benchmarks, {entries} entries")
    return dg.MaterializeResult(
        metadata={
            "boards": boards,
            "benchmarks": benchmarks,
            "entries": entries,
            "papers": papers,
            "top_boards": dg.MetadataValue.md(boards_markdown(frame, PREVIEW_ROWS)),
        }
    )


LEADERBOARD_ASSETS = [leaderboards]
