"""The 100-mention corpus audit of issue 12: draw mentions at random, check they still hold.

``draw`` picks mentions uniformly at random (reservoir sampling over every mention
the extractor makes on the corpus, fixed seed) and writes them as the skeleton of
``tests/audit/corpus_audit.jsonl``, one JSON object a line, for a person to read
against the abstract and fill in ``verdict`` (and, for a wrong one, ``wrong``: which
of value/unit/kind, and what it should be). ``stale`` re-extracts just the audited
papers and lists the audited mentions the current extractor no longer produces with
the same text, value, unit and kind, so the verdicts cannot silently go out of date.

    python -m evaluation.corpus_audit draw [--corpus PATH] [--n 100] [--seed 0] --out FILE
    python -m evaluation.corpus_audit stale [--corpus PATH] FILE
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from evaluation.rule_firings import (
    DEFAULT_CORPUS,
    CorpusError,
    extract_corpus,
    mention_record,
    read_corpus,
)
from extractors.mention import Mention
from extractors.pipeline import ExtractionError, Result, extract_papers
from reader.records import Paper

FIELDS = ("arxiv_id", "section", "start_char", "end_char", "text", "value", "unit", "kind", "role")
REL_TOL = 1e-9


def draw(results: Iterable[Result], n: int = 100, seed: int = 0) -> list[dict[str, Any]]:
    """``n`` mentions drawn uniformly from all of ``results`` (Algorithm R), in
    corpus order, as audit records without verdicts."""
    rng = random.Random(seed)
    chosen: list[tuple[Paper, Mention]] = []
    seen = 0
    for paper, result in results:
        if isinstance(result, ExtractionError):
            continue
        for m in result:
            seen += 1
            if len(chosen) < n:
                chosen.append((paper, m))
            elif (j := rng.randrange(seen)) < n:
                chosen[j] = (paper, m)
    chosen.sort(key=lambda pm: (pm[0].idx, pm[1].section, pm[1].start_char))
    return [audit_record(p, m) for p, m in chosen]


def audit_record(paper: Paper, m: Mention) -> dict[str, Any]:
    """An audit record without its verdict, for a person to fill in."""
    return {**mention_record(paper, m), "verdict": None}


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _same(entry: dict[str, Any], m: Mention) -> bool:
    return (
        m.text == entry["text"]
        and m.unit == entry["unit"]
        and m.kind == entry["kind"]
        and abs(m.value - entry["value"]) <= REL_TOL * max(1.0, abs(entry["value"]))
    )


def stale(entries: list[dict[str, Any]], corpus: Path) -> list[str]:
    """One line per audited mention the current extractor no longer makes as
    audited (same paper, section and offsets; same text, value, unit, kind), and
    per mention re-read as rightly gone (``"extracted": false``) that came back."""
    ids = {e["arxiv_id"] for e in entries}
    papers = {p.arxiv_id: p for p in read_corpus(corpus, ids)}
    produced: dict[str, list[Mention]] = {}
    for paper, result in extract_papers(papers.values()):
        assert paper.arxiv_id is not None
        produced[paper.arxiv_id] = [] if isinstance(result, ExtractionError) else result
    problems = []
    for e in entries:
        if e["arxiv_id"] not in papers:
            problems.append(f"{e['arxiv_id']}: paper not in the corpus")
            continue
        if e.get("extracted") is False:
            # a mention that should not exist, re-read after a fix removed it: it
            # must stay gone (nothing may overlap its span again)
            back = [
                m
                for m in produced[e["arxiv_id"]]
                if m.section == e["section"]
                and m.start_char < e["end_char"]
                and e["start_char"] < m.end_char
            ]
            if back:
                problems.append(
                    f"{e['arxiv_id']} {e['section']}[{e['start_char']}:{e['end_char']}] "
                    f"{e['text']!r} was removed as no mention -> now {back[0].text!r}"
                )
            continue
        at = [
            m
            for m in produced[e["arxiv_id"]]
            if (m.section, m.start_char, m.end_char)
            == (e["section"], e["start_char"], e["end_char"])
        ]
        if not any(_same(e, m) for m in at):
            now = (
                ", ".join(f"{m.text!r} {m.value} {m.unit} {m.kind}" for m in at)
                or "no mention there"
            )
            problems.append(
                f"{e['arxiv_id']} {e['section']}[{e['start_char']}:{e['end_char']}] "
                f"{e['text']!r} {e['value']} {e['unit']} {e['kind']} -> now {now}"
            )
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw", help="draw mentions at random into an audit skeleton")
    d.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    d.add_argument("--n", type=int, default=100)
    d.add_argument("--seed", type=int, default=0)
    d.add_argument("--processes", type=int, default=2)
    d.add_argument("--out", type=Path, required=True)
    s = sub.add_parser("stale", help="list audited mentions the extractor no longer makes")
    s.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    s.add_argument("file", type=Path)
    args = parser.parse_args(argv)
    try:
        if args.command == "draw":
            results = extract_corpus(read_corpus(args.corpus), args.processes)
            records = draw(results, args.n, args.seed)
            args.out.write_text(
                "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                encoding="utf-8",
            )
            print(f"{len(records)} mentions -> {args.out}")
            return 0
        problems = stale(load(args.file), args.corpus)
    except (CorpusError, OSError, ValueError, KeyError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for line in problems:
        print(line)
    print(f"{len(problems)} audited mentions changed")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
