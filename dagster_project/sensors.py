"""Watch an inbox folder: each new or changed digest file gets a partition and a run.

The cursor maps file name → ``mtime_ns:size``; a run key built from the same
pair means a file re-sent with edits runs again, and an untouched one never does.
"""

import json
from pathlib import Path

import dagster as dg

from dagster_project.jobs import ingest_digest_job
from dagster_project.partitions import digest_partitions
from dagster_project.resources import IngestSettings


def _stamp(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_mtime_ns}:{stat.st_size}"


@dg.sensor(
    job=ingest_digest_job,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
)
def digest_inbox_sensor(
    context: dg.SensorEvaluationContext, settings: IngestSettings
) -> dg.SensorResult | dg.SkipReason:
    """Ask for a partition and a run for every new or changed file in the inbox."""
    inbox = Path(settings.inbox_dir)
    if not inbox.is_dir():
        return dg.SkipReason(f"inbox {inbox} does not exist yet")
    seen: dict[str, str] = json.loads(context.cursor) if context.cursor else {}
    files = sorted(p for p in inbox.iterdir() if p.is_file() and not p.name.startswith("."))
    changed = {p.name: _stamp(p) for p in files if seen.get(p.name) != _stamp(p)}
    if not changed:
        return dg.SkipReason(f"no new or changed files in {inbox}")
    known = set(context.instance.get_dynamic_partitions(digest_partitions.name))
    new_keys = [name for name in changed if name not in known]
    return dg.SensorResult(
        run_requests=[
            dg.RunRequest(
                run_key=f"{name}:{stamp}",
                partition_key=name,
                run_config={
                    "ops": {"parsed_digest": {"config": {"path": str((inbox / name).resolve())}}}
                },
            )
            for name, stamp in changed.items()
        ],
        dynamic_partitions_requests=[digest_partitions.build_add_request(new_keys)]
        if new_keys
        else [],
        cursor=json.dumps({**seen, **changed}, sort_keys=True),
    )
