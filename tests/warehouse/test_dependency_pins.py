"""The pins that keep the Dagster DuckDB integration working."""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

import polars as pl
from dagster_duckdb import DuckDBResource
from packaging.requirements import Requirement

from tests.conftest import ROOT


def test_installed_duckdb_satisfies_the_project_pin() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pins = {Requirement(r).name: Requirement(r) for r in project["project"]["dependencies"]}
    assert not pins["duckdb"].specifier.contains("2.0.0"), "duckdb 2 breaks the integration"
    assert pins["duckdb"].specifier.contains(metadata.version("duckdb"))


def test_polars_frames_round_trip_through_the_dagster_duckdb_resource(db_path: Path) -> None:
    frame = pl.DataFrame({"unit": ["x", "%"], "value": [2.62, 80.0]})
    resource = DuckDBResource(database=str(db_path))
    with resource.get_connection() as con:
        con.register("frame", frame.to_arrow())
        con.execute("create table t as select * from frame")
        assert con.execute("select * from t order by value").pl().equals(frame.sort("value"))
        assert con.execute("select count(*) as n from t").fetch_arrow_table().to_pydict() == {
            "n": [2]
        }
