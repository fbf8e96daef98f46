"""`claims` end to end: ingest, sql, eval and summary on a real warehouse file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from cli.main import main
from tests.conftest import DIGESTS, GOLD, GOLD_DIGEST, ROOT


def claims(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed console script, as a user would."""
    return subprocess.run(
        [str(Path(sys.executable).parent / "claims"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )


@pytest.mark.slow
def test_ingest_twice_then_count_is_stable(db_path: Path) -> None:
    first = claims("ingest", str(DIGESTS), "--db", str(db_path))
    assert first.returncode == 0, first.stderr
    assert "000_35864b3586657c5a.txt: loaded, 164 papers" in first.stdout
    assert "\r" not in first.stderr and "papers [" not in first.stderr, "no bar off a terminal"
    count = claims("sql", "select count(*) as n from claim_mentions", "--db", str(db_path),
                   "--format", "jsonl")  # fmt: skip
    n = json.loads(count.stdout)["n"]
    assert n > 300
    again = claims("ingest", str(DIGESTS), "--db", str(db_path))
    assert again.returncode == 0
    assert again.stdout.count(": unchanged") == 2
    recount = claims("sql", "select count(*) as n from claim_mentions", "--db", str(db_path),
                     "--format", "jsonl")  # fmt: skip
    assert json.loads(recount.stdout)["n"] == n


def test_sql_refuses_writes_with_a_clear_message(db_path: Path) -> None:
    assert main(["ingest", str(GOLD_DIGEST), "--db", str(db_path)]) == 0
    result = claims("sql", "drop table claims", "--db", str(db_path))
    assert result.returncode == 2
    assert "refused" in result.stderr
    assert "Traceback" not in result.stderr


def test_sql_formats(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["ingest", str(GOLD_DIGEST), "--db", str(db_path)])
    capsys.readouterr()
    query = "select unit, count(*) as n from claim_mentions group by unit order by n desc limit 2"
    assert main(["sql", query, "--db", str(db_path), "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "unit,n" and len(lines) == 3
    assert main(["sql", query, "--db", str(db_path)]) == 0
    assert "| unit" in capsys.readouterr().out


def test_eval_prints_scores(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(GOLD), str(GOLD_DIGEST), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    for label in ("all", "result", "kind", "role", "direction", "qualifier", "metric", "baseline"):
        assert label in out


@pytest.mark.slow
def test_summary_after_make_run_style_ingest(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["ingest", str(DIGESTS), "--db", str(db_path)])
    capsys.readouterr()
    assert main(["summary", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "Five largest claimed speedups" in out
    assert "| digests | papers | mentions" in out


def test_missing_warehouse_and_missing_file_are_clear(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sql", "select 1", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no warehouse" in capsys.readouterr().err
    assert main(["ingest", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "w.duckdb")]) == 1
    assert "no such file" in capsys.readouterr().out


@pytest.mark.slow
def test_files_side_by_side_load_what_one_after_another_loads(tmp_path: Path) -> None:
    from dagster_project.ingest import ingest_files

    files = [GOLD_DIGEST, tmp_path / "missing.txt", DIGESTS / "003_53803ac19bd5bfa5.txt"]
    rows = {}
    for jobs in (1, 2):
        db = tmp_path / f"jobs{jobs}.duckdb"
        outcomes = list(ingest_files(files, db_path=db, jobs=jobs))
        assert [(o.digest, o.status) for o in outcomes] == [
            (GOLD_DIGEST.name, "loaded"),
            ("missing.txt", "failed"),
            ("003_53803ac19bd5bfa5.txt", "loaded"),
        ]
        with duckdb.connect(str(db), read_only=True) as con:
            rows[jobs] = con.execute("select * from claim_mentions order by all").fetchall()
    assert len(rows[1]) > 300
    assert rows[2] == rows[1]
