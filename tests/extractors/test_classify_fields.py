"""Metric, baseline and direction of a mention, read from the words around its number
(extractors/classify.py). Each case is one construction, not one sentence: the texts are
made up, the constructions are those the gold sets disagreed on."""

from __future__ import annotations

import pytest

from extractors.mention import Mention
from extractors.pipeline import extract_paper
from reader.records import Paper


def _mention(text: str, number: str) -> Mention:
    mentions = extract_paper(Paper(0, "Zorb: A Method", text))
    got = {m.text: m for m in mentions if m.section == "abstract"}
    assert number in got, sorted(got)
    return got[number]


@pytest.mark.parametrize(
    ("text", "number", "metric"),
    [
        # what follows a comparison word is the baseline, not the metric
        ("Zorb improves 7 percent over standard prompting.", "7 percent", None),
        ("Zorb cuts steps by 40% and 35% compared to DiT.", "35%", "steps"),
        # the noun phrase after the last article or verb before "of"
        ("The model reaches a MAPE of 4.5% on held-out homes.", "4.5%", "MAPE"),
        # an acronym the text defines, right before "of"
        (
            "It attains a structural similarity index (SSIM) of 0.912.",
            "0.912",
            "structural similarity index (SSIM)",
        ),
        ("We get a mean absolute error (MAE) of 3.1 on it.", "3.1", "mean absolute error (MAE)"),
        # a bound word links the noun to the number as "of" does
        ("Zorb reaches a detection rate exceeding 97% in tests.", "97%", "detection rate"),
        ("It keeps a false alarm rate below 2% with no tuning.", "2%", "false alarm rate"),
        ("It reaches up to 67% F1 score on the hard split.", "67%", "F1 score"),
        ("Our training cost is merely 3%.", "3%", "training cost"),
        # what is beaten is no metric; what it is beaten in is
        ("Zorb outperforms the baselines by 3x on new puzzles.", "3x", None),
        ("Zorb outperforms both old and new baselines by 3x there.", "3x", None),
        ("Zorb beats Blip by 12% in ECE on two tasks.", "12%", "ECE"),
        ("Zorb surpasses Blip in few-shot accuracy by 7% overall.", "7%", "few-shot accuracy"),
        # a value that names nothing measures what the value before it measured
        ("Zorb reaches an ASR of 86.5% and 85% on the two models.", "85%", "ASR"),
        ("Zorb has a MAPE of 6.4%, beating the area (9.3%) baseline.", "9.3%", "MAPE"),
        (
            "It gets a 68% success rate, nearly four times higher than Blip.",
            "four times",
            "success rate",
        ),
    ],
)
def test_metric(text: str, number: str, metric: str | None) -> None:
    assert _mention(text, number).metric == metric


def test_lower_is_better_metric_read_after_the_change_turns_direction_down() -> None:
    """ "beats Blip by 12% in ECE": ECE is an error, so beating it is a fall."""
    m = _mention("Zorb beats Blip by 12% in ECE on two tasks.", "12%")
    assert (m.kind, m.direction) == ("change", "down")
