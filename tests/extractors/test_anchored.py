"""An end-anchored alternation tried by its window's last character finds what the whole
alternation finds."""

from __future__ import annotations

import random
import re

import pytest

from extractors.anchored import last_char_tests
from extractors.lexicon import load_lexicon

PROBE = "aZv19 -_@^/#:[,.(+$\t\n\u00e9\u0663"  # (U+0663 is an Arabic-Indic digit)


def _accepted(pattern: str) -> str | None:
    tests = last_char_tests(re.compile(pattern))
    return None if tests is None else "".join(c for c in PROBE if any(t(c) for t in tests))


@pytest.mark.parametrize(
    ("pattern", "last"),
    [
        (r"[A-Za-z][\w.]*[-_@^/#]$", "-_@^/#"),
        (r"\bv$", "v"),
        (r"\[[\d,\s]*$", "19 [,\t\n\u0663"),
        (r"arXiv:?\s?$", "v :\t\n"),
        (r"(?:Fig\.|Eq\.) (?:\d+(?:,| and)\s?)*$", " ,\t\n"),  # (and "d")
        (r"[^a]$", "Zv19 -_@^/#:[,.(+$\t\n\u00e9\u0663"),
        (r"x?$", None),  # matches empty: any window
        (r"ab", None),  # not anchored at the end
        (r"(?i)a$", None),  # case-insensitive: not read
    ],
)
def test_the_last_characters_a_pattern_can_match(pattern: str, last: str | None) -> None:
    assert _accepted(pattern) == last


def test_names_left_is_found_as_by_the_whole_alternation() -> None:
    anchored = load_lexicon().name_left
    rnd = random.Random(7)
    pieces = "a Z v 1 1990s - _ @ # / : [ , . ( Fig. Table Recall arXiv ROUGE- \u00e9".split()
    pieces += [" ", " and", "\n"]
    for _ in range(20000):
        window = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        assert anchored.found(window) == bool(anchored.pattern.search(window)), window
