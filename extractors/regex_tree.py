"""The parse tree of a compiled regex, for the modules that read what a pattern can match.

``extractors.caseless`` reads the literals every match needs and ``extractors.anchored``
the characters a match can end with, both from the tree the standard library's regex
parser builds. That parser and its opcodes are private to the standard library, but
stable across the versions this project supports (3.11+); a pattern they cannot parse
gets no tree here, and its reader then knows nothing of it (the pattern is always run).
"""

from __future__ import annotations

import re
from typing import Any

OP: Any = re._constants  # type: ignore[attr-defined]
REPEATS = (OP.MAX_REPEAT, OP.MIN_REPEAT, OP.POSSESSIVE_REPEAT)
_PARSER: Any = re._parser  # type: ignore[attr-defined]


def parse(pattern: re.Pattern[str]) -> list[tuple[Any, Any]] | None:
    """The top-level items of ``pattern``'s parse tree, or None if it cannot be parsed."""
    try:
        return list(_PARSER.parse(pattern.pattern, pattern.flags))
    except Exception:  # pragma: no cover - a pattern that compiled parses again
        return None
