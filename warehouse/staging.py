"""Per-digest Parquet staging between the pipeline's stages.

Each stage streams: the reader's papers are written to ``papers.parquet`` in
chunks, the extractor reads them back in batches and writes ``claims.parquet``
in chunks, and the loader inserts both with one ``INSERT ... SELECT`` from
``read_parquet``. Memory stays flat whatever the size of the digest, and what
passes between Dagster assets is only these small records with the paths.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, get_args, get_origin, get_type_hints

import duckdb
import polars as pl
import pyarrow.parquet as pq

from extractors.mention import MENTION_COLUMNS, Mention
from reader.keys import DigestKeys
from reader.records import DigestStream, Paper, ReadProblem, single_date
from warehouse.sql_files import sql_text

CHUNK_ROWS = 5_000
PREVIEW_ROWS = 10
# DuckDB's defaults would let one query of staged files take 80% of RAM.
READER_CONFIG: dict[str, object] = {"memory_limit": "256MB", "threads": 1}

PAPER_SCHEMA = {
    "paper_idx": pl.Int32,
    "paper_key": pl.String,
    "arxiv_id": pl.String,
    "title": pl.String,
    "abstract": pl.String,
    "published": pl.Date,
    "text_sha256": pl.String,
}


def _polars_type(hint: object) -> pl.DataType:
    """The Parquet column type of a :class:`Mention` field's type hint."""
    args = [a for a in get_args(hint) if a is not type(None)]
    if get_origin(hint) is tuple:
        return pl.List(pl.String)
    if args and get_origin(hint) is not Literal:  # X | None
        return _polars_type(args[0])
    if hint is float:
        return pl.Float64
    if hint is int:
        return pl.Int32
    return pl.String  # str and the Literal kinds


_HINTS = get_type_hints(Mention)
# A staged claim: the paper it belongs to, its place, then the mention's own columns
# (extractors.mention.MENTION_COLUMNS, the one definition) and the extractor version.
CLAIM_SCHEMA: dict[str, pl.DataType] = {
    "paper_key": pl.String,
    "paper_idx": pl.Int32,  # the listing extracted; staging only, lets loads prune by range
    "mention_idx": pl.Int32,
    **{name: _polars_type(_HINTS[name]) for name in MENTION_COLUMNS},
    "extractor_version": pl.String,
}
ERROR_SCHEMA = {
    "digest": pl.String,
    "paper_idx": pl.Int32,
    "stage": pl.String,
    "severity": pl.String,
    "message": pl.String,
    "excerpt": pl.String,
}


@dataclass(frozen=True)
class StagedProblem:
    """A `ReadProblem` and the stage that found it (``read`` or ``extract``)."""

    stage: str
    problem: ReadProblem


@dataclass(frozen=True)
class ParsedDigest:
    """A digest read into ``papers_path``: the output of the first stage."""

    name: str
    format: str
    date: str | None
    content_sha256: str
    source_path: str
    papers_path: Path
    paper_count: int
    problems: list[ReadProblem] = field(default_factory=list)
    preview: list[tuple[int, str]] = field(default_factory=list)  # (idx, title)

    @property
    def refused(self) -> bool:
        """The file could not be read as a digest at all: nothing to load."""
        return self.format == "unknown"

    @property
    def papers_read(self) -> int:
        """Paper blocks seen, loaded or not."""
        broken = sum(1 for p in self.problems if p.paper_idx is not None and p.severity == "error")
        return self.paper_count + broken


@dataclass(frozen=True)
class ExtractedDigest:
    """The digest's mentions in ``claims_path``: the output of the second stage.

    ``claims_path`` is None when extraction was skipped because the warehouse
    already holds this exact file from this extractor version.
    """

    parsed: ParsedDigest
    extractor_version: str
    claims_path: Path | None
    mention_count: int
    failed_papers: list[int] = field(default_factory=list)  # paper_idx the extractor failed on
    problems: list[StagedProblem] = field(default_factory=list)
    preview: list[Mention] = field(default_factory=list)

    @property
    def papers_loaded(self) -> int:
        return self.parsed.paper_count - len(self.failed_papers)

    def errors_frame(self) -> pl.DataFrame:
        """Rows for ``ingest_errors``."""
        rows = [
            {
                "digest": self.parsed.name,
                "paper_idx": s.problem.paper_idx,
                "stage": s.stage,
                "severity": s.problem.severity,
                "message": s.problem.message,
                "excerpt": s.problem.excerpt,
            }
            for s in self.problems
        ]
        return pl.DataFrame(rows, schema=ERROR_SCHEMA)


def text_sha256(paper: Paper) -> str:
    return hashlib.sha256(f"{paper.title}\n{paper.abstract}".encode()).hexdigest()


class _ChunkedParquet:
    """Append rows to a Parquet file a chunk at a time; an empty file still has a schema."""

    def __init__(self, path: Path, schema: dict[str, pl.DataType]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.schema = schema
        self.columns: dict[str, list[object]] = {name: [] for name in schema}
        self.writer = pq.ParquetWriter(
            str(path), pl.DataFrame(schema=schema).to_arrow().schema, compression="zstd"
        )
        self.rows = 0

    def append(self, row: Sequence[object]) -> None:
        for column, value in zip(self.columns.values(), row, strict=True):
            column.append(value)
        self.rows += 1
        if len(next(iter(self.columns.values()))) >= CHUNK_ROWS:
            self.flush()

    def flush(self) -> None:
        if next(iter(self.columns.values())):
            self.writer.write_table(pl.DataFrame(self.columns, schema=self.schema).to_arrow())
            self.columns = {name: [] for name in self.schema}

    def close(self) -> None:
        self.flush()
        self.writer.close()

    def abandon(self) -> None:
        """Close and delete a file that could not be finished (a full disk, a kill):
        a partial Parquet file is no use to anyone."""
        with contextlib.suppress(Exception):  # the write failed already: its error counts
            self.writer.close()
        self.path.unlink(missing_ok=True)


def stage_papers(stream: DigestStream, papers_path: Path) -> ParsedDigest:
    """Drain a digest stream into ``papers_path``, keeping the problems aside."""
    out = _ChunkedParquet(papers_path, PAPER_SCHEMA)
    problems: list[ReadProblem] = []
    preview: list[tuple[int, str]] = []
    dates: set[str] = set()
    keys = DigestKeys()
    try:
        for record in stream.records:
            if isinstance(record, ReadProblem):
                problems.append(record)
                continue
            key, repeat = keys.key(record)
            if repeat is not None:
                problems.append(repeat)
            if len(preview) < PREVIEW_ROWS:
                preview.append((record.idx, record.title))
            if record.published:
                dates.add(record.published)
            out.append(
                (
                    record.idx,
                    key,
                    record.arxiv_id,
                    record.title,
                    record.abstract,
                    _date(record.published),
                    text_sha256(record),
                )
            )
    except BaseException:
        out.abandon()
        raise
    out.close()
    return ParsedDigest(
        name=stream.name,
        format=stream.format,
        date=stream.date if stream.format != "jsonl" else single_date(dates),
        content_sha256=stream.content_sha256,
        source_path=stream.source_path,
        papers_path=papers_path,
        paper_count=out.rows,
        problems=problems,
        preview=preview,
    )


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def staged_papers(papers_path: Path) -> Iterator[tuple[str, Paper]]:
    """The papers of a staged digest with their keys, read back a row group (one
    written chunk) at a time. Not ``iter_batches``: its reader keeps Arrow memory
    allocated as it goes, so a large digest's read-back grew without bound."""
    parquet = pq.ParquetFile(str(papers_path))
    columns = ["paper_key", "paper_idx", "title", "abstract", "arxiv_id", "published"]
    for group in range(parquet.num_row_groups):
        data = parquet.read_row_group(group, columns=columns).to_pydict()
        for key, idx, title, abstract, arxiv_id, published in zip(
            *(data[c] for c in columns), strict=True
        ):
            published_iso = published.isoformat() if published else None
            yield key, Paper(idx, title, abstract, arxiv_id, published_iso)


def repeated_papers(papers_path: Path) -> set[int]:
    """``paper_idx`` of the papers listed again later in the same staged digest."""
    with duckdb.connect(config=READER_CONFIG) as con:
        rows = con.execute(
            sql_text("staging/repeated_papers.sql"), {"papers_path": str(papers_path)}
        ).fetchall()
    return {idx for (idx,) in rows}


def stage_claims(
    parsed: ParsedDigest,
    extract: Callable[[Iterable[Paper]], Iterable[tuple[Paper, Sequence[Mention] | Exception]]],
    claims_path: Path,
    extractor_version: str,
) -> ExtractedDigest:
    """Run ``extract`` over the staged papers and stream its mentions to ``claims_path``.

    A paper listed twice in one digest is extracted once. A paper the extractor
    fails on is reported and left out of the load; the rest of the digest is not.
    """
    repeated = repeated_papers(parsed.papers_path)
    in_flight: dict[int, str] = {}  # paper_idx -> key, for the papers being extracted

    def unique_papers() -> Iterator[Paper]:
        for key, paper in staged_papers(parsed.papers_path):
            if paper.idx not in repeated:
                in_flight[paper.idx] = key
                yield paper

    out = _ChunkedParquet(claims_path, CLAIM_SCHEMA)
    failed: list[int] = []
    problems = [StagedProblem("read", p) for p in parsed.problems]
    preview: list[Mention] = []
    try:
        for paper, outcome in extract(unique_papers()):
            key = in_flight.pop(paper.idx)
            if isinstance(outcome, Exception):
                failed.append(paper.idx)
                message = f"extractor failed: {type(outcome).__name__}: {outcome}"
                problems.append(
                    StagedProblem("extract", ReadProblem(message, paper.idx, paper.title[:120]))
                )
                continue
            for i, m in enumerate(outcome):
                if len(preview) < PREVIEW_ROWS:
                    preview.append(m)
                out.append((key, paper.idx, i, *m.column_values(), extractor_version))
    except BaseException:
        out.abandon()
        raise
    out.close()
    return ExtractedDigest(
        parsed=parsed,
        extractor_version=extractor_version,
        claims_path=claims_path,
        mention_count=out.rows,
        failed_papers=failed,
        problems=problems,
        preview=preview,
    )


def skipped_extraction(parsed: ParsedDigest, extractor_version: str) -> ExtractedDigest:
    """The record for a digest whose extraction was skipped as unchanged."""
    return ExtractedDigest(
        parsed=parsed,
        extractor_version=extractor_version,
        claims_path=None,
        mention_count=0,
        problems=[StagedProblem("read", p) for p in parsed.problems],
    )


def discard_staged(extracted: ExtractedDigest) -> None:
    """Delete a loaded digest's staged files, and their folders once empty."""
    folder = extracted.parsed.papers_path.parent
    for path in (extracted.parsed.papers_path, extracted.claims_path):
        if path is not None:
            path.unlink(missing_ok=True)
    for empty in (folder, folder.parent):
        try:
            empty.rmdir()
        except OSError:
            break  # not empty (another digest of this run) or gone


def discard_run_staging(folder: Path) -> None:
    """Delete what a run staged, whatever state the run ended in: for runs that can
    never be re-executed (the CLI's, on an ephemeral instance)."""
    shutil.rmtree(folder, ignore_errors=True)
