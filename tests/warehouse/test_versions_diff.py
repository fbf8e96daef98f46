"""A rule change end to end: a new extractor version, exactly the stale digests
re-extracted, old rows replaced atomically, and a diff of exactly what changed."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from cli.main import main
from dagster_project.ingest import ingest_files
from extractors.mention import Mention
from extractors.pipeline import extract_papers
from extractors.version import current_version
from reader.records import Paper
from tests.conftest import GOLD_DIGEST, OTHER_DIGEST
from warehouse.diff import NoVersionsToCompare, diff_versions
from warehouse.load import fresh_digests

NEXT = "0.1.0+rules.testdouble"

pytestmark = pytest.mark.slow  # every test ingests both digests twice


def rule_change(papers: Iterable[Paper], n_process: int = 1) -> Iterator[tuple]:
    """A test double of a rule edit: pixel sizes are dropped, percentages become
    proportions. Every other mention stays as the real extractor finds it."""
    for paper, result in extract_papers(papers):
        if isinstance(result, Exception):
            yield paper, result
            continue
        changed: list[Mention] = [
            replace(m, kind="proportion") if m.unit == "%" else m
            for m in result
            if m.unit != "pixel"
        ]
        yield paper, changed


def rows(db: Path, sql: str, params: dict | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params).fetchall()


@pytest.fixture
def two_versions(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Both bundled digests under the real extractor, then one re-ingested under NEXT."""
    for outcome in ingest_files([GOLD_DIGEST, OTHER_DIGEST], db_path=db_path):
        assert outcome.status == "loaded"
    monkeypatch.setattr("dagster_project.assets.current_version", lambda: NEXT)
    # ...and the check that answers an unchanged file before any run starts
    monkeypatch.setattr("dagster_project.files.current_version", lambda: NEXT)
    monkeypatch.setattr("dagster_project.assets.extract_in_parallel", rule_change)
    (outcome,) = ingest_files([GOLD_DIGEST], db_path=db_path)
    assert outcome.status == "loaded"
    return db_path


def test_only_the_digest_extracted_by_the_old_version_is_stale(two_versions: Path) -> None:
    versions = dict(rows(two_versions, "select digest, extractor_version from digests"))
    assert versions == {GOLD_DIGEST.name: NEXT, OTHER_DIGEST.name: current_version()}
    with duckdb.connect(str(two_versions), read_only=True) as con:
        assert fresh_digests(con, NEXT) == {GOLD_DIGEST.name}


def test_reingest_replaced_the_old_rows_and_archived_them(two_versions: Path) -> None:
    gold_papers = "select paper_key from digest_papers where digest = $d"
    current = rows(
        two_versions,
        f"select distinct extractor_version from claims where paper_key in ({gold_papers})",
        {"d": GOLD_DIGEST.name},
    )
    assert current == [(NEXT,)]
    archived = rows(two_versions, "select distinct extractor_version from claims_archive")
    assert archived == [(current_version(),)]


def test_diff_lists_exactly_the_changed_mentions(two_versions: Path) -> None:
    old = rows(
        two_versions,
        "select unit, kind from claims_archive where extractor_version = $v",
        {"v": current_version()},
    )
    expected_removed = sum(1 for unit, _ in old if unit == "pixel")
    expected_changed = sum(1 for unit, kind in old if unit == "%" and kind != "proportion")
    assert expected_removed > 0 and expected_changed > 0
    diff = diff_versions(two_versions, current_version(), NEXT)
    changes = diff.rows["change"].to_list()
    assert changes.count("removed") == expected_removed
    assert changes.count("changed") == expected_changed
    assert changes.count("added") == 0
    changed = diff.rows.filter(diff.rows["change"] == "changed")
    assert set(changed["new_kind"]) == {"proportion"}
    assert all(fields == ["kind"] for fields in changed["changed_fields"].to_list())
    by_unit = dict(diff.counts("unit").select("unit", "removed").iter_rows())
    assert by_unit["pixel"] == expected_removed


def test_diff_defaults_and_cli(two_versions: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert diff_versions(two_versions, new=NEXT).old == current_version()
    assert main(["diff", "--db", str(two_versions), "--to", NEXT, "--format", "jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {line["change"] for line in lines} == {"removed", "changed"}
    assert main(["diff", "--db", str(two_versions), "--to", NEXT]) == 0
    out = capsys.readouterr().out
    assert "By unit" in out and "Sample of changed" in out


def test_diff_needs_two_versions(db_path: Path) -> None:
    list(ingest_files([OTHER_DIGEST], db_path=db_path))
    with pytest.raises(NoVersionsToCompare):
        diff_versions(db_path)
