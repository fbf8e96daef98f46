"""The project's `Definitions`: everything Dagster loads, configured in one place."""

import dagster as dg

from dagster_project.assets import ASSET_CHECKS, ASSETS
from dagster_project.jobs import ingest_digest_job
from dagster_project.leaderboard_assets import LEADERBOARD_ASSETS
from dagster_project.report_assets import REPORT_ASSETS
from dagster_project.resources import make_resources
from dagster_project.schedules import daily_reingest_schedule
from dagster_project.sensors import (
    automation_sensor,
    digest_inbox_sensor,
    warehouse_partitions_sensor,
)

defs = dg.Definitions(
    assets=[*ASSETS, *REPORT_ASSETS, *LEADERBOARD_ASSETS],
    asset_checks=ASSET_CHECKS,
    jobs=[ingest_digest_job],
    sensors=[digest_inbox_sensor, warehouse_partitions_sensor, automation_sensor],
    schedules=[daily_reingest_schedule],
    resources=make_resources(),
    # What the UI's "Materialize" runs, for the same reason as ingest_digest_job's.
    executor=dg.in_process_executor,
)
