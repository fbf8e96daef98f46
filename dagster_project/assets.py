"""The asset graph, one partition per digest: read → extract → load.

``parsed_digest`` and ``extracted_mentions`` pass plain objects through the IO
manager; only ``warehouse_digest`` writes the warehouse, in one transaction, so
a digest is loaded whole or not at all. Its checks sit beside it.
"""

import dataclasses
import datetime as dt
from pathlib import Path

import dagster as dg
import polars as pl
from dagster_duckdb import DuckDBResource

from dagster_project.metadata import counts_by, preview
from dagster_project.partitions import digest_partitions
from dagster_project.resources import IngestSettings
from extractors.digest_reader import read_digest
from extractors.mention import CANONICAL_UNITS
from extractors.pipeline import extract_papers, extractor_version
from extractors.records import Digest
from warehouse.connection import apply_schema
from warehouse.frames import ExtractedDigest, assemble
from warehouse.load import current_state, last_source_path, load_digest
from warehouse.sql_files import sql_text

GROUP = "claims"


class DigestFileConfig(dg.Config):
    """Which file the partition reads. Left empty, the inbox copy is read, else
    the path the warehouse last read this digest from (for scheduled re-ingests)."""

    path: str = ""
    year: int | None = None  # year of a date line without one; default: the file's mtime


def _source_path(
    key: str, config: DigestFileConfig, inbox: Path, warehouse: DuckDBResource
) -> Path:
    if config.path:
        return Path(config.path)
    if (inbox / key).exists():
        return inbox / key
    with warehouse.get_connection() as con:
        apply_schema(con)
        recorded = last_source_path(con, key)
    if recorded:
        return Path(recorded)
    raise dg.Failure(
        f"digest {key!r}: no path given, not in the inbox {inbox}, and not in the warehouse"
    )


@dg.asset(partitions_def=digest_partitions, group_name=GROUP, kinds={"python"})
def parsed_digest(
    context: dg.AssetExecutionContext,
    config: DigestFileConfig,
    settings: IngestSettings,
    warehouse: DuckDBResource,
) -> dg.Output[Digest]:
    """The digest file read into papers; unreadable parts become problems, not failures."""
    path = _source_path(context.partition_key, config, Path(settings.inbox_dir), warehouse)
    if not path.is_file():
        raise dg.Failure(f"digest {context.partition_key!r}: no such file {path}")
    digest = read_digest(path, year=config.year)
    if digest.name != context.partition_key:
        digest = dataclasses.replace(digest, name=context.partition_key)
    for problem in digest.problems:
        context.log.warning(f"{digest.name} paper {problem.paper_idx}: {problem.message}")
    papers = pl.DataFrame(
        {"idx": [p.idx for p in digest.papers], "title": [p.title for p in digest.papers]},
        schema={"idx": pl.Int32, "title": pl.String},
    )
    return dg.Output(
        digest,
        metadata={
            "path": dg.MetadataValue.path(str(path.resolve())),
            "format": digest.format,
            "date": digest.date or "",
            "papers": len(digest.papers),
            "problems": len(digest.problems),
            "preview": preview(papers, ["idx", "title"]),
        },
    )


@dg.asset(partitions_def=digest_partitions, group_name=GROUP, kinds={"spacy"})
def extracted_mentions(
    context: dg.AssetExecutionContext,
    parsed_digest: Digest,
    settings: IngestSettings,
    warehouse: DuckDBResource,
) -> dg.Output[ExtractedDigest]:
    """Every quantity mention of every paper, classified; skipped when the warehouse
    already holds this exact file from this extractor version."""
    version = extractor_version()
    with warehouse.get_connection() as con:
        apply_schema(con)
        state = current_state(con, parsed_digest.name)
    if state is not None and state.matches(parsed_digest.content_sha256, version):
        context.log.info(f"{parsed_digest.name}: unchanged since its last load; not re-extracted")
        results: list = []
    else:
        results = _with_progress(
            context,
            extract_papers(parsed_digest.papers, n_process=settings.n_process),
            total=len(parsed_digest.papers),
        )
    extracted = assemble(parsed_digest, results, version)
    claims = extracted.claims
    return dg.Output(
        extracted,
        metadata={
            "extractor_version": version,
            "mentions": claims.height,
            "by_unit": dg.MetadataValue.json(counts_by(claims, "unit")),
            "by_role": dg.MetadataValue.json(counts_by(claims, "role")),
            "problems": extracted.errors.height,
            "preview": preview(claims, ["text", "unit", "kind", "role", "metric", "baseline"]),
        },
    )


def _with_progress(context: dg.AssetExecutionContext, results, total: int, every: int = 2000):
    """Pass results through, logging papers done, papers/s and time left to the run log."""
    start = dt.datetime.now()
    for done, item in enumerate(results, start=1):
        if done % every == 0 and total:
            elapsed = (dt.datetime.now() - start).total_seconds()
            rate = done / elapsed if elapsed else 0.0
            left = (total - done) / rate if rate else 0.0
            context.log.info(
                f"extracted {done:,}/{total:,} papers, {rate:,.0f}/s, {left:,.0f}s left"
            )
        yield item


@dg.asset(partitions_def=digest_partitions, group_name=GROUP, kinds={"duckdb"})
def warehouse_digest(
    context: dg.AssetExecutionContext,
    extracted_mentions: ExtractedDigest,
    warehouse: DuckDBResource,
) -> dg.MaterializeResult:
    """The digest's rows in the warehouse tables, replaced in one transaction."""
    started = dt.datetime.now()
    with warehouse.get_connection() as con:
        apply_schema(con)
        result = load_digest(
            con, extracted_mentions, started_at=started, dagster_run_id=context.run_id
        )
    if result.status == "refused":
        context.log.error(f"{result.digest}: refused: {result.message}")
    else:
        context.log.info(f"{result.digest}: {result.status}: {result.message}")
    return dg.MaterializeResult(
        metadata={
            "status": result.status,
            "run_id": result.run_id,
            "papers_read": result.papers_read,
            "papers_loaded": result.papers_loaded,
            "mentions_loaded": result.mentions_loaded,
            "problems": result.problems,
            "message": result.message,
            "errors_preview": preview(
                extracted_mentions.errors, ["paper_idx", "stage", "severity", "message"]
            ),
        }
    )


def _failures(warehouse: DuckDBResource, sql_file: str, **params: object) -> int:
    with warehouse.get_connection() as con:
        return int(con.execute(sql_text(sql_file), params or None).fetchone()[0])


def _check(failures: int, what: str) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(
        passed=failures == 0,
        metadata={"failures": failures},
        description=f"{failures} {what}" if failures else None,
    )


@dg.asset_check(asset=warehouse_digest, blocking=True)
def units_are_canonical(warehouse: DuckDBResource) -> dg.AssetCheckResult:
    """Every unit is on the spec's closed list, so SQL can group by it."""
    failures = _failures(warehouse, "checks/noncanonical_units.sql", units=sorted(CANONICAL_UNITS))
    return _check(failures, "mentions with a unit off the list")


@dg.asset_check(asset=warehouse_digest, blocking=True)
def offsets_inside_text(warehouse: DuckDBResource) -> dg.AssetCheckResult:
    """Every mention's offsets point at its own text in the stored title or abstract."""
    failures = _failures(warehouse, "checks/offsets_outside_text.sql")
    return _check(failures, "mentions whose offsets miss their text")


@dg.asset_check(asset=warehouse_digest, blocking=True)
def no_duplicate_mentions(warehouse: DuckDBResource) -> dg.AssetCheckResult:
    """No mention is stored twice for the same paper position and span."""
    failures = _failures(warehouse, "checks/duplicate_mentions.sql")
    return _check(failures, "duplicate mention rows")


@dg.asset_check(asset=warehouse_digest, blocking=True)
def no_claims_without_paper(warehouse: DuckDBResource) -> dg.AssetCheckResult:
    """Every claim and every digest link points at a stored paper."""
    failures = _failures(warehouse, "checks/orphan_claims.sql")
    return _check(failures, "claims or links without a paper")


ASSETS = [parsed_digest, extracted_mentions, warehouse_digest]
ASSET_CHECKS = [
    units_are_canonical,
    offsets_inside_text,
    no_duplicate_mentions,
    no_claims_without_paper,
]
