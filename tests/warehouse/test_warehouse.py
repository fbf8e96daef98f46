"""Loading into a real DuckDB file: idempotent, atomic, papers stored once."""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path

import duckdb
import polars as pl
import pytest

from extractors.pipeline import extract_papers
from extractors.version import current_version
from reader.digest_reader import stream_digest
from tests.conftest import digest_text
from warehouse import connection
from warehouse import load as load_module
from warehouse.connection import writable
from warehouse.load import load_digest
from warehouse.queries import RefusedQuery, run_query
from warehouse.staging import ExtractedDigest, stage_claims, stage_papers

SHARED = ("Shared paper", "It runs 3x faster than the baseline and uses 8 GPUs.")


def extracted(path: Path) -> ExtractedDigest:
    """The first two pipeline stages, staged beside the digest file."""
    staging = path.parent / "staging" / path.name
    parsed = stage_papers(stream_digest(path, year=2024), staging / "papers.parquet")
    return stage_claims(parsed, extract_papers, staging / "claims.parquet", current_version())


def load(db: Path, path: Path) -> str:
    with writable(db) as con:
        return load_digest(con, extracted(path), started_at=dt.datetime.now()).status


def counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            table: con.execute(f"select count(*) from {table}").fetchone()[0]
            for table in ("digests", "papers", "digest_papers", "claims", "claim_mentions")
        }


def write_digest(tmp_path: Path, name: str, papers: list[tuple[str, str]]) -> Path:
    path = tmp_path / name
    path.write_text(digest_text("Mar 11", papers), encoding="utf-8")
    return path


def test_same_digest_twice_changes_nothing(tmp_path: Path, db_path: Path) -> None:
    path = write_digest(tmp_path, "a.txt", [SHARED, ("Other", "We cut memory by 62%.")])
    assert load(db_path, path) == "loaded"
    first = counts(db_path)
    assert first["claims"] >= 3
    assert load(db_path, path) == "unchanged"
    assert counts(db_path) == first
    statuses = run_query(db_path, "select status from ingest_runs order by run_id")
    assert statuses["status"].to_list() == ["loaded", "unchanged"]


def test_changed_file_under_same_name_replaces_its_rows(tmp_path: Path, db_path: Path) -> None:
    path = write_digest(tmp_path, "a.txt", [SHARED, ("Old paper", "We cut memory by 62%.")])
    load(db_path, path)
    write_digest(tmp_path, "a.txt", [("New paper", "A 12% gain on GSM8K.")])
    assert load(db_path, path) == "loaded"
    titles = run_query(db_path, "select title from papers")["title"].to_list()
    assert titles == ["New paper"]
    texts = run_query(db_path, "select text from claim_mentions")["text"].to_list()
    assert texts == ["12%"]


def test_paper_in_two_digests_is_stored_once(tmp_path: Path, db_path: Path) -> None:
    load(db_path, write_digest(tmp_path, "a.txt", [SHARED]))
    edited = ("Shared  paper", SHARED[1])  # whitespace edit of the same title
    load(db_path, write_digest(tmp_path, "b.txt", [("First of b", "No numbers here."), edited]))
    assert counts(db_path)["papers"] == 2
    rows = run_query(
        db_path,
        "select digest, paper_idx, count(*) as n from claim_mentions group by all order by 1",
    ).rows()
    assert [(d, i) for d, i, _ in rows] == [("a.txt", 0), ("b.txt", 1)]
    assert rows[0][2] == rows[1][2]
    # Replacing b keeps the shared paper for a.
    load(db_path, write_digest(tmp_path, "b.txt", [("Only b", "We use 4 GPUs.")]))
    digests = run_query(db_path, "select distinct digest from claim_mentions order by 1")
    assert digests["digest"].to_list() == ["a.txt", "b.txt"]
    assert counts(db_path)["papers"] == 2


def test_a_failed_load_leaves_the_previous_version_whole(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_digest(tmp_path, "a.txt", [SHARED, ("Other", "We cut memory by 62%.")])
    load(db_path, path)
    before = counts(db_path)
    write_digest(tmp_path, "a.txt", [("Replacement", "A 5% gain.")])
    real = load_module.execute_file

    def crash_midway(con: duckdb.DuckDBPyConnection, name: str, **params: object) -> list:
        rows = real(con, name, **params)
        if name == "load/replace_digest.sql":
            raise RuntimeError("killed after the inserts")
        return rows

    monkeypatch.setattr(load_module, "execute_file", crash_midway)
    with pytest.raises(RuntimeError):
        load(db_path, path)
    visible = ("digests", "digest_papers", "claim_mentions")
    assert {t: counts(db_path)[t] for t in visible} == {t: before[t] for t in visible}
    titles = run_query(db_path, "select distinct title from claim_mentions order by 1")
    assert titles["title"].to_list() == ["Other", "Shared paper"]
    # The new paper went in ahead, unlinked; the next load links or removes it.
    monkeypatch.setattr(load_module, "execute_file", real)
    assert load(db_path, path) == "loaded"
    titles = run_query(db_path, "select title from papers order by 1")["title"].to_list()
    assert titles == ["Replacement"]


def test_refused_file_keeps_what_was_loaded(tmp_path: Path, db_path: Path) -> None:
    path = write_digest(tmp_path, "a.txt", [SHARED])
    load(db_path, path)
    path.write_bytes(b"%PDF-1.4 garbage")
    assert load(db_path, path) == "refused"
    assert counts(db_path)["papers"] == 1
    errors = run_query(db_path, "select digest, paper_idx, message from ingest_errors").rows()
    assert errors == [("a.txt", None, "file is a PDF, not digest text")]


@pytest.mark.parametrize(
    "query",
    [
        "delete from claims",
        "insert into papers select * from papers",
        "create table t as select 1",
        "attach 'other.duckdb' as other",
        "install httpfs",
        "copy claims to 'out.csv'",
        "select 1; drop table claims",
        "set enable_external_access = true",
    ],
)
def test_sql_that_writes_or_reaches_out_is_refused(
    tmp_path: Path, db_path: Path, query: str
) -> None:
    load(db_path, write_digest(tmp_path, "a.txt", [SHARED]))
    with pytest.raises(RefusedQuery):
        run_query(db_path, query)
    assert counts(db_path)["claims"] > 0


def test_reading_files_through_sql_is_refused(tmp_path: Path, db_path: Path) -> None:
    load(db_path, write_digest(tmp_path, "a.txt", [SHARED]))
    with pytest.raises(RefusedQuery, match="file system operations are disabled"):
        run_query(db_path, "select * from read_csv('/etc/hostname')")


def test_new_papers_go_in_by_chunks_and_show_only_when_linked(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(load_module, "CHUNK_PAPERS", 2)
    papers = [(f"Paper {i}", f"It is {i + 2}x faster.") for i in range(5)]
    path = write_digest(tmp_path, "a.txt", papers)
    commits: list[str] = []
    real = load_module.execute_file

    def spy(con: duckdb.DuckDBPyConnection, name: str, **params: object) -> list:
        commits.append(name)
        return real(con, name, **params)

    monkeypatch.setattr(load_module, "execute_file", spy)
    assert load(db_path, path) == "loaded"
    assert commits.count("load/insert_unseen_chunk.sql") == 3  # 5 papers, 2 a chunk
    assert counts(db_path)["papers"] == 5
    values = run_query(db_path, "select value from claim_mentions order by paper_idx")
    assert values["value"].to_list() == [2.0, 3.0, 4.0, 5.0, 6.0]


def test_a_paper_listed_twice_in_a_digest_is_extracted_and_stored_once(
    tmp_path: Path, db_path: Path
) -> None:
    path = write_digest(tmp_path, "a.txt", [SHARED, ("Other", "We cut memory by 62%."), SHARED])
    staged = extracted(path)
    claims = pl.read_parquet(staged.claims_path)
    assert set(claims["paper_idx"].to_list()) == {0, 1}  # the repeat is not extracted again
    with writable(db_path) as con:
        assert load_digest(con, staged, started_at=dt.datetime.now()).status == "loaded"
    stored = counts(db_path)
    assert (stored["papers"], stored["digest_papers"]) == (2, 3)
    assert stored["claims"] == claims.height


def test_writers_store_small_row_groups(db_path: Path) -> None:
    # A checkpoint compresses a row group at once; small ones keep a load's peak flat.
    rows = 3 * connection.ROW_GROUP_ROWS
    with writable(db_path) as con:
        con.execute("create table numbers as select range as n from range($rows)", {"rows": rows})
        con.execute("checkpoint")
        (groups,) = con.execute(
            "select count(distinct row_group_id) from pragma_storage_info('numbers')"
        ).fetchone()
    assert groups == 3


def test_a_second_writer_in_the_same_process_waits_for_the_first(db_path: Path) -> None:
    got: list[int] = []
    with writable(db_path) as first:
        first.execute("create table t as select 1 as n")

        def second_writer() -> None:
            with writable(db_path, wait_seconds=30) as second:
                got.append(second.execute("select count(*) from t").fetchone()[0])

        waiting = threading.Thread(target=second_writer)
        waiting.start()
        time.sleep(0.5)
        assert got == []  # still waiting: the file is attached by the first writer
    waiting.join(timeout=30)
    assert got == [1]


def test_writers_reapply_the_schema_only_when_its_files_changed(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with writable(db_path) as con:
        con.execute("drop view claim_mentions")  # gone, and the files are the same...
    with writable(db_path) as con:
        views = {row[0] for row in con.execute("select view_name from duckdb_views()").fetchall()}
    assert "claim_mentions" not in views  # ...so nothing re-created it
    monkeypatch.setattr(connection, "schema_fingerprint", lambda: "edited schema files")
    with writable(db_path) as con:
        views = {row[0] for row in con.execute("select view_name from duckdb_views()").fetchall()}
    assert "claim_mentions" in views
