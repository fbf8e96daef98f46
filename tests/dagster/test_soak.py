"""Soak: the shared corpus in many concurrent partitions gives exactly the rows of
one sequential ingest. Long; excluded from the default run (`make soak`)."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT

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


def claims(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "CLAIMS_N_PROCESS": "1"}
    return subprocess.Popen(
        [str(Path(sys.executable).parent / "claims"), *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
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
