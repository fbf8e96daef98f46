"""Forms of mentions found on unseen corpus abstracts (issue #12, recall): each case is
a sentence and the mentions (text, value, unit) it must hold, and texts it must not."""

from __future__ import annotations

import math

import pytest

from extractors.pipeline import extract_paper
from reader.records import Paper

# (sentence, [(mention text, value, unit), ...], [texts that must not be mentions])
CASES: list[tuple[str, list[tuple[str, float, str]], list[str]]] = [
    # two decimals joined by a slash are the values of paired metrics, not a fraction
    (
        "It achieves SROCC scores of 0.9885/0.9812 on LiveCD.",
        [("0.9885", 0.9885, "score"), ("0.9812", 0.9812, "score")],
        [],
    ),
    ("PSNR/SSIM of 32.5/0.91 on Set5.", [("32.5", 32.5, "score"), ("0.91", 0.91, "score")], []),
    # a rating's scale may be written with decimals too
    ("The system attained a score of 4.60/5.00.", [("4.60/5.00", 4.6, "score")], []),
    # the other version of a name after a slash is a name too
    ("We test open-weight models (LLaMA 3.1/3.3, DeepSeek-V3).", [], ["3.3", "3.1"]),
    # modifiers in a list, with commas, "and", a suspended hyphen
    (
        "MCPVerse integrates more than 550 real-world, executable tools.",
        [("550 real-world, executable tools", 550, "count")],
        [],
    ),
    (
        "Across 86 convolutional, transformer, and hybrid models we test.",
        [("86 convolutional, transformer, and hybrid models", 86, "count")],
        [],
    ),
    (
        "We evaluate 12 state-of-the-art open- and closed-source MLLMs.",
        [("12 state-of-the-art open- and closed-source MLLMs", 12, "count")],
        [],
    ),
    # a bare comma after a noun is no list of modifiers
    ("It achieves 95 accuracy, outperforming baselines.", [], ["95 accuracy, outperforming"]),
    # modifiers led by a digit (a format), with a possessive, with an ampersand
    (
        "We release 93,012 labeled 3D boxes and 6 3DGS compression algorithms.",
        [
            ("93,012 labeled 3D boxes", 93012, "count"),
            ("6 3DGS compression algorithms", 6, "count"),
        ],
        [],
    ),
    (
        "We collected profiles from 39 Parkinson's patients and 69,184 H&E-stained whole "
        "slide images.",
        [
            ("39 Parkinson's patients", 39, "count"),
            ("69,184 H&E-stained whole slide images", 69184, "sample"),
        ],
        [],
    ),
    # a quantity written as a modifier is not swallowed, nor a size
    (
        "It generates 3,531 unique 30-day challenges with 5 7B models.",
        [("30-day", 30 * 86400, "second"), ("7B", 7e9, "parameter")],
        [],
    ),
    # irregular plurals are counted nouns
    (
        "Covering 16 linguistic phenomena from 10 corpora.",
        [("16 linguistic phenomena", 16, "count"), ("10 corpora", 10, "count")],
        [],
    ),
    # points with an adjective are percentage points
    ("It improves by 12 absolute points.", [("12 absolute points", 12, "pp")], []),
    # a spaced x or \times before a comparative is a factor
    (
        "It gives up to 18 x more failures and is approximately 10 $\\times$ faster.",
        [("18 x", 18, "x"), ("10 $\\times", 10, "x")],
        [],
    ),
    # a bound between a score's name and its value
    ("We achieved BLEU scores of up to 30.", [("30", 30, "score")], []),
    # a share standing alone after a metric name with a number
    ("We improve the baseline by Top-1 2.9% on LTCC.", [("2.9%", 2.9, "%")], []),
    # k of n things, and the whole set after "out of"
    (
        "It improves NDCG on 3 of 4 document classes and 11 intent classes out of 14.",
        [("3 of", 3, "count"), ("4 document classes", 4, "count"), ("14", 14, "count")],
        [],
    ),
    # a suspended hyphen shares the unit written once
    (
        "Versions with 5-, 10-, 30-second samples and 3- and 7-layer networks.",
        [("5", 5, "second"), ("10", 10, "second"), ("3", 3, "count")],
        [],
    ),
    # LaTeX's unbreakable space between a number and its unit
    (
        "It runs at 30~FPS with 1.5~\\% overhead on 14~M tokens.",
        [("30~FPS", 30, "per_second"), ("1.5~\\%", 1.5, "%"), ("14~M tokens", 14e6, "token")],
        [],
    ),
    # numbers in scientific notation are measured values
    (
        "The perplexity drops to 1.2$\\text{e}^2$ with a BER below $10^{-3}$.",
        [("1.2$\\text{e}^2", 120, "score"), ("10^{-3", 0.001, "score")],
        [],
    ),
    # a range of orders of magnitude
    (
        "It requires 3-4 orders of magnitude less storage.",
        [("3-4 orders of magnitude", 1000, "x")],
        [],
    ),
    # a comparison in parentheses after a counted noun counts it
    (
        "It needs fewer training epochs (44 vs 660) at (0.837 vs. 0.815) accuracy.",
        [("44", 44, "step"), ("660", 660, "step"), ("0.837", 0.837, "score")],
        [],
    ),
    # a version after a product's capitalised word is part of its name
    ("We evaluate GPT-4, Gemini Flash 1.5, and Claude Sonnet 3.7.", [], ["1.5", "3.7"]),
    # a bare comma before an adjective continues a list of modifiers
    (
        "Evaluations across 10 diverse, out-of-domain ASR benchmarks.",
        [("10 diverse, out-of-domain ASR benchmarks", 10, "count")],
        [],
    ),
    # values before a slash pair of metric names are scores of those metrics
    (
        "It achieved 35.68/12.20 WER/CER on Subtask 2, and 55/13 WER/CER on Subtask 3.",
        [
            ("35.68", 35.68, "score"),
            ("12.20", 12.2, "score"),
            ("55", 55, "score"),
            ("13", 13, "score"),
        ],
        ["2", "3"],
    ),
    # a slash pair of names after one number is no pair of values (the studies a
    # dataset includes are its samples: noun.sample.dataset_items)
    (
        "The dataset includes 1123 FDG-PET/CT studies.",
        [("1123 FDG-PET/CT studies", 1123, "sample")],
        [],
    ),
    # a value with two decimals after a list of names is a value
    ("It scores ROUGE-1 26.55, ROUGE-2 9.95, ROUGE-L 23.01.", [("9.95", 9.95, "score")], []),
    # a study's or a subtask's number is a name
    ("Study 1 examines whether LLMs reason.", [], ["1 examines whether LLMs"]),
    # an acronym in parentheses, a quoted phrase, an adverb and participle: modifiers
    (
        'A total of 685 optical coherence tomography (OCT) scans, 9,576 "in the wild" '
        "image-text pairs and 9 widely used few-shot benchmarks.",
        [
            ("685 optical coherence tomography (OCT) scans", 685, "sample"),
            ('9,576 "in the wild" image-text pairs', 9576, "sample"),
            ("9 widely used few-shot benchmarks", 9, "count"),
        ],
        [],
    ),
    # but not an acronym right after the number, nor a verb
    (
        "Segment Anything Model 2 (SAM2) provide prompt flexibility; TCSinger 2 mainly "
        "includes three key modules.",
        [],
        ["2 (SAM2) provide prompt", "2 mainly includes three key modules"],
    ),
    # five modifiers before a plural
    (
        "We replicate tasks from 21 published social science research studies.",
        [("21 published social science research studies", 21, "count")],
        [],
    ),
    # a number joined by a hyphen to a singular noun counts it; N-point scales are no
    # percentage points, N-point gains are; a 360-degree view is an angle (the gold reads
    # "360{\deg} rotation" so), a "360-degree evaluation approach" a figure of speech
    (
        "We use a 15-game suite, a 5-point Likert scale and a 360-degree view, and "
        "achieve a 20-point performance gain.",
        [
            ("15-game", 15, "count"),
            ("5-point", 5, "count"),
            ("360-degree", 360, "degree"),
            ("20-point", 20, "pp"),
        ],
        [],
    ),
    ("We follow a 360-degree evaluation approach.", [], ["360-degree"]),
    # an adjective in -ous is a modifier, not a verb
    (
        "We compare 22 various recent DeepFake methods.",
        [("22 various recent DeepFake methods", 22, "count")],
        [],
    ),
    # a value with two decimals after a metric's acronym is its value, a version is not
    (
        "The model achieved DSC 0.88 and SRCC 0.913 with Llama 3.1 as judge.",
        [("0.88", 0.88, "score"), ("0.913", 0.913, "score")],
        ["3.1"],
    ),
    # a range of two decimals without a unit is a range of scores
    (
        "F1 scores reach only 0.14-0.39, and the CI is 0.942-0.985.",
        [("0.14-0.39", 0.14, "score"), ("0.942-0.985", 0.942, "score")],
        [],
    ),
    # "per cent", "pct", "4-times", a spaced "s", GPUs counted by their model's plural
    (
        "It improves by 12 per cent and 3 pct, a 4-times speedup with 0.5 s latency on 4 A100s.",
        [
            ("12 per cent", 12, "%"),
            ("3 pct", 3, "%"),
            ("4-times", 4, "x"),
            ("0.5 s", 0.5, "second"),
            ("4 A100s", 4, "count"),
        ],
        [],
    ),
    # two decimals joined by "to" stay two values
    (
        "Accuracy rises from 0.394 to 0.601.",
        [("0.394", 0.394, "score"), ("0.601", 0.601, "score")],
        [],
    ),
    # a title capitalises units of time and magnitude words
    (
        "Generating Worlds in 0.72 Seconds from 3 Billion Tokens",
        [("0.72 Seconds", 0.72, "second"), ("3 Billion Tokens", 3e9, "token")],
        [],
    ),
    # a capitalised word inside a sentence before a bare integer names a version
    (
        "Evaluated on the Argoverse 2 dataset with the VGG Group 19-layer network.",
        [("19-layer", 19, "count")],
        ["2 dataset"],
    ),
    # abbreviations with periods and multi-digit format words are modifiers
    (
        "We use 500 U.S. hospitals and 1,200 16S rRNA sequences.",
        [("500 U.S. hospitals", 500, "count"), ("1,200 16S rRNA sequences", 1200, "sample")],
        [],
    ),
    # one fifth is a share
    ("It needs only one-fifth of the parameters.", [("one-fifth", 20, "%")], []),
    # N-fold that says how many parts follow is no factor; the noun "triples" neither
    (
        "Our contributions are twofold: a two-fold strategy gives a threefold increase; "
        "facts (represented as triples) and it triples the throughput.",
        [("threefold", 3, "x"), ("triples", 3, "x")],
        ["twofold", "two-fold"],
    ),
    # dates are no scores; "p.p." are points; a spaced \\times before punctuation is a factor
    (
        "Subjects (01.2016-12.2018) gain (+28.3-42.4 p.p.) and it is $2.32 \\sim 26.6 \\times$.",
        [("+28.3-42.4 p.p.", 28.3, "pp"), ("2.32 \\sim 26.6 \\times", 2.32, "x")],
        ["01.2016", "01.2016-12.2018"],
    ),
    # a magnitude written once after a decimal range; the second of two sizes; a decimal
    # in brackets is no citation; acronyms coordinated before a shared noun
    (
        "It adds 0.1-0.2M parameters, trains 340M/1.3B parameters, beats ML [1.28 "
        "(1.18-1.39)] and uses 101.9k RGB and 10k depth images.",
        [
            ("0.1-0.2M parameters", 1e5, "parameter"),
            ("1.3B parameters", 1.3e9, "parameter"),
            ("1.28", 1.28, "score"),
            ("101.9k", 101900, "sample"),
        ],
        [],
    ),
    # the other side of a comparison after a place, the after of "from N unit to M", a
    # compression rate
    (
        "It reaches an F1 score of 82 on Danish reports, compared to 86 with all data, "
        "reduces inference from 50 steps to just 4 and achieves a compression rate of 14.",
        [("86", 86, "score"), ("4", 4, "step"), ("14", 14, "x")],
        [],
    ),
    # a magnitude written once only for what it can count, never after a name's version;
    # a format word after a hyphen and a past-tense verb end a counted noun
    (
        "We fine-tune LLaMA 3.2-3B models; a 3-dimensional subspace; 31 met the criteria.",
        [],
        ["3.2-3B models", "3-dimensional subspace", "31 met the criteria"],
    ),
    # N-fold cross-validation counts folds, N-fold before a plural noun counts parts
    (
        "We employ five-fold cross-validation, propose three-fold future directions and "
        "reduce memory by up to ninefold and achieve speed.",
        [("ninefold", 9, "x")],
        ["five-fold", "three-fold"],
    ),
    # two modifiers before "and" share the counted noun; a decimal does not take it
    (
        "With 294,924 labeled 2D and 93,012 labeled 3D boxes, it achieves 0.86 mean CCC and "
        "0.13 mean absolute error.",
        [("294,924", 294924, "count"), ("0.86", 0.86, "score")],
        [],
    ),
]


def test_a_title_keeps_counts_after_capitals() -> None:
    """In a title every word is capitalised, so a capital before a count names nothing."""
    title = "Robust and Generalizable 6-DOF Localization with 8 Synchronized Cameras"
    got = {m.text for m in extract_paper(Paper(0, title, "")) if m.section == "title"}
    assert "8 Synchronized Cameras" in got
    # ("a Single 360 Camera" is a camera's angle of view, 360 degrees: find.angle_of_view)
    # and capitalises its plurals, while a verb ends the phrase and an acronym after a
    # hyphen is a name
    title = "Across 101 Classes of 33 Crops: 47B Mixture-of-Experts Beats 3-SAT Solvers"
    got = {m.text: m.unit for m in extract_paper(Paper(0, title, "")) if m.section == "title"}
    assert got.get("101 Classes") == got.get("33 Crops") == "count"
    assert got.get("47B") == "parameter"
    assert not any("SAT" in t for t in got)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c[0][:48])
def test_recall_case(case: tuple[str, list[tuple[str, float, str]], list[str]]) -> None:
    text, expected, absent = case
    mentions = [m for m in extract_paper(Paper(0, "X: a method", text)) if m.section == "abstract"]
    got = {m.text: m for m in mentions}
    for want, value, unit in expected:
        assert want in got, f"missing {want!r}; got {sorted(got)}"
        assert got[want].unit == unit, (want, got[want].unit)
        assert math.isclose(got[want].canonical_value, value, rel_tol=1e-6), (want, got[want])
    for text_absent in absent:
        assert text_absent not in got, f"{text_absent!r} read as a mention"
