"""`python -m evaluation.rule_firings`: per-rule firing counts and random samples of them."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from evaluation.rule_firings import count_firings, extract_corpus, main
from extractors.pipeline import ExtractionError, extract_papers
from reader.records import Paper

PAPERS = [
    {"id": "2501.00001", "title": "A 2x Faster Model",
     "summary": "We cut memory by 62% and latency by\n30% with 4.5 GB."},
    {"id": "2501.00002", "title": "Plain", "summary": "It reaches 80% accuracy on 12 patients."},
    {"id": "2501.00003", "title": "None", "summary": "No numbers are stated here."},
]  # fmt: skip


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(p) + "\n" for p in PAPERS)
    return path


def _counts(stdout: str) -> dict[str, tuple[int, int]]:
    rows = re.findall(r"^(\S+)\s+([\d,]+)\s+([\d,]+)$", stdout, flags=re.M)
    return {r: (int(f.replace(",", "")), int(p.replace(",", ""))) for r, f, p in rows}


def test_counts_firings_and_papers_per_rule(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "firings.md"
    assert main(["--corpus", str(corpus), "--processes", "1", "--out", str(out)]) == 0
    counts = _counts(capsys.readouterr().out)
    assert counts["unit.percent"] == (3, 2)  # 62%, 30% in one paper, 80% in another
    assert counts["find.unit_after"] == (5, 2)  # 2x, 62%, 30%, 4.5 GB, 80%
    assert counts["noun.count.other_plural"] == (1, 1)  # 12 patients
    assert counts["unit.byte"] == (1, 1)
    report = out.read_text(encoding="utf-8")
    assert "| `unit.percent` | 3 | 2 |" in report
    assert "## `noun.count.other_plural` (1 firings, 1 papers)" in report
    assert "**12 patients**" in report  # the sentence, the mention marked


def test_jsonl_report_samples_at_most_n_per_rule_reproducibly(corpus: Path, tmp_path: Path) -> None:
    reports = []
    for name in ("a.jsonl", "b.jsonl"):
        out = tmp_path / name
        args = ["--corpus", str(corpus), "--processes", "1", "--sample", "2", "--out", str(out)]
        assert main(args) == 0
        reports.append(out.read_text(encoding="utf-8"))
    assert reports[0] == reports[1]  # same seed, same sample
    rows = [json.loads(line) for line in reports[0].splitlines()]
    per_rule: dict[str, list[dict]] = {}
    for row in rows:
        per_rule.setdefault(row["rule"], []).append(row)
        assert row["rule"] in row["rules"]
    assert len(per_rule["unit.percent"]) == 2  # 3 firings, 2 kept
    assert len(per_rule["find.unit_after"]) == 2
    [patients] = per_rule["noun.count.other_plural"]
    assert patients["arxiv_id"] == "2501.00002"
    assert (patients["text"], patients["value"], patients["unit"]) == ("12 patients", 12, "count")
    # offsets are into the text as ingest reads it (whitespace normalised)
    [gb] = per_rule["unit.byte"]
    assert "latency by 30% with 4.5 GB" in gb["sentence"]


def test_reservoir_sample_is_uniform_size_and_counts_each_rule_once_per_mention() -> None:
    papers = [Paper(i, "", f"We train {i + 2} models with 1{i}% gains.") for i in range(30)]
    results = list(extract_papers(papers))
    results.append((Paper(99, "", "x"), ExtractionError(99, "abstract: boom")))
    f = count_firings(results, sample=5, seed=3)
    assert f.papers == 31 and len(f.errors) == 1
    assert f.tallies["unit.percent"].firings == 30
    assert len(f.tallies["unit.percent"].papers) == 30
    assert len(f.tallies["unit.percent"].sample) == 5
    assert f.mentions == sum(len(r) for _, r in results if isinstance(r, list))
    again = count_firings(results, sample=5, seed=3)
    assert [m for _, m in again.tallies["unit.percent"].sample] == [
        m for _, m in f.tallies["unit.percent"].sample
    ]


def test_a_missing_corpus_is_one_line_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--corpus", str(tmp_path / "nope.jsonl.gz")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: no corpus at ") and err.count("\n") == 1


def test_the_report_marks_the_mention_at_its_own_offset(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(
        json.dumps({"id": "1", "title": "T", "summary": "It uses 8 GPUs, then 18 GPUs and 8 GPUs."})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "r.md"
    assert main(["--corpus", str(path), "--processes", "1", "--out", str(out)]) == 0
    report = out.read_text(encoding="utf-8")
    assert "It uses **8 GPUs**, then 18 GPUs and 8 GPUs." in report
    assert "It uses 8 GPUs, then 18 GPUs and **8 GPUs**." in report
    assert "1**8 GPUs**" not in report


@pytest.mark.slow
def test_worker_processes_give_the_same_results_in_the_same_order() -> None:
    papers = [
        Paper(i, "T", f"We use {i % 7 + 2} GPUs and reach {50 + i % 40}.5% accuracy.", f"2501.{i}")
        for i in range(60)
    ]
    one = [(p.idx, r) for p, r in extract_corpus(papers, processes=1)]
    two = [(p.idx, r) for p, r in extract_corpus(papers, processes=2, batch_size=7)]
    assert one == two and [i for i, _ in one] == list(range(60))
