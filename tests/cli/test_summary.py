"""The summary's "five largest claimed speedups" are speedups: speed going up."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli.main import main
from tests.conftest import digest_text

PAPERS = [
    (
        "Cheap Inference",
        "Our method achieves a 500X reduction in inference cost compared to GPT-4.",
    ),
    ("Fast Training", "Our method trains 3x faster than Adam."),
    ("Less Time", "It cuts training time by 40x over the baseline."),
]


def test_speedups_are_multipliers_of_speed_going_up(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "speed.txt"
    page.write_text(digest_text("Mar 11", PAPERS), encoding="utf-8")
    assert main(["ingest", str(page), "--db", str(db_path)]) == 0
    capsys.readouterr()
    assert main(["sql", "select count(*) as n from claim_mentions where kind = 'multiplier'",
                 "--db", str(db_path), "--format", "csv"]) == 0  # fmt: skip
    assert capsys.readouterr().out.splitlines() == ["n", "3"]
    assert main(["summary", "--db", str(db_path)]) == 0
    speedups = capsys.readouterr().out.split("Five largest claimed speedups")[1]
    assert "Fast Training" in speedups
    assert "Cheap Inference" not in speedups
    assert "Less Time" not in speedups
