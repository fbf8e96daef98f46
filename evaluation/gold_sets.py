"""The gold sets the extractor is judged on, and ``make eval``: every set's figures.

Two visible sets ship with the repository (``tests/gold/``): the bundled digest's
gold and 180 arXiv abstracts of 2025 (raw LaTeX). A third, blind set lives in
``../shared/blind/`` with its gold hashed; only its own scorer
(``blind_score.py``) can read it, and it prints aggregate figures, nothing else.
The visible sets are scored in-process with :func:`evaluation.scoring.score`;
the blind one by writing predictions to a temporary file for that scorer.

    python -m evaluation.gold_sets            # all sets
    python -m evaluation.gold_sets dev blind  # some of them (bundled, dev, annotated,
                                              # annotated7, annotated8, annotated10,
                                              # annotated12, digest003, blind)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from evaluation.scoring import EvalReport, format_report, score
from extractors.pipeline import ExtractionError, extract_papers
from reader.digest_reader import read_digest

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "gold"
# the shared folder beside the checkout, as CI lays it out
SHARED = Path(os.environ.get("CLAIMS_SHARED", ROOT.parent / "shared"))
BLIND_DIR = SHARED / "blind"
DIGEST_YEAR = 2024  # the bundled digest's date line has no year; the gold does not depend on it


@dataclass(frozen=True)
class GoldSet:
    """A digest and the gold mentions of its papers."""

    name: str
    digest: Path
    gold: Path


VISIBLE: tuple[GoldSet, ...] = (
    GoldSet(
        "bundled digest",
        ROOT / "data" / "digests" / "000_35864b3586657c5a.txt",
        GOLD_DIR / "000_35864b3586657c5a.jsonl",
    ),
    GoldSet(
        "arXiv 2025 dev",
        GOLD_DIR / "digests" / "arxiv_2025_dev.jsonl",
        GOLD_DIR / "arxiv_2025_dev.jsonl",
    ),
)
# Annotated by helper sessions from the spec alone, without seeing the extractor, in the
# fourth session of 2026-12-02 (780 random corpus papers, none of dev, blind or the
# audits; and the second bundled digest, whose gold was never given). Their misses were
# read and many became rules, so they are tuned on now: a regression check, with the
# annotators' doubts kept (``unsure``), not the project's gold. The seventh session of
# 2026-12-03 added 150 more (75 random papers, 75 random among those stating five or more
# numbers), annotated the same way: all F1 0.929, result 0.921 before that session's rules
# read their misses (0.936 / 0.925 after). The eighth session added 225 more in two rounds:
# 120 random papers (all 0.946, result 0.944 before its rules) and 105 random among those
# stating six or more numbers (all 0.939 / 0.927 on the first 70 before, 0.927 / 0.953 on the
# last 35, read only after the rules their misses found). The ninth session of 2026-12-04
# added 200 random papers in two rounds of 100 (four helpers each): round 10 scored all
# 0.917, result 0.880 before the rules its misses found, round 11 all 0.923, result 0.911.
# The tenth session added rounds 12 and 13 (100 random papers each, four helpers each):
# all 0.960 / result 0.942 and all 0.945 / result 0.916 before the rules they found.
ANNOTATED: tuple[GoldSet, ...] = (
    GoldSet(
        "annotated corpus sample",
        GOLD_DIR / "digests" / "annotated_2025.jsonl",
        GOLD_DIR / "annotated_2025.jsonl",
    ),
    GoldSet(
        "annotated corpus sample, round 7",
        GOLD_DIR / "digests" / "annotated_2025_r7.jsonl",
        GOLD_DIR / "annotated_2025_r7.jsonl",
    ),
    GoldSet(
        "annotated corpus sample, rounds 8-9",
        GOLD_DIR / "digests" / "annotated_2025_r8.jsonl",
        GOLD_DIR / "annotated_2025_r8.jsonl",
    ),
    GoldSet(
        "annotated corpus sample, rounds 10-11",
        GOLD_DIR / "digests" / "annotated_2025_r10.jsonl",
        GOLD_DIR / "annotated_2025_r10.jsonl",
    ),
    GoldSet(
        "annotated corpus sample, rounds 12-13",
        GOLD_DIR / "digests" / "annotated_2025_r12.jsonl",
        GOLD_DIR / "annotated_2025_r12.jsonl",
    ),
    GoldSet(
        "annotated digest 003",
        ROOT / "data" / "digests" / "003_53803ac19bd5bfa5.txt",
        GOLD_DIR / "003_53803ac19bd5bfa5.annotated.jsonl",
    ),
)
# the rows of a report that score phrase fields (the annotated sets hold none)
_PHRASE_ROWS = ("board", "metric", "baseline", "subject", "benchmark")
BLIND = GoldSet(
    "blind", BLIND_DIR / "arxiv_2025_blind.jsonl", BLIND_DIR / "arxiv_2025_blind.gold.json"
)


def predictions(digest: Path) -> Iterator[dict]:
    """Every mention the extractor finds in ``digest``, in the gold files' shape.

    A paper the extractor fails on raises: a gold set must never be scored with
    papers silently missing."""
    parsed = read_digest(digest, year=DIGEST_YEAR)
    for paper, result in extract_papers(parsed.papers):
        if isinstance(result, ExtractionError):
            raise result
        for mention in result:
            yield mention.to_spec_dict(paper.idx)


def read_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def evaluate(gold_set: GoldSet) -> EvalReport:
    """The extractor's figures on one visible set."""
    return score(read_gold(gold_set.gold), list(predictions(gold_set.digest)))


def blind_figures() -> str | None:
    """What the blind set's own scorer prints, or None where the set is absent."""
    scorer = BLIND_DIR / "blind_score.py"
    if not (scorer.exists() and BLIND.digest.exists() and BLIND.gold.exists()):
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as out:
        for row in predictions(BLIND.digest):
            out.write(json.dumps(row) + "\n")
    try:
        done = subprocess.run(
            [sys.executable, str(scorer), str(BLIND.gold), out.name],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        os.unlink(out.name)
    return done.stdout.rstrip()


def main(argv: list[str] | None = None) -> int:
    keys = (
        "bundled",
        "dev",
        "annotated",
        "annotated7",
        "annotated8",
        "annotated10",
        "annotated12",
        "digest003",
    )
    wanted = set(argv if argv is not None else sys.argv[1:]) or {*keys, "blind"}
    keyed = zip(keys, (*VISIBLE, *ANNOTATED), strict=True)
    for key, gold_set in keyed:
        if key in wanted:
            print(f"== {gold_set.name} ({gold_set.gold.relative_to(ROOT)})")
            report = format_report(evaluate(gold_set))
            if gold_set in ANNOTATED:  # annotated without the phrase fields: none to show
                report = "\n".join(
                    line for line in report.splitlines() if not line.startswith(_PHRASE_ROWS)
                )
            print(report + "\n")
    if "blind" in wanted:
        figures = blind_figures()
        print("== blind set (../shared/blind, aggregate figures only)")
        print(
            figures
            if figures is not None
            else "not found: ../shared/blind is not beside the checkout"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
