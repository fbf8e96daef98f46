"""Shared fixtures: the bundled digests, a fresh warehouse file, an isolated Dagster."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DIGESTS = ROOT / "data" / "digests"
GOLD_DIGEST = DIGESTS / "000_35864b3586657c5a.txt"
OTHER_DIGEST = DIGESTS / "003_53803ac19bd5bfa5.txt"
GOLD = ROOT / "tests" / "gold" / "000_35864b3586657c5a.jsonl"  # also ../shared/gold

HEADER = (
    "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\n"
    "byAK and the research community\n\n"
)


def digest_text(date: str, papers: list[tuple[str, str]]) -> str:
    """A digest page in the bundled format."""
    blocks = "".join(f"{title}\n\n{abstract}\n\n" for title, abstract in papers)
    return f"{HEADER}{date}\n\n{blocks}"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "warehouse.duckdb"


@pytest.fixture(autouse=True)
def isolated_dagster(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Tests never touch a developer's DAGSTER_HOME, warehouse or inbox."""
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    monkeypatch.setenv("CLAIMS_DB", str(tmp_path / "default.duckdb"))
    monkeypatch.setenv("CLAIMS_INBOX", str(tmp_path / "inbox"))


@pytest.fixture(scope="session")
def bundled_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both bundled digests ingested once, for the tests that only read the result."""
    from dagster_project.ingest import ingest_files  # Dagster is slow to import

    db = tmp_path_factory.mktemp("bundled") / "warehouse.duckdb"
    outcomes = list(ingest_files([DIGESTS], db_path=db))
    assert [o.status for o in outcomes] == ["loaded", "loaded"], outcomes
    return db
