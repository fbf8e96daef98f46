"""Alternations of regexes anchored at the end of a window, tried by its last character.

``names.left`` in ``rules.toml`` is a list of patterns that each end in ``$``, searched
over the 60 characters before every number: the regex engine tries every alternative
at every position of the window, though an alternative can only match if the window's
last character is one its match can end with (``[A-Za-z][\\w.]*[-_@^/#]$`` needs one of
``-_@^/#``). :class:`EndAnchored` works out, from each pattern's parse tree, which last
characters it can match, and searches only the alternatives the window's last character
allows; whether anything matches is the same as for the whole alternation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from extractors.regex_tree import OP, REPEATS, parse

_ZERO_WIDTH = (OP.AT, OP.ASSERT, OP.ASSERT_NOT)
_CATEGORIES = {
    OP.CATEGORY_DIGIT: re.compile(r"\d"),
    OP.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
    OP.CATEGORY_SPACE: re.compile(r"\s"),
    OP.CATEGORY_NOT_SPACE: re.compile(r"\S"),
    OP.CATEGORY_WORD: re.compile(r"\w"),
    OP.CATEGORY_NOT_WORD: re.compile(r"\W"),
}

CharTest = Callable[[str], bool]


class EndAnchored:
    """``re.compile("|".join(f"(?:{p})" for p in sources))``, for yes/no searches."""

    def __init__(self, sources: list[str]) -> None:
        self.pattern = re.compile("|".join(f"(?:{p})" for p in sources))
        self._sources = [(p, last_char_tests(re.compile(p))) for p in sources]
        self._by_last: dict[str, re.Pattern[str] | None] = {}

    def found(self, window: str) -> bool:
        """``self.pattern.search(window) is not None``, faster."""
        if not window or window[-1] == "\n":  # "$" may match before a final newline
            return self.pattern.search(window) is not None
        last = window[-1]
        if last not in self._by_last:
            self._by_last[last] = self._for_last(last)
        pattern = self._by_last[last]
        return pattern is not None and pattern.search(window) is not None

    def _for_last(self, last: str) -> re.Pattern[str] | None:
        """The alternation of the sources that can match a window ending in ``last``."""
        able = [p for p, tests in self._sources if tests is None or any(t(last) for t in tests)]
        return re.compile("|".join(f"(?:{p})" for p in able)) if able else None


def last_char_tests(pattern: re.Pattern[str]) -> list[CharTest] | None:
    """Tests one of which the last character of every match of ``pattern`` passes, for a
    pattern that ends in ``$`` and never matches empty; ``None`` when not known."""
    if pattern.flags & re.IGNORECASE:
        return None
    items = parse(pattern)
    if not items or items[-1] != (OP.AT, OP.AT_END):
        return None
    tests, nullable = _sequence_last(items)
    return None if nullable else tests


def _sequence_last(items: list[tuple[Any, Any]]) -> tuple[list[CharTest] | None, bool]:
    """(tests for the last character of a non-empty match, whether it can match empty),
    reading from the end: zero-width and optional items let earlier ones end it."""
    tests: list[CharTest] = []
    for item in reversed(items):
        found, nullable = _item_last(*item)
        if found is None:
            return None, False
        tests += found
        if not nullable:
            return tests, False
    return tests, True


def _item_last(op: Any, av: Any) -> tuple[list[CharTest] | None, bool]:
    if op is OP.LITERAL:
        return [lambda c, code=av: ord(c) == code], False
    if op is OP.NOT_LITERAL:
        return [lambda c, code=av: ord(c) != code], False
    if op is OP.IN:
        test = _class_test(av)
        return (None, False) if test is None else ([test], False)
    if op in _ZERO_WIDTH:
        return [], True
    if op is OP.SUBPATTERN:
        return _sequence_last(list(av[-1]))
    if op in REPEATS:
        low, high, item = av
        if high == 0:
            return [], True
        found, nullable = _sequence_last(list(item))
        return found, nullable or low == 0
    if op is OP.BRANCH:
        tests: list[CharTest] = []
        any_empty = False
        for alt in av[1]:
            found, nullable = _sequence_last(list(alt))
            if found is None:
                return None, False
            tests += found
            any_empty = any_empty or nullable
        return tests, any_empty
    return None, False  # any character, a back reference, a conditional: not known


def _class_test(members: list[tuple[Any, Any]]) -> CharTest | None:
    """Membership in a character class ``[...]``, or None for one this cannot read."""
    negate = bool(members) and members[0][0] is OP.NEGATE
    tests: list[CharTest] = []
    for op, av in members[1:] if negate else members:
        if op is OP.LITERAL:
            tests.append(lambda c, code=av: ord(c) == code)
        elif op is OP.RANGE:
            tests.append(lambda c, lo=av[0], hi=av[1]: lo <= ord(c) <= hi)
        elif op is OP.CATEGORY and av in _CATEGORIES:
            tests.append(lambda c, cat=_CATEGORIES[av]: cat.match(c) is not None)
        else:
            return None
    if negate:
        return lambda c: not any(t(c) for t in tests)
    return lambda c: any(t(c) for t in tests)
