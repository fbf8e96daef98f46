"""Parse written numbers: digits with separators and exponents, magnitude suffixes, words.

The regex finds number tokens in LaTeX-normalised text; :func:`parse_number` turns the
match into a float. Both are pure and cheap because they run on every candidate.
"""

from __future__ import annotations

import math
import re

from extractors.lexicon import Lexicon

NUMBER_RE = re.compile(
    # what a number can start with, looked at first: a search then skips the letters and
    # spaces between numbers without trying the sign and each form of number at each one
    # (half the time of `finditer` over the corpus sentences)
    r"(?=[+\-−.\d])"
    r"(?P<sign>[+\-−])?"
    r"(?:(?P<pow>10\^[-+−]?\d+)"
    r"|(?P<num>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|\.\d+)"
    r"(?P<sci>[eE]\^?[-+−]?\d+(?![A-Za-z])|\s?[×x]\s?10\^[-+−]?\d+)?)"
    # a title capitalises the word: "1.7 Million Individuals"
    # and a size letter spaced off before what it sizes: "(1 B parameters)", "5.2 M params",
    # "63 M signs and 25 M fragments", "2,351 k data points"
    r"(?P<mag>[\s-]?(?i:thousand|million|billion|trillion)s?\b|[kKMBGT](?![A-Za-z0-9])"
    # (not "5 k nearest neighbours", a k of kNN, nor a letter before a verb: "3 B shows")
    r"|\s[kKMB](?!\s(?:nearest|neighbou?rs?|shows|uses|contains|achieves|outperforms|performs|"
    r"requires|remains|yields|gives|takes|makes|leads|needs|provides|includes|has|is|was)\b)"
    r"(?=\s(?:(?!(?:in|of|for|and|or|to|the)\s)[a-z][a-z-]*\s)?"
    r"(?:parameters|params|tokens|[a-z][a-z-]*[a-z]s)\b)"
    # or a size spaced off at the end of a bracket: "our compact model (~ 0.04 M)"
    r"|\s[MB](?=\$?\)))?"
)


def _minus(s: str) -> str:
    return s.replace("−", "-")


def _pow10(exponent: float) -> float:
    """10**exponent, or inf when that overflows (``1e400`` is no quantity)."""
    try:
        return 10.0**exponent
    except OverflowError:
        return math.inf


def parse_number(m: re.Match[str], lex: Lexicon) -> tuple[float, float]:
    """(value with magnitude applied, magnitude factor) of a ``NUMBER_RE`` match.

    The sign is not applied: callers decide whether ``+``/``-`` is a sign or a hyphen.
    An exponent too large for a float gives ``inf``, which callers drop.
    """
    if m.group("pow"):
        value = _pow10(float(_minus(m.group("pow")[3:])))
    else:
        value = float(m.group("num").replace(",", ""))
        sci = m.group("sci")
        if sci:
            if sci[0] in "eE":
                value *= _pow10(float(_minus(sci[1:].lstrip("^"))))
            else:
                value *= _pow10(float(_minus(sci.split("^", 1)[1])))
    if not math.isfinite(value):
        return math.inf, 1.0
    mag = m.group("mag")
    factor = 1.0
    if mag:
        word = mag.strip(" -\t\n")
        if len(word) > 1 and word[-1] in "sS":
            word = word[:-1]  # "120 millions populations": a plural magnitude word
        factor = lex.magnitudes.get(word, lex.magnitudes.get(word.lower(), 1.0))
    return value * factor, factor


def fraction_percent(numerator: float, denominator: float) -> float:
    """``1/3`` as a percentage share."""
    return 100.0 * numerator / denominator
