"""The extractor's version: the package version plus a hash of the ``extractors/``
folder, which holds exactly what decides what is extracted (rule tables, unit
definitions and the rule code) and nothing else: the digest reader, the process
pool and the scorer live in other packages, so editing them never makes a new
version (and never makes the daily schedule re-extract every digest)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path

PACKAGE = "paper-claims"
EXTRACTORS_DIR = Path(__file__).resolve().parent
RULE_SUFFIXES = (".py", ".toml", ".txt", ".json", ".csv")


def rule_files(directory: Path = EXTRACTORS_DIR) -> list[Path]:
    """The files whose content decides the extractor's output, in a stable order."""
    return sorted(p for p in directory.iterdir() if p.is_file() and p.suffix in RULE_SUFFIXES)


def rules_hash(files: Iterable[Path]) -> str:
    """A short hash of the files' names and bytes."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def package_version() -> str:
    try:
        return metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:
        return "0.0.0"


def version_of(files: Iterable[Path]) -> str:
    """The version string for a given set of rule files (a test double's, say)."""
    return f"{package_version()}+rules.{rules_hash(files)}"


@cache
def current_version() -> str:
    """The version of the extractor installed here, computed once per process."""
    return version_of(rule_files())
