"""How often each extraction rule fires over a corpus, and a random sample of its firings.

Issue 12's way of working: before a rule stays, count its firings over the whole
corpus and read twenty of them at random. Every :class:`Mention` records the ids of
the rules that made it (``Mention.rules``), so a firing of a rule is a mention that
carries its id; this command counts firings and distinct papers per id and writes
``--sample`` firings of each, drawn uniformly (reservoir sampling, fixed ``--seed``,
so the same corpus and rules give the same report), for a person to read.

    python -m evaluation.rule_firings [--corpus PATH] [--sample 20] [--seed 0] [--out FILE]

``--out`` ending in ``.jsonl`` writes one JSON object per sampled firing; anything
else gets markdown (counts table, then the samples of each rule).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.mention import Mention
from extractors.pipeline import ExtractionError, Result, batches, extract_batch, extract_papers
from reader.digest_reader import stream_digest
from reader.records import Paper

DEFAULT_CORPUS = Path("/work/shared/corpus/arxiv-daily-2025.jsonl.gz")


class CorpusError(Exception):
    """The corpus cannot be read as papers; the message is one line for the user."""


def read_corpus(path: Path, ids: set[str] | None = None) -> Iterator[Paper]:
    """The corpus's papers as `claims ingest` reads them (same whitespace
    normalisation, so offsets agree with the warehouse), optionally only ``ids``."""
    if not path.is_file():
        raise CorpusError(f"no corpus at {path}")
    stream = stream_digest(path)
    if stream.format != "jsonl":
        raise CorpusError(f"{path} is not JSON Lines of papers")
    for record in stream.records:
        if isinstance(record, Paper) and (ids is None or record.arxiv_id in ids):
            yield record


def extract_corpus(
    papers: Iterable[Paper], processes: int = 2, batch_size: int = 256
) -> Iterator[Result]:
    """Extraction results in input order, batches fanned out to ``processes`` spawned
    workers with at most two batches per worker in flight (memory stays bounded).
    Its own small pool, because evaluation/ may not import dagster_project/ (the layer
    order of ARCHITECTURE.md)."""
    if processes <= 1:
        yield from extract_papers(papers)
        return
    with ProcessPoolExecutor(processes, mp_context=mp.get_context("spawn")) as pool:
        pending: deque[Future[list[Result]]] = deque()
        try:
            for batch in batches(papers, batch_size):
                pending.append(pool.submit(extract_batch, batch))
                if len(pending) >= 2 * processes:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BaseException:  # interrupted, or the caller stopped reading: start no more
            pool.shutdown(wait=False, cancel_futures=True)
            raise


@dataclass
class RuleTally:
    """Firings, papers and a uniform sample of firings for one rule id."""

    firings: int = 0
    papers: set[int] = field(default_factory=set)
    sample: list[tuple[Paper, Mention]] = field(default_factory=list)


@dataclass
class Firings:
    """Per-rule tallies over a stream of extraction results."""

    tallies: dict[str, RuleTally] = field(default_factory=dict)
    papers: int = 0
    mentions: int = 0
    errors: list[ExtractionError] = field(default_factory=list)


def count_firings(results: Iterable[Result], *, sample: int = 20, seed: int = 0) -> Firings:
    """Tally every rule id over ``results``; keep ``sample`` firings per rule by
    reservoir sampling (Algorithm R), so memory stays bounded on any corpus and the
    sample depends only on the seed and the input order."""
    rng = random.Random(seed)
    out = Firings()
    for paper, result in results:
        out.papers += 1
        if isinstance(result, ExtractionError):
            out.errors.append(result)
            continue
        for mention in result:
            out.mentions += 1
            for rule in dict.fromkeys(mention.rules):  # a rule named twice fires once
                tally = out.tallies.setdefault(rule, RuleTally())
                tally.firings += 1
                tally.papers.add(paper.idx)
                if len(tally.sample) < sample:
                    tally.sample.append((paper, mention))
                else:
                    j = rng.randrange(tally.firings)
                    if j < sample:
                        tally.sample[j] = (paper, mention)
    return out


def mention_record(paper: Paper, m: Mention) -> dict[str, Any]:
    """A mention as a flat record for people to read: where it is, what it says, the
    rules that made it (what the audit and the firing reports hold)."""
    return {
        "arxiv_id": paper.arxiv_id,
        "section": m.section,
        "start_char": m.start_char,
        "end_char": m.end_char,
        "text": m.text,
        "value": m.value,
        "value_high": m.value_high,
        "unit": m.unit,
        "kind": m.kind,
        "role": m.role,
        "direction": m.direction,
        "metric": m.metric,
        "benchmark": m.benchmark,
        "subject": m.subject,
        "rules": list(m.rules),
        "sentence": m.sentence,
    }


def firing_record(rule: str, paper: Paper, m: Mention) -> dict[str, Any]:
    """One sampled firing as a flat record (what the JSONL report holds)."""
    return {"rule": rule, **mention_record(paper, m)}


def sorted_rules(f: Firings) -> list[tuple[str, RuleTally]]:
    return sorted(f.tallies.items(), key=lambda kv: (-kv[1].firings, kv[0]))


def in_corpus_order(sample: list[tuple[Paper, Mention]]) -> list[tuple[Paper, Mention]]:
    return sorted(sample, key=lambda pm: (pm[0].idx, pm[1].section == "abstract", pm[1].start_char))


def counts_table(f: Firings) -> str:
    """The per-rule counts as a plain-text table for the terminal."""
    width = max((len(r) for r in f.tallies), default=4)
    lines = [f"{'rule':<{width}}  {'firings':>8}  {'papers':>7}"]
    lines += [f"{r:<{width}}  {t.firings:>8,}  {len(t.papers):>7,}" for r, t in sorted_rules(f)]
    lines.append(
        f"{f.papers:,} papers, {f.mentions:,} mentions, {len(f.tallies)} rules, "
        f"{len(f.errors)} papers failed"
    )
    return "\n".join(lines)


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return text.replace("|", "\\|").replace("\n", " ")


def _marked(paper: Paper, m: Mention) -> str:
    """The sentence with the mention's text in bold, so a reader sees which number
    (located by offset: the same text may occur twice in a sentence)."""
    s = m.sentence
    source = (paper.title if m.section == "title" else paper.abstract) or ""
    begin = source.rfind(s, 0, m.start_char + len(s))
    i = m.start_char - begin if begin >= 0 else s.find(m.text)
    if i < 0 or s[i : i + len(m.text)] != m.text:
        return _cell(s)
    return _cell(s[:i] + "**" + m.text + "**" + s[i + len(m.text) :])


def markdown_report(f: Firings, corpus: str, sample: int, seed: int) -> str:
    """Counts for every rule, then ``sample`` random firings of each."""
    out = [
        "# Rule firings over the corpus",
        "",
        f"Corpus `{corpus}`: {f.papers:,} papers, {f.mentions:,} mentions, "
        f"{len(f.tallies)} rule ids, {len(f.errors)} papers failed. Up to {sample} "
        f"firings per rule drawn uniformly at random (seed {seed}); written by "
        "`python -m evaluation.rule_firings`.",
        "",
        "| rule | firings | papers |",
        "| --- | ---: | ---: |",
    ]
    out += [f"| `{r}` | {t.firings:,} | {len(t.papers):,} |" for r, t in sorted_rules(f)]
    for rule, tally in sorted(f.tallies.items()):
        out += [
            "",
            f"## `{rule}` ({tally.firings:,} firings, {len(tally.papers):,} papers)",
            "",
            "| # | arxiv | text | value | unit | kind | role | subject | benchmark | sentence |",
            "| ---: | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for i, (paper, m) in enumerate(in_corpus_order(tally.sample), 1):
            value = m.value if m.value_high is None else f"{m.value}–{m.value_high}"
            cells = [
                str(i),
                paper.arxiv_id,
                f"`{m.text}`",
                value,
                m.unit,
                m.kind,
                m.role,
                m.subject,
                m.benchmark,
                _marked(paper, m),
            ]
            out.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(out) + "\n"


def jsonl_report(f: Firings) -> str:
    lines = [
        json.dumps(firing_record(rule, p, m), ensure_ascii=False)
        for rule, tally in sorted(f.tallies.items())
        for p, m in in_corpus_order(tally.sample)
    ]
    return "".join(line + "\n" for line in lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sample", type=int, default=20, help="firings to draw per rule")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, help="report file (.jsonl, else markdown)")
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args(argv)
    if args.sample < 0:
        parser.error("--sample must be 0 or more")
    try:
        papers = read_corpus(args.corpus)
        f = count_firings(
            extract_corpus(papers, args.processes),
            sample=args.sample,
            seed=args.seed,
        )
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(counts_table(f))
    for err in f.errors[:10]:
        print(f"failed: {err}", file=sys.stderr)
    if args.out:
        text = (
            jsonl_report(f)
            if args.out.suffix == ".jsonl"
            else markdown_report(f, str(args.corpus), args.sample, args.seed)
        )
        try:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(text, encoding="utf-8")
        except OSError as exc:
            print(f"error: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        print(f"report: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
