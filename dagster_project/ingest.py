"""Ingest files by materializing the project's asset graph in-process.

`claims ingest` runs exactly what the Dagster UI, the sensor and the schedule
run: the same assets and checks, one partition per file. Only the instance
differs: an ephemeral one, so a CLI ingest killed halfway never leaves a pool
slot claimed in the UI's instance. What it loads reaches the UI anyway: with
``$DAGSTER_HOME`` set, each run's materializations and check results are
recorded there as runless events, and the ``warehouse_partitions_sensor`` adds a
partition for every digest in the warehouse. A file the warehouse already holds
starts no run at all (`dagster_project.files.unchanged_outcome`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

import dagster as dg

from dagster_project.assets import ASSET_CHECKS, ASSETS
from dagster_project.files import IngestOutcome, digest_files, side_by_side, unchanged_outcome
from dagster_project.folders import why_not_a_digest
from dagster_project.parallel import in_order
from dagster_project.partitions import digest_partitions
from dagster_project.resources import make_resources
from warehouse.failures import WarehouseUnavailable, folder_cause
from warehouse.staging import discard_run_staging

if TYPE_CHECKING:
    from dagster_shared.error import SerializableErrorInfo


def ingest_files(
    paths: Iterable[str | Path],
    *,
    db_path: str | Path,
    year: int | None = None,
    instance: dg.DagsterInstance | None = None,
    log_level: str = "WARNING",
    jobs: int = 1,
    record_in_dagster_home: bool = False,
) -> Iterator[IngestOutcome]:
    """Materialize one partition per file, in the order given; a failing file is
    reported, not raised.

    With ``jobs > 1`` and several files, that many worker processes ingest files
    side by side, each extracting its file on one core: their loads take turns on
    the warehouse's write lock, as parallel partitions do under Dagster's own
    executors. That keeps every core busy through a backfill of small daily files,
    which on their own are too small to be worth extraction workers. A caller's
    ``instance`` keeps every run in this process, recorded there. With
    ``record_in_dagster_home`` (`claims ingest`, not a scratch ingest such as
    `claims eval`'s), the runs' materializations also go to ``$DAGSTER_HOME``.
    """
    files = list(digest_files(paths))
    if instance is not None:
        yield from _ingest_in_this_process(files, db_path, year, instance, log_level)
        return
    if side_by_side(files, jobs):
        outcomes = _ingest_side_by_side(files, db_path, year, log_level, min(jobs, len(files)))
    else:
        outcomes = _ingest_in_this_process(
            files, db_path, year, dg.DagsterInstance.ephemeral(), log_level
        )
    yield from _recorded_in_dagster_home(outcomes) if record_in_dagster_home else outcomes


def _ingest_in_this_process(
    files: list[Path],
    db_path: str | Path,
    year: int | None,
    instance: dg.DagsterInstance,
    log_level: str,
) -> Iterator[IngestOutcome]:
    resources = make_resources(db_path=db_path, terminal_progress=True, trusted_paths=True)
    for path in files:
        yield _ingest_one(path, instance, resources, year, log_level)


def _recorded_in_dagster_home(outcomes: Iterator[IngestOutcome]) -> Iterator[IngestOutcome]:
    """The outcomes, each run's materializations and check results also recorded in
    the instance of ``$DAGSTER_HOME`` when one is set, so the UI shows CLI-loaded
    partitions as materialized (not Missing, which "Materialize missing" would
    re-run). Recorded as runless events: the runs themselves stay on an ephemeral
    instance, so a CLI ingest killed halfway never leaves a pool slot claimed there."""
    if not os.environ.get("DAGSTER_HOME"):
        yield from outcomes
        return
    home: dg.DagsterInstance | None = None
    try:
        for outcome in outcomes:
            if outcome.events:
                home = home or dg.DagsterInstance.get()
                _record(home, outcome)
            yield outcome
    finally:
        if home is not None:
            home.dispose()


def _record(home: dg.DagsterInstance, outcome: IngestOutcome) -> None:
    if not home.has_dynamic_partition(digest_partitions.name, outcome.digest):
        home.add_dynamic_partitions(digest_partitions.name, [outcome.digest])
    for event in outcome.events:
        assert isinstance(event, dg.AssetMaterialization | dg.AssetCheckEvaluation)
        home.report_runless_asset_event(event)


def _ingest_one(
    path: Path,
    instance: dg.DagsterInstance,
    resources: dict,
    year: int | None,
    log_level: str,
) -> IngestOutcome:
    key = path.name
    if (why := why_not_a_digest(path)) is not None:
        return IngestOutcome.failed(path, key, why)
    unchanged = unchanged_outcome(path, resources["warehouse"].database)
    if unchanged is not None:
        return unchanged
    if not instance.has_dynamic_partition(digest_partitions.name, key):
        instance.add_dynamic_partitions(digest_partitions.name, [key])
    config: dict[str, object] = {"path": str(path.resolve())}
    if year is not None:
        config["year"] = year
    result = dg.materialize(
        [*ASSETS, *ASSET_CHECKS],
        partition_key=key,
        instance=instance,
        resources=resources,
        run_config={
            "ops": {"parsed_digest": {"config": config}},
            "loggers": {"console": {"config": {"log_level": log_level}}},
        },
        raise_on_error=False,
        tags={"source": "claims ingest"},
    )
    # An ephemeral instance's run is never re-executed: its staging can go, loaded or not.
    discard_run_staging(resources["settings"].run_staging(result.run_id))
    return _outcome(path, key, result, Path(resources["warehouse"].database).parent)


def _ingest_side_by_side(
    files: list[Path], db_path: str | Path, year: int | None, log_level: str, jobs: int
) -> Iterator[IngestOutcome]:
    work = partial(_ingest_in_worker, db_path=str(db_path), year=year, log_level=log_level)
    for path, outcome in in_order(work, files, jobs):
        try:
            yield outcome.result()
        except Exception as exc:  # the worker died or could not start
            yield IngestOutcome.failed(path, path.name, f"{type(exc).__name__}: {exc}")


def _ingest_in_worker(path: Path, db_path: str, year: int | None, log_level: str) -> IngestOutcome:
    """Worker entry point: one file, extracted on this process's core alone."""
    resources = make_resources(db_path=db_path, n_process=1, trusted_paths=True)
    return _ingest_one(path, _worker_instance(), resources, year, log_level)


@cache
def _worker_instance() -> dg.DagsterInstance:
    """One ephemeral instance per worker process, for all the files it ingests."""
    return dg.DagsterInstance.ephemeral()


def _outcome(
    path: Path, key: str, result: dg.ExecuteInProcessResult, folder: Path
) -> IngestOutcome:
    if not result.success:
        failure = next((e for e in result.all_events if e.is_step_failure), None)
        error = failure.step_failure_data.error if failure is not None else None
        if error is None:
            return IngestOutcome.failed(path, key, "run failed")
        return _failure(path, key, error, folder)
    materializations = result.asset_materializations_for_node("warehouse_digest")
    meta = {k: v.value for k, v in materializations[-1].metadata.items()}
    failed = tuple(
        evaluation.check_name
        for evaluation in result.get_asset_check_evaluations()
        if not evaluation.passed
    )
    events = [
        *(
            materialization
            for node in ("parsed_digest", "extracted_mentions", "warehouse_digest")
            for materialization in result.asset_materializations_for_node(node)
        ),
        *result.get_asset_check_evaluations(),
    ]
    return IngestOutcome(
        path=path,
        digest=key,
        status=str(meta["status"]),
        papers_loaded=int(meta["papers_loaded"]),
        mentions_loaded=int(meta["mentions_loaded"]),
        problems=int(meta["problems"]),
        message=str(meta["message"]),
        failed_checks=failed,
        events=tuple(events),
    )


def _failure(path: Path, key: str, error: SerializableErrorInfo, folder: Path) -> IngestOutcome:
    """One line with the real cause: the innermost error, not Dagster's wrapper
    ("Error occurred while executing op ...") nor its stack."""
    while error.cause is not None:
        error = error.cause
    message = error.message.strip()
    one_line = " ".join(line.strip() for line in message.splitlines() if line.strip())
    first_line = one_line or error.cls_name or "run failed"
    if error.cls_name == WarehouseUnavailable.__name__:
        return IngestOutcome.failed(path, key, first_line.split(": ", 1)[-1], fatal=True)
    cause = folder_cause(message, folder)
    if cause is not None:
        return IngestOutcome.failed(path, key, cause, fatal=True)
    return IngestOutcome.failed(path, key, first_line)
