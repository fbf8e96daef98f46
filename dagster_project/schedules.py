"""Daily re-ingest of what is stale: digests extracted by an older extractor version,
and known partitions the warehouse does not hold yet.

A digest extracted by the current version is left alone, so the daily pass costs
nothing until the extractor changes; then it re-extracts exactly the stale ones.
New and edited files are the inbox sensor's job.
"""

import dagster as dg

from dagster_project.jobs import ingest_digest_job
from dagster_project.partitions import digest_partitions
from dagster_project.resources import WarehouseResource
from extractors.version import current_version
from warehouse.load import fresh_digests


@dg.schedule(
    job=ingest_digest_job,
    cron_schedule="0 4 * * *",
    execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.RUNNING,
)
def daily_reingest_schedule(context: dg.ScheduleEvaluationContext, warehouse: WarehouseResource):
    """One run per stale or missing digest partition, keyed by partition, version and day."""
    known = context.instance.get_dynamic_partitions(digest_partitions.name)
    if not known:
        return dg.SkipReason("no digests known yet")
    version = current_version()
    with warehouse.get_connection() as con:
        fresh = fresh_digests(con, version)
    stale = [key for key in known if key not in fresh]
    if not stale:
        return dg.SkipReason(f"all {len(known)} digests are extracted by {version}")
    day = context.scheduled_execution_time.date().isoformat()
    return [dg.RunRequest(run_key=f"{key}:{version}:{day}", partition_key=key) for key in stale]
