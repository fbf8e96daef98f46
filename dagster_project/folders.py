"""What a folder of digests holds that cannot be ingested, said rather than skipped.

A FIFO would block a reader forever, a dangling link reads nothing, and a name
Dagster refuses as a partition key cannot become a partition: each is reported
by the CLI (a failed line) and by the inbox sensor (its tick), never dropped
without a word.
"""

from __future__ import annotations

import stat
from pathlib import Path


def is_valid_key(name: str) -> bool:
    """Whether Dagster accepts ``name`` as a partition key: no "..." and no control
    characters (its rule), which rules out a few odd file names. (Here, not beside
    the partitions, so that deciding costs no Dagster import.)"""
    return bool(name) and "..." not in name and name.isprintable()


def why_not_a_digest(path: Path) -> str | None:
    """Why ``path`` cannot be ingested as a digest file, or None when it can."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            return "dangling link: its target does not exist"
        return f"no such file: {path}"
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe), not a file; skipped"
    if stat.S_ISDIR(mode):
        return "a folder, not a file; skipped"
    if not stat.S_ISREG(mode):
        return "not a regular file (a socket or device); skipped"
    if not is_valid_key(path.name):
        return "file name holds '...' or control characters; rename it"
    return None


def folder_entries(folder: Path) -> list[Path]:
    """A folder's entries that are candidates for digests: everything but hidden
    names and subfolders, sorted; broken ones are reported by `why_not_a_digest`."""
    return sorted(p for p in folder.iterdir() if not p.name.startswith(".") and not p.is_dir())
