"""The warehouse documents itself: COMMENT ON every table, view and table column,
and the warehouse_digest asset's column schema built from them."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import duckdb

from dagster_project.ingest import ingest_files
from tests.conftest import OTHER_DIGEST
from warehouse.connection import writable


def test_every_table_view_and_table_column_has_a_comment(db_path: Path) -> None:
    with writable(db_path):
        pass
    with duckdb.connect(str(db_path), read_only=True) as con:
        tables = con.execute(
            "select table_name, comment from duckdb_tables() where not internal"
        ).fetchall()
        views = con.execute(
            "select view_name, comment from duckdb_views() where not internal"
        ).fetchall()
        columns = con.execute(
            "select c.table_name, c.column_name, c.comment from duckdb_columns() c"
            " join duckdb_tables() t using (table_oid) where not c.internal"
        ).fetchall()
    assert {name for name, _ in tables} >= {"digests", "papers", "claims", "ingest_runs"}
    assert {name for name, _ in views} >= {"claim_mentions", "claim_details", "result_claims"}
    assert [name for name, comment in [*tables, *views] if not comment] == []
    assert len(columns) > 60
    assert [(t, c) for t, c, comment in columns if not comment] == []


def test_comments_survive_the_views_being_recreated(db_path: Path) -> None:
    with writable(db_path) as con:
        con.execute("update schema_applied set fingerprint = 'older files'")
    with writable(db_path) as con:  # a writer with newer schema files re-applies them
        (comment,) = con.execute(
            "select comment from duckdb_views() where view_name = 'claim_mentions'"
        ).fetchone()
    assert comment and "gold files" in comment


def test_warehouse_digest_carries_the_claims_column_schema(db_path: Path) -> None:
    instance = dg.DagsterInstance.ephemeral()
    (outcome,) = ingest_files([OTHER_DIGEST], db_path=db_path, instance=instance)
    assert outcome.status == "loaded"
    event = instance.get_latest_materialization_event(dg.AssetKey("warehouse_digest"))
    assert event is not None and event.asset_materialization is not None
    schema = event.asset_materialization.metadata["dagster/column_schema"].value
    assert isinstance(schema, dg.TableSchema)
    by_name = {column.name: column for column in schema.columns}
    with duckdb.connect(str(db_path), read_only=True) as con:
        names = [r[0] for r in con.execute("describe claims").fetchall()]
    assert list(by_name) == names
    assert by_name["unit"].type == "VARCHAR"
    assert "canonical unit" in (by_name["unit"].description or "")
    assert all(column.description for column in schema.columns)
    tables = event.asset_materialization.metadata["tables"].value
    assert "ingest_runs" in tables and "One row per attempt" in tables
