"""Undo LaTeX debris in abstract text while remembering where every character came from.

Abstracts carry raw and mangled LaTeX (``$51.5\\%$``, ``2.5$\\times$``, ``4sim 16times``,
``\\textbf{94.36\\%}``, ``\\300,000`` for ``\\$300,000``). Matching quantities in a cleaned
copy keeps the rules simple; the :class:`OffsetMap` maps spans found in the clean copy
back to the original text so that ``source[start:end] == text`` holds for every mention.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

_SYMBOLS: dict[str, str] = {
    "times": "×",
    "sim": "~",
    "approx": "≈",
    "simeq": "≈",
    "leq": "≤",
    "le": "≤",
    "geq": "≥",
    "ge": "≥",
    "rightarrow": "→",
    "Rightarrow": "→",
    "longrightarrow": "→",
    "to": "→",
    "pm": "±",
    "textpm": "±",
    "mu": "µ",
    "cdot": "·",
    "%": "%",
    "$": "$",
    ",": "",
    "!": "",  # a negative thin space: "$\\sim\\!6\\%$"
    " ": " ",
    "uparrow": "↑",
    "downarrow": "↓",
    "textperthousand": "‰",
    "permil": "‰",
    # old-style font switches inside a group: "{\\bf 2\\(\\times\\)}" is a bold "2×"
    "bf": "",
    "it": "",
    "em": "",
    "rm": "",
    "sf": "",
    "tt": "",
    "sc": "",
}
_FORMATTING = (
    "textbf|textit|textrm|texttt|textsc|textsf|mathbf|mathrm|mathit|mathsf|mathtt|mathcal|"
    "mathbb|boldsymbol|bm|emph|underline|text|bf|it|rm|small|large|Large|mathnormal|"
    "operatorname|hat|tilde|bar|overline"
)
_CLEAN = re.compile(
    # what each alternative can start with, looked at first: without it every alternative
    # is tried at every character of every sentence (3x slower over the corpus); a space
    # only after what the alternatives that open with one need before it (a digit, the
    # point of "86. 27%", the "%" of "13% -> 0.4%"), not at every word (20% faster)
    r"(?=[\\^{}$~]|(?<=[\d%.])\s|sim|times|rightarrow|mu|->|(?<![A-Za-z])[A-Za-z]+\{)(?:"
    r"(?P<degree>\^\s?\{?\s?\\circ\s?\}?|\{\\deg\}|\\deg(?:ree)?\b|\\textdegree\b)"
    r"|(?P<usd>\\\$)"
    r"|(?P<mangled_usd>\\(?=\d))"
    r"|(?P<fmt>\\?(?<![A-Za-z])(?:" + _FORMATTING + r")\{)"
    # inline maths delimited by \\( \\) (as by $ $): "1.79\\(\\times\\)", "\\(69.38\\%\\)"
    r"|(?P<math_delim>\\[()])"
    r"|(?P<cmd>\\(?:[A-Za-z]+|[%$, !]))"
    r"|(?P<bare>(?<=\d)\s?(?:sim|times|rightarrow)(?=\s?\$?[\d.])|(?<=\s)rightarrow(?=\s)"
    r"|(?<=\d)\s?times(?=\s|[.,;:)]|$)|(?<=\d\s)sim(?=\s?\d)|(?<=[\s(])sim(?=\d))"
    r"|(?P<mu>\bmu(?=[JWsVAm]\b))"
    # LaTeX's unbreakable space between a number and its unit: "30~FPS", "1.5~\\%",
    # "$0.55$~dB"
    r"|(?P<nbsp>(?:(?<=\d)|(?<=\d\$))~(?=[A-Za-z%]|\\%))"
    # a decimal point followed by a stray space: "(7. 1% mAP)", "86. 27%"
    r"|(?P<split_point>(?<=\d\.)\s(?=\d{1,2}\s?\\?%))"
    # an ASCII arrow between a before and an after: "13%->0.4%"
    r"|(?P<arrow>(?<=[\d%])\s?->(?=\s?\$?[\d.]))"
    r"|(?P<brace>[{}])"
    r"|(?P<dollar>\$)"
    r")"
)
# a `$...$` pair holding maths (not a dollar amount): backslash, ^, _, braces, or no words
_MATH_INSIDE = re.compile(r"[\\^_{}=]|^[^A-Za-z]*$|^[^ ]{1,12}$")


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps clean-text offsets back to the original text.

    ``segments`` are the replaced regions as parallel tuples of clean start/end and
    original start/end; offsets outside them shift by the running length difference.
    """

    clean_starts: tuple[int, ...]
    clean_ends: tuple[int, ...]
    orig_starts: tuple[int, ...]
    orig_ends: tuple[int, ...]

    def start(self, c: int) -> int:
        """Original offset of the character at clean offset ``c``."""
        i = bisect_right(self.clean_starts, c) - 1
        # skip empty (deleted) segments sitting exactly at c: the char comes after them
        if i < 0:
            return c
        if c < self.clean_ends[i]:
            return self.orig_starts[i]
        return self.orig_ends[i] + (c - self.clean_ends[i])

    def end(self, c: int) -> int:
        """Original offset just after the character that ends at clean offset ``c``."""
        i = bisect_left(self.clean_starts, c) - 1
        if i < 0:
            return c
        if c <= self.clean_ends[i]:
            return self.orig_ends[i]
        return self.orig_ends[i] + (c - self.clean_ends[i])


IDENTITY = OffsetMap((), (), (), ())


_BARE_DOLLAR = re.compile(r"(?<!\\)\$")


def _currency_dollars(text: str) -> set[int]:
    """Offsets of unescaped `$` that prefix an amount; the others delimit maths.

    `$` signs pair up left to right; a pair whose inside looks like maths is maths,
    otherwise a `$` before a digit is a dollar sign.
    """
    pos = [m.start() for m in _BARE_DOLLAR.finditer(text)]
    money: set[int] = set()
    i = 0
    while i < len(pos):
        p = pos[i]
        if i + 1 < len(pos) and pos[i + 1] - p <= 80:
            inside = text[p + 1 : pos[i + 1]]
            if _MATH_INSIDE.search(inside):
                i += 2
                continue
        if text[p + 1 : p + 2].isdigit():
            money.add(p)
        i += 1
    return money


def normalize(text: str) -> tuple[str, OffsetMap]:
    """Clean LaTeX debris from ``text``; return the clean text and its map to ``text``."""
    if not _CLEAN.search(text):
        return text, IDENTITY
    out: list[str] = []
    cs: list[int] = []
    ce: list[int] = []
    os_: list[int] = []
    oe: list[int] = []
    money = _currency_dollars(text) if "$" in text else set()
    last = 0
    n = 0  # length of clean text emitted so far
    for m in _CLEAN.finditer(text):
        kind = m.lastgroup
        s, e = m.span()
        tok = m.group()
        if kind == "degree":
            rep = "°"
        elif kind == "usd" or kind == "mangled_usd":
            rep = "$"
        elif kind in ("fmt", "brace", "split_point", "math_delim"):
            rep = ""
        elif kind == "cmd":
            rep = _SYMBOLS.get(tok[1:], tok[1:])
        elif kind == "bare":
            word = tok.strip()
            rep = {"sim": "~", "times": "×", "rightarrow": "→"}[word]
            if word == "times" and tok[0] == " " and not text[e : e + 2].strip()[:1].isdigit():
                continue  # "15 times" stays a word; only glued/operator uses are symbols
        elif kind == "arrow":
            rep = tok.replace("->", "→")
        elif kind == "mu":
            rep = "µ"
        elif kind == "nbsp":
            # "14~M tokens": a magnitude letter glues to its number
            rep = "" if re.match(r"[kKMBGT](?![A-Za-z])", text[e : e + 2]) else " "
        elif kind == "dollar":
            rep = "$" if s in money else ""
        else:  # pragma: no cover - all groups handled above
            continue
        if rep == tok:
            continue
        out.append(text[last:s])
        n += s - last
        cs.append(n)
        os_.append(s)
        out.append(rep)
        n += len(rep)
        ce.append(n)
        oe.append(e)
        last = e
    out.append(text[last:])
    return "".join(out), OffsetMap(tuple(cs), tuple(ce), tuple(os_), tuple(oe))
