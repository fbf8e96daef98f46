"""An already loaded file answers `unchanged` from its hash, without a Dagster run."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import duckdb
import pytest

import dagster_project.ingest
from cli.main import main
from dagster_project.ingest import ingest_files
from tests.conftest import GOLD_DIGEST, digest_text
from warehouse.load import UNCHANGED_MESSAGE

GOOD = ("Fast Things", "We make things 2x faster than the baseline.")
NO_ABSTRACT = "A Title Without Its Abstract"


def runs(db: Path) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(
            "select status, dagster_run_id is not null, papers_read, papers_loaded,"
            " mentions_loaded, problems, message from ingest_runs order by run_id"
        ).fetchall()


def errors(db: Path, run_id: int) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(
            "select digest, paper_idx, stage, severity, message, excerpt from ingest_errors"
            " where run_id = ? order by all",
            [run_id],
        ).fetchall()


def test_an_unchanged_file_starts_no_dagster_run(db_path: Path) -> None:
    instance = dg.DagsterInstance.ephemeral()
    (first,) = ingest_files([GOLD_DIGEST], db_path=db_path, instance=instance)
    assert first.status == "loaded"
    assert len(instance.get_runs()) == 1
    (again,) = ingest_files([GOLD_DIGEST], db_path=db_path, instance=instance)
    assert len(instance.get_runs()) == 1  # the asset path was never entered
    assert (again.status, again.papers_loaded, again.mentions_loaded) == (
        "unchanged",
        first.papers_loaded,
        first.mentions_loaded,
    )
    loaded, unchanged = runs(db_path)
    assert loaded[:2] == ("loaded", True)
    assert unchanged == ("unchanged", False, *loaded[2:6], UNCHANGED_MESSAGE)


def test_an_unchanged_file_repeats_its_read_problems(tmp_path: Path, db_path: Path) -> None:
    page = tmp_path / "broken.txt"
    page.write_text(digest_text("Mar 11", [GOOD]) + NO_ABSTRACT + "\n", encoding="utf-8")
    (first,) = ingest_files([page], db_path=db_path)
    assert first.status == "loaded" and first.problems == 1
    (again,) = ingest_files([page], db_path=db_path)
    assert (again.status, again.problems) == ("unchanged", 1)
    assert runs(db_path)[1][5] == 1
    assert errors(db_path, 2) == errors(db_path, 1) != []


def test_a_changed_file_still_goes_through_dagster(tmp_path: Path, db_path: Path) -> None:
    page = tmp_path / "d.txt"
    page.write_text(digest_text("Mar 11", [GOOD]), encoding="utf-8")
    instance = dg.DagsterInstance.ephemeral()
    list(ingest_files([page], db_path=db_path, instance=instance))
    page.write_text(digest_text("Mar 11", [GOOD, ("Second", "It is 3x smaller.")]), "utf-8")
    (outcome,) = ingest_files([page], db_path=db_path, instance=instance)
    assert (outcome.status, outcome.papers_loaded) == ("loaded", 2)
    assert len(instance.get_runs()) == 2


def test_cli_answers_unchanged_files_without_importing_the_asset_path(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    new = tmp_path / "new.txt"
    new.write_text(digest_text("Mar 12", [GOOD]), encoding="utf-8")
    assert main(["ingest", str(GOLD_DIGEST), "--db", str(db_path)]) == 0
    capsys.readouterr()
    entered: list[list[Path]] = []
    real = dagster_project.ingest.ingest_files

    def spy(paths, **kwargs):  # type: ignore[no-untyped-def]
        entered.append(list(paths))
        return real(entered[-1], **kwargs)

    monkeypatch.setattr(dagster_project.ingest, "ingest_files", spy)
    assert main(["ingest", str(GOLD_DIGEST), "--db", str(db_path)]) == 0
    assert entered == []
    assert capsys.readouterr().out.startswith(f"{GOLD_DIGEST.name}: unchanged, 164 papers, ")
    # Order is kept when only some files need Dagster.
    assert main(["ingest", str(GOLD_DIGEST), str(new), str(GOLD_DIGEST), "--db", str(db_path),
                 "--jobs", "1"]) == 0  # fmt: skip
    assert entered == [[new]]
    statuses = [line.split(",")[0] for line in capsys.readouterr().out.splitlines()]
    assert statuses == [f"{GOLD_DIGEST.name}: unchanged", "new.txt: loaded",
                        f"{GOLD_DIGEST.name}: unchanged"]  # fmt: skip
