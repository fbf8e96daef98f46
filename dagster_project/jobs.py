"""The one job the sensor, the schedule and the CLI all run: a digest partition end to end."""

import dagster as dg

from dagster_project.assets import ASSETS
from dagster_project.partitions import digest_partitions

ingest_digest_job = dg.define_asset_job(
    name="ingest_digest",
    selection=dg.AssetSelection.assets(*ASSETS),
    partitions_def=digest_partitions,
    description="Read, extract and load one digest file (one partition).",
)
