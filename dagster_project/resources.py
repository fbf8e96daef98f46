"""Resources, configured once here and used by `definitions.py` and the CLI alike."""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from warehouse.connection import default_db_path

DEFAULT_INBOX = Path("data") / "inbox"


class IngestSettings(dg.ConfigurableResource):
    """Where new digests arrive and how hard extraction may work."""

    inbox_dir: str = str(DEFAULT_INBOX)
    n_process: int = 1  # extraction processes per digest; >1 pays off for large files


def make_resources(db_path: str | Path | None = None, inbox_dir: str | Path | None = None) -> dict:
    """The project's resources; ``CLAIMS_DB`` and ``CLAIMS_INBOX`` override the defaults."""
    db = Path(db_path) if db_path else default_db_path()
    inbox = Path(inbox_dir) if inbox_dir else Path(os.environ.get("CLAIMS_INBOX", DEFAULT_INBOX))
    db.parent.mkdir(parents=True, exist_ok=True)
    return {
        "warehouse": DuckDBResource(database=str(db)),
        "settings": IngestSettings(
            inbox_dir=str(inbox), n_process=int(os.environ.get("CLAIMS_N_PROCESS", "1"))
        ),
    }
