"""Polars frames in the shape of the warehouse tables, built from extractor records.

The warehouse owns the column names and types; these builders are the one place
where dataclasses become rows, so loading stays a bulk Arrow insert.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import polars as pl

from extractors.digest_reader import paper_key
from extractors.mention import Mention
from extractors.records import Digest, Paper, ReadProblem

PAPER_SCHEMA = {
    "paper_key": pl.String,
    "arxiv_id": pl.String,
    "title": pl.String,
    "abstract": pl.String,
    "published": pl.Date,
    "text_sha256": pl.String,
    "extractor_version": pl.String,
}
DIGEST_PAPER_SCHEMA = {"digest": pl.String, "paper_idx": pl.Int32, "paper_key": pl.String}
CLAIM_SCHEMA = {
    "paper_key": pl.String,
    "mention_idx": pl.Int32,
    "section": pl.String,
    "start_char": pl.Int32,
    "end_char": pl.Int32,
    "text": pl.String,
    "value": pl.Float64,
    "value_high": pl.Float64,
    "unit": pl.String,
    "canonical_value": pl.Float64,
    "canonical_value_high": pl.Float64,
    "kind": pl.String,
    "role": pl.String,
    "direction": pl.String,
    "metric": pl.String,
    "baseline": pl.String,
    "qualifier": pl.String,
    "sentence": pl.String,
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
class ExtractedDigest:
    """Everything one digest contributes to the warehouse, ready to load."""

    digest: Digest  # as read, less the papers the extractor failed on
    extractor_version: str
    papers: pl.DataFrame  # PAPER_SCHEMA, one row per distinct paper
    digest_papers: pl.DataFrame  # DIGEST_PAPER_SCHEMA, one row per position
    claims: pl.DataFrame  # CLAIM_SCHEMA
    errors: pl.DataFrame  # ERROR_SCHEMA, read and extract problems
    papers_read: int  # paper blocks seen, loaded or not

    @property
    def refused(self) -> bool:
        """The file could not be read as a digest at all: nothing to load."""
        return self.digest.format == "unknown"


def text_sha256(paper: Paper) -> str:
    return hashlib.sha256(f"{paper.title}\n{paper.abstract}".encode()).hexdigest()


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def papers_frame(papers: Sequence[Paper], extractor_version: str) -> pl.DataFrame:
    """One row per distinct paper (the first occurrence wins within a digest)."""
    rows = {}
    for paper in papers:
        key = paper_key(paper.title)
        rows.setdefault(
            key,
            {
                "paper_key": key,
                "arxiv_id": paper.arxiv_id,
                "title": paper.title,
                "abstract": paper.abstract,
                "published": _date(paper.published),
                "text_sha256": text_sha256(paper),
                "extractor_version": extractor_version,
            },
        )
    return pl.DataFrame(list(rows.values()), schema=PAPER_SCHEMA)


def digest_papers_frame(digest_name: str, papers: Sequence[Paper]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "digest": [digest_name] * len(papers),
            "paper_idx": [p.idx for p in papers],
            "paper_key": [paper_key(p.title) for p in papers],
        },
        schema=DIGEST_PAPER_SCHEMA,
    )


def claims_frame(
    results: Iterable[tuple[Paper, Sequence[Mention]]], extractor_version: str
) -> pl.DataFrame:
    """One row per mention; a paper listed twice in a digest contributes once."""
    columns: dict[str, list[object]] = {name: [] for name in CLAIM_SCHEMA}
    seen: set[str] = set()
    for paper, mentions in results:
        key = paper_key(paper.title)
        if key in seen:
            continue
        seen.add(key)
        for i, m in enumerate(mentions):
            row = (
                key, i, m.section, m.start, m.end, m.text, m.value, m.value_high, m.unit,
                m.canonical_value, m.canonical_value_high, m.kind, m.role, m.direction,
                m.metric, m.baseline, m.qualifier, m.sentence, extractor_version,
            )  # fmt: skip
            for name, value in zip(CLAIM_SCHEMA, row, strict=True):
                columns[name].append(value)
    return pl.DataFrame(columns, schema=CLAIM_SCHEMA)


def errors_frame(digest_name: str, problems: Iterable[tuple[str, ReadProblem]]) -> pl.DataFrame:
    """Rows for ``ingest_errors`` from ``(stage, problem)`` pairs."""
    rows = [
        {
            "digest": digest_name,
            "paper_idx": p.paper_idx,
            "stage": stage,
            "severity": p.severity,
            "message": p.message,
            "excerpt": p.excerpt,
        }
        for stage, p in problems
    ]
    return pl.DataFrame(rows, schema=ERROR_SCHEMA)


def assemble(
    digest: Digest,
    results: Iterable[tuple[Paper, Sequence[Mention] | Exception]],
    extractor_version: str,
) -> ExtractedDigest:
    """Frames for one digest from the extractor's per-paper results.

    A paper the extractor failed on is reported in ``errors`` and left out, so
    one bad abstract never costs the rest of its digest.
    """
    extracted: list[tuple[Paper, Sequence[Mention]]] = []
    problems: list[tuple[str, ReadProblem]] = [("read", p) for p in digest.problems]
    for paper, outcome in results:
        if isinstance(outcome, Exception):
            problems.append(
                (
                    "extract",
                    ReadProblem(
                        f"extractor failed: {type(outcome).__name__}: {outcome}",
                        paper.idx,
                        paper.title[:120],
                    ),
                )
            )
        else:
            extracted.append((paper, outcome))
    papers = [paper for paper, _ in extracted]
    return ExtractedDigest(
        digest=dataclasses.replace(digest, papers=papers),
        extractor_version=extractor_version,
        papers=papers_frame(papers, extractor_version),
        digest_papers=digest_papers_frame(digest.name, papers),
        claims=claims_frame(extracted, extractor_version),
        errors=errors_frame(digest.name, problems),
        papers_read=len(digest.papers)
        + sum(1 for p in digest.problems if p.paper_idx is not None and p.severity == "error"),
    )
