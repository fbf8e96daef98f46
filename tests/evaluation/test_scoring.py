"""The scorer on small hand-built cases (claims-spec.md, last section)."""

from __future__ import annotations

from typing import Any

import pytest

from evaluation.scoring import format_report, is_optional, lenient_equal, score


def m(
    value: float, unit: str = "%", high: float | None = None, paper: int = 0, **kw: Any
) -> dict[str, Any]:
    row = {
        "paper": paper,
        "in": "abstract",
        "text": kw.pop("text", f"{value}{unit}"),
        "value": value,
        "value_high": high,
        "unit": unit,
        "canonical_value": value,
        "canonical_value_high": high,
        "kind": "value",
        "role": "result",
        "direction": None,
        "metric": None,
        "baseline": None,
        "qualifier": "=",
    }
    row.update(kw)
    return row


def test_exact_match_within_tolerance() -> None:
    r = score([m(80.0)], [m(80.05)])
    assert (r.all.precision, r.all.recall, r.all.f1) == (1.0, 1.0, 1.0)
    r = score([m(80.0)], [m(80.2)])
    assert r.all.f1 == 0.0


def test_unit_and_paper_must_agree() -> None:
    assert score([m(80.0)], [m(80.0, unit="pp")]).all.recall == 0.0
    assert score([m(80.0, paper=0)], [m(80.0, paper=1)]).all.recall == 0.0


def test_each_gold_matches_one_prediction() -> None:
    r = score([m(5.0)], [m(5.0), m(5.0)])
    assert r.all.recall == 1.0 and r.all.precision == 0.5 and len(r.spurious) == 1


def test_range_in_either_order() -> None:
    assert score([m(67.2, high=80.0)], [m(80.0, high=67.2)]).all.f1 == 1.0


def test_gold_range_matches_two_predicted_ends() -> None:
    r = score([m(59.7, high=3.0)], [m(59.7), m(3.0)])
    assert r.all.precision == 1.0 and r.all.recall == 1.0


def test_predicted_range_matches_two_gold_values() -> None:
    r = score([m(59.7), m(3.0)], [m(59.7, high=3.0)])
    assert r.all.precision == 1.0 and r.all.recall == 1.0


def test_word_only_setup_mentions_are_optional() -> None:
    opt = m(2, unit="count", role="setup", text="two stages")
    assert is_optional(opt)
    assert not is_optional(m(2, unit="count", role="setup", text="2 stages"))
    assert not is_optional(m(2, unit="x", role="result", text="twice"))
    # not predicted: not required
    assert score([opt, m(80.0)], [m(80.0)]).all.f1 == 1.0
    # predicted: not counted against precision either
    r = score([opt, m(80.0)], [m(2, unit="count", role="setup"), m(80.0)])
    assert (r.all.tp_pred, r.all.n_pred, r.all.n_gold) == (1, 1, 1)


def test_result_scores_only_result_mentions() -> None:
    gold = [m(80.0), m(7e9, unit="parameter", role="setup")]
    pred = [m(80.0), m(7e9, unit="parameter", role="result")]
    r = score(gold, pred)
    assert r.all.f1 == 1.0
    assert r.result.recall == 1.0 and r.result.precision == 0.5


def test_field_agreement_among_matched() -> None:
    gold = [
        m(
            2.62,
            unit="x",
            kind="multiplier",
            direction="up",
            metric="speed",
            baseline="EfficientNet-B0",
        ),
        m(36.0, kind="change", direction="down", metric="wall-clock time"),
    ]
    pred = [
        m(
            2.62,
            unit="x",
            kind="multiplier",
            direction="up",
            metric="inference speed",
            baseline="EfficientNet-B0 model",
        ),
        m(36.0, kind="value", direction=None, metric="time", qualifier="<="),
    ]
    a = score(gold, pred).agreement
    assert a["kind"].rate == 0.5 and a["direction"].rate == 0.5
    assert a["qualifier"].rate == 0.5 and a["role"].rate == 1.0
    assert a["metric"].rate == 1.0 and a["baseline"].rate == 1.0


@pytest.mark.parametrize(
    ("gold", "pred", "ok"),
    [
        ("top-1 accuracy", "Accuracy", True),
        ("training steps", "the steps", True),
        ("FID", "speed", False),
        (None, None, True),
        (None, "speed", False),
        ("the", "the", False),
    ],
)
def test_lenient_equal(gold: str | None, pred: str | None, ok: bool) -> None:
    assert lenient_equal(gold, pred) is ok


def test_empty_inputs_and_report() -> None:
    r = score([], [])
    assert r.all.f1 == 0.0 or r.all.f1 == 1.0
    text = format_report(score([m(1.0)], [m(1.0)]))
    assert "result" in text and "baseline" in text


def test_phrase_fields_count_only_where_the_gold_names_one() -> None:
    """claims-spec: agreement over matched mentions whose gold field is not null; a null
    prediction against a named gold is a miss, a null against a null is no point."""
    gold = [m(80.0, metric="top-1 accuracy"), m(5.0, metric=None), m(7.0, metric="FID")]
    pred = [m(80.0, metric="top-1"), m(5.0, metric="anything"), m(7.0, metric=None)]
    r = score(gold, pred)
    assert (r.agreement["metric"].agree, r.agreement["metric"].total) == (1, 2)


def test_benchmark_agrees_by_prefix_and_subject_by_content_word() -> None:
    gold = [m(83.5, benchmark="ImageNet-1k", subject="As-ViT"), m(2.0, benchmark="COCO")]
    pred = [m(83.5, benchmark="ImageNet", subject="ResNet-50"), m(2.0, benchmark="MS-COCO")]
    r = score(gold, pred)
    assert r.agreement["benchmark"].agree == 2  # a prefix; a shared word ("coco")
    assert (r.agreement["subject"].agree, r.agreement["subject"].total) == (0, 1)


def test_leaderboard_f1_counts_entries_that_agree_on_all_three_fields() -> None:
    entry = {"metric": "top-1 accuracy", "benchmark": "ImageNet", "subject": "As-ViT"}
    gold = [m(83.5, **entry), m(70.1, **entry), m(9.0, kind="change", **entry)]
    pred = [
        m(83.5, **entry),  # a hit
        m(70.1, **{**entry, "subject": "ResNet"}),  # an entry, wrong subject
        m(9.0, kind="change", **entry),  # not an entry: a change
        m(1.0, **entry),  # an entry matching nothing
    ]
    board = score(gold, pred).leaderboard
    assert (board.tp_gold, board.n_gold, board.tp_pred, board.n_pred) == (1, 2, 1, 3)
