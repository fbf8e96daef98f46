"""Issue 15: a warehouse that cannot be written says why, in one line, and exit 1.
Real files: a corrupt one, a SQLite one, someone else's DuckDB file; a read-only
and a full filesystem (tmpfs mounts, where the tests may mount: as root)."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from extractors.pipeline import extract_papers
from extractors.version import current_version
from reader.digest_reader import stream_digest
from tests.conftest import GOLD_DIGEST, OTHER_DIGEST, ROOT
from warehouse.connection import writable
from warehouse.load import load_digest
from warehouse.staging import stage_claims, stage_papers

CLAIMS = str(Path(sys.executable).parent / "claims")


def ingest(db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CLAIMS, "ingest", str(GOLD_DIGEST), str(OTHER_DIGEST), "--jobs", "1", "--db", str(db)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip


def assert_one_line(proc: subprocess.CompletedProcess[str], cause: str) -> None:
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [f"000_35864b3586657c5a.txt: failed: {cause}"], (
        proc.stdout + proc.stderr
    )
    assert proc.stderr == "", proc.stderr


@contextlib.contextmanager
def tmpfs(at: Path, options: str) -> Iterator[Path]:
    at.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(at)],
                             capture_output=True)  # fmt: skip
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield at
    finally:
        subprocess.run(["umount", "-l", str(at)], check=True)


def test_a_corrupt_file_is_not_a_warehouse(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    db.write_bytes(b"this was never a database " * 100)
    assert_one_line(ingest(db), f"{db} is not a paper-claims warehouse: not a DuckDB file, "
                    "or a corrupt one")  # fmt: skip


def test_a_sqlite_file_is_not_a_warehouse_and_no_extension_is_fetched(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with contextlib.closing(sqlite3.connect(db)) as con:
        con.execute("create table t (x)")
        con.commit()
    assert_one_line(ingest(db), f"{db} is not a paper-claims warehouse: it is a SQLite file")
    sql = subprocess.run([CLAIMS, "sql", "select 1", "--db", str(db)], cwd=ROOT,
                         capture_output=True, text=True)  # fmt: skip
    assert sql.returncode == 1
    assert sql.stderr == f"claims: {db} is not a paper-claims warehouse: it is a SQLite file\n"


def test_someone_elses_duckdb_file_is_not_a_warehouse(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("create table invoices (n integer)")
    assert_one_line(ingest(db), f"{db} is not a paper-claims warehouse: it holds other tables "
                    "(invoices)")  # fmt: skip
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from duckdb_tables()").fetchone() == (1,)


def test_writers_never_load_or_install_extensions(db_path: Path) -> None:
    with writable(db_path) as con:
        settings = con.execute(
            "select current_setting('autoinstall_known_extensions'), "
            "current_setting('autoload_known_extensions')"
        ).fetchone()
    assert settings == (False, False)


def test_a_read_only_folder(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "ro", "ro,size=4m") as folder:
        assert_one_line(
            ingest(folder / "w.duckdb"), f"cannot write {folder}/: read-only file system"
        )


def test_a_full_disk(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "full", "size=600k") as folder:
        assert_one_line(ingest(folder / "w.duckdb"), f"cannot write {folder}/: the disk is full")


def test_a_commit_on_a_full_disk_raises_its_own_error_not_the_rollbacks(tmp_path: Path) -> None:
    staging = tmp_path / "staging"
    parsed = stage_papers(stream_digest(GOLD_DIGEST, year=2024), staging / "papers.parquet")
    extracted = stage_claims(parsed, extract_papers, staging / "claims.parquet", current_version())
    with tmpfs(tmp_path / "full", "size=3m") as folder:
        db = folder / "w.duckdb"
        with writable(db):
            pass
        filler = folder / "filler"
        free = 3 * 1024 * 1024 - sum(p.stat().st_size for p in folder.iterdir())
        filler.write_bytes(b"\0" * max(free - 64 * 1024, 0))
        with writable(db) as con, pytest.raises(duckdb.Error) as caught:
            load_digest(con, extracted, started_at=dt.datetime.now())
    assert "no transaction" not in str(caught.value).lower()
    assert "space" in str(caught.value).lower() or "disk" in str(caught.value).lower()
