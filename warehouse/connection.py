"""Connections to the warehouse file, with the schema applied and lock waits handled.

DuckDB lets one process write a database file at a time; another process that
tries gets an IOException naming the lock, and a second connection in the same
process a "file handle conflict". Ingests wait for either with backoff instead
of failing, so concurrent runs serialize their writes.
"""

from __future__ import annotations

import hashlib
import os
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from warehouse.failures import WarehouseUnavailable, check_is_warehouse
from warehouse.registries import REGISTRY_FILES, check_aliases, load_registries
from warehouse.sql_files import execute_file, sql_text

DEFAULT_DB = Path("data") / "warehouse.duckdb"
LOCK_WAIT_SECONDS = 600.0
# Writers cap DuckDB's buffer pool (its default is 80% of RAM, so it would keep
# every block it ever wrote) and need no insertion order (rows are keyed), so an
# INSERT ... SELECT streams instead of buffering. Loads commit in chunks, so no
# transaction needs more than this.
# Writers never fetch an extension either: nothing downloads at run time.
WRITER_CONFIG: dict[str, object] = {
    "memory_limit": "256MB",
    "preserve_insertion_order": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
}
# Rows per row group that writers store (DuckDB's default is 122,880). A checkpoint
# compresses a whole row group at once, outside the buffer pool's limit; with
# abstracts of ~1 kB a default group costs ~300 MB of peak memory, which is what
# made a large load's peak grow with its size. The setting is not kept in the file,
# so every writer attaches with it.
ROW_GROUP_ROWS = 16_384
WAREHOUSE_ALIAS = "warehouse"
SCHEMA_FILES = ("schema.sql", "views.sql", "analysis_views.sql", "comments.sql")  # in this order


def default_db_path() -> Path:
    """``$CLAIMS_DB`` if set, else ``data/warehouse.duckdb`` under the working folder."""
    return Path(os.environ.get("CLAIMS_DB", DEFAULT_DB))


def schema_fingerprint() -> str:
    """A hash of the SQL that defines the warehouse's tables, views and macros, and of
    the registries (sql/registry/*.csv) loaded with them."""
    text = "\0".join(sql_text(name) for name in (*SCHEMA_FILES, *REGISTRY_FILES))
    return hashlib.sha256(text.encode()).hexdigest()


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables and (re)create the views and macros, unless exactly these
    schema files were applied already: every writable connect calls this, a few per
    digest, and re-creating everything each time cost more than a small load."""
    fingerprint = schema_fingerprint()
    try:
        if execute_file(con, "schema_fingerprint.sql") == [(fingerprint,)]:
            return
    except duckdb.CatalogException:
        _check_no_foreign_tables(con)  # a new warehouse, or one from before fingerprints
    load_registries(con)  # the views are built on them
    for name in SCHEMA_FILES:
        execute_file(con, name)
    check_aliases(con)
    execute_file(con, "record_schema_fingerprint.sql", fingerprint=fingerprint)


class SchemaOutOfDate(Exception):
    """A warehouse whose tables and views are not exactly the ones this version defines."""


def require_current_schema(con: duckdb.DuckDBPyConnection, path: str | Path) -> None:
    """Raise `SchemaOutOfDate` unless this version's schema files are the ones last
    applied to the warehouse behind ``con``. Readers call this on a read-only
    connection, which cannot apply them itself: only writers do (any ingest)."""
    try:
        applied = execute_file(con, "schema_fingerprint.sql")
    except duckdb.CatalogException:
        raise SchemaOutOfDate(
            f"the warehouse at {path} has no analysis views (an empty file, or one made "
            "before they existed): run `claims ingest` once to create them"
        ) from None
    if applied != [(schema_fingerprint(),)]:
        raise SchemaOutOfDate(
            f"the warehouse at {path} was made with other tables and views than this "
            "version's: run `claims ingest` once (it re-applies the schema) to bring it up to date"
        )


def _check_no_foreign_tables(con: duckdb.DuckDBPyConnection) -> None:
    """A DuckDB file with tables but no ``digests`` table is someone else's."""
    rows = execute_file(con, "warehouse_tables.sql")
    tables = sorted(table for _, table in rows if table)
    if tables and "digests" not in tables:
        raise WarehouseUnavailable(
            f"{rows[0][0]} is not a paper-claims warehouse: it holds other tables "
            f"({', '.join(tables[:3])})"
        )


def is_lock_error(exc: BaseException) -> bool:
    """Whether ``exc`` says another connection holds the database file."""
    text = str(exc).lower()
    return isinstance(exc, duckdb.Error) and any(
        sign in text
        for sign in ("lock", "conflicting", "being used by another", "file handle conflict")
    )


def connect_with_retry(
    path: str | Path,
    *,
    read_only: bool = False,
    config: dict[str, object] | None = None,
    wait_seconds: float = LOCK_WAIT_SECONDS,
) -> duckdb.DuckDBPyConnection:
    """Connect, waiting (jittered exponential backoff) while another connection holds
    the lock. A writable connection attaches the file to an in-memory instance as
    ``warehouse`` (its default database), which is how DuckDB takes the row-group size."""
    check_is_warehouse(path)
    deadline = time.monotonic() + wait_seconds
    delay = 0.05
    while True:
        try:
            if read_only:
                return duckdb.connect(str(path), read_only=True, config=config or {})
            return _attach_writable(path, config or {})
        except duckdb.Error as exc:
            if "not a valid duckdb database" in str(exc).lower():
                raise WarehouseUnavailable(
                    f"{path} is not a paper-claims warehouse: not a DuckDB file, or a corrupt one"
                ) from exc
            if not is_lock_error(exc) or time.monotonic() > deadline:
                raise
        time.sleep(delay * (0.5 + random.random()))
        delay = min(delay * 2, 2.0)


def _attach_writable(path: str | Path, config: dict[str, object]) -> duckdb.DuckDBPyConnection:
    # Spill beside the file, as DuckDB does for a file it opens itself (an in-memory
    # instance would spill into the working folder).
    con = duckdb.connect(config={"temp_directory": f"{path}.tmp", **config})
    try:
        # ATTACH takes no parameters; the path goes in as a quoted literal.
        literal = "'" + str(path).replace("'", "''") + "'"
        con.execute(f"ATTACH {literal} AS {WAREHOUSE_ALIAS} (ROW_GROUP_SIZE {ROW_GROUP_ROWS})")
        con.execute(f"USE {WAREHOUSE_ALIAS}")
    except BaseException:
        con.close()
        raise
    return con


@contextmanager
def writable(
    path: str | Path,
    *,
    config: dict[str, object] | None = None,
    wait_seconds: float = LOCK_WAIT_SECONDS,
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A writable connection with the schema applied, closed on exit."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    con = connect_with_retry(
        path, config={**WRITER_CONFIG, **(config or {})}, wait_seconds=wait_seconds
    )
    try:
        apply_schema(con)
        yield con
    finally:
        con.close()


@contextmanager
def read_only(
    path: str | Path, *, wait_seconds: float = LOCK_WAIT_SECONDS
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection that can only read the warehouse: no writes, files, or extensions."""
    if not Path(path).exists():
        raise FileNotFoundError(f"no warehouse at {path}: run `claims ingest` first")
    con = connect_with_retry(
        path,
        read_only=True,
        config={
            "enable_external_access": False,
            "autoload_known_extensions": False,
            "autoinstall_known_extensions": False,
            "lock_configuration": True,
        },
        wait_seconds=wait_seconds,
    )
    try:
        yield con
    finally:
        con.close()
