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
        ("Fine-tuning yields a MAPE of 4.5% on held-out homes.", "4.5%", "MAPE"),
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
        # a measured noun right after the number, whatever its unit; not past a stop word
        ("The tracker reaches 10 cm at a 20 Hz sampling rate.", "20 Hz", "sampling rate"),
        (
            "It gets a Dice coefficient of 74.5% and an inference speed of 2 FPS.",
            "74.5%",
            "Dice coefficient",
        ),
        # the measured noun a parenthesis follows, and the label before a colon
        (
            "It lowers angular and distance errors (6.3 degrees and 3.4 mm).",
            "6.3 degrees",
            "angular and distance errors",
        ),
        ("Sensitivity rose for all organs (Bone: 80% vs. 46%).", "80%", "Bone"),
        ("Sensitivity rose for all organs (Bone: 80% vs. 46%).", "46%", "Bone"),
        ("Agents differ (DigiRL: 71.9%).", "71.9%", None),
        # the metric a multiplier multiplies, the points of a named metric, a test metric
        ("Zorb achieves up to 2x TPS at long context.", "2x", "TPS"),
        ("Zorb reaches over 1,000x training efficiency.", "1,000x", "training efficiency"),
        (
            "Zorb beats Blip by 50.5 macro-F1 score points.",
            "50.5 macro-F1 score points",
            "macro-F1 score",
        ),
        ("Zorb gets a 9.8% reduction in test MSE.", "9.8%", "test MSE"),
        # values inside one parenthesis share the metric it follows
        (
            "It lowers angular and distance errors (6.3 +- 4.1 degrees and 3.4 +- 2.7 mm).",
            "2.7 mm",
            "angular and distance errors",
        ),
        # a p-value however the text writes it
        ("Zorb improves Dice by over 20% (p< 0.05) across studies.", "0.05", "p-value"),
        ("It differs from Blip (p = 0.003) on all tasks.", "0.003", "p-value"),
        # what a verb cut or raised to the number
        ("Zorb reduces KV cache size down to 3.9% of the original.", "3.9%", "KV cache size"),
    ],
)
def test_metric(text: str, number: str, metric: str | None) -> None:
    assert _mention(text, number).metric == metric


def test_lower_is_better_metric_read_after_the_change_turns_direction_down() -> None:
    """ "beats Blip by 12% in ECE": ECE is an error, so beating it is a fall."""
    m = _mention("Zorb beats Blip by 12% in ECE on two tasks.", "12%")
    assert (m.kind, m.direction) == ("change", "down")


@pytest.mark.parametrize(
    ("text", "number", "kind", "direction"),
    [
        # the head of the noun phrase the number starts
        ("Zorb cuts attacks by 10% with a 12.5% false alarm increase.", "12.5%", "change", "up"),
        # a verb that states a result without a direction ends the search to the left
        (
            "Zorb reduces KV memory by 2x and achieves up to 3x TPS overall.",
            "3x",
            "multiplier",
            "up",
        ),
        # a comma ends the phrase after the number
        (
            "Zorb reduces topic overlap by 100%, significantly enhancing clarity.",
            "100%",
            "change",
            "down",
        ),
        ("Zorb slashes review costs by 42%, enabling wide use.", "42%", "change", "down"),
        # right after a coordinated number, the words the two share
        (
            "Zorb reaches FID of 3.5. These scores mark a 3.5x and 4x improvement over prior work.",
            "3.5x",
            "multiplier",
            "down",
        ),
        ("Zorb speeds up TTFT by up to 4x and reduces memory.", "4x", "multiplier", "up"),
        ("Zorb cuts size by 36%, speeding up the model by 1.4x.", "1.4x", "multiplier", "up"),
        ("Zorb reduces calls to larger LLMs by up to 50%.", "50%", "change", "down"),
        # an efficiency is no cost: better is up
        ("Zorb shows 1.5x better energy efficiency than Blip.", "1.5x", "multiplier", "up"),
        # the amounts of one verb's list move the same way
        (
            "Zorb reduces travel time by 42%, queue length by 62%, and wait time by 83%, "
            "outperforming Blip.",
            "83%",
            "change",
            "down",
        ),
        # a share in parentheses after an overhead or what is added is the amount added
        ("Zorb adds minimal overhead (on average 0.02% in parameters).", "0.02%", "change", "up"),
        ("Zorb cuts errors by 100x while adding negligible time (under 5%).", "5%", "change", "up"),
        (
            "Accuracy drops by 3.3% without vision, by 4.1% without text, and by 8.0% without "
            "both.",
            "8.0%",
            "change",
            "down",
        ),
        ("It gives a 12.8x improvement in cost-effectiveness.", "12.8x", "multiplier", "up"),
        # a share saved is an amount of change
        ("Zorb renders once, saving half the computation of two passes.", "half", "change", "down"),
        # "-a substantial improvement" after a value is not its change word
        (
            "It has a mean error of 25.7 degrees-a substantial improvement.",
            "25.7 degrees",
            "value",
            None,
        ),
        # "50% of the speed-ups" is a share of them
        ("Zorb achieves 50% of the speed-ups of distillation.", "50%", "proportion", None),
    ],
)
def test_kind_and_direction(text: str, number: str, kind: str, direction: str | None) -> None:
    m = _mention(text, number)
    assert (m.kind, m.direction) == (kind, direction)


@pytest.mark.parametrize(
    ("text", "number", "baseline"),
    [
        # the owner of the compared number
        ("Zorb reaches 51.6% compared to 69.8% achieved by the CLIP model.", "51.6%", "CLIP model"),
        ("Zorb gets 17.9 FID with four steps, compared to 138.7 with DDIM.", "17.9 FID", "DDIM"),
        # "more than N" is a bound, not a comparison
        ("Zorb beats Blip by more than 100% in reasoning tasks.", "100%", "Blip"),
        # the names a comparison lists
        (
            "Zorb scores 70.8% on MATH, surpassing closed models, including GPT-4 and Claude-3.",
            "70.8%",
            "GPT-4 and Claude-3",
        ),
        # the same X as Y: for the numbers after it
        (
            "Zorb reaches the same loss as Adam while needing only half the training steps.",
            "half",
            "Adam",
        ),
        # "outperforms A by x and B by y": each number its own
        (
            "Zorb outperforms SFT by up to 14.9 points and DPO by up to 4.3 points on win rate.",
            "14.9 points",
            "SFT",
        ),
        (
            "Zorb outperforms SFT by up to 14.9 points and DPO by up to 4.3 points on win rate.",
            "4.3 points",
            "DPO",
        ),
        # a share of the original thing, and a share of a named one
        ("Zorb needs only 1% of the original training steps.", "1%", "original training steps"),
        (
            "Zorb takes only 10.8% of Stable Diffusion v1.5's training time.",
            "10.8%",
            "Stable Diffusion v1.5",
        ),
    ],
)
def test_baseline(text: str, number: str, baseline: str | None) -> None:
    assert _mention(text, number).baseline == baseline
