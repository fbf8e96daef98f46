"""The analysis views and the main tables as files, for tools other than SQL.

`claims sql` refuses COPY (its connection may not touch files), so exporting
goes through Python instead: each query of sql/export/ runs on a read-only
connection and its rows stream, batch by batch, into a Parquet or CSV file.
A file appears whole or not at all (written beside, then renamed).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from warehouse.connection import read_only
from warehouse.sql_files import SQL_DIR, sql_text

FORMATS = ("parquet", "csv")
BATCH_ROWS = 50_000


@dataclass(frozen=True)
class Exported:
    """One file written."""

    name: str
    path: Path
    rows: int


def export_names() -> list[str]:
    """What `claims export` writes: one file per query in sql/export/."""
    return sorted(p.stem for p in (SQL_DIR / "export").glob("*.sql"))


def nested_as_json(frame: pl.DataFrame) -> pl.DataFrame:
    """Lists, arrays and structs as JSON text: CSV has no nested values."""
    nested = [name for name, dtype in frame.schema.items() if dtype.is_nested()]
    return frame.with_columns(
        pl.Series(
            name,
            [None if v is None else json.dumps(v, default=str) for v in frame[name].to_list()],
            dtype=pl.String,
        )
        for name in nested
    )


def export_warehouse(db_path: str | Path, out_dir: str | Path, fmt: str) -> list[Exported]:
    """Write every export of the warehouse at ``db_path`` into ``out_dir`` as ``fmt``."""
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r}: choose one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with read_only(db_path) as con:
        for name in export_names():
            reader = con.execute(sql_text(f"export/{name}.sql")).fetch_record_batch(BATCH_ROWS)
            path = out / f"{name}.{fmt}"
            partial = path.with_name(f".{path.name}.partial")
            try:
                rows = (_write_parquet if fmt == "parquet" else _write_csv)(reader, partial)
                os.replace(partial, path)
            finally:
                partial.unlink(missing_ok=True)
            written.append(Exported(name, path, rows))
    return written


def _write_parquet(reader: pa.RecordBatchReader, path: Path) -> int:
    rows = 0
    with pq.ParquetWriter(path, reader.schema) as writer:
        for batch in reader:
            writer.write_batch(batch)
            rows += batch.num_rows
    return rows


def _write_csv(reader: pa.RecordBatchReader, path: Path) -> int:
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        header = True
        for batch in reader:
            frame = pl.from_arrow(pa.Table.from_batches([batch], reader.schema))
            assert isinstance(frame, pl.DataFrame)
            f.write(nested_as_json(frame).write_csv(include_header=header))
            header = False
            rows += batch.num_rows
        if header:  # no rows: the header alone
            empty = pl.from_arrow(reader.schema.empty_table())
            assert isinstance(empty, pl.DataFrame)
            f.write(nested_as_json(empty).write_csv())
    return rows
