"""Say why a warehouse could not be written, in one line: the cause, not the stack.

A read-only folder, a full disk, a corrupt or foreign file all surface deep in
DuckDB or Dagster, wrapped in an error about the step that met them. These
helpers find the cause and word it for the person who has to fix it.
"""

from __future__ import annotations

from pathlib import Path

DUCKDB_MAGIC = b"DUCK"  # bytes 8..11 of a DuckDB database file
SQLITE_MAGIC = b"SQLite format 3\0"

# Causes that no other file of the same ingest would escape: the CLI stops at the first.
FOLDER_CAUSES = {
    "read-only file system": "read-only file system",
    "no space left on device": "the disk is full",
    "disk quota exceeded": "the disk quota is used up",
    "permission denied": "permission denied",
}


class WarehouseUnavailable(Exception):
    """The warehouse file cannot be used at all: not ours, corrupt, or not writable."""


def check_is_warehouse(path: str | Path) -> None:
    """`WarehouseUnavailable` unless ``path`` is missing, empty, or a DuckDB file.
    Checked before DuckDB opens it: given a SQLite file, DuckDB would try to
    download the SQLite extension to read it."""
    path = Path(path)
    try:
        with path.open("rb") as f:
            head = f.read(16)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise WarehouseUnavailable(f"cannot read {path}: {exc.strerror or exc}") from exc
    if not head:
        return
    if head.startswith(SQLITE_MAGIC):
        raise WarehouseUnavailable(f"{path} is not a paper-claims warehouse: it is a SQLite file")
    if head[8:12] != DUCKDB_MAGIC:
        raise WarehouseUnavailable(
            f"{path} is not a paper-claims warehouse: not a DuckDB file, or a corrupt one"
        )


def folder_cause(message: str, folder: Path) -> str | None:
    """``cannot write data/: read-only file system`` when ``message`` (an error's
    text, however wrapped) says the warehouse's folder cannot be written."""
    lowered = message.lower()
    for sign, cause in FOLDER_CAUSES.items():
        if sign in lowered:
            return f"cannot write {folder}/: {cause}"
    return None
