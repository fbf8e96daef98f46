"""Watch an inbox folder: each new or changed digest file gets a partition and a run.

The cursor maps file name → ``mtime_ns:size``; a run key built from the same
pair means a file re-sent with edits runs again, and an untouched one never does.
"""

import json
from pathlib import Path

import dagster as dg
import duckdb

from dagster_project.folders import folder_entries, why_not_a_digest
from dagster_project.jobs import ingest_digest_job
from dagster_project.partitions import digest_partitions
from dagster_project.resources import IngestSettings, WarehouseResource
from warehouse.connection import read_only
from warehouse.sql_files import sql_text


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
    files, ignored = [], []
    for entry in folder_entries(inbox):
        why = why_not_a_digest(entry)
        if why is None:
            files.append(entry)
        else:
            ignored.append(f"{entry.name!r} ({why})")
    note = f"; not ingested: {', '.join(ignored)}" if ignored else ""
    stamps = {p.name: _stamp(p) for p in files}
    changed = {name: stamp for name, stamp in stamps.items() if seen.get(name) != stamp}
    if not changed:
        return dg.SkipReason(f"no new or changed files in {inbox}{note}")
    if ignored:
        context.log.warning(f"inbox {inbox}{note}")
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


@dg.sensor(minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.RUNNING)
def warehouse_partitions_sensor(
    context: dg.SensorEvaluationContext, warehouse: WarehouseResource
) -> dg.SensorResult | dg.SkipReason:
    """Add a partition for every digest loaded outside Dagster (by `claims ingest`), so
    the UI lists it and the daily schedule keeps it fresh. Launches no runs."""
    try:
        with read_only(warehouse.database, wait_seconds=10) as con:
            loaded = {row[0] for row in con.execute(sql_text("load/loaded_digests.sql")).fetchall()}
    except FileNotFoundError:
        return dg.SkipReason("no warehouse yet")
    except duckdb.Error as exc:
        return dg.SkipReason(f"warehouse busy or unreadable: {exc}")
    known = set(context.instance.get_dynamic_partitions(digest_partitions.name))
    missing = sorted(loaded - known)
    if not missing:
        return dg.SkipReason("every loaded digest has its partition")
    return dg.SensorResult(
        dynamic_partitions_requests=[digest_partitions.build_add_request(missing)]
    )


# Dagster adds a sensor of this name, STOPPED, whenever assets carry automation
# conditions; defined here it starts RUNNING with the daemon, so claims_report's
# eager condition rebuilds the report after a load without anyone turning it on.
automation_sensor = dg.AutomationConditionSensorDefinition(
    "default_automation_condition_sensor",
    target=dg.AssetSelection.all(),
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Evaluates the assets' automation conditions (claims_report: after any load).",
)
