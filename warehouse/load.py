"""Load one extracted digest into the warehouse: all of its rows or none.

A digest is the unit of replacement. Loading it again with the same bytes and
the same extractor changes nothing; loading a changed file under the same name
replaces what the old version contributed, in one transaction.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

import duckdb
import polars as pl

from warehouse.frames import ExtractedDigest
from warehouse.sql_files import sql_statements, sql_text

TRANSACTION_RETRIES = 20


@dataclass(frozen=True)
class LoadResult:
    """What one load did, for logs, CLI output and Dagster metadata."""

    run_id: int
    digest: str
    status: str  # loaded | unchanged | refused
    papers_read: int
    papers_loaded: int
    mentions_loaded: int
    problems: int
    message: str


def _execute_file(con: duckdb.DuckDBPyConnection, name: str, **params: object) -> None:
    for statement in sql_statements(name):
        used = {k: v for k, v in params.items() if f"${k}" in statement}
        con.execute(statement, used or None)


def current_state(con: duckdb.DuckDBPyConnection, digest: str) -> tuple[str, str] | None:
    """(content_sha256, extractor_version) of the loaded digest, or None."""
    row = con.execute(sql_text("load/digest_state.sql"), {"digest": digest}).fetchone()
    return (row[0], row[1]) if row else None


def load_digest(
    con: duckdb.DuckDBPyConnection,
    extracted: ExtractedDigest,
    *,
    started_at: dt.datetime,
    dagster_run_id: str | None = None,
) -> LoadResult:
    """Replace the digest's rows and log the run, in one transaction.

    Transaction conflicts with a concurrent writer in this process are retried;
    other processes are kept out by DuckDB's file lock (see `warehouse.connection`).
    """
    for attempt in range(TRANSACTION_RETRIES):
        try:
            return _load_once(con, extracted, started_at, dagster_run_id)
        except duckdb.TransactionException:
            if attempt == TRANSACTION_RETRIES - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def _load_once(
    con: duckdb.DuckDBPyConnection,
    extracted: ExtractedDigest,
    started_at: dt.datetime,
    dagster_run_id: str | None,
) -> LoadResult:
    digest = extracted.digest
    papers_read = len(digest.papers) + sum(
        1 for p in digest.problems if p.paper_idx is not None and p.severity == "error"
    )
    con.begin()
    try:
        state = current_state(con, digest.name)
        if extracted.refused:
            status = "refused"
            message = "; ".join(p.message for p in digest.problems) or "unreadable"
        elif state == (digest.content_sha256, extracted.extractor_version):
            status = "unchanged"
            message = "same file and extractor as the loaded version; nothing written"
        else:
            status = "loaded"
            message = f"{len(digest.papers)} papers, {extracted.claims.height} mentions"
            _replace_digest(con, extracted, started_at)
        loaded = status == "loaded"
        run = pl.DataFrame(
            [
                {
                    "digest": digest.name,
                    "source_path": extracted.source_path,
                    "dagster_run_id": dagster_run_id,
                    "started_at": started_at,
                    "finished_at": dt.datetime.now(),
                    "status": status,
                    "papers_read": papers_read,
                    "papers_loaded": len(digest.papers) if loaded else 0,
                    "mentions_loaded": extracted.claims.height if loaded else 0,
                    "problems": extracted.errors.height,
                    "extractor_version": extracted.extractor_version,
                    "message": message,
                }
            ]
        )
        con.register("new_run", run.to_arrow())
        run_id = con.execute(sql_text("load/record_run.sql")).fetchone()[0]
        con.unregister("new_run")
        if extracted.errors.height:
            con.register("new_errors", extracted.errors.to_arrow())
            _execute_file(con, "load/record_errors.sql", run_id=run_id)
            con.unregister("new_errors")
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return LoadResult(
        run_id=run_id,
        digest=digest.name,
        status=status,
        papers_read=papers_read,
        papers_loaded=len(digest.papers) if loaded else 0,
        mentions_loaded=extracted.claims.height if loaded else 0,
        problems=extracted.errors.height,
        message=message,
    )


def _replace_digest(
    con: duckdb.DuckDBPyConnection, extracted: ExtractedDigest, started_at: dt.datetime
) -> None:
    digest = extracted.digest
    new_digest = pl.DataFrame(
        [
            {
                "digest": digest.name,
                "source_path": extracted.source_path,
                "format": digest.format,
                "digest_date": dt.date.fromisoformat(digest.date) if digest.date else None,
                "content_sha256": digest.content_sha256,
                "paper_count": len(digest.papers),
                "mention_count": extracted.claims.height,
                "extractor_version": extracted.extractor_version,
                "ingested_at": started_at,
            }
        ],
        schema_overrides={"digest_date": pl.Date},
    )
    relations = {
        "new_digest": new_digest,
        "new_papers": extracted.papers,
        "new_digest_papers": extracted.digest_papers,
        "new_claims": extracted.claims,
    }
    for name, frame in relations.items():
        con.register(name, frame.to_arrow())
    try:
        _execute_file(con, "load/replace_digest.sql", digest=digest.name)
    finally:
        for name in relations:
            con.unregister(name)
