"""Issue 15, data nobody should lose: input the reader used to refuse whole or merge
silently is loaded, each paper under a key of its own, and every merge is a row of
`ingest_errors`. Each case runs the real ingest path into a real DuckDB file."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb

from dagster_project.ingest import ingest_files
from tests.conftest import HEADER, ROOT, digest_text

ABSTRACT = "Our method is 2.5x faster than the baseline and reaches 83.5% top-1 accuracy."
OTHER = "We train on 8 GPUs for 3 days and cut the error by 12%."


def rows(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_a_page_without_a_date_line_loads_dated_by_its_modification_time(
    tmp_path: Path, db_path: Path
) -> None:
    path = tmp_path / "undated.txt"
    path.write_text(HEADER + "A title\n\n" + ABSTRACT + "\n\nSecond\n\n" + OTHER + "\n")
    stamp = dt.datetime(2024, 3, 5, 12).timestamp()
    os.utime(path, (stamp, stamp))
    (outcome,) = ingest_files([path], db_path=db_path)
    assert outcome.status == "loaded", outcome
    assert outcome.papers_loaded == 2
    assert rows(db_path, "select digest_date from digests") == [(dt.date(2024, 3, 5),)]
    ((severity, message),) = rows(db_path, "select severity, message from ingest_errors")
    assert severity == "warning" and "no date line" in message


def test_an_undated_page_from_the_future_is_dated_today(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "future.txt"
    path.write_text("A title\n\n" + ABSTRACT + "\n")
    stamp = (dt.datetime.now() + dt.timedelta(days=400)).timestamp()
    os.utime(path, (stamp, stamp))
    (outcome,) = ingest_files([path], db_path=db_path)
    assert outcome.status == "loaded", outcome
    assert rows(db_path, "select digest_date from digests") == [(dt.date.today(),)]


def test_different_papers_with_one_title_in_a_page_are_all_kept(
    tmp_path: Path, db_path: Path
) -> None:
    path = tmp_path / "same-title.txt"
    papers = [("Introduction", ABSTRACT), ("Introduction", OTHER), ("Introduction", ABSTRACT)]
    path.write_text(digest_text("Mar 11", papers))
    (outcome,) = ingest_files([path], db_path=db_path, year=2024)
    assert outcome.status == "loaded", outcome
    assert rows(db_path, "select abstract from papers order by 1") == [(ABSTRACT,), (OTHER,)]
    assert rows(db_path, "select count(*) from digest_papers") == [(3,)]
    errors = rows(db_path, "select paper_idx, severity, message from ingest_errors order by 1")
    assert [(idx, severity) for idx, severity, _ in errors] == [(1, "warning"), (2, "warning")]
    assert "another abstract" in errors[0][2]
    assert "listed again" in errors[1][2]


def test_titles_of_only_symbols_do_not_share_a_key(tmp_path: Path, db_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(digest_text("Mar 11", [("🚀🚀", ABSTRACT)]))
    b.write_text(digest_text("Mar 12", [("∑ ∫ ∂", OTHER)]))
    for outcome in ingest_files([a, b], db_path=db_path, year=2024):
        assert outcome.status == "loaded", outcome
    assert rows(db_path, "select title from papers order by 1") == [("∑ ∫ ∂",), ("🚀🚀",)]
    assert rows(db_path, "select digest, count(*) from claim_mentions group by 1 order by 1") != []
    assert rows(db_path, "select count(distinct paper_key) from digest_papers") == [(2,)]


def test_json_ids_versions_and_null_summaries(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "listing.jsonl"
    path.write_text(
        "\n".join(
            [
                '{"id": 2401.10, "title": "Numeric id", "summary": "' + ABSTRACT + '"}',
                '{"id": "2401.1", "title": "Text id", "summary": "' + OTHER + '"}',
                json.dumps({"id": "2402.00001", "title": "Version one", "summary": ABSTRACT}),
                json.dumps({"id": "2402.00001v2", "title": "Version two", "summary": OTHER}),
                json.dumps(
                    {"id": "2403.00001", "title": "Null", "summary": None, "abstract": OTHER}
                ),
            ]
        )
        + "\n"
    )
    (outcome,) = ingest_files([path], db_path=db_path)
    assert outcome.status == "loaded", outcome
    assert rows(db_path, "select arxiv_id, title from papers order by 1") == [
        ("2401.1", "Text id"),
        ("2401.10", "Numeric id"),
        ("2402.00001", "Version one"),
        ("2403.00001", "Null"),
    ]
    ((idx, message),) = rows(db_path, "select paper_idx, message from ingest_errors")
    assert idx == 3 and "another version 2402.00001v2" in message


PEAK = """
import sys
from reader.digest_reader import read_digest
digest = read_digest(sys.argv[1])
print([p.title for p in digest.papers], [p.message for p in digest.problems])
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        print(int(line.split()[1]) // 1024)
"""


def test_one_huge_json_line_is_skipped_without_holding_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=1) as f:
        f.write(json.dumps({"id": "1", "title": "Before", "summary": ABSTRACT}).encode() + b"\n")
        f.write(b'{"id": "2", "title": "Huge", "summary": "')
        chunk = b"a" * (1 << 20)
        for _ in range(300):  # 300 MB on one line
            f.write(chunk)
        f.write(b'"}\n')
        f.write(json.dumps({"id": "3", "title": "After", "summary": OTHER}).encode() + b"\n")
    out = subprocess.run(
        [sys.executable, "-c", PEAK, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert out[0].startswith("['Before', 'After'] ['record is 314,572,")
    assert "bytes long" in out[0]
    peak_mb = int(out[1])
    print(f"peak resident memory reading a 300 MB line: {peak_mb} MB")
    assert peak_mb < 150
