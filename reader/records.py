"""Plain records that flow from the digest reader to the extractors."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Paper:
    """One title/abstract block of a digest, in file order (``idx`` is 0-based)."""

    idx: int
    title: str
    abstract: str
    arxiv_id: str | None = None
    published: str | None = None  # ISO date, where the source gives one


@dataclass(frozen=True, slots=True)
class ReadProblem:
    """Something in the input that could not become a clean paper.

    ``paper_idx`` is the position the paper would have had, or ``None`` when the
    problem concerns the file as a whole (no date line, unreadable bytes ...).
    """

    message: str
    paper_idx: int | None = None
    excerpt: str = ""
    severity: str = "error"  # "error": the paper (or file) was skipped; "warning": loaded anyway


@dataclass(frozen=True, slots=True)
class Digest:
    """A digest file read into papers, with everything that went wrong on the way."""

    name: str
    format: str  # "digest" (page text) or "jsonl"
    date: str | None  # ISO date, or None when the file has none
    papers: list[Paper] = field(default_factory=list)
    problems: list[ReadProblem] = field(default_factory=list)
    content_sha256: str = ""
    source_path: str = ""  # where the file was read from


@dataclass(frozen=True)
class DigestStream:
    """A digest being read: what is known up front, and its papers and problems
    as one stream in file order, so a large file never sits in memory whole."""

    name: str
    format: str  # "digest", "jsonl", or "unknown" when the file was refused
    date: str | None  # the page's date line; None for JSON Lines (see `single_date`)
    content_sha256: str
    source_path: str
    records: Iterator[Paper | ReadProblem] = field(compare=False, repr=False)


def single_date(dates: set[str]) -> str | None:
    """The date of a listing whose papers all share one date, else None."""
    return next(iter(dates)) if len(dates) == 1 else None
