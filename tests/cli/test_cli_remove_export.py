"""`claims remove` and `claims export` on a real warehouse file."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import duckdb
import polars as pl
import pytest

from cli.main import main
from dagster_project.partitions import digest_partitions
from tests.conftest import digest_text

P1 = ("Fast Things", "We make things 2x faster than the baseline.")
P2 = ("Shared Paper", "It reduces memory by 40% on ImageNet.")
P3 = ("Other Paper", "We train for 12 hours on 8 GPUs.")


def rows(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.fixture
def two_digests(tmp_path: Path, db_path: Path) -> tuple[Path, Path]:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(digest_text("Mar 11", [P1, P2]), encoding="utf-8")
    b.write_text(digest_text("Mar 12", [P2, P3]), encoding="utf-8")
    assert main(["ingest", str(a), str(b), "--db", str(db_path), "--jobs", "1"]) == 0
    return a, b


def test_remove_takes_a_digest_and_only_its_own_papers(
    two_digests: tuple[Path, Path], db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    b_before = rows(db_path, "select * from claim_mentions where digest = 'b.txt' order by all")
    capsys.readouterr()
    assert main(["remove", "a.txt", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("a.txt: removed, 1 papers, ")
    assert "(1 papers kept: other digests list them)" in out
    assert rows(db_path, "select digest from digests") == [("b.txt",)]
    assert rows(db_path, "select count(*) from ingest_runs where digest = 'a.txt'") == [(0,)]
    titles = {t for (t,) in rows(db_path, "select title from papers")}
    assert titles == {"Shared Paper", "Other Paper"}
    assert rows(db_path, "select count(*) from claims c anti join papers p using (paper_key)") == [
        (0,)
    ]
    after = rows(db_path, "select * from claim_mentions where digest = 'b.txt' order by all")
    assert after == b_before


def test_remove_of_an_unknown_digest_is_clear(
    two_digests: tuple[Path, Path], db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["remove", "nope.txt", "--db", str(db_path)]) == 2
    assert (
        capsys.readouterr().err == "claims remove: the warehouse holds no digest named 'nope.txt'\n"
    )
    assert main(["remove", "a.txt", "--db", str(db_path.with_name("none.duckdb"))]) == 2
    assert not db_path.with_name("none.duckdb").exists()


def test_remove_deletes_the_partition_from_dagster_home(
    two_digests: tuple[Path, Path],
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    home = tmp_path / "dagster_home"
    home.mkdir()
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    with dg.DagsterInstance.get() as instance:
        instance.add_dynamic_partitions(digest_partitions.name, ["a.txt", "b.txt"])
    assert main(["remove", "a.txt", "--db", str(db_path)]) == 0
    assert "partition deleted" in capsys.readouterr().out
    with dg.DagsterInstance.get() as instance:
        assert instance.get_dynamic_partitions(digest_partitions.name) == ["b.txt"]


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_writes_the_views_and_tables(
    bundled_warehouse: Path, tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "export"
    assert main(["export", str(out), "--format", fmt, "--db", str(bundled_warehouse)]) == 0
    printed = capsys.readouterr().out
    names = ["baseline_claims", "claim_details", "claim_mentions", "digests", "papers",
             "result_claims"]  # fmt: skip
    assert sorted(p.name for p in out.iterdir()) == [f"{n}.{fmt}" for n in names]
    read = pl.read_parquet if fmt == "parquet" else pl.read_csv
    for name in names:
        frame = read(out / f"{name}.{fmt}")
        ((expected,),) = rows(bundled_warehouse, f"select count(*) from {name}")
        assert frame.height == expected > 0, name
        assert f"{name}.{fmt}: {expected} rows" in printed
    mentions = read(out / f"claim_mentions.{fmt}")
    assert {"digest", "paper_idx", "canonical_value", "unit"} <= set(mentions.columns)


def test_export_of_a_missing_warehouse_is_clear(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(tmp_path / "x"), "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no warehouse" in capsys.readouterr().err
