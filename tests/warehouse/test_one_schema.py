"""A claim's columns are defined once (``extractors.mention.Mention``); the SQL that
must spell them out is held to that definition here."""

from __future__ import annotations

from pathlib import Path

import duckdb

from extractors.mention import MENTION_COLUMNS, SPEC_FIELDS
from warehouse.connection import writable
from warehouse.sql_files import sql_text
from warehouse.staging import CLAIM_SCHEMA

STORED = ("paper_key", "mention_idx", *MENTION_COLUMNS, "extractor_version")


def columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [
        name
        for (name,) in con.execute(
            "select column_name from duckdb_columns() where table_name = ? order by column_index",
            [table],
        ).fetchall()
    ]


def test_the_claims_table_and_the_staging_schema_hold_the_mention_columns(db_path: Path) -> None:
    with writable(db_path) as con:
        assert columns(con, "claims") == list(STORED)
        assert set(STORED) <= set(columns(con, "claims_archive"))
    assert [c for c in CLAIM_SCHEMA if c != "paper_idx"] == list(STORED)


def test_the_views_carry_every_mention_column(db_path: Path) -> None:
    with writable(db_path) as con:
        for view in ("claim_mentions", "claim_details", "result_claims"):
            missing = set(MENTION_COLUMNS) - set(columns(con, view)) - {"role"}
            assert not missing, (view, missing)


def test_the_eval_query_returns_exactly_the_spec_fields(db_path: Path) -> None:
    with writable(db_path) as con:
        rel = con.execute(sql_text("reports/digest_mentions.sql"), {"digest": "none"})
        assert [d[0] for d in rel.description] == ["paper", "in", *SPEC_FIELDS]
    assert {"benchmark", "subject"} <= set(SPEC_FIELDS)
    assert "rules" not in SPEC_FIELDS and "sentence" not in SPEC_FIELDS


def test_a_warehouse_from_before_the_new_columns_gets_them(db_path: Path) -> None:
    with writable(db_path):
        pass
    with duckdb.connect(str(db_path)) as con:  # as a warehouse made before them was
        for column in ("benchmark", "subject", "rules"):
            con.execute(f"alter table claims drop column {column}")
        con.execute("delete from schema_applied")
        old = columns(con, "claims")
        values = {"paper_key": "'k'", "text": "'5%'", "value": "5", "canonical_value": "5"}
        con.execute(f"insert into claims select {', '.join(values.get(c, '0') for c in old)}")
    with writable(db_path) as con:
        assert {"benchmark", "subject", "rules"} <= set(columns(con, "claims"))
        assert con.execute("select text, rules from claims").fetchall() == [("5%", None)]
