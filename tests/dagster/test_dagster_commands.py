"""The Dagster command line on the real project: `dg check defs`, and a partition
materialized by `dagster asset materialize` into a temporary warehouse."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from dagster_project.partitions import digest_partitions
from tests.conftest import OTHER_DIGEST, ROOT

BIN = Path(sys.executable).parent

pytestmark = pytest.mark.slow  # each command starts Dagster afresh


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / args[0]), *args[1:]], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=600,
    )  # fmt: skip


def test_dg_check_defs_passes(tmp_path: Path) -> None:
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path)}
    result = run("dg", "check", "defs", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All definitions loaded successfully" in result.stdout + result.stderr


def test_command_line_materializes_one_partition(tmp_path: Path) -> None:
    home, inbox, db = tmp_path / "home", tmp_path / "inbox", tmp_path / "w.duckdb"
    home.mkdir()
    inbox.mkdir()
    shutil.copy(OTHER_DIGEST, inbox / OTHER_DIGEST.name)
    env = {**os.environ, "DAGSTER_HOME": str(home), "CLAIMS_DB": str(db),
           "CLAIMS_INBOX": str(inbox)}  # fmt: skip
    add_partition = (
        "import dagster as dg; dg.DagsterInstance.get().add_dynamic_partitions("
        f"{digest_partitions.name!r}, [{OTHER_DIGEST.name!r}])"
    )
    added = subprocess.run([sys.executable, "-c", add_partition], env=env, check=False)
    assert added.returncode == 0
    result = run(
        "dagster", "asset", "materialize", "-m", "dagster_project.definitions",
        "--select", "parsed_digest,extracted_mentions,warehouse_digest",
        "--partition", OTHER_DIGEST.name, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from digest_papers").fetchone()[0] == 55
        assert con.execute("select status from ingest_runs").fetchall() == [("loaded",)]
