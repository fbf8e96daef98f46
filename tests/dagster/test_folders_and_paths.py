"""Issue 15: what a folder holds that cannot be ingested is said, not skipped; a
refused file is retried when it changes, not every day; and a run launched from
the UI reads only the files its partition may read."""

from __future__ import annotations

import contextvars
import datetime as dt
import os
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from cli.main import main
from dagster_project.assets import ASSETS
from dagster_project.ingest import ingest_files
from dagster_project.partitions import digest_partitions
from dagster_project.resources import make_resources
from dagster_project.schedules import daily_reingest_schedule
from dagster_project.sensors import digest_inbox_sensor
from tests.conftest import OTHER_DIGEST, digest_text

ABSTRACT = "Our method is 2.5x faster than the baseline and reaches 83.5% top-1 accuracy."


def odd_folder(folder: Path) -> Path:
    folder.mkdir()
    (folder / "good.txt").write_text(digest_text("Mar 11", [("A title", ABSTRACT)]))
    os.mkfifo(folder / "pipe.txt")
    (folder / "link.txt").symlink_to(folder / "gone.txt")
    (folder / "bad...txt").write_text(digest_text("Mar 11", [("Other", ABSTRACT)]))
    return folder


def test_the_cli_reports_fifos_dangling_links_and_unusable_names(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = odd_folder(tmp_path / "in")
    code = main(["ingest", str(folder), "--jobs", "1", "--year", "2024", "--db", str(db_path)])
    assert code == 1
    lines = dict(line.split(": ", 1) for line in capsys.readouterr().out.splitlines())
    assert lines["good.txt"].startswith("loaded")
    assert lines["pipe.txt"].startswith("failed: a FIFO")
    assert lines["link.txt"].startswith("failed: dangling link")
    assert "rename it" in lines["bad...txt"]


def test_the_inbox_sensor_says_what_it_does_not_ingest(tmp_path: Path) -> None:
    inbox = odd_folder(tmp_path / "inbox")
    (inbox / "good.txt").unlink()
    context = dg.build_sensor_context(
        instance=dg.DagsterInstance.ephemeral(),
        resources={"settings": make_resources(inbox_dir=inbox)["settings"]},
    )
    result = digest_inbox_sensor(context)
    assert isinstance(result, dg.SkipReason)
    text = result.skip_message or ""
    assert "'pipe.txt' (a FIFO" in text and "'link.txt' (dangling link" in text
    assert "'bad...txt' (file name holds" in text


def run_keys(db: Path, inbox: Path, key: str, day: int) -> list[str]:
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions(digest_partitions.name, [key])
        resources = make_resources(db_path=db, inbox_dir=inbox)
        context = dg.build_schedule_context(
            instance=instance,
            scheduled_execution_time=dt.datetime(2026, 11, day, 4, tzinfo=dt.UTC),
            resources={"warehouse": resources["warehouse"], "settings": resources["settings"]},
        )
        return [r.run_key for r in daily_reingest_schedule(context)]


def test_a_refused_file_is_retried_when_it_changes_not_every_day(
    tmp_path: Path, db_path: Path
) -> None:
    path = tmp_path / "elsewhere" / "broken.txt"
    path.parent.mkdir()
    path.write_bytes(b"")
    (outcome,) = ingest_files([path], db_path=db_path)
    assert outcome.status == "refused"
    inbox = tmp_path / "inbox"

    def keys(day: int) -> list[str]:
        return contextvars.copy_context().run(run_keys, db_path, inbox, path.name, day)

    first, next_day = keys(22), keys(23)
    assert len(first) == 1 and first == next_day  # one run key: Dagster launches it once
    path.write_text("now it holds something", encoding="utf-8")
    assert keys(24) != first


def test_a_ui_run_reads_only_its_partitions_files(tmp_path: Path, db_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(digest_text("Mar 11", [("Not a digest of ours", ABSTRACT)]))
    instance = dg.DagsterInstance.ephemeral()
    instance.add_dynamic_partitions(digest_partitions.name, [OTHER_DIGEST.name])
    result = dg.materialize(
        ASSETS,
        partition_key=OTHER_DIGEST.name,
        instance=instance,
        resources=make_resources(db_path=db_path, inbox_dir=tmp_path / "inbox"),
        run_config={"ops": {"parsed_digest": {"config": {"path": str(secret)}}}},
        raise_on_error=False,
    )
    assert not result.success
    failure = next(e for e in result.all_events if e.is_step_failure)
    assert "refused to read" in failure.step_failure_data.error.message
    assert not db_path.exists() or duckdb.connect(str(db_path)).execute(
        "select count(*) from papers"
    ).fetchone() == (0,)
