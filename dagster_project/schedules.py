"""Daily re-ingest of what is stale: digests extracted by an older extractor version,
and known partitions the warehouse does not hold yet.

A digest extracted by the current version is left alone, so the daily pass costs
nothing until the extractor changes; then it re-extracts exactly the stale ones.
A partition the warehouse does not hold (its file was refused, or never read) is
retried once per version of the extractor and content of its file: a refused file
is not refused again every day, only after it changed. New and edited files are
the inbox sensor's job.
"""

import hashlib
from pathlib import Path

import dagster as dg

from dagster_project.jobs import ingest_digest_job
from dagster_project.partitions import digest_partitions
from dagster_project.resources import IngestSettings, WarehouseResource
from extractors.version import current_version
from warehouse.load import fresh_digests, last_source, loaded_digests


@dg.schedule(
    job=ingest_digest_job,
    cron_schedule="0 4 * * *",
    execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.RUNNING,
)
def daily_reingest_schedule(
    context: dg.ScheduleEvaluationContext, warehouse: WarehouseResource, settings: IngestSettings
):
    """One run per stale or missing digest partition: a stale one keyed by partition,
    version and day, a missing one by partition, version and its file's content."""
    known = context.instance.get_dynamic_partitions(digest_partitions.name)
    if not known:
        return dg.SkipReason("no digests known yet")
    version = current_version()
    with warehouse.get_connection() as con:
        fresh = fresh_digests(con, version)
        loaded = loaded_digests(con)
        stale = [key for key in known if key not in fresh]
        sources = {key: last_source(con, key) for key in stale if key not in loaded}
    if not stale:
        return dg.SkipReason(f"all {len(known)} digests are extracted by {version}")
    day = context.scheduled_execution_time.date().isoformat()
    inbox = Path(settings.inbox_dir)
    requests = []
    for key in stale:
        if key in loaded:
            run_key = f"{key}:{version}:{day}"
        else:
            run_key = f"{key}:{version}:{_content_stamp(inbox / key, sources[key])}"
        requests.append(dg.RunRequest(run_key=run_key, partition_key=key))
    return requests


def _content_stamp(inbox_copy: Path, last_read: str | None) -> str:
    """What the partition's run would read, by content: the same stamp, the same
    run key, and Dagster launches no second run for it."""
    for path in (inbox_copy, Path(last_read) if last_read else None):
        if path is not None and path.is_file():
            digest = hashlib.sha256()
            with path.open("rb") as f:
                for chunk in iter(lambda: f.read(1 << 20), b""):
                    digest.update(chunk)
            return "sha256-" + digest.hexdigest()[:16]
    return "no-file"
