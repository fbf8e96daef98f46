"""`claims eval`: scores in a scratch warehouse unless told otherwise, and checks
both files before it touches anything."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cli.main import main
from tests.conftest import GOLD, GOLD_DIGEST, OTHER_DIGEST


def test_eval_scores_in_a_scratch_warehouse_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    default_db = Path(os.environ["CLAIMS_DB"])
    assert main(["eval", str(GOLD), str(GOLD_DIGEST)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["mentions", "P", "R", "F1", "pred", "gold"]
    assert not default_db.exists()
    assert not list(default_db.parent.glob("*staging*"))


def test_eval_with_db_keeps_the_digest_there(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", str(GOLD), str(GOLD_DIGEST), "--db", str(db_path)]) == 0
    capsys.readouterr()
    assert main(["sql", "select digest from digests", "--db", str(db_path), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["digest", GOLD_DIGEST.name]


@pytest.mark.parametrize(
    ("gold", "digest", "message"),
    [
        (GOLD_DIGEST, GOLD, "the arguments look swapped"),
        (GOLD_DIGEST, OTHER_DIGEST, "GOLD " + str(GOLD_DIGEST) + ": not a gold file"),
        (GOLD, GOLD, "DIGEST " + str(GOLD) + ": this is a gold file, not a digest"),
        (GOLD, Path("missing.txt"), "DIGEST missing.txt: no such file"),
        (Path("missing.jsonl"), GOLD_DIGEST, "GOLD missing.jsonl: no such file"),
    ],
)
def test_eval_says_which_argument_is_wrong_before_touching_anything(
    db_path: Path, capsys: pytest.CaptureFixture[str], gold: Path, digest: Path, message: str
) -> None:
    assert main(["eval", str(gold), str(digest), "--db", str(db_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"claims eval: {message}")
    assert captured.err.count("\n") == 1
    assert not db_path.exists()


def test_eval_names_the_bad_line_of_a_gold_file(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "gold.jsonl"
    lines = GOLD.read_text(encoding="utf-8").splitlines()[:3]
    bad.write_text("\n".join([*lines, '{"paper": 0, "text": "2x"}']) + "\n", encoding="utf-8")
    assert main(["eval", str(bad), str(GOLD_DIGEST), "--db", str(db_path)]) == 2
    err = capsys.readouterr().err
    assert "line 4 lacks canonical_value, in, kind, role, unit" in err
    assert not db_path.exists()


def test_eval_refuses_a_file_that_is_no_digest(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["eval", str(GOLD), str(empty), "--db", str(db_path)]) == 2
    assert "not a digest (file is empty)" in capsys.readouterr().err
