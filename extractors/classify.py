"""Fill in kind, role, direction, qualifier, metric and baseline of a found quantity.

Each field comes from a few words around the quantity in its (normalised) sentence,
looked up in the lexicons of ``rules.toml``. No parser: the words next to a number
decide almost every case, and this runs on every mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.lexicon import Lexicon
from extractors.quantities import RawQuantity

_CLAUSE_BREAK = re.compile(r"[;:!?]|\.\s|,\s(?:and|but|while|whereas|which|with)\b|\bwhile\b")
_WORD = re.compile(r"[A-Za-z][\w@+./'-]*[\w%]|[A-Za-z]")
_BASELINE_AFTER = re.compile(
    r"\b(?:than|compared (?:to|with)|in comparison (?:to|with)|relative to|versus|vs\.?|"
    r"against|with respect to|over(?! \$?\d| (?:a|an|the)? ?(?:wide|range|variety|\d))|"
    r"from(?= (?:the )?(?:baseline|original|vanilla|standard)))\s"
    r"(?:(?:that|those) of\s)?(?P<np>[^,;.()]{1,80}?)(?=\s?(?:[,;()]|\.\s|\.$|$|\bon\b|\bin\b|"
    r"\bwith\b|\bwhile\b|\bwhen\b|\bacross\b|\bat\b|\bfor\b|\bby\b|\band (?:achieves|reduces|"
    r"improves|requires)\b|\bwhich\b|\bwhere\b|\busing\b|\bwithout\b))"
)
_BASELINE_BEFORE = re.compile(
    r"\b(?:outperform\w*|surpass\w*|beat\w*|exceed\w*|improv\w* (?:up)?on|better than|"
    r"trail\w* (?:behind)?)\s(?P<np>[^,;.()]{1,80}?)\s(?:by|with)\b[^,;.]{0,30}$"
)
_NP_AFTER = re.compile(
    r"^\s?(?:(?:of|in|on)\s)?(?:the\s)?(?P<np>(?:[A-Za-z][\w@.+/-]*\s?){1,3})", re.UNICODE
)
_NP_BEFORE = re.compile(
    r"(?P<np>(?:[A-Za-z][\w@.+/-]*\s){0,2}[A-Za-z][\w@.+/-]*)\s(?:of|by|to|at|is|was|=|:|reaches|"
    r"reached|achieves|achieved)\s(?:up to\s|about\s|nearly\s|over\s|around\s|only\s|just\s)?$"
)
_ARTICLES = frozenset("a an the its their our this that these those".split())
_NOT_METRIC = frozenset(
    """a an the of in on at to for by with from and or than over while which that when
    compared vs versus respectively each only just both all its their our also while
    achieving achieves achieve achieved reaching reaches using use used based across into
    is are was were be being been has have had can could will would may might should
    we it they this these those as per such while up down more less fewer higher lower
    faster slower better worse improvement improvements gain gains increase increases
    decrease decreases reduction reductions drop drops boost boosts speedup speedups
    relative absolute average overall significant substantial consistent notable""".split()
)
_SETUP_HYPHEN = re.compile(r"^\d[\d.,]*[kKMBG]?-(?:second|minute|hour|day|layer|bit|step)")
_STEP_RESULT_LEFT = re.compile(
    r"\b(?:in|within|requir\w*|needs?|needing|takes?|taking|after|reach\w*|us(?:e|es|ing)|"
    r"only|trained for|converg\w*)\s(?:only\s|just\s|as few as\s|fewer than\s|less than\s|"
    r"over\s|about\s|around\s|nearly\s|under\s)?$",
    re.I,
)
_RESULT_VERB = re.compile(
    r"\b(?:achiev\w*|attain\w*|reach\w*|obtain\w*|outperform\w*|surpass\w*|score\w*|"
    r"yield\w*|deliver\w*|records?|sets?|improv\w*|reduc\w*|accelerat\w*|sav\w*|"
    r"speed\w*|faster|boost\w*|increas\w*|decreas\w*|drop\w*|match\w*)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Fields:
    """The classified fields of one quantity."""

    kind: str
    role: str
    direction: str | None
    qualifier: str
    metric: str | None
    baseline: str | None


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, start):
        lo = m.end()
    m = _CLAUSE_BREAK.search(text, end)
    return lo, (m.start() if m else len(text))


def qualifier_of(text: str, q: RawQuantity, lex: Lexicon) -> str:
    """``=`` unless a hedge or bound stands right before (or after) the quantity."""
    left = text[max(0, q.start - 40) : q.start].rstrip("($ ")
    left = left + " " if left else left
    for pat, sym in lex.qualifier_before:
        if pat.search(left.rstrip() if pat.pattern.endswith(r"\s*$") else left):
            return sym
    right = text[q.end : q.end + 15].lower()
    for phrase, sym in lex.qualifier_after:
        if right.startswith(" " + phrase) or right.startswith(phrase + " ") or right == phrase:
            if phrase != "+" or right.startswith("+"):
                return sym
    return "="


def kind_of(text: str, q: RawQuantity, lex: Lexicon) -> str:
    """multiplier / change / proportion / value (claims-spec's ``kind``)."""
    if q.kind:
        return q.kind
    if q.unit == "x":
        return "multiplier"
    if q.unit == "pixel":
        return "value"
    if q.sign in ("+", "-", "−"):
        return "change"
    left = text[max(0, q.start - 50) : q.start]
    right = text[q.end : q.end + 60]
    if q.value_high is None and (
        lex.change_before_re.search(left) or lex.change_after_re.match(right)
    ):
        return "change"
    if re.search(r"\b(?:reduc|cut|sav|lower|decreas|increas|boost)\w*\s$", left) and q.unit == "%":
        return "change"
    if q.unit == "pp":
        return "value" if q.value_high is not None else "change"
    if q.unit == "%":
        if lex.proportion_after_re.match(right) or lex.proportion_before_re.search(left):
            return "proportion"
        if re.match(r"^\s(?:of\b|(?:trainable |training )?(?:parameters|data|FLOPs|time)\b)", right):
            return "proportion"
    return "value"


def _words_between(text: str, a: int, b: int) -> str:
    return text[a:b]


def direction_of(text: str, q: RawQuantity, kind: str, metric: str | None, lex: Lexicon) -> str | None:
    """up/down for multipliers and changes, as the named metric moves."""
    if kind not in ("multiplier", "change"):
        return None
    if q.direction:
        return q.direction
    if q.sign == "+":
        return "up"
    if q.sign in ("-", "−"):
        return "down"
    lo, hi = _clause_bounds(text, q.start, q.end)
    right = text[q.end : min(hi, q.end + 45)]
    left = text[max(lo, q.start - 90) : q.start]
    word = None
    for m in _WORD.finditer(right):
        w = m.group()
        if lex.down_re.fullmatch(w):
            word = ("down", w)
            break
        if lex.up_re.fullmatch(w):
            word = ("up", w)
            break
    if word is None:
        best = None
        for m in _WORD.finditer(left):
            w = m.group()
            if lex.down_re.fullmatch(w):
                best = ("down", w)
            elif lex.up_re.fullmatch(w) and w.lower() not in ("up", "over", "above"):
                best = ("up", w)
        word = best
    if word is None:
        return "up"
    d, w = word
    generic_better = re.match(r"(?i)improv|better|outperform|gain|boost|enhanc|surpass|beat", w)
    if d == "up" and generic_better and metric and _lower_is_better(metric, lex):
        return "down"
    return d


def _lower_is_better(metric: str, lex: Lexicon) -> bool:
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", metric)}
    return bool(words & lex.lower_is_better)


def _trim_np(np: str) -> str | None:
    words = np.split()
    while words and (words[0].lower() in _NOT_METRIC or words[0].lower() in _ARTICLES):
        words.pop(0)
    out = []
    for w in words:
        if w.lower() in _NOT_METRIC and out:
            break
        if w.lower() in _NOT_METRIC:
            continue
        out.append(w)
    s = " ".join(out).strip(" .,;:-")
    return s or None


def metric_of(text: str, q: RawQuantity, kind: str, lex: Lexicon) -> str | None:
    """A short phrase for what is measured, from the words around the quantity."""
    if q.metric and q.unit != "parameter":
        return q.metric
    if q.unit == "parameter":
        return "model size"
    if q.noun and q.unit not in ("%", "x", "pp"):
        return _trim_np(q.noun) or q.noun
    lo, hi = _clause_bounds(text, q.start, q.end)
    right = text[q.end : min(hi, q.end + 60)]
    left = text[max(lo, q.start - 80) : q.start]
    if kind in ("multiplier", "change"):
        # "80% fewer training steps", "2.62x faster", "500X reduction in inference cost"
        m = re.match(r"^\s?(?:[-‐]\s?)?(?P<adj>\w+(?:-\w+)?)(?P<rest>[^,;()]*)", right)
        if m:
            adj = m.group("adj").lower()
            rest = m.group("rest")
            if lex.up_re.fullmatch(adj) or lex.down_re.fullmatch(adj) or adj in ("speedup",):
                rm = re.match(r"^\s(?:in|of|on)\s(?:the\s)?(?P<np>[^,;()]+)", rest)
                np = _trim_np(" ".join((rm.group("np") if rm else rest).split()[:3]))
                if np and not re.match(r"(?i)than|compared|over|vs", np):
                    return np
                if adj in lex.implied_metric:
                    return lex.implied_metric[adj]
            if adj in lex.implied_metric:
                return lex.implied_metric[adj]
        # "reduces wall-clock time by 36%", "improves accuracy by 3%"
        lm = re.search(
            r"\b(?:reduc\w*|improv\w*|increas\w*|decreas\w*|boost\w*|accelerat\w*|cut\w*|"
            r"lower\w*|rais\w*|enhanc\w*|speed\w* up|sav\w*)\s(?:the\s|its\s|their\s)?"
            r"(?P<np>[^,;()]{1,50}?)\s(?:by|of)\s[^,;]{0,25}$",
            left,
        )
        if lm:
            np = _trim_np(" ".join(lm.group("np").split()[-4:]))
            if np:
                return np
        m2 = re.search(r"(?P<np>\b[\w-]+(?:\s[\w-]+)?)\s(?:of|by)\s(?:up to\s|about\s)?$", left)
        if m2:
            np = _trim_np(m2.group("np"))
            if np and np.lower() not in ("speedup", "improvement", "gain"):
                return np
            if np and np.lower().startswith("speed"):
                return "speed"
    if q.unit in ("second", "GPU_hour", "USD"):
        m = re.search(r"\b(training|inference|wall-clock|GPU|compute|total)?\s?(time|cost|budget|latency)\b", text)
        if m:
            return m.group().strip()
    m = _NP_AFTER.match(right)
    if m and q.unit in ("%", "score", "pp"):
        np = _trim_np(m.group("np"))
        if np and not np[0].isdigit():
            return np
    m = _NP_BEFORE.search(left)
    if m:
        np = _trim_np(m.group("np"))
        if np:
            return np
    return None


def baseline_of(text: str, q: RawQuantity, role: str) -> str | None:
    """What the quantity is compared against (text after `than`, `over`, `vs.` ...)."""
    if role != "result":
        return None
    lo, hi = _clause_bounds(text, q.start, q.end)
    m = _BASELINE_AFTER.search(text, q.end, min(len(text), q.end + 140))
    if m:
        np = m.group("np").strip()
        np = re.sub(r"^(?:the|a|an|that of|those of)\s", "", np)
        if np and not np[0].isdigit() and not np.startswith("$"):
            return np
    left = text[max(0, q.start - 120) : q.start]
    m = _BASELINE_BEFORE.search(left)
    if m:
        return re.sub(r"^(?:the|a|an)\s", "", m.group("np").strip())
    return None


def role_of(text: str, q: RawQuantity, kind: str, lex: Lexicon) -> str:
    """result (what the paper claims) or setup (sizes and settings)."""
    if q.unit == "pixel" or q.unit == "bit" or q.unit == "parameter":
        return "setup"
    if kind in ("multiplier", "change", "proportion"):
        return "result"
    orig = text[q.start : q.end]
    if _SETUP_HYPHEN.match(orig):
        return "setup"
    if q.unit in lex.setup_units:
        left = text[max(0, q.start - 40) : q.start]
        if q.unit in ("step", "token", "sample", "count") and _STEP_RESULT_LEFT.search(left):
            lo, hi = _clause_bounds(text, q.start, q.end)
            if _RESULT_VERB.search(text, lo, hi) or re.search(r"\bthan\b|\bvs\b", text[lo:hi]):
                return "result"
        return "setup"
    return "result"


def classify(text: str, q: RawQuantity, lex: Lexicon) -> Fields:
    """All fields of one quantity in its normalised sentence."""
    kind = kind_of(text, q, lex)
    metric = metric_of(text, q, kind, lex)
    role = role_of(text, q, kind, lex)
    return Fields(
        kind=kind,
        role=role,
        direction=direction_of(text, q, kind, metric, lex),
        qualifier=qualifier_of(text, q, lex),
        metric=metric,
        baseline=baseline_of(text, q, role),
    )
