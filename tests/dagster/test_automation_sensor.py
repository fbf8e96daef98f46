"""The automation sensor runs by default, and a tick of it after a load asks for
the report."""

from __future__ import annotations

import contextvars
from pathlib import Path

import dagster as dg

from dagster_project.assets import ASSETS
from dagster_project.definitions import defs
from dagster_project.partitions import digest_partitions
from dagster_project.report_assets import claims_report
from dagster_project.resources import make_resources
from tests.conftest import OTHER_DIGEST

NAME = "default_automation_condition_sensor"


def test_the_automation_sensor_is_running_by_default() -> None:
    sensor = defs.get_repository_def().get_sensor_def(NAME)
    assert isinstance(sensor, dg.AutomationConditionSensorDefinition)
    assert sensor.default_status == dg.DefaultSensorStatus.RUNNING


def test_a_tick_after_a_load_requests_the_report(db_path: Path) -> None:
    contextvars.copy_context().run(_tick_after_load, db_path)


def _tick_after_load(db_path: Path) -> None:
    sensor = defs.get_repository_def().get_sensor_def(NAME)
    assert isinstance(sensor, dg.AutomationConditionSensorDefinition)
    selection = sensor.asset_selection
    resources = make_resources(db_path=db_path, trusted_paths=True)  # the run reads a path
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions(digest_partitions.name, [OTHER_DIGEST.name])
        first = dg.evaluate_automation_conditions(
            defs=defs, instance=instance, asset_selection=selection
        )
        assert first.total_requested == 0
        dg.materialize(
            ASSETS,
            partition_key=OTHER_DIGEST.name,
            instance=instance,
            resources=resources,
            run_config={"ops": {"parsed_digest": {"config": {"path": str(OTHER_DIGEST)}}}},
        )
        tick = dg.evaluate_automation_conditions(
            defs=defs, instance=instance, asset_selection=selection, cursor=first.cursor
        )
        assert tick.get_requested_partitions(claims_report.key) == {None}
        assert tick.get_requested_partitions(dg.AssetKey("leaderboards")) == {None}
        assert tick.total_requested == 2  # the report and the leaderboards, nothing else
