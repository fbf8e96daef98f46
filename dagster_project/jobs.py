"""The one job the sensor, the schedule and the CLI all run: a digest partition end to end."""

import dagster as dg

from dagster_project.assets import ASSETS
from dagster_project.partitions import digest_partitions

# In process: the steps form a chain, so a subprocess per step (Dagster's default)
# bought no parallelism and cost ~5 s of start-up each. Partitions still run side
# by side, one run each (dagster.yaml), and a large digest still extracts on every
# core inside its step (dagster_project/parallel.py).
ingest_digest_job = dg.define_asset_job(
    name="ingest_digest",
    selection=dg.AssetSelection.assets(*ASSETS),
    partitions_def=digest_partitions,
    description="Read, extract and load one digest file (one partition).",
    executor_def=dg.in_process_executor,
)
