"""CLI ingests record their materializations in $DAGSTER_HOME's instance, so the UI
shows CLI-loaded partitions as materialized, not Missing."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import pytest

from cli.main import main
from tests.conftest import DIGESTS, GOLD, GOLD_DIGEST, OTHER_DIGEST

ASSET_NAMES = ("parsed_digest", "extracted_mentions", "warehouse_digest")


@pytest.fixture
def dagster_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "dagster_home"
    home.mkdir()
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    return home


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_ingest_records_materializations_in_dagster_home(
    dagster_home: Path, db_path: Path, jobs: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ingest", str(DIGESTS), "--db", str(db_path), "--jobs", jobs]) == 0
    names = {GOLD_DIGEST.name, OTHER_DIGEST.name}
    with dg.DagsterInstance.get() as instance:
        assert set(instance.get_dynamic_partitions("digests")) == names
        for asset in ASSET_NAMES:
            assert instance.get_materialized_partitions(dg.AssetKey(asset)) == names, asset
        latest = instance.get_latest_materialization_event(dg.AssetKey("warehouse_digest"))
        assert latest is not None and latest.asset_materialization is not None
        assert latest.asset_materialization.metadata["status"].value == "loaded"
        assert not instance.get_runs()  # the runs themselves stayed ephemeral


def test_without_dagster_home_nothing_is_recorded(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ingest", str(OTHER_DIGEST), "--db", str(db_path)]) == 0
    assert not (tmp_path / "dagster_home").exists()


def test_a_scratch_ingest_for_eval_leaves_dagster_home_alone(
    dagster_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", str(GOLD), str(GOLD_DIGEST)]) == 0
    with dg.DagsterInstance.get() as instance:
        assert instance.get_dynamic_partitions("digests") == []
        assert instance.get_materialized_partitions(dg.AssetKey("warehouse_digest")) == set()
