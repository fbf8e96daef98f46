"""Issue 12's audit: 100 mentions drawn at random from the corpus, each read by a person
against its abstract, correct meaning value, unit and kind right per claims-spec.md.

Fifteen readings are kept (tests/audit/corpus_audit.md): the seed-1 draw
(corpus_audit.jsonl) and the seed-2 draw (corpus_audit_fresh.jsonl), each of which
informed fixes that followed it and is therefore biased now, and thirteen later draws:
seed 3 (corpus_audit_seed3.jsonl, 91 correct, read on extractor 0.1.0+rules.0c73539297fb;
biased since the tenth session), seed 4 (corpus_audit_seed4.jsonl, 87 correct,
drawn and read after the last rule change of the second session of 2026-12-02, on
0.1.0+rules.610c8e770b8e; biased since the fixes its reading led to) and seed 5
(corpus_audit_seed5.jsonl, 93 correct, drawn after the value, unit and kind rules of the
third session of 2026-12-02, on 0.1.0+rules.5a27c32a6a88; biased since, likewise) and
seed 6 (corpus_audit_seed6.jsonl, 88 correct, drawn after the value, unit and kind rules of
the fourth session of 2026-12-02, at commit 79575ef; biased since its fixes) and seed 7
(corpus_audit_seed7.jsonl, 91 correct, drawn at bc9de18 after the value, unit and kind
rules of the sixth session, 2026-12-03; biased since its fixes) and seed 8
(corpus_audit_seed8.jsonl, 93 correct, drawn at 6984190 after those of the seventh
session; biased since its fixes) and seed 9 (corpus_audit_seed9.jsonl, 93 correct, drawn
at f4c259a after those of the eighth session; biased since its fixes) and seed 10
(corpus_audit_seed10.jsonl, 89 correct, drawn at e535b6c in the ninth session; biased since
its fixes) and seed 11 (corpus_audit_seed11.jsonl, 97 correct, drawn at 993900d after the
ninth session's rules) and seed 12 (corpus_audit_seed12.jsonl, 91 correct, drawn at 18578cc
just after) and seed 13 (corpus_audit_seed13.jsonl, 93 correct, drawn at ef38890 at the start
of the tenth session) and seeds 14 and 15 (97 and 94 correct, both drawn at 743ba45 after
the tenth session's rules: 191 of 200). The issue's target is at least 95 of 100 correct:
seeds 11 and 14 meet it, the two draws after the tenth session's rules meet it on average,
seed 15, 13, 12 and the earlier draws did not at their readings (87 to 94). The test
asserts the measured counts as floors, not the target: it passes on the truth and fails
when a verdict is edited down or a regression is recorded. Every audited mention in every file
must still be what the extractor makes, so the verdicts never silently describe old
output."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from evaluation.corpus_audit import audit_record, draw, load, stale
from evaluation.rule_firings import DEFAULT_CORPUS
from extractors.pipeline import ExtractionError, extract_papers
from reader.records import Paper

AUDIT_DIR = Path(__file__).resolve().parent.parent / "audit"
AUDITS = {
    "seed1": AUDIT_DIR / "corpus_audit.jsonl",  # biased: it chose what was fixed
    "seed2": AUDIT_DIR / "corpus_audit_fresh.jsonl",  # biased too: it chose later fixes
    "seed3": AUDIT_DIR / "corpus_audit_seed3.jsonl",  # seed 3: biased since the tenth session
    "seed4": AUDIT_DIR / "corpus_audit_seed4.jsonl",  # seed 4: biased since its fixes
    "seed5": AUDIT_DIR / "corpus_audit_seed5.jsonl",  # seed 5: biased since its fixes
    "seed6": AUDIT_DIR / "corpus_audit_seed6.jsonl",  # seed 6, read after the fourth session
    "seed7": AUDIT_DIR / "corpus_audit_seed7.jsonl",  # seed 7, read in the sixth session
    "seed8": AUDIT_DIR / "corpus_audit_seed8.jsonl",  # seed 8, read in the seventh session
    "seed9": AUDIT_DIR / "corpus_audit_seed9.jsonl",  # seed 9, read in the eighth session
    "seed10": AUDIT_DIR / "corpus_audit_seed10.jsonl",  # seed 10, read in the ninth session
    "seed11": AUDIT_DIR / "corpus_audit_seed11.jsonl",  # seed 11, read after its rules
    "seed12": AUDIT_DIR / "corpus_audit_seed12.jsonl",  # seed 12, drawn just after seed 11
    "seed13": AUDIT_DIR / "corpus_audit_seed13.jsonl",  # seed 13, tenth session's start
    "seed14": AUDIT_DIR / "corpus_audit_seed14.jsonl",  # seed 14, after its rules
    "seed15": AUDIT_DIR / "corpus_audit_seed15.jsonl",  # seed 15, drawn with seed 14
}
KEYS = {"arxiv_id", "section", "start_char", "end_char", "text", "value", "unit", "kind", "role"}
ISSUE_TARGET = 95  # issue 12's bar: met by seeds 11 and 14 (97), not by 15 (94): corpus_audit.md
# measured on the unbiased draws; raise one only with a new reading
FRESH_CORRECT_FLOORS = {
    "seed3": 91,
    "seed4": 87,
    "seed5": 93,
    "seed6": 88,
    "seed7": 91,
    "seed8": 93,
    "seed9": 93,
    "seed10": 89,
    "seed11": 97,
    "seed12": 91,
    "seed13": 93,
    "seed14": 97,
    "seed15": 94,
}


@pytest.fixture(scope="module", params=sorted(AUDITS))
def entries(request: pytest.FixtureRequest) -> list[dict]:
    return load(AUDITS[request.param])


def test_the_audit_holds_100_read_mentions(entries: list[dict]) -> None:
    assert len(entries) == 100
    assert len({(e["arxiv_id"], e["section"], e["start_char"]) for e in entries}) == 100
    for e in entries:
        assert e.keys() >= KEYS, e
        assert e["verdict"] in ("correct", "wrong"), e
        if e["verdict"] == "wrong":  # a wrong one says what is wrong and what it should be
            assert e.get("wrong") and e.get("should_be"), e


@pytest.mark.parametrize("draw_name", sorted(FRESH_CORRECT_FLOORS))
def test_the_fresh_draws_keep_their_measured_correct_count(draw_name: str) -> None:
    entries = load(AUDITS[draw_name])
    floor = FRESH_CORRECT_FLOORS[draw_name]
    verdicts = Counter(e["verdict"] for e in entries)
    wrong = [
        f"{e['arxiv_id']} {e['text']!r} ({', '.join(e['wrong'])}): {e['should_be']}"
        for e in entries
        if e["verdict"] == "wrong"
    ]
    assert verdicts["correct"] >= floor, (
        f"{verdicts['correct']}/100 correct (floor {floor}, issue target "
        f"{ISSUE_TARGET}); wrong:\n" + "\n".join(wrong)
    )


@pytest.mark.skipif(not DEFAULT_CORPUS.is_file(), reason=f"no corpus at {DEFAULT_CORPUS}")
def test_every_audited_mention_is_still_extracted_as_audited(entries: list[dict]) -> None:
    changed = stale(entries, DEFAULT_CORPUS)
    assert not changed, "re-read these against their abstracts:\n" + "\n".join(changed)


def test_draw_is_a_fixed_size_seeded_sample_in_corpus_order() -> None:
    papers = [
        Paper(i, "", f"We use {i + 2} GPUs and get {i + 10}% gains.", f"2501.{i}")
        for i in range(40)
    ]
    results = [*extract_papers(papers), (Paper(40, "", "x"), ExtractionError(40, "boom"))]
    first, again, other = draw(results, 10, seed=1), draw(results, 10, seed=1), draw(results, 10, 2)
    assert len(first) == 10 and first == again and first != other
    keys = [(r["arxiv_id"], r["start_char"]) for r in first]
    assert len(set(keys)) == 10
    assert all(r["verdict"] is None for r in first)  # a skeleton for a person to fill in


def test_stale_names_mentions_the_extractor_no_longer_makes(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"id": "2501.1", "title": "T", "summary": "We train on 8 GPUs for 12 hours."})
        + "\n",
        encoding="utf-8",
    )
    paper = Paper(0, "T", "We train on 8 GPUs for 12 hours.", "2501.1")
    entries = [audit_record(paper, m) for m in extract_papers_list(paper)]
    assert stale(entries, corpus) == []
    entries[0] = {**entries[0], "value": 9.0}  # as if the extractor had changed
    entries.append({**entries[1], "arxiv_id": "2501.9"})
    problems = stale(entries, corpus)
    assert len(problems) == 2
    assert "'8 GPUs' 9.0 count value -> now '8 GPUs' 8.0 count value" in problems[0]
    assert problems[1] == "2501.9: paper not in the corpus"


def extract_papers_list(paper: Paper) -> list:
    [(_, mentions)] = list(extract_papers([paper]))
    assert isinstance(mentions, list)
    return mentions


def test_a_mention_rightly_removed_must_stay_gone(tmp_path: Path) -> None:
    """``"extracted": false``: a mention re-read as rightly gone after a fix; a
    mention over its span again is stale."""
    corpus = tmp_path / "c.jsonl"
    text = "We train on 8 GPUs for 12 hours."
    corpus.write_text(json.dumps({"id": "2501.1", "title": "T", "summary": text}) + "\n")
    [gpus, hours] = [
        audit_record(Paper(0, "T", text, "2501.1"), m)
        for m in extract_papers_list(Paper(0, "T", text, "2501.1"))
    ]
    gone_elsewhere = {**gpus, "start_char": 0, "end_char": 5, "extracted": False}  # "We tr"
    assert stale([gone_elsewhere], corpus) == []
    came_back = {**hours, "extracted": False}
    (problem,) = stale([came_back], corpus)
    assert "was removed as no mention -> now '12 hours'" in problem
