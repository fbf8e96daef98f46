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
from warehouse.sql_files import execute_file, sql_text

TRANSACTION_RETRIES = 20


@dataclass(frozen=True)
class LoadResult:
    """What one load did, for logs, CLI output and Dagster metadata."""

    run_id: int
    digest: str
    status: str  # loaded | unchanged | refused
    papers_read: int
    papers_loaded: int  # for "unchanged": what the warehouse holds
    mentions_loaded: int
    problems: int
    message: str


@dataclass(frozen=True)
class DigestState:
    """What the warehouse holds for a digest now."""

    content_sha256: str
    extractor_version: str
    paper_count: int
    mention_count: int

    def matches(self, content_sha256: str, extractor_version: str) -> bool:
        """Whether loading this file with this extractor would change nothing."""
        return (self.content_sha256, self.extractor_version) == (content_sha256, extractor_version)


def current_state(con: duckdb.DuckDBPyConnection, digest: str) -> DigestState | None:
    """The loaded version of ``digest``, or None if it was never loaded."""
    row = con.execute(sql_text("load/digest_state.sql"), {"digest": digest}).fetchone()
    return DigestState(*row) if row else None


def last_source_path(con: duckdb.DuckDBPyConnection, digest: str) -> str | None:
    """Where the loaded version of ``digest`` was read from, or None."""
    row = con.execute(sql_text("load/digest_source.sql"), {"digest": digest}).fetchone()
    return row[0] if row else None


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
    papers_read = extracted.papers_read
    con.begin()
    try:
        state = current_state(con, digest.name)
        if extracted.refused:
            status = "refused"
            message = "; ".join(p.message for p in digest.problems) or "unreadable"
        elif state is not None and state.matches(
            digest.content_sha256, extracted.extractor_version
        ):
            status = "unchanged"
            message = "same file and extractor as the loaded version; nothing written"
        else:
            status = "loaded"
            message = f"{len(digest.papers)} papers, {extracted.claims.height} mentions"
            _replace_digest(con, extracted, started_at)
        if status == "loaded":
            papers_loaded, mentions_loaded = len(digest.papers), extracted.claims.height
        elif status == "unchanged" and state is not None:
            papers_loaded, mentions_loaded = state.paper_count, state.mention_count
        else:
            papers_loaded = mentions_loaded = 0
        run = pl.DataFrame(
            [
                {
                    "digest": digest.name,
                    "source_path": digest.source_path,
                    "dagster_run_id": dagster_run_id,
                    "started_at": started_at,
                    "finished_at": dt.datetime.now(),
                    "status": status,
                    "papers_read": papers_read,
                    "papers_loaded": papers_loaded,
                    "mentions_loaded": mentions_loaded,
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
            execute_file(con, "load/record_errors.sql", run_id=run_id)
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
        papers_loaded=papers_loaded,
        mentions_loaded=mentions_loaded,
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
                "source_path": digest.source_path,
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
        execute_file(con, "load/replace_digest.sql", digest=digest.name)
    finally:
        for name in relations:
            con.unregister(name)
