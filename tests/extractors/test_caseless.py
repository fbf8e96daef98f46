"""The fast case-insensitive tests answer exactly what the regexes they stand in for do."""

from __future__ import annotations

import re

import pytest

from extractors.caseless import CaselessGate, holds_any, required_literals
from extractors.component import worth_reading
from extractors.lexicon import load_lexicon

TEXTS = (
    "We train Twice as long",
    "TWO-THIRDS of the runs",
    "a tenfold speed-up on eight NPUs",
    "no number words here",
    "Ｔwice in full width, ſix with a long s",  # non-ASCII: the IGNORECASE pattern decides
    "",
)


@pytest.mark.parametrize("source", [r"\btwice\b", r"\b(?:six|two[- ]thirds|\w+fold)\b"])
def test_a_gate_finds_what_its_ignorecase_pattern_finds(source: str) -> None:
    gate = CaselessGate(source)
    for text in TEXTS:
        assert gate.found(text) == bool(re.search(source, text, re.IGNORECASE)), text


def test_a_gate_is_written_in_lowercase() -> None:
    with pytest.raises(ValueError, match="lowercase"):
        CaselessGate(r"\bTwice\b")
    CaselessGate(r"\btwice\b\s\S")  # escapes may be capitals


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"\bone[- ]Third\b", ("third",)),
        (r"(?<!no )half(?= of)", ("half",)),  # a lookahead's text is in the text too
        (r"(?:GPUs?|TPUs?)\b", ("gpu", "tpu")),
        (r"(a|)bc", ("bc",)),
        (r"(?:ab){0,3}x", ("x",)),
        (r"a|[bc]", None),  # no literal in every alternative
        (r"é", None),  # non-ASCII literals are left out
    ],
)
def test_the_literals_a_pattern_requires(pattern: str, literals: tuple[str, ...] | None) -> None:
    assert required_literals(re.compile(pattern, re.I)) == literals


def test_every_word_quantity_match_holds_one_of_its_literals() -> None:
    texts = [
        "It is twice as fast, three times faster than the baseline and an order of magnitude",
        "cheaper; accuracy rose by five points and by half, doubling in one-third of a second",
        "on eight A100 GPUs, within a day, a two-fold gain and two orders of magnitude less",
    ]
    for wq in load_lexicon().word_quantities:
        assert wq.literals, wq.id
        for text in texts:
            if wq.pattern.search(text):
                assert holds_any(text.lower(), wq.literals), (wq.id, text)


# the sentence prefilter as one IGNORECASE regex: what `worth_reading` stands in for
PREFILTER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|fifty|single|dual|tri|twice|thrice|doubl\w*|tripl\w*|half|halv\w*|third|thirds|"
    r"quarter|hundreds?|thousands?|millions?|billions?|magnitude|\w+fold|"
    r"an? (?:second|minute|hour|day|week))\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    "sentence",
    [
        *TEXTS,
        "A tenfold gain.",
        "We fold the map.",
        "a manifold",
        "Folding is fun",
        "It took An Hour.",
        "in a seconds",
        "Doubling and TRIPLED",
        "thirds, Thousands and BILLIONS",
        "often attention",
        "n = ٣",  # an Arabic-Indic digit is a digit
        "the Ｔhree",
    ],
)
def test_worth_reading_is_the_prefilter(sentence: str) -> None:
    assert worth_reading(sentence) == bool(PREFILTER.search(sentence))
