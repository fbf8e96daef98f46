"""Remove one digest from the warehouse: all of its rows or none.

The inverse of a load, for a digest ingested by mistake (a wrong file, a test
run): its papers go too, unless another digest still lists them.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from warehouse.load import current_state
from warehouse.sql_files import execute_file


class UnknownDigest(LookupError):
    """The warehouse holds no digest of that name."""


@dataclass(frozen=True)
class RemoveResult:
    """What a removal took away, and what it left for other digests."""

    digest: str
    papers_removed: int
    papers_kept: int
    mentions_removed: int


def remove_digest(con: duckdb.DuckDBPyConnection, digest: str) -> RemoveResult:
    """Delete ``digest``'s rows in one transaction; `UnknownDigest` if there are none."""
    con.begin()
    try:
        state = current_state(con, digest)
        if state is None:
            raise UnknownDigest(f"the warehouse holds no digest named {digest!r}")
        ((removed, kept, mentions),) = execute_file(con, "load/remove_digest.sql", digest=digest)
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return RemoveResult(digest, int(removed), int(kept), int(mentions))
