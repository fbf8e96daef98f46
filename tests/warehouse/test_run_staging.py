"""Issue 15: staging is keyed by the run, and deleted once it is of no use."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from dagster_project.ingest import ingest_files
from reader.digest_reader import stream_digest
from reader.records import Paper, ReadProblem
from tests.conftest import ROOT, digest_text
from warehouse.staging import stage_papers

ABSTRACT = "Our method is 2.5x faster than the baseline and reaches 83.5% top-1 accuracy."


def listing(path: Path, prefix: str, n: int) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        json.dumps({"id": f"{prefix}.{i:05d}", "title": f"{prefix} paper {i}", "summary": ABSTRACT})
        for i in range(n)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return hashlib.sha256(path.read_bytes()).hexdigest()


def staged_files(db: Path) -> list[Path]:
    return [p for p in db.with_name(f"{db.stem}_staging").rglob("*") if p.is_file()]


def test_two_files_of_one_name_side_by_side_both_load(tmp_path: Path, db_path: Path) -> None:
    a, b = tmp_path / "a" / "x.jsonl", tmp_path / "b" / "x.jsonl"
    shas = {listing(a, "2401", 600): 600, listing(b, "2402", 400): 400}
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "claims"), "ingest", str(a), str(b), "--jobs", "2",
         "--db", str(db_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count("x.jsonl: loaded") == 2, proc.stdout
    with duckdb.connect(str(db_path), read_only=True) as con:
        ((sha, count),) = con.execute("select content_sha256, paper_count from digests").fetchall()
        links = con.execute("select count(*) from digest_papers").fetchone()[0]
    assert shas[sha] == count == links  # one file's papers, under that file's hash
    assert staged_files(db_path) == []


def test_staging_is_deleted_after_loads_and_refusals(tmp_path: Path, db_path: Path) -> None:
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(digest_text("Mar 11", [("A title", ABSTRACT)]), encoding="utf-8")
    bad.write_bytes(b"")
    statuses = [o.status for o in ingest_files([good, bad], db_path=db_path, year=2024)]
    assert statuses == ["loaded", "refused"]
    assert staged_files(db_path) == []


def test_a_staging_write_that_fails_leaves_no_partial_file(tmp_path: Path) -> None:
    source = tmp_path / "d.txt"
    source.write_text(digest_text("Mar 11", [("A title", ABSTRACT)]), encoding="utf-8")
    stream = stream_digest(source, year=2024)

    def failing() -> Iterator[Paper | ReadProblem]:
        for i in range(20_000):
            yield Paper(i, f"Paper {i}", ABSTRACT)
        raise OSError(28, "No space left on device")

    target = tmp_path / "staging" / "papers.parquet"
    with pytest.raises(OSError, match="No space left"):
        stage_papers(type(stream)(**{**stream.__dict__, "records": failing()}), target)
    assert not target.exists()
