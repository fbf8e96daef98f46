"""Daily re-ingest of every known digest.

Each run re-reads its file; a digest whose bytes and extractor version match
what the warehouse holds is recorded as ``unchanged`` without re-extraction,
so the daily pass costs little unless the extractor changed.
"""

import dagster as dg

from dagster_project.jobs import ingest_digest_job
from dagster_project.partitions import digest_partitions


@dg.schedule(job=ingest_digest_job, cron_schedule="0 4 * * *", execution_timezone="UTC")
def daily_reingest_schedule(context: dg.ScheduleEvaluationContext):
    """One run per known digest partition, keyed by partition and day."""
    keys = context.instance.get_dynamic_partitions(digest_partitions.name)
    if not keys:
        return dg.SkipReason("no digests known yet")
    day = context.scheduled_execution_time.date().isoformat()
    return [dg.RunRequest(run_key=f"{key}:{day}", partition_key=key) for key in keys]
