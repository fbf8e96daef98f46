"""Case-insensitive yes/no regex tests, made fast for the ASCII text most abstracts are.

Python's regex engine skips an alternative whose first literal character cannot match
only when it compares case-sensitively, so an ``IGNORECASE`` alternation of words tries
every word at every position. On ASCII text, lowercasing it and matching the same
lowercase pattern case-sensitively finds a match exactly when ``IGNORECASE`` would
(ASCII letters have no other case variants, and lowercasing changes neither length nor
which characters are word characters), in about a third of the time over the corpus.
Other text takes the ``IGNORECASE`` pattern as written.
"""

from __future__ import annotations

import re
from typing import Any

from extractors.regex_tree import OP, REPEATS, parse

_ESCAPE = re.compile(r"\\.")


class CaselessGate:
    """Whether the case-insensitive regex ``source`` occurs in a text.

    ``source`` must be written in lowercase (escapes such as ``\\b`` aside), so that
    on lowercased text it matches what it matches case-insensitively.
    """

    __slots__ = ("_lowered", "pattern")

    def __init__(self, source: str) -> None:
        if any(c.isupper() for c in _ESCAPE.sub("", source)):
            raise ValueError(f"a caseless gate is written in lowercase: {source!r}")
        self.pattern = re.compile(source, re.IGNORECASE)
        self._lowered = re.compile(source)

    def found(self, text: str) -> bool:
        """``self.pattern.search(text) is not None``, faster."""
        if text.isascii():
            return self._lowered.search(text.lower()) is not None
        return self.pattern.search(text) is not None


Literals = tuple[str, ...]


def required_literals(pattern: re.Pattern[str]) -> Literals | None:
    """Lowercase ASCII strings of which every text ``pattern`` matches in (lookarounds
    included) holds at least one, case-insensitively; ``None`` if none are known.

    A cheap ``in`` test on the lowercased text then skips the regex scan of texts it
    cannot match in: the scan tries every position (some word-quantity patterns open
    with a dozen lookbehinds), while most sentences lack their one word.
    """
    tree = parse(pattern)
    return None if tree is None else _sequence_literals(tree)


def _sequence_literals(items: list[tuple[Any, Any]]) -> Literals | None:
    """The best-gating literal set among a sequence's items: a match holds each item's
    match, so any item's set is required; runs of ASCII literals are strings."""
    found: list[Literals] = []
    run = ""
    for op, av in items:
        if op is OP.LITERAL and av < 128:
            run += chr(av).lower()
            continue
        if run:
            found.append((run,))
            run = ""
        if op is OP.SUBPATTERN or op is OP.ASSERT:  # a group; a lookahead or lookbehind
            sub = _sequence_literals(list(av[-1]))
        elif op is OP.ATOMIC_GROUP:
            sub = _sequence_literals(list(av))
        elif op in REPEATS and av[0] >= 1:  # (min, max, item) repeated at least once
            sub = _sequence_literals(list(av[2]))
        elif op is OP.BRANCH:  # one alternative or another: their sets together
            alts = [_sequence_literals(list(alt)) for alt in av[1]]
            sub = None if None in alts else tuple(sorted({s for a in alts if a for s in a}))
        else:  # classes, negative lookarounds, anchors, optional parts: nothing required
            sub = None
        if sub:
            found.append(sub)
    if run:
        found.append((run,))
    # the set whose shortest string is longest gates best; then the smaller set
    return max(found, key=lambda s: (min(map(len, s)), -len(s)), default=None)


def holds_any(lowered: str, literals: Literals) -> bool:
    """``lowered`` (a lowercased ASCII text) holds one of ``literals``."""
    return any(s in lowered for s in literals)
