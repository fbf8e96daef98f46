"""Ingest files by materializing the project's asset graph in-process.

`claims ingest` runs exactly what the Dagster UI, the sensor and the schedule
run: the same assets and checks, one partition per file. Only the instance
differs: an ephemeral one, so a CLI ingest killed halfway never leaves a pool
slot claimed in the UI's instance. What it loads reaches the UI anyway: the
``warehouse_partitions_sensor`` adds a partition for every digest in the
warehouse, and the schedule keeps them fresh.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import dagster as dg

from dagster_project.assets import ASSET_CHECKS, ASSETS
from dagster_project.partitions import digest_partitions, is_valid_key
from dagster_project.resources import make_resources


@dataclass(frozen=True)
class IngestOutcome:
    """One file's ingest: its load status and the asset checks' verdicts."""

    path: Path
    digest: str
    status: str  # loaded | unchanged | refused | failed
    papers_loaded: int
    mentions_loaded: int
    problems: int
    message: str
    failed_checks: tuple[str, ...] = ()

    @classmethod
    def failed(cls, path: Path, digest: str, message: str) -> IngestOutcome:
        """A file that never got as far as a load."""
        return cls(path, digest, "failed", 0, 0, 0, message)


def digest_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files named, and the files directly inside the folders named, sorted."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(
                p for p in path.iterdir() if p.is_file() and not p.name.startswith(".")
            )
        else:
            yield path


def ingest_files(
    paths: Iterable[str | Path],
    *,
    db_path: str | Path,
    year: int | None = None,
    instance: dg.DagsterInstance | None = None,
    log_level: str = "WARNING",
) -> Iterator[IngestOutcome]:
    """Materialize one partition per file; a failing file is reported, not raised."""
    instance = instance or dg.DagsterInstance.ephemeral()
    resources = make_resources(db_path=db_path, terminal_progress=True)
    for path in digest_files(paths):
        key = path.name
        if not path.is_file():
            yield IngestOutcome.failed(path, key, f"no such file: {path}")
            continue
        if not is_valid_key(key):
            yield IngestOutcome.failed(
                path, key, "file name holds '...' or control characters; rename it"
            )
            continue
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
        yield _outcome(path, key, result)


def _outcome(path: Path, key: str, result: dg.ExecuteInProcessResult) -> IngestOutcome:
    if not result.success:
        failure = next((e for e in result.all_events if e.is_step_failure), None)
        message = (
            failure.step_failure_data.error.message.strip()
            if failure is not None and failure.step_failure_data.error is not None
            else "run failed"
        )
        return IngestOutcome.failed(path, key, message)
    materializations = result.asset_materializations_for_node("warehouse_digest")
    meta = {k: v.value for k, v in materializations[-1].metadata.items()}
    failed = tuple(
        evaluation.check_name
        for evaluation in result.get_asset_check_evaluations()
        if not evaluation.passed
    )
    return IngestOutcome(
        path=path,
        digest=key,
        status=str(meta["status"]),
        papers_loaded=int(meta["papers_loaded"]),
        mentions_loaded=int(meta["mentions_loaded"]),
        problems=int(meta["problems"]),
        message=str(meta["message"]),
        failed_checks=failed,
    )
