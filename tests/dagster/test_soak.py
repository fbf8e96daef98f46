"""Soak: the shared corpus in many concurrent partitions gives exactly the rows of
one sequential ingest, and so does an ingest stopped by SIGTERM halfway and run
again. Long; excluded from the default run (`make soak`)."""

from __future__ import annotations

import gzip
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT
from tests.procs import group, wait_until

CORPUS = ROOT.parent / "shared" / "corpus" / "arxiv-daily-2025.jsonl.gz"
PARTS = 12
CONCURRENT = 4

pytestmark = [pytest.mark.soak, pytest.mark.slow]  # slow too, so `-m 'not slow'` skips it

FINGERPRINT = """
select
    (select count(*) from digests) as digests,
    (select count(*) from papers) as papers,
    (select count(*) from digest_papers) as links,
    (select count(*) from claims) as claims,
    (select count(*) from ingest_errors) as errors,
    (select sum(hash(paper_key, mention_idx, text, unit, canonical_value, kind, role))
     from claims) as claims_hash
"""


def split_corpus(into: Path) -> list[Path]:
    into.mkdir()
    with gzip.open(CORPUS, "rt", encoding="utf-8") as src:
        lines = src.readlines()
    size = -(-len(lines) // PARTS)
    parts = []
    for i in range(PARTS):
        part = into / f"part-{i:02d}.jsonl"
        part.write_text("".join(lines[i * size : (i + 1) * size]), encoding="utf-8")
        parts.append(part)
    return parts


def claims(*args: str, session: bool = False) -> subprocess.Popen[str]:
    env = {**os.environ, "CLAIMS_N_PROCESS": "1"}
    return subprocess.Popen(
        [str(Path(sys.executable).parent / "claims"), *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=session,  # its own process group, as systemd and `timeout` run it
    )


def fingerprint(db: Path) -> tuple:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(FINGERPRINT).fetchone()


@pytest.mark.skipif(not CORPUS.exists(), reason="needs ../shared/corpus")
def test_concurrent_partitions_match_a_sequential_ingest(tmp_path: Path) -> None:
    parts = split_corpus(tmp_path / "parts")
    sequential = tmp_path / "sequential.duckdb"
    proc = claims("ingest", *map(str, parts), "--db", str(sequential))
    _, err = proc.communicate(timeout=3600)
    assert proc.returncode == 0, err

    concurrent = tmp_path / "concurrent.duckdb"
    procs = [
        claims("ingest", *map(str, parts[i::CONCURRENT]), "--db", str(concurrent))
        for i in range(CONCURRENT)
    ]
    for p in procs:
        _, err = p.communicate(timeout=3600)
        assert p.returncode == 0, err
        assert "lock" not in err.lower()
    expected = fingerprint(sequential)
    assert expected[0] == PARTS and expected[3] > 10_000
    assert fingerprint(concurrent) == expected

    # SIGTERM to the whole group halfway through a parallel ingest, as `timeout` or
    # systemd sends it: nothing outlives it, no lock is left, and a rerun completes.
    stopped = tmp_path / "stopped.duckdb"
    proc = claims("ingest", *map(str, parts), "--jobs", "2", "--db", str(stopped), session=True)
    first_line = proc.stdout.readline()  # one file loaded: the others are in flight
    assert ": loaded" in first_line, first_line + proc.stderr.read()
    os.killpg(proc.pid, signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert "stopped by SIGTERM" in err and "Traceback" not in err
    assert wait_until(lambda: not group(proc.pid), seconds=60), f"left alive: {group(proc.pid)}"
    duckdb.connect(str(stopped)).close()  # raises at once if a write lock outlived its process
    proc = claims("ingest", *map(str, parts), "--db", str(stopped))
    _, err = proc.communicate(timeout=3600)
    assert proc.returncode == 0, err
    # ingest_errors also holds the rerun's reports of the files already loaded
    without_errors = [0, 1, 2, 3, 5]
    rerun = fingerprint(stopped)
    assert [rerun[i] for i in without_errors] == [expected[i] for i in without_errors]
