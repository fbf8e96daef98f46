"""Bad input, kills and concurrent ingests: nothing crashes, nothing good is lost,
nothing is counted twice. Each case runs the real ingest path end to end."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from cli.main import main
from dagster_project.ingest import ingest_files
from tests.conftest import GOLD_DIGEST, HEADER, OTHER_DIGEST, ROOT, digest_text

ABSTRACT = "Our method is 2.5x faster than the baseline and reaches 83.5% top-1 accuracy."


def rows(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "file is empty"),
        (HEADER.encode(), "only the digest header"),
        (b"%PDF-1.5\n" + os.urandom(3000), "PDF"),
        (os.urandom(5000), "binary"),
    ],
    ids=["empty", "header-only", "pdf", "garbage"],
)
def test_unreadable_files_are_recorded_as_refused_runs(
    tmp_path: Path, db_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    (outcome,) = ingest_files([path], db_path=db_path)
    assert outcome.status == "refused"
    assert message in outcome.message
    assert rows(db_path, "select status, papers_loaded from ingest_runs") == [("refused", 0)]
    assert rows(db_path, "select count(*) from ingest_errors where paper_idx is null") == [(1,)]
    assert rows(db_path, "select count(*) from papers") == [(0,)]


def test_a_200_mb_page_is_refused_without_reading_it(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.write(digest_text("Mar 11", [("Title", ABSTRACT)]).encode())
        f.truncate(200 * 1024 * 1024)  # sparse: 200 MB without writing them
    assert main(["ingest", str(path), "--db", str(db_path)]) == 1
    out = capsys.readouterr()
    assert "too large for a digest page" in out.out
    assert "Traceback" not in out.err


def test_broken_papers_are_reported_and_the_rest_of_the_digest_loads(
    tmp_path: Path, db_path: Path
) -> None:
    text = (
        HEADER + "Mar 11\n\n"
        + "Good first\n\n" + ABSTRACT + "\n\n"
        + "Orphan title\n\n"
        + "Good second\n\n" + ABSTRACT + "\n\n"
        + "Huge\n\n" + ("word " * 12_000) + ".\n\n"
        + "Cut\n\n" + "It is 3x faster and then the text stops mid"
    )  # fmt: skip
    path = tmp_path / "broken.txt"
    path.write_text(text, encoding="utf-8")
    (outcome,) = ingest_files([path], db_path=db_path, year=2024)
    assert outcome.status == "loaded"
    titles = rows(db_path, "select title from claim_mentions group by title order by title")
    assert titles == [("Cut",), ("Good first",), ("Good second",)]
    errors = rows(db_path, "select paper_idx, severity from ingest_errors order by paper_idx")
    assert errors == [(1, "error"), (3, "error"), (4, "warning")]


def test_bad_json_lines_are_reported_and_the_good_ones_load(tmp_path: Path, db_path: Path) -> None:
    lines = [
        json.dumps({"id": "1", "title": "Good", "summary": "A 12% gain on GSM8K."}),
        '{"id": "2", "title": "Broken',
        json.dumps({"id": "3", "summary": "No title, 5x faster."}),
        json.dumps({"id": "4", "title": 7, "summary": "Wrong type."}),
        json.dumps({"id": "1", "title": "Same id again", "summary": "A 3% gain."}),
        json.dumps({"id": "5", "title": "Also good", "summary": "It uses 8 GPUs."}),
    ]
    path = tmp_path / "listing.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (outcome,) = ingest_files([path], db_path=db_path)
    assert outcome.status == "loaded"
    assert outcome.papers_loaded == 2
    assert rows(db_path, "select paper_idx from digest_papers order by 1") == [(0,), (5,)]
    assert rows(db_path, "select paper_idx from ingest_errors order by 1") == [
        (1,),
        (2,),
        (3,),
        (4,),
    ]


def test_same_paper_with_latex_and_whitespace_edits_is_stored_once(
    tmp_path: Path, db_path: Path
) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(digest_text("Mar 11", [("PIXART-$\\alpha$: Fast Training", ABSTRACT)]))
    b.write_text(digest_text("Mar 12", [("PIXART-\\alpha:  Fast  Training", ABSTRACT)]))
    for outcome in ingest_files([a, b], db_path=db_path, year=2024):
        assert outcome.status == "loaded"
    assert rows(db_path, "select count(*) from papers") == [(1,)]
    assert rows(db_path, "select count(distinct digest) from claim_mentions") == [(2,)]


KILLED_LOAD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from warehouse import load
    real = load.execute_file
    def slow(con, name, **params):
        rows = real(con, name, **params)
        if name == "load/replace_digest.sql":
            Path(sys.argv[3]).touch()  # inserts done, transaction still open
            time.sleep(120)
        return rows
    load.execute_file = slow
    from dagster_project.ingest import ingest_files
    list(ingest_files([sys.argv[1]], db_path=sys.argv[2]))
    """
)


@pytest.mark.slow
def test_a_load_killed_midway_leaves_the_old_version_and_a_rerun_completes(
    tmp_path: Path, db_path: Path
) -> None:
    path = tmp_path / "d.txt"
    path.write_text(digest_text("Mar 11", [("Old", ABSTRACT)]), encoding="utf-8")
    list(ingest_files([path], db_path=db_path, year=2024))
    path.write_text(
        digest_text("Mar 11", [("New one", ABSTRACT), ("New two", "We use 8 GPUs.")]),
        encoding="utf-8",
    )
    marker = tmp_path / "inserted"
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_LOAD, str(path), str(db_path), str(marker)], cwd=ROOT
    )
    deadline = time.monotonic() + 120
    while not marker.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
    assert marker.exists(), "the load never reached its inserts"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert rows(db_path, "select distinct title from claim_mentions") == [("Old",)]
    assert rows(db_path, "select paper_count from digests") == [(1,)]
    (outcome,) = ingest_files([path], db_path=db_path, year=2024)
    assert outcome.status == "loaded"
    assert rows(db_path, "select title from papers order by 1") == [("New one",), ("New two",)]


@pytest.mark.slow
def test_two_ingests_at_once_both_succeed(tmp_path: Path, db_path: Path) -> None:
    def start(path: Path) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [
                str(Path(sys.executable).parent / "claims"),
                "ingest",
                str(path),
                "--db",
                str(db_path),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    procs = [start(GOLD_DIGEST), start(OTHER_DIGEST)]
    outputs = [p.communicate(timeout=600) for p in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert ": loaded" in out
        assert "lock" not in (out + err).lower()
    assert rows(db_path, "select count(*) from digests") == [(2,)]
    assert rows(db_path, "select count(*) from digest_papers") == [(164 + 55,)]


def test_a_file_name_dagster_cannot_key_is_reported(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "digest...txt"
    path.write_text(digest_text("Mar 11", [("Title", ABSTRACT)]), encoding="utf-8")
    (outcome,) = ingest_files([path], db_path=db_path)
    assert outcome.status == "failed"
    assert "rename it" in outcome.message
