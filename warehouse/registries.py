"""The registries kept as data: well-known benchmark and model names with their
aliases, and which way each metric is better.

They are CSV files under ``sql/registry/``, edited by hand (README, "Leaderboards"),
read through :mod:`warehouse.sql_files` like the SQL beside them, and loaded into
plain tables whenever the schema is applied: their text is part of the schema
fingerprint, so editing a CSV refreshes the tables and every view built on them
at the next writable connect. The normalization that makes aliases meet is SQL
(``benchmark_norm`` and friends in ``sql/analysis_views.sql``), so this module
only checks the files' shape and hands the rows over.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import duckdb
import polars as pl

from warehouse.sql_files import execute_file, sql_text


@dataclass(frozen=True)
class Registry:
    """One CSV file and the table it is loaded into."""

    file: str  # under sql/
    table: str
    columns: tuple[str, ...]
    choices: dict[str, frozenset[str]]  # columns whose values are a closed list
    unique: tuple[str, ...] = ()  # columns no two rows may share


MATCH_KINDS = frozenset({"key", "word", "family"})
BETTER = frozenset({"higher", "lower"})

REGISTRIES: tuple[Registry, ...] = (
    Registry("registry/benchmarks.csv", "benchmark_registry", ("name", "alias"), {}),
    Registry("registry/subjects.csv", "subject_registry", ("name", "alias"), {}),
    Registry(
        "registry/metric_directions.csv",
        "metric_direction_registry",
        ("match", "name", "better"),
        {"match": MATCH_KINDS, "better": BETTER},
        unique=("match", "name"),
    ),
)
REGISTRY_FILES: tuple[str, ...] = tuple(r.file for r in REGISTRIES)


class RegistryError(ValueError):
    """A registry file is not in the shape its table needs."""


def registry_rows(registry: Registry) -> pl.DataFrame:
    """The rows of a registry file, checked: its header, no empty name, closed-list
    columns within their list, no repeated key. An empty alias is allowed (a name
    without aliases)."""
    reader = csv.reader(io.StringIO(sql_text(registry.file)))
    header = tuple(next(reader, ()))
    if header != registry.columns:
        raise RegistryError(
            f"sql/{registry.file}: the header must be {','.join(registry.columns)}, "
            f"not {','.join(header) or '(empty)'}"
        )
    rows: list[tuple[str, ...]] = []
    seen: dict[tuple[str, ...], int] = {}
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(registry.columns):
            raise RegistryError(
                f"sql/{registry.file}:{line}: {len(row)} fields, expected "
                f"{len(registry.columns)} ({','.join(registry.columns)})"
            )
        cells = tuple(cell.strip() for cell in row)
        record = dict(zip(registry.columns, cells, strict=True))
        if not record["name"]:
            raise RegistryError(f"sql/{registry.file}:{line}: the name is empty")
        for column, allowed in registry.choices.items():
            if record[column] not in allowed:
                raise RegistryError(
                    f"sql/{registry.file}:{line}: {column} is {record[column]!r}, "
                    f"not one of {', '.join(sorted(allowed))}"
                )
        if registry.unique:
            key = tuple(record[c] for c in registry.unique)
            if key in seen:
                raise RegistryError(
                    f"sql/{registry.file}:{line}: repeats line {seen[key]} "
                    f"({','.join(key)}): one row per {' and '.join(registry.unique)}"
                )
            seen[key] = line
        rows.append(cells)
    return pl.DataFrame(rows, schema=dict.fromkeys(registry.columns, pl.String), orient="row")


def load_registries(con: duckdb.DuckDBPyConnection) -> None:
    """Replace the registry tables with the files' rows (all checked before any is
    written). Run by ``apply_schema`` before the views, which are built on them."""
    frames = {registry.table: registry_rows(registry) for registry in REGISTRIES}
    for table, frame in frames.items():
        con.register("registry_rows", frame.to_arrow())
        try:
            execute_file(con, f"registry/load_{table}.sql")
        finally:
            con.unregister("registry_rows")


def check_aliases(con: duckdb.DuckDBPyConnection) -> None:
    """Refuse an alias that, once normalized, names two different entries: a lookup
    could not tell which one it means. Run after the views (the normalizing macros)."""
    clashes = execute_file(con, "registry/conflicting_aliases.sql")
    if clashes:
        shown = "; ".join(
            f"{registry}: {key!r} names {', '.join(names)}" for registry, key, names in clashes[:5]
        )
        raise RegistryError(f"ambiguous aliases in sql/registry/: {shown}")
