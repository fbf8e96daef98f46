"""Resources, configured once here and used by `definitions.py` and the CLI alike."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
from dagster_duckdb import DuckDBResource

from warehouse.connection import default_db_path, read_only, writable

DEFAULT_INBOX = Path("data") / "inbox"
PARALLEL_FROM_PAPERS = 2_000


class WarehouseResource(DuckDBResource):
    """`DuckDBResource` whose connections come with the schema applied, and which waits
    out another process's write lock for minutes, with jitter, instead of ~100 s:
    partitions run side by side, their writes take turns."""

    lock_wait_seconds: float = 600.0

    @contextmanager
    def get_connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with writable(
            self.database,
            config={"custom_user_agent": "dagster", **self.connection_config},
            wait_seconds=self.lock_wait_seconds,
        ) as con:
            yield con

    @contextmanager
    def read_only_connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection that only reads, for assets downstream of the loads (the
        report): it applies no schema and takes no write lock of its own."""
        with read_only(self.database, wait_seconds=self.lock_wait_seconds) as con:
            yield con


class IngestSettings(dg.ConfigurableResource):
    """Where new digests arrive, where stages hand data on, and how hard extraction works."""

    inbox_dir: str = str(DEFAULT_INBOX)
    staging_dir: str = "data/warehouse_staging"  # per-run Parquet between the stages
    # Extraction processes per digest; 0 means one per core for large digests,
    # where starting workers pays off, and one process otherwise.
    n_process: int = 0
    terminal_progress: bool = False  # also draw a progress bar on stderr (CLI ingests)

    def processes_for(self, paper_count: int) -> int:
        """How many extraction processes a digest of ``paper_count`` papers gets."""
        if self.n_process > 0:
            return self.n_process
        return (os.cpu_count() or 1) if paper_count >= PARALLEL_FROM_PAPERS else 1

    def run_staging(self, run_id: str) -> Path:
        """The staging folder of one run: keyed by the run, never by the file alone,
        so two runs of one name (two folders' ``x.jsonl`` side by side, a sensor run
        and a CLI ingest) never write each other's files."""
        return Path(self.staging_dir) / run_id

    def staged(self, run_id: str, digest: str, name: str) -> Path:
        """Where the staged file ``name`` of ``digest`` lives in run ``run_id``."""
        return self.run_staging(run_id) / digest / name


def make_resources(
    db_path: str | Path | None = None,
    inbox_dir: str | Path | None = None,
    *,
    terminal_progress: bool = False,
    n_process: int | None = None,
    trusted_paths: bool = False,
) -> dict:
    """The project's resources; ``CLAIMS_DB``, ``CLAIMS_INBOX`` and ``CLAIMS_N_PROCESS``
    override the defaults, and ``n_process`` overrides ``CLAIMS_N_PROCESS``.

    ``trusted_paths`` lets a run read any ``path`` its config names: for the CLI's
    in-process runs only. It is a plain value, not config, so no run config (the
    UI's launchpad) can turn it on."""
    db = Path(db_path) if db_path else default_db_path()
    inbox = Path(inbox_dir) if inbox_dir else Path(os.environ.get("CLAIMS_INBOX", DEFAULT_INBOX))
    db.parent.mkdir(parents=True, exist_ok=True)
    return {
        "warehouse": WarehouseResource(database=str(db)),
        "settings": IngestSettings(
            inbox_dir=str(inbox),
            staging_dir=str(db.with_name(f"{db.stem}_staging")),
            n_process=(
                n_process if n_process is not None else int(os.environ.get("CLAIMS_N_PROCESS", "0"))
            ),
            terminal_progress=terminal_progress,
        ),
        "trusted_paths": trusted_paths,
    }
