"""Issue 15: stopping a parallel ingest leaves no process behind and no lock held.
Real signals to a real `claims ingest --jobs 2`, checked through /proc."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from dagster_project.ingest import ingest_files
from tests.conftest import ROOT
from tests.procs import alive, children, group, wait_until

pytestmark = pytest.mark.slow

ABSTRACT = "Our method is 2.5x faster than the baseline and reaches 83.5% top-1 accuracy."


def listings(folder: Path, files: int = 4, papers: int = 3000) -> Path:
    folder.mkdir()
    for f in range(files):
        with (folder / f"part-{f}.jsonl").open("w", encoding="utf-8") as out:
            for i in range(papers):
                record = {
                    "id": f"24{f:02d}.{i:05d}",
                    "title": f"Paper {f} {i}",
                    "summary": ABSTRACT,
                }
                out.write(json.dumps(record) + "\n")
    return folder


def start_ingest(folder: Path, db: Path, tmp_path: Path) -> subprocess.Popen[bytes]:
    """`claims ingest FOLDER --jobs 2` in a session (a process group) of its own, as
    systemd or `timeout` runs it; returns once both workers are ingesting."""
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "claims"), "ingest", str(folder), "--jobs", "2",
         "--db", str(db)],
        cwd=ROOT,
        stdout=(tmp_path / "out.txt").open("wb"),
        stderr=(tmp_path / "err.txt").open("wb"),
        start_new_session=True,
        env={**os.environ, "CLAIMS_N_PROCESS": "1"},
    )  # fmt: skip
    staging = db.with_name(f"{db.stem}_staging")
    started = wait_until(
        lambda: len(children(proc.pid)) >= 2 and any(staging.rglob("papers.parquet")),
        seconds=180,
    )
    assert started, "the workers never started ingesting"
    return proc


def assert_nothing_left(pgid: int, db: Path) -> None:
    assert wait_until(lambda: not group(pgid), seconds=30), f"still alive: {group(pgid)}"
    duckdb.connect(str(db)).close()  # a held write lock would raise here, at once


def test_sigterm_to_the_process_group_stops_everything(tmp_path: Path, db_path: Path) -> None:
    folder = listings(tmp_path / "in")
    proc = start_ingest(folder, db_path, tmp_path)
    os.killpg(proc.pid, signal.SIGTERM)
    assert proc.wait(timeout=60) == 128 + signal.SIGTERM
    err = (tmp_path / "err.txt").read_text()
    assert "stopped by SIGTERM" in err, err
    assert "Traceback" not in err
    assert_nothing_left(proc.pid, db_path)
    outcomes = list(ingest_files([folder], db_path=db_path, jobs=1))
    assert {o.status for o in outcomes} <= {"loaded", "unchanged"}, outcomes


def test_sigkill_of_the_main_process_takes_the_workers_with_it(
    tmp_path: Path, db_path: Path
) -> None:
    folder = listings(tmp_path / "in")
    proc = start_ingest(folder, db_path, tmp_path)
    workers = children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    assert wait_until(lambda: not any(alive(w) for w in workers), seconds=30), workers
    assert_nothing_left(proc.pid, db_path)
