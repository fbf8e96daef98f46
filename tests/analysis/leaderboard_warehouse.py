"""A warehouse of four hand-written abstracts whose mentions carry a benchmark and a
subject, for the leaderboard tests.

The extractor does not fill ``benchmark`` and ``subject`` yet, so the mentions are
written by hand; everything else is the real pipeline: the digest is a JSON Lines
file read by the real reader, its papers and these mentions are staged as Parquet
with the real staging schema, and the real loader puts them in a real DuckDB file.

Two papers claim top-1 accuracy on ImageNet under different spellings (ImageNet,
IN-1K, and a third as ILSVRC-2012), with ResNet-50 as ResNet50 in one; two papers
claim FID (lower is better) on ImageNet and ImageNet-1k, DiT-XL/2 in both, one
as a range whose better end counts.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from extractors.mention import Mention
from reader.digest_reader import stream_digest
from reader.records import Paper
from warehouse.connection import writable
from warehouse.load import load_digest
from warehouse.staging import stage_claims, stage_papers

DATE = "2025-03-18"
# (arxiv id, title, abstract, [(text, value, unit, kind, role, metric, benchmark, subject)])
PAPERS: list[tuple[str, str, str, list[tuple]]] = [
    (
        "2503.00001",
        "VisionNet: A Convolutional Backbone for Image Recognition",
        "We propose VisionNet, a convolutional backbone for image recognition. VisionNet "
        "reaches 84.2% top-1 accuracy on ImageNet, well above ResNet-50 at 76.1%. It is "
        "trained for 300 epochs.",
        [
            ("84.2%", 84.2, "%", "value", "result", "top-1 accuracy", "ImageNet", "VisionNet"),
            ("76.1%", 76.1, "%", "value", "result", "top-1 accuracy", "ImageNet", "ResNet-50"),
            ("300 epochs", 300, "step", "value", "setup", "training epochs", None, None),
        ],
    ),
    (
        "2503.00002",
        "TinyFormer: Small Transformers that Compete",
        "TinyFormer reaches 82.9% Top-1 acc. on IN-1K, where a ResNet50 trained with our "
        "recipe reaches 76.4%. Our method also speeds up inference by 2.1x.",
        [
            ("82.9%", 82.9, "%", "value", "result", "Top-1 acc.", "IN-1K", "TinyFormer"),
            ("76.4%", 76.4, "%", "value", "result", "Top-1 acc.", "IN-1K", "ResNet50"),
            ("2.1x", 2.1, "x", "multiplier", "result", "inference speed", None, "TinyFormer"),
        ],
    ),
    (
        "2503.00003",
        "DiffGen: Diffusion Models that Generate Faster",
        "DiffGen achieves an FID of 2.10 on ImageNet, improving on DiT-XL/2 (FID 2.27). Our "
        "method also reaches 91.0% accuracy on ImageNet.",
        [
            ("2.10", 2.10, "score", "value", "result", "FID", "ImageNet", "DiffGen"),
            ("2.27", 2.27, "score", "value", "result", "FID", "ImageNet", "DiT-XL/2"),
            ("91.0%", 91.0, "%", "value", "result", "accuracy", "ImageNet", "our method"),
        ],
    ),
    (
        "2503.00004",
        "FastDiff: One-Step Image Generation",
        "FastDiff generates images in one step, its FID going from 4.1 to 3.5 on ImageNet-1k, "
        "against 2.3 for DiT-XL/2. Its encoder reaches 79.0% top-1 accuracy on ILSVRC-2012.",
        [
            # a before/after pair as one range: the board takes its better end
            (
                "4.1 to 3.5",
                (4.1, 3.5),
                "score",
                "value",
                "result",
                "FID",
                "ImageNet-1k",
                "FastDiff",
            ),
            ("2.3", 2.3, "score", "value", "result", "FID", "ImageNet-1k", "DiT-XL/2"),
            ("79.0%", 79.0, "%", "value", "result", "top-1 accuracy", "ILSVRC-2012", "FastDiff"),
        ],
    ),
]

# The boards these abstracts make, best first: (benchmark, metric, unit, better,
# rank, subject, value, arxiv_id, papers on the board).
EXPECTED_BOARDS = [
    ("ImageNet-1k", "top-1 accuracy", "%", "higher", 1, "VisionNet", 84.2, "2503.00001", 3),
    ("ImageNet-1k", "top-1 accuracy", "%", "higher", 2, "TinyFormer", 82.9, "2503.00002", 3),
    ("ImageNet-1k", "top-1 accuracy", "%", "higher", 3, "FastDiff", 79.0, "2503.00004", 3),
    ("ImageNet-1k", "top-1 accuracy", "%", "higher", 4, "ResNet-50", 76.4, "2503.00002", 3),
    ("ImageNet-1k", "FID", "score", "lower", 1, "DiffGen", 2.10, "2503.00003", 2),
    ("ImageNet-1k", "FID", "score", "lower", 2, "DiT-XL/2", 2.27, "2503.00003", 2),
    ("ImageNet-1k", "FID", "score", "lower", 3, "FastDiff", 3.5, "2503.00004", 2),
]
TITLES = {arxiv_id: title for arxiv_id, title, _, _ in PAPERS}


def _mention(abstract: str, spec: tuple) -> Mention:
    text, value, unit, kind, role, metric, benchmark, subject = spec
    value, value_high = value if isinstance(value, tuple) else (value, None)
    start = abstract.index(text)
    sentence = next(s for s in abstract.split(". ") if text in s)
    return Mention(
        section="abstract",
        start_char=start,
        end_char=start + len(text),
        text=text,
        value=float(value),
        value_high=value_high,
        unit=unit,
        canonical_value=float(value),
        canonical_value_high=value_high,
        kind=kind,
        role=role,
        direction="up" if kind == "multiplier" else None,
        metric=metric,
        baseline=None,
        qualifier="=",
        benchmark=benchmark,
        subject=subject,
        sentence=sentence,
        rules=("hand-written",),
    )


def _hand_written(papers: Iterable[Paper]) -> Iterator[tuple[Paper, Sequence[Mention]]]:
    """The extractor's place in stage_claims: each paper's mentions as written above."""
    by_id = {arxiv_id: (abstract, specs) for arxiv_id, _, abstract, specs in PAPERS}
    for paper in papers:
        abstract, specs = by_id[paper.arxiv_id]
        yield paper, [_mention(abstract, spec) for spec in specs]


def build(folder: Path) -> Path:
    """Write the digest, stage it and load it; returns the warehouse file."""
    folder.mkdir(parents=True, exist_ok=True)
    digest = folder / "leaderboard-digest.jsonl"
    digest.write_text(
        "".join(
            json.dumps({"id": arxiv_id, "date": DATE, "title": title, "summary": abstract}) + "\n"
            for arxiv_id, title, abstract, _ in PAPERS
        ),
        encoding="utf-8",
    )
    parsed = stage_papers(stream_digest(digest), folder / "staging" / "papers.parquet")
    extracted = stage_claims(
        parsed, _hand_written, folder / "staging" / "claims.parquet", "hand-written"
    )
    db = folder / "warehouse.duckdb"
    with writable(db) as con:
        result = load_digest(con, extracted, started_at=dt.datetime.now())
    assert result.status == "loaded" and result.mentions_loaded == 12, result
    return db
