"""Number parsing and LaTeX clean-up with offsets that map back to the source."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.latex import normalize
from extractors.lexicon import load_lexicon
from extractors.numbers import NUMBER_RE, parse_number
from extractors.pipeline import extract_paper
from reader.records import Paper

LEX = load_lexicon()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("6,250", 6250),
        ("80.0", 80),
        ("1e-5", 1e-5),
        ("10^4", 1e4),
        ("10^-3", 1e-3),
        ("10M", 1e7),
        ("19.2B", 19.2e9),
        ("3.5K", 3500),
        ("64k", 64000),
        ("1T", 1e12),
        ("1.3 billion", 1.3e9),
        ("65 billion", 65e9),
        ("2 × 10^6", 2e6),
        ("7,740 million", 7.74e9),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    m = NUMBER_RE.fullmatch(text)
    assert m is not None, text
    assert math.isclose(parse_number(m, LEX)[0], value, rel_tol=1e-12)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("$51.5\\%$", "51.5%"),
        ("2.5$\\times$ faster", "2.5× faster"),
        ("$\\sim$300", "~300"),
        ("\\textbf{94.36\\%}", "94.36%"),
        ("1.22times, and", "1.22×, and"),
        ("4sim 16times", "4~ 16×"),
        ("(sim24\\%)", "(~24%)"),
        ("saving \\300,000", "saving $300,000"),
        ("costs \\$5 and $10", "costs $5 and $10"),
        ("37.3 rightarrow 23.8", "37.3→ 23.8"),
        ("5 muJ", "5 µJ"),
        ("15 times faster", "15 times faster"),
        ("PIXART-$\\alpha$", "PIXART-alpha"),
        ("10^{4}", "10^4"),
    ],
)
def test_normalize(raw: str, clean: str) -> None:
    assert normalize(raw)[0] == clean


@given(st.text(alphabet="ab 1.5%$\\{}timesrghtaowu,", max_size=40))
def test_offsets_map_back_inside_source(raw: str) -> None:
    clean, omap = normalize(raw)
    for a in range(len(clean)):
        for b in range(a + 1, len(clean) + 1):
            s, e = omap.start(a), omap.end(b)
            assert 0 <= s <= e <= len(raw)


def test_offsets_recover_original_spans() -> None:
    raw = "accuracy of $51.5\\%$ at 2.5$\\times$ speed"
    clean, omap = normalize(raw)
    i = clean.index("51.5%")
    assert raw[omap.start(i) : omap.end(i + 5)] == "51.5\\%"
    j = clean.index("2.5×")
    assert raw[omap.start(j) : omap.end(j + 4)] == "2.5$\\times"


def test_overflowing_exponents_are_not_numbers() -> None:
    m = NUMBER_RE.fullmatch("0E310")
    assert m is not None and math.isinf(parse_number(m, LEX)[0])
    assert extract_paper(Paper(0, "", "It was 1e400 and 10^999 here.")) == []
