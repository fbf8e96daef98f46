"""Issue 15: `claims sql` cannot hold the machine. A time limit, Ctrl-C that stops
the query, and a row cap, on a real `claims` process and a real warehouse file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.procs import wait_until
from warehouse.connection import writable

CLAIMS = str(Path(sys.executable).parent / "claims")
ENDLESS = "select count(*) from range(1000000000000)"


@pytest.fixture
def warehouse(db_path: Path) -> Path:
    with writable(db_path):
        pass
    return db_path


def claims_sql(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CLAIMS, "sql", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_a_query_past_its_time_limit_is_stopped(warehouse: Path) -> None:
    proc = claims_sql(ENDLESS, "--timeout", "1", "--db", str(warehouse))
    assert proc.returncode == 1
    assert proc.stderr.startswith("claims sql: query stopped after 1 s"), proc.stderr
    assert len(proc.stderr.splitlines()) == 1


def test_ctrl_c_interrupts_a_running_query(warehouse: Path) -> None:
    proc = subprocess.Popen(
        [CLAIMS, "sql", ENDLESS, "--timeout", "0", "--db", str(warehouse)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # The warehouse is open once the process holds a descriptor on it.
        def opened() -> bool:
            fds = Path(f"/proc/{proc.pid}/fd")
            return any(os.path.realpath(fd) == str(warehouse) for fd in fds.iterdir())

        assert wait_until(opened, seconds=60)
        wait_until(lambda: False, seconds=0.5)  # into the query
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)  # the query alone would run for hours
        assert proc.returncode == 130
        assert "interrupted" in err and "Traceback" not in err
    finally:
        proc.kill()
        proc.wait()


def test_rows_past_the_cap_are_left_out_with_a_note(warehouse: Path) -> None:
    proc = claims_sql("select * from range(20000) order by 1 desc", "--format", "csv",
                      "--db", str(warehouse))  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 1 + 10_000 and lines[1] == "19999"
    assert "showing the first 10,000 rows" in proc.stderr
    proc = claims_sql("select * from range(1000000000)", "--max-rows", "3", "--format", "csv",
                      "--db", str(warehouse))  # fmt: skip
    assert proc.stdout.splitlines() == ["range", "0", "1", "2"]
    assert "first 3 rows" in proc.stderr
    proc = claims_sql("select 1 as x", "--db", str(warehouse))
    assert proc.returncode == 0 and proc.stderr == ""
