"""The asset graph, one partition per digest: read → extract → load.

``parsed_digest`` and ``extracted_mentions`` stage their rows as Parquet files
and hand on only small records naming them; only ``warehouse_digest`` writes the
warehouse, in one transaction, so a digest is loaded whole or not at all. Its
checks sit beside it.
"""

import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import duckdb

from dagster_project.metadata import column_schema, markdown_table, tables_markdown
from dagster_project.parallel import extract_in_parallel
from dagster_project.partitions import digest_partitions
from dagster_project.progress import extraction_progress
from dagster_project.resources import IngestSettings, WarehouseResource
from extractors.mention import CANONICAL_UNITS
from extractors.version import current_version
from reader.digest_reader import stream_digest
from warehouse.load import current_state, last_source, load_digest
from warehouse.sql_files import sql_text
from warehouse.staging import (
    ExtractedDigest,
    ParsedDigest,
    discard_staged,
    repeated_papers,
    skipped_extraction,
    stage_claims,
    stage_papers,
)

GROUP = "claims"
# Runs by an older extractor show as unsynced in the UI (see extractors/version.py).
EXTRACTOR_VERSION = current_version()
# Steps that write the DuckDB file share this pool; dagster.yaml limits it to one.
WAREHOUSE_POOL = "warehouse"


class DigestFileConfig(dg.Config):
    """Which file the partition reads. Left empty, the inbox copy is read, else
    the path the warehouse last read this digest from (for scheduled re-ingests)."""

    path: str = ""
    year: int | None = None  # year of a date line without one; default: the file's mtime


def _source_path(
    key: str,
    config: DigestFileConfig,
    inbox: Path,
    warehouse: WarehouseResource,
    trusted_paths: bool,
) -> Path:
    """The file a partition's run reads. A ``path`` in the run config must be the
    inbox copy or a file this digest was read from before, unless the caller is
    trusted (the CLI, run by someone who can read the file anyway): whoever
    reaches the UI must not make the daemon read any file it can, under any
    partition."""
    with warehouse.get_connection() as con:
        state = current_state(con, key)
        last = last_source(con, key)
    known = [inbox / key, *(Path(p) for p in (state and state.source_path, last) if p)]
    if config.path:
        path = Path(config.path)
        if trusted_paths or any(_same_file(path, k) for k in known):
            return path
        raise dg.Failure(
            f"digest {key!r}: refused to read {path}: a run of this partition reads only "
            f"{inbox / key} or a file it was read from before "
            f"({', '.join(str(k) for k in known[1:]) or 'none yet'}); put the file in the "
            "inbox, or ingest it with `claims ingest`"
        )
    for candidate in known:
        if candidate.exists():
            return candidate
    raise dg.Failure(
        f"digest {key!r}: no path given, not in the inbox {inbox}, and not in the warehouse"
    )


def _same_file(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()


@dg.asset(
    partitions_def=digest_partitions,
    group_name=GROUP,
    kinds={"python", "parquet"},
    code_version=EXTRACTOR_VERSION,
)
def parsed_digest(
    context: dg.AssetExecutionContext,
    config: DigestFileConfig,
    settings: IngestSettings,
    warehouse: WarehouseResource,
    trusted_paths: dg.ResourceParam[bool],
) -> dg.Output[ParsedDigest]:
    """The digest file read into staged papers; unreadable parts become problems."""
    key = context.partition_key
    path = _source_path(key, config, Path(settings.inbox_dir), warehouse, trusted_paths)
    if not path.is_file():
        raise dg.Failure(f"digest {key!r}: no such file {path}")
    stream = dataclasses.replace(stream_digest(path, year=config.year), name=key)
    parsed = stage_papers(stream, settings.staged(context.run_id, key, "papers.parquet"))
    for problem in parsed.problems:
        where = f"paper {problem.paper_idx}" if problem.paper_idx is not None else "file"
        context.log.warning(f"{key} {where}: {problem.message}")
    return dg.Output(
        parsed,
        metadata={
            "source_path": dg.MetadataValue.path(str(path.resolve())),
            "format": parsed.format,
            "date": parsed.date or "",
            "papers": parsed.paper_count,
            "problems": len(parsed.problems),
            "preview": dg.MetadataValue.md(
                markdown_table(["idx", "title"], parsed.preview, more=parsed.paper_count)
            ),
        },
    )


@dg.asset(
    partitions_def=digest_partitions,
    group_name=GROUP,
    kinds={"spacy", "parquet"},
    code_version=EXTRACTOR_VERSION,
)
def extracted_mentions(
    context: dg.AssetExecutionContext,
    parsed_digest: ParsedDigest,
    settings: IngestSettings,
    warehouse: WarehouseResource,
) -> dg.Output[ExtractedDigest]:
    """Every quantity mention of every paper, classified and staged; skipped when the
    warehouse already holds this exact file from this extractor version."""
    version = current_version()
    with warehouse.get_connection() as con:
        state = current_state(con, parsed_digest.name)
    if state is not None and state.matches(parsed_digest.content_sha256, version):
        context.log.info(f"{parsed_digest.name}: unchanged since its last load; not re-extracted")
        extracted = skipped_extraction(parsed_digest, version)
    else:
        # A paper listed twice is extracted once, so the bar counts to the unique ones.
        unique = parsed_digest.paper_count - len(repeated_papers(parsed_digest.papers_path))
        processes = settings.processes_for(parsed_digest.paper_count)
        with extraction_progress(
            context.log, unique, terminal=settings.terminal_progress
        ) as progress:
            extracted = stage_claims(
                parsed_digest,
                lambda papers: progress.wrap(extract_in_parallel(papers, processes)),
                settings.staged(context.run_id, parsed_digest.name, "claims.parquet"),
                version,
            )
    rows = [(m.text, m.unit, m.kind, m.role, m.metric, m.baseline) for m in extracted.preview]
    return dg.Output(
        extracted,
        metadata={
            "extractor_version": version,
            "mentions": extracted.mention_count,
            "skipped_as_unchanged": extracted.claims_path is None,
            "failed_papers": len(extracted.failed_papers),
            "preview": dg.MetadataValue.md(
                markdown_table(
                    ["text", "unit", "kind", "role", "metric", "baseline"],
                    rows,
                    more=extracted.mention_count,
                )
            ),
        },
    )


@dg.asset(
    partitions_def=digest_partitions,
    group_name=GROUP,
    kinds={"duckdb"},
    code_version=EXTRACTOR_VERSION,
    pool=WAREHOUSE_POOL,
)
def warehouse_digest(
    context: dg.AssetExecutionContext,
    extracted_mentions: ExtractedDigest,
    warehouse: WarehouseResource,
) -> dg.MaterializeResult:
    """The digest's rows in the warehouse tables, replaced in one transaction; the
    staged files are deleted once they are in (a failed load keeps them for a
    re-execution from the failed step)."""
    started = dt.datetime.now()
    with warehouse.get_connection() as con:
        result = load_digest(
            con, extracted_mentions, started_at=started, dagster_run_id=context.run_id
        )
        schema = column_schema(con, "claims")
        tables = tables_markdown(con)
    discard_staged(extracted_mentions)
    log = context.log.error if result.status == "refused" else context.log.info
    log(f"{result.digest}: {result.status}: {result.message}")
    problems = [
        (s.problem.paper_idx, s.stage, s.problem.severity, s.problem.message)
        for s in extracted_mentions.problems
    ]
    return dg.MaterializeResult(
        metadata={
            "status": result.status,
            "run_id": result.run_id,
            "papers_read": result.papers_read,
            "papers_loaded": result.papers_loaded,
            "mentions_loaded": result.mentions_loaded,
            "problems": result.problems,
            "message": result.message,
            "problems_preview": dg.MetadataValue.md(
                markdown_table(
                    ["paper_idx", "stage", "severity", "message"], problems[:10], len(problems)
                )
            ),
            # The claims table's columns, described as in DuckDB (sql/comments.sql).
            "dagster/column_schema": schema,
            "tables": dg.MetadataValue.md(tables),
        }
    )


@dataclass(frozen=True)
class WarehouseCheck:
    """One blocking check of a loaded digest: a query counting the rows that break it."""

    name: str
    description: str
    sql_file: str
    what: str  # what the failures are, for the UI
    scoped: bool = False  # takes $digest: the loaded digest's rows only, or all when null
    takes_units: bool = False  # takes $units: the canonical units

    def run(self, con: duckdb.DuckDBPyConnection, digest: str | None) -> dg.AssetCheckResult:
        """The check's verdict on ``digest`` (scoped checks; None: the whole warehouse)."""
        params: dict[str, object] = {}
        if self.takes_units:
            params["units"] = sorted(CANONICAL_UNITS)
        if self.scoped:
            params["digest"] = digest
        failures = int(con.execute(sql_text(self.sql_file), params or None).fetchone()[0])
        return dg.AssetCheckResult(
            asset_key=warehouse_digest.key,
            check_name=self.name,
            passed=failures == 0,
            metadata={"failures": failures},
            description=f"{failures} {self.what}" if failures else None,
        )


WAREHOUSE_CHECKS = [
    WarehouseCheck(
        "units_are_canonical",
        "Every unit is on the spec's closed list, so SQL can group by it.",
        "checks/noncanonical_units.sql",
        "mentions with a unit off the list",
        takes_units=True,
    ),
    WarehouseCheck(
        "offsets_inside_text",
        "Every mention's offsets point at its own text in the stored title or abstract: "
        "the loaded digest's mentions in a partition's run, all of them otherwise.",
        "checks/offsets_outside_text.sql",
        "mentions whose offsets miss their text",
        scoped=True,
    ),
    WarehouseCheck(
        "no_duplicate_mentions",
        "No mention is stored twice for the same paper position and span.",
        "checks/duplicate_mentions.sql",
        "duplicate mention rows",
    ),
    WarehouseCheck(
        "no_claims_without_paper",
        "Every claim and every digest link points at a stored paper.",
        "checks/orphan_claims.sql",
        "claims or links without a paper",
    ),
]


# One step for the four checks: they share one connection, and a run's Gantt chart
# shows one check step instead of four started one after another.
@dg.multi_asset_check(
    specs=[
        dg.AssetCheckSpec(c.name, asset=warehouse_digest, blocking=True, description=c.description)
        for c in WAREHOUSE_CHECKS
    ],
    can_subset=True,
    pool=WAREHOUSE_POOL,
)
def warehouse_digest_checks(
    context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource
) -> Iterator[dg.AssetCheckResult]:
    """The loaded digest's rows are well-formed (each check's description says how)."""
    digest = context.partition_key if context.has_partition_key else None
    selected = {key.name for key in context.selected_asset_check_keys}
    with warehouse.get_connection() as con:
        for check in WAREHOUSE_CHECKS:
            if check.name in selected:
                yield check.run(con, digest)


def run_check(
    name: str, warehouse: WarehouseResource, digest: str | None = None
) -> dg.AssetCheckResult:
    """One check's verdict outside a run (tests, notebooks)."""
    (check,) = [c for c in WAREHOUSE_CHECKS if c.name == name]
    with warehouse.get_connection() as con:
        return check.run(con, digest)


ASSETS = [parsed_digest, extracted_mentions, warehouse_digest]
ASSET_CHECKS = [warehouse_digest_checks]
