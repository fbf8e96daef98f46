"""What a new extractor version changed: mentions added, removed and changed.

Compares two versions inside one warehouse file: the current claims and the
archive that re-ingests fill with what older versions said. To preview a new
extractor without touching production, copy the file, ingest into the copy,
and diff the copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from extractors.version import current_version
from warehouse.connection import read_only
from warehouse.sql_files import sql_text


class NoVersionsToCompare(ValueError):
    """The warehouse does not hold two extractor versions to diff."""


@dataclass(frozen=True)
class VersionDiff:
    """The changes from ``old`` to ``new``, one row per mention (sql/diff/mentions.sql)."""

    old: str
    new: str
    rows: pl.DataFrame

    def counts(self, by: str) -> pl.DataFrame:
        """Added, removed and changed mentions per value of ``by`` (``unit`` or ``kind``)."""
        return (
            self.rows.group_by(by)
            .agg((pl.col("change") == c).sum().alias(c) for c in ("added", "removed", "changed"))
            .sort(by)
        )

    def sample(self, change: str, n: int = 5) -> pl.DataFrame:
        return self.rows.filter(pl.col("change") == change).head(n)


def diff_versions(
    db_path: str | Path, old: str | None = None, new: str | None = None
) -> VersionDiff:
    """Diff two extractor versions; by default the current (or newest) against the one before."""
    with read_only(db_path) as con:
        versions = [row[0] for row in con.execute(sql_text("diff/versions.sql")).fetchall()]
        if new is None:
            new = current_version() if current_version() in versions else next(iter(versions), None)
        if old is None:
            old = next((v for v in versions if v != new), None)
        if old is None or new is None:
            raise NoVersionsToCompare(
                "the warehouse holds digests from one extractor version only: "
                f"{', '.join(versions) or 'none'}; ingest with another version first"
            )
        rows = con.execute(sql_text("diff/mentions.sql"), {"from": old, "to": new}).pl()
    return VersionDiff(old=old, new=new, rows=rows)
