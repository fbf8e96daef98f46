"""Load one extracted digest into the warehouse: all of its rows or none.

A digest is the unit of replacement. Loading it again with the same bytes and
the same extractor changes nothing; loading a changed file under the same name
replaces what the old version contributed; what a query sees changes in one
transaction. The rows come from the digest's staged Parquet files in bulk,
never row by row.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from dataclasses import dataclass

import duckdb

from warehouse.sql_files import execute_file, sql_text
from warehouse.staging import ExtractedDigest

TRANSACTION_RETRIES = 20
CHUNK_PAPERS = 10_000  # listing positions per committed chunk of a large load
UNCHANGED_MESSAGE = "same file and extractor as the loaded version; nothing written"


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
    source_path: str | None  # where the loaded version was read from

    def matches(self, content_sha256: str, extractor_version: str) -> bool:
        """Whether loading this file with this extractor would change nothing."""
        return (self.content_sha256, self.extractor_version) == (content_sha256, extractor_version)


def current_state(con: duckdb.DuckDBPyConnection, digest: str) -> DigestState | None:
    """The loaded version of ``digest``, or None if it was never loaded."""
    row = con.execute(sql_text("load/digest_state.sql"), {"digest": digest}).fetchone()
    return DigestState(*row) if row else None


def fresh_digests(con: duckdb.DuckDBPyConnection, version: str) -> set[str]:
    """Digests the warehouse holds as extracted by ``version``; the rest are stale."""
    return {
        row[0]
        for row in con.execute(sql_text("load/fresh_digests.sql"), {"version": version}).fetchall()
    }


def loaded_digests(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Every digest the warehouse holds, whatever version extracted it."""
    return {row[0] for row in con.execute(sql_text("load/loaded_digests.sql")).fetchall()}


def last_source(con: duckdb.DuckDBPyConnection, digest: str) -> str | None:
    """Where the latest ingest attempt of ``digest`` read it, loaded or refused."""
    row = con.execute(sql_text("load/last_source.sql"), {"digest": digest}).fetchone()
    return row[0] if row else None


def _insert_unseen_papers(con: duckdb.DuckDBPyConnection, extracted: ExtractedDigest) -> None:
    """Store the papers the warehouse has never seen, with their claims, in committed
    chunks ahead of the replacing transaction. No digest links them yet, so the
    views (`claim_mentions` and all built on it) do not show them, and the final
    transaction stays small however large the digest."""
    paths = {
        "papers_path": str(extracted.parsed.papers_path),
        "claims_path": str(extracted.claims_path),
        "skipped_idx": extracted.failed_papers,
        "extractor_version": extracted.extractor_version,
    }
    ((unseen, last_idx),) = execute_file(con, "load/new_papers.sql", **paths)
    if not unseen:
        return
    for lo in range(0, last_idx + 1, CHUNK_PAPERS):
        con.begin()
        try:
            execute_file(
                con, "load/insert_unseen_chunk.sql", lo=lo, hi=lo + CHUNK_PAPERS - 1, **paths
            )
            con.commit()
        except BaseException:
            _rollback(con)
            raise


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back after a failure without hiding it: when the commit itself failed
    (a read-only folder, a full disk) there is no transaction left, and the
    rollback's "no transaction is active" would replace the real error (and, as a
    TransactionException, be retried as if it were a conflict)."""
    with contextlib.suppress(duckdb.Error):
        con.rollback()


def load_digest(
    con: duckdb.DuckDBPyConnection,
    extracted: ExtractedDigest,
    *,
    started_at: dt.datetime,
    dagster_run_id: str | None = None,
) -> LoadResult:
    """Replace the digest's rows and log the run: what any query sees changes in one
    transaction (new papers go in before it, unlinked, in chunks).

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
    parsed = extracted.parsed
    version = extracted.extractor_version
    state = current_state(con, parsed.name)
    papers_loaded = mentions_loaded = 0
    if parsed.refused:
        status = "refused"
        message = "; ".join(s.problem.message for s in extracted.problems) or "unreadable"
    elif extracted.claims_path is None or (
        state is not None and state.matches(parsed.content_sha256, version)
    ):
        status = "unchanged"
        message = UNCHANGED_MESSAGE
        if state is not None:
            papers_loaded, mentions_loaded = state.paper_count, state.mention_count
    else:
        status = "loaded"
        papers_loaded, mentions_loaded = extracted.papers_loaded, extracted.mention_count
        message = f"{papers_loaded} papers, {mentions_loaded} mentions"
        _insert_unseen_papers(con, extracted)
    con.begin()
    try:
        if status == "loaded":
            execute_file(
                con,
                "load/replace_digest.sql",
                digest=parsed.name,
                papers_path=str(parsed.papers_path),
                claims_path=str(extracted.claims_path),
                skipped_idx=extracted.failed_papers,
                source_path=parsed.source_path,
                format=parsed.format,
                digest_date=parsed.date,
                content_sha256=parsed.content_sha256,
                extractor_version=version,
                ingested_at=started_at,
            )
        run_id = con.execute(
            sql_text("load/record_run.sql"),
            {
                "digest": parsed.name,
                "source_path": parsed.source_path,
                "dagster_run_id": dagster_run_id,
                "started_at": started_at,
                "status": status,
                "papers_read": parsed.papers_read,
                "papers_loaded": papers_loaded,
                "mentions_loaded": mentions_loaded,
                "problems": len(extracted.problems),
                "extractor_version": version,
                "message": message,
            },
        ).fetchone()[0]
        if extracted.problems:
            con.register("new_errors", extracted.errors_frame().to_arrow())
            execute_file(con, "load/record_errors.sql", run_id=run_id)
            con.unregister("new_errors")
        con.commit()
    except BaseException:
        _rollback(con)
        raise
    return LoadResult(
        run_id=run_id,
        digest=parsed.name,
        status=status,
        papers_read=parsed.papers_read,
        papers_loaded=papers_loaded,
        mentions_loaded=mentions_loaded,
        problems=len(extracted.problems),
        message=message,
    )


def record_if_unchanged(
    con: duckdb.DuckDBPyConnection,
    digest: str,
    *,
    content_sha256: str,
    extractor_version: str,
    source_path: str,
    started_at: dt.datetime,
) -> LoadResult | None:
    """If the warehouse holds exactly this file from this extractor, log an
    ``unchanged`` run as `load_digest` would (same counts, same read problems) and
    return it; else None and nothing written. Lets `claims ingest` answer for an
    already loaded file from its hash alone."""
    con.begin()
    try:
        state = current_state(con, digest)
        last = con.execute(sql_text("load/last_good_run.sql"), {"digest": digest}).fetchone()
        if state is None or last is None or not state.matches(content_sha256, extractor_version):
            con.rollback()
            return None
        previous_run_id, papers_read, problems = last
        run_id = con.execute(
            sql_text("load/record_run.sql"),
            {
                "digest": digest,
                "source_path": source_path,
                "dagster_run_id": None,
                "started_at": started_at,
                "status": "unchanged",
                "papers_read": papers_read,
                "papers_loaded": state.paper_count,
                "mentions_loaded": state.mention_count,
                "problems": problems,
                "extractor_version": extractor_version,
                "message": UNCHANGED_MESSAGE,
            },
        ).fetchone()[0]
        execute_file(
            con, "load/repeat_read_errors.sql", run_id=run_id, previous_run_id=previous_run_id
        )
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return LoadResult(
        run_id=run_id,
        digest=digest,
        status="unchanged",
        papers_read=papers_read,
        papers_loaded=state.paper_count,
        mentions_loaded=state.mention_count,
        problems=problems,
        message=UNCHANGED_MESSAGE,
    )
