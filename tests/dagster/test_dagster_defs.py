"""The real Definitions: materialized in-process on a temporary warehouse, the
sensor and the schedule evaluated with Dagster's test helpers."""

from __future__ import annotations

import contextvars
import datetime as dt
import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from dagster_project.assets import ASSET_CHECKS, ASSETS, run_check
from dagster_project.definitions import defs
from dagster_project.ingest import ingest_files
from dagster_project.partitions import digest_partitions
from dagster_project.report_assets import claims_report
from dagster_project.resources import make_resources
from dagster_project.schedules import daily_reingest_schedule
from dagster_project.sensors import digest_inbox_sensor, warehouse_partitions_sensor
from tests.conftest import GOLD_DIGEST, OTHER_DIGEST


def test_definitions_load_with_assets_checks_sensor_and_schedule() -> None:
    dg.Definitions.validate_loadable(defs)
    repo = defs.get_repository_def()
    keys = {key.to_user_string() for key in repo.asset_graph.get_all_asset_keys()}
    assert {"parsed_digest", "extracted_mentions", "warehouse_digest"} <= keys
    checks = {key.name for key in repo.asset_graph.asset_check_keys}
    assert checks == {
        "units_are_canonical",
        "offsets_inside_text",
        "no_duplicate_mentions",
        "no_claims_without_paper",
    }
    assert repo.get_sensor_def("digest_inbox_sensor")
    assert repo.get_sensor_def("warehouse_partitions_sensor")
    assert repo.get_schedule_def("daily_reingest_schedule").cron_schedule == "0 4 * * *"


def test_materialize_a_dynamic_partition_and_pass_every_check(
    tmp_path: Path, db_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(OTHER_DIGEST, inbox / OTHER_DIGEST.name)
    instance = dg.DagsterInstance.ephemeral()
    instance.add_dynamic_partitions(digest_partitions.name, [OTHER_DIGEST.name])
    result = dg.materialize(
        [*ASSETS, *ASSET_CHECKS],
        partition_key=OTHER_DIGEST.name,
        instance=instance,
        resources=make_resources(db_path=db_path, inbox_dir=inbox),
    )
    assert result.success
    evaluations = result.get_asset_check_evaluations()
    assert len(evaluations) == 4
    assert all(e.passed for e in evaluations), [e.check_name for e in evaluations if not e.passed]
    meta = result.asset_materializations_for_node("warehouse_digest")[0].metadata
    assert meta["status"].value == "loaded"
    assert meta["papers_loaded"].value == 55
    with duckdb.connect(str(db_path), read_only=True) as con:
        mentions = con.execute("select count(*) from claim_mentions").fetchone()[0]
    assert mentions == meta["mentions_loaded"].value > 30


def test_sensor_asks_for_a_partition_and_run_per_new_or_changed_file(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    resources = {"settings": make_resources(inbox_dir=inbox)["settings"]}
    instance = dg.DagsterInstance.ephemeral()

    def evaluate(cursor: str | None) -> dg.SensorResult | dg.SkipReason:
        context = dg.build_sensor_context(instance=instance, cursor=cursor, resources=resources)
        return digest_inbox_sensor(context)

    assert isinstance(evaluate(None), dg.SkipReason)
    (inbox / "day1.txt").write_text("digest one", encoding="utf-8")
    first = evaluate(None)
    assert isinstance(first, dg.SensorResult)
    assert [r.partition_key for r in first.run_requests] == ["day1.txt"]
    assert first.dynamic_partitions_requests[0].partition_keys == ["day1.txt"]
    config = first.run_requests[0].run_config["ops"]["parsed_digest"]["config"]
    assert Path(config["path"]) == (inbox / "day1.txt").resolve()
    # Nothing new: skip. A changed file: a new run key, no new partition.
    instance.add_dynamic_partitions(digest_partitions.name, ["day1.txt"])
    assert isinstance(evaluate(first.cursor), dg.SkipReason)
    (inbox / "day1.txt").write_text("digest one, edited", encoding="utf-8")
    second = evaluate(first.cursor)
    assert isinstance(second, dg.SensorResult)
    assert second.run_requests[0].run_key != first.run_requests[0].run_key
    assert second.dynamic_partitions_requests == []


def test_digests_loaded_by_the_cli_get_partitions(db_path: Path) -> None:
    instance = dg.DagsterInstance.ephemeral()
    resources = {"warehouse": make_resources(db_path=db_path)["warehouse"]}

    def evaluate() -> dg.SensorResult | dg.SkipReason:
        context = dg.build_sensor_context(instance=instance, resources=resources)
        return warehouse_partitions_sensor(context)

    assert isinstance(evaluate(), dg.SkipReason)  # no warehouse yet
    list(ingest_files([OTHER_DIGEST], db_path=db_path))
    result = evaluate()
    assert isinstance(result, dg.SensorResult)
    assert result.run_requests == []
    assert result.dynamic_partitions_requests[0].partition_keys == [OTHER_DIGEST.name]
    instance.add_dynamic_partitions(digest_partitions.name, [OTHER_DIGEST.name])
    assert isinstance(evaluate(), dg.SkipReason)


@pytest.mark.slow
def test_schedule_reingests_only_stale_and_missing_digests(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (loaded,) = ingest_files([OTHER_DIGEST], db_path=db_path)
    assert loaded.status == "loaded"
    # A context copy: Dagster 1.13's instance __exit__ leaves its state storage
    # in a context variable, which would leak into later tests.
    keys = contextvars.copy_context().run(_scheduled_partitions, db_path, [])
    assert keys is None  # no partitions known yet
    known = [OTHER_DIGEST.name, "new.txt"]
    keys = contextvars.copy_context().run(_scheduled_partitions, db_path, known)
    assert keys == ["new.txt"]  # the loaded digest is fresh
    monkeypatch.setattr("dagster_project.schedules.current_version", lambda: "0.1.0+rules.next")
    keys = contextvars.copy_context().run(_scheduled_partitions, db_path, known)
    assert keys == [OTHER_DIGEST.name, "new.txt"]  # a new extractor makes it stale


def _scheduled_partitions(db_path: Path, known: list[str]) -> list[str] | None:
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions(digest_partitions.name, known)
        context = dg.build_schedule_context(
            instance=instance,
            scheduled_execution_time=dt.datetime(2026, 11, 22, 4, tzinfo=dt.UTC),
            resources={
                name: make_resources(db_path=db_path)[name] for name in ("warehouse", "settings")
            },
        )
        result = daily_reingest_schedule(context)
        if isinstance(result, dg.SkipReason):
            return None
        assert len({r.run_key for r in result}) == len(result)
        return sorted(r.partition_key for r in result)


@pytest.mark.slow
def test_report_is_requested_after_a_digest_loads(db_path: Path) -> None:
    contextvars.copy_context().run(_report_requests, db_path)


def _report_requests(db_path: Path) -> None:
    resources = make_resources(db_path=db_path, trusted_paths=True)  # the run reads a path
    graph = dg.Definitions(assets=[*ASSETS, claims_report], resources=resources)
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions(digest_partitions.name, [OTHER_DIGEST.name])
        before = dg.evaluate_automation_conditions(defs=graph, instance=instance)
        assert before.total_requested == 0
        dg.materialize(
            ASSETS,
            partition_key=OTHER_DIGEST.name,
            instance=instance,
            resources=resources,
            run_config={"ops": {"parsed_digest": {"config": {"path": str(OTHER_DIGEST)}}}},
        )
        after = dg.evaluate_automation_conditions(
            defs=graph, instance=instance, cursor=before.cursor
        )
        assert after.get_requested_partitions(claims_report.key) == {None}


def test_a_partition_without_a_path_reads_where_the_warehouse_last_read_it(
    tmp_path: Path, db_path: Path
) -> None:
    copy = tmp_path / "elsewhere" / OTHER_DIGEST.name
    copy.parent.mkdir()
    shutil.copy(OTHER_DIGEST, copy)
    list(ingest_files([copy], db_path=db_path))
    copy.write_text(copy.read_text(encoding="utf-8").replace("Apr 3", "Apr 4"), encoding="utf-8")
    instance = dg.DagsterInstance.ephemeral()
    instance.add_dynamic_partitions(digest_partitions.name, [OTHER_DIGEST.name])
    result = dg.materialize(  # no run config: what the daily schedule launches
        ASSETS,
        partition_key=OTHER_DIGEST.name,
        instance=instance,
        resources=make_resources(db_path=db_path, inbox_dir=tmp_path / "empty-inbox"),
    )
    meta = result.asset_materializations_for_node("parsed_digest")[0].metadata
    assert meta["source_path"].value == str(copy.resolve())
    assert meta["date"].value.endswith("-04-04")


@pytest.mark.slow
def test_offsets_check_covers_the_loaded_digest_in_its_run_and_everything_on_its_own(
    db_path: Path,
) -> None:
    list(ingest_files([GOLD_DIGEST, OTHER_DIGEST], db_path=db_path))
    with duckdb.connect(str(db_path)) as con:  # break one mention the gold digest alone lists
        con.execute(
            "update claims set text = 'not the text' where rowid = (select min(c.rowid)"
            " from claims c join digest_papers d using (paper_key) where d.digest = $gold"
            " and c.paper_key not in (select paper_key from digest_papers where digest = $other))",
            {"gold": GOLD_DIGEST.name, "other": OTHER_DIGEST.name},
        )
    # Re-running the partitions writes nothing (same files), but each run checks its
    # own digest. (`claims ingest` answers an unchanged file without a run.)
    instance = dg.DagsterInstance.ephemeral()
    instance.add_dynamic_partitions(digest_partitions.name, [GOLD_DIGEST.name, OTHER_DIGEST.name])
    verdicts = {}
    for path in (GOLD_DIGEST, OTHER_DIGEST):
        result = dg.materialize(
            [*ASSETS, *ASSET_CHECKS],
            partition_key=path.name,
            instance=instance,
            resources=make_resources(db_path=db_path),
            run_config={"ops": {"parsed_digest": {"config": {"path": str(path)}}}},
            raise_on_error=False,
        )
        verdicts[path] = {e.check_name: e.passed for e in result.get_asset_check_evaluations()}
        meta = result.asset_materializations_for_node("warehouse_digest")[0].metadata
        assert meta["status"].value == "unchanged"
    assert verdicts[GOLD_DIGEST]["offsets_inside_text"] is False
    assert verdicts[OTHER_DIGEST]["offsets_inside_text"] is True
    warehouse = make_resources(db_path=db_path)["warehouse"]
    whole = run_check("offsets_inside_text", warehouse)
    assert not whole.passed
    assert whole.metadata["failures"].value == 1
