"""Resources, configured once here and used by `definitions.py` and the CLI alike."""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from warehouse.connection import default_db_path

DEFAULT_INBOX = Path("data") / "inbox"


class IngestSettings(dg.ConfigurableResource):
    """Where new digests arrive, where stages hand data on, and how hard extraction works."""

    inbox_dir: str = str(DEFAULT_INBOX)
    staging_dir: str = "data/warehouse_staging"  # per-digest Parquet between the stages
    n_process: int = 1  # extraction processes per digest; 2 pays off for large files

    def staged(self, digest: str, name: str) -> Path:
        """Where the staged file ``name`` of ``digest`` lives."""
        return Path(self.staging_dir) / digest / name


def make_resources(db_path: str | Path | None = None, inbox_dir: str | Path | None = None) -> dict:
    """The project's resources; ``CLAIMS_DB`` and ``CLAIMS_INBOX`` override the defaults."""
    db = Path(db_path) if db_path else default_db_path()
    inbox = Path(inbox_dir) if inbox_dir else Path(os.environ.get("CLAIMS_INBOX", DEFAULT_INBOX))
    db.parent.mkdir(parents=True, exist_ok=True)
    return {
        "warehouse": DuckDBResource(database=str(db)),
        "settings": IngestSettings(
            inbox_dir=str(inbox),
            staging_dir=str(db.with_name(f"{db.stem}_staging")),
            n_process=int(os.environ.get("CLAIMS_N_PROCESS", "1")),
        ),
    }
