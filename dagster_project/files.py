"""What `claims ingest` decides before Dagster starts: which files, side by side or
not, and which are already loaded. No Dagster import here (it takes seconds), so
an ingest of files the warehouse already holds answers `unchanged` at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dagster_project.folders import folder_entries, why_not_a_digest
from extractors.version import current_version
from reader.digest_reader import file_sha256
from warehouse.connection import writable
from warehouse.failures import WarehouseUnavailable
from warehouse.load import record_if_unchanged


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
    fatal: bool = False  # the warehouse itself cannot be written: no other file can load
    # The run's asset materializations and check evaluations (Dagster events), for
    # recording in a persistent instance; empty when no run was needed.
    events: tuple[object, ...] = field(default=(), compare=False, repr=False)

    @classmethod
    def failed(cls, path: Path, digest: str, message: str, fatal: bool = False) -> IngestOutcome:
        """A file that never got as far as a load."""
        return cls(path, digest, "failed", 0, 0, 0, message, fatal=fatal)


def digest_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files named, and the entries directly inside the folders named, sorted."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from folder_entries(path)  # FIFOs and dangling links too, to report them
        else:
            yield path


def side_by_side(files: list[Path], jobs: int) -> bool:
    """Whether `ingest_files` runs these files in worker processes, side by side."""
    return jobs > 1 and len(files) > 1


def unchanged_outcome(path: Path, db_path: str | Path) -> IngestOutcome | None:
    """The outcome for a file the warehouse already holds from this extractor, found
    from its hash alone and logged as an ``unchanged`` run, as the assets would log
    it: starting a Dagster run costs seconds, this a few milliseconds. None when the
    file is new or changed (or there is no warehouse yet)."""
    if why_not_a_digest(path) is not None or not Path(db_path).exists():
        return None
    started = dt.datetime.now()
    sha = file_sha256(path)
    try:
        with writable(db_path) as con:
            result = record_if_unchanged(
                con,
                path.name,
                content_sha256=sha,
                extractor_version=current_version(),
                source_path=str(path.resolve()),
                started_at=started,
            )
    except WarehouseUnavailable:
        return None  # the run reports it, file by file, as for any other failure
    if result is None:
        return None
    return IngestOutcome(
        path=path,
        digest=result.digest,
        status=result.status,
        papers_loaded=result.papers_loaded,
        mentions_loaded=result.mentions_loaded,
        problems=result.problems,
        message=result.message,
    )
