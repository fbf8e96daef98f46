"""Score predicted mentions against gold, exactly as claims-spec.md's last section says.

Pure functions over lists of gold-format dicts (``Mention.to_spec_dict``), so the
``claims eval`` CLI, tests and notebooks all score the same way.

Matching is per paper. A prediction matches a gold mention when the canonical
unit is equal and ``canonical_value`` (and ``canonical_value_high``, in either
order) agree to 0.1% relative. Each gold mention matches at most one prediction,
except that a range matches two single mentions of its two ends (gold range vs.
two predicted values, or predicted range vs. two gold values: a before/after pair
may be read either way). Setup mentions written only in words (gold
``role == "setup"`` whose text has no digit) are optional: they are dropped from
recall denominators, and predictions matched to them are dropped from precision.
Attribute agreement is measured over matched pairs whose gold is not optional:
``kind``, ``role``, ``qualifier`` over all of them, ``direction`` over result changes
and multipliers, and the phrase fields (``metric``, ``baseline``, and over result
pairs ``subject`` and ``benchmark``) over the pairs whose gold field is not null, a
null prediction counting as a miss. Leaderboard F1 scores the (benchmark, metric,
subject, value) entries of ``role=result, kind=value`` mentions.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

REL_TOL = 1e-3
_WORD = re.compile(r"[a-z0-9]+")
_DIGIT = re.compile(r"\d")
STOPWORDS: frozenset[str] = frozenset(
    "a an the of in on at to for by with from and or vs versus than over its their our "
    "this that these those as per into under up all any each is are be prior".split()
)

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class PRF:
    """Counts and the precision/recall/F1 they give."""

    tp_pred: int  # predictions matched (numerator of precision)
    n_pred: int
    tp_gold: int  # gold mentions matched (numerator of recall)
    n_gold: int

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Agreement:
    """How often a field agrees among matched pairs."""

    agree: int
    total: int

    @property
    def rate(self) -> float:
        return self.agree / self.total if self.total else 1.0


@dataclass(frozen=True, slots=True)
class Pair:
    """A gold mention and a prediction matched to it."""

    gold: Row
    pred: Row


@dataclass(slots=True)
class EvalReport:
    """Everything ``score`` measures; ``pairs``/``missed``/``spurious`` allow error analysis."""

    all: PRF
    result: PRF
    agreement: dict[str, Agreement]
    leaderboard: PRF = PRF(0, 0, 0, 0)
    pairs: list[Pair] = field(default_factory=list)
    missed: list[Row] = field(default_factory=list)
    spurious: list[Row] = field(default_factory=list)


def is_optional(gold: Row) -> bool:
    """Setup mentions written only in words are neither required nor counted against precision."""
    return gold.get("role") == "setup" and not _DIGIT.search(str(gold.get("text", "")))


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    a, b = float(a), float(b)
    if a == b:
        return True
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b))


def _values(row: Row) -> tuple[float, float | None]:
    return row["canonical_value"], row.get("canonical_value_high")


def _same(g: Row, p: Row) -> bool:
    if g["unit"] != p["unit"]:
        return False
    g_lo, g_hi = _values(g)
    p_lo, p_hi = _values(p)
    return (_close(g_lo, p_lo) and _close(g_hi, p_hi)) or (
        g_hi is not None and p_hi is not None and _close(g_lo, p_hi) and _close(g_hi, p_lo)
    )


def _end_matches(rng: Row, single: Row, end: float) -> bool:
    return (
        rng["unit"] == single["unit"]
        and single.get("canonical_value_high") is None
        and _close(end, single["canonical_value"])
    )


def _priority(g: Row, p: Row) -> tuple[int, int]:
    """Prefer predictions in the same section with the same text when several agree."""
    return (int(g.get("in") != p.get("in")), int(g.get("text") != p.get("text")))


@dataclass(slots=True)
class _PaperMatch:
    pairs: list[Pair]
    gold_hit: list[bool]
    pred_hit: list[bool]
    pred_optional: list[bool]


def _match_paper(gold: Sequence[Row], pred: Sequence[Row]) -> _PaperMatch:
    gold_hit = [False] * len(gold)
    pred_hit = [False] * len(pred)
    pred_optional = [False] * len(pred)
    pairs: list[Pair] = []

    def claim(gi: int, pis: Iterable[int]) -> None:
        gold_hit[gi] = True
        for pi in pis:
            pred_hit[pi] = True
            pred_optional[pi] = is_optional(gold[gi])
            pairs.append(Pair(gold[gi], pred[pi]))

    # 1. one-to-one matches; required gold first so optional gold cannot steal them
    order = sorted(range(len(gold)), key=lambda i: is_optional(gold[i]))
    for gi in order:
        cands = [pi for pi in range(len(pred)) if not pred_hit[pi] and _same(gold[gi], pred[pi])]
        if cands:
            claim(gi, [min(cands, key=lambda pi: _priority(gold[gi], pred[pi]))])
    # 2. a gold range against two predicted single values
    for gi in order:
        g = gold[gi]
        lo, hi = _values(g)
        if gold_hit[gi] or hi is None:
            continue
        free = [pi for pi in range(len(pred)) if not pred_hit[pi]]
        a = next((pi for pi in free if _end_matches(g, pred[pi], lo)), None)
        b = next((pi for pi in free if pi != a and _end_matches(g, pred[pi], hi)), None)
        if a is not None and b is not None:
            claim(gi, [a, b])
    # 3. a predicted range against two gold single values
    for pi, p in enumerate(pred):
        lo, hi = _values(p)
        if pred_hit[pi] or hi is None:
            continue
        free = [gi for gi in order if not gold_hit[gi]]
        a = next((gi for gi in free if _end_matches(p, gold[gi], lo)), None)
        b = next((gi for gi in free if gi != a and _end_matches(p, gold[gi], hi)), None)
        if a is not None and b is not None:
            claim(a, [pi])
            claim(b, [])
            pairs.append(Pair(gold[b], p))
            pred_optional[pi] = is_optional(gold[a]) and is_optional(gold[b])
    return _PaperMatch(pairs, gold_hit, pred_hit, pred_optional)


def _by_paper(rows: Iterable[Row]) -> dict[Any, list[Row]]:
    out: dict[Any, list[Row]] = defaultdict(list)
    for r in rows:
        out[r["paper"]].append(r)
    return out


def _prf(gold: Sequence[Row], pred: Sequence[Row]) -> tuple[PRF, list[Pair], list[Row], list[Row]]:
    g_by, p_by = _by_paper(gold), _by_paper(pred)
    tp_pred = n_pred = tp_gold = n_gold = 0
    pairs: list[Pair] = []
    missed: list[Row] = []
    spurious: list[Row] = []
    for paper in sorted(set(g_by) | set(p_by), key=str):
        gs, ps = g_by.get(paper, []), p_by.get(paper, [])
        m = _match_paper(gs, ps)
        for gi, g in enumerate(gs):
            if is_optional(g):
                continue
            n_gold += 1
            tp_gold += m.gold_hit[gi]
            if not m.gold_hit[gi]:
                missed.append(g)
        for pi, p in enumerate(ps):
            if m.pred_hit[pi] and m.pred_optional[pi]:
                continue
            n_pred += 1
            tp_pred += m.pred_hit[pi]
            if not m.pred_hit[pi]:
                spurious.append(p)
        pairs.extend(pr for pr in m.pairs if not is_optional(pr.gold))
    return PRF(tp_pred, n_pred, tp_gold, n_gold), pairs, missed, spurious


def content_words(text: str | None) -> set[str]:
    """Lower-cased words of a phrase without stopwords, for lenient metric/baseline agreement."""
    if not text:
        return set()
    return {w for w in _WORD.findall(text.lower()) if w not in STOPWORDS}


def lenient_equal(gold: str | None, pred: str | None) -> bool:
    """Both empty, or sharing a content word."""
    if not gold or not pred:
        return not gold and not pred
    return bool(content_words(gold) & content_words(pred))


_PUNCT = re.compile(r"[^a-z0-9]+")


def benchmark_equal(gold: str | None, pred: str | None) -> bool:
    """A shared content word, or one name a prefix of the other once lower-cased and
    stripped of punctuation (``ImageNet`` agrees with ``ImageNet-1k``)."""
    if not gold or not pred:
        return False
    if content_words(gold) & content_words(pred):
        return True
    g, p = _PUNCT.sub("", gold.lower()), _PUNCT.sub("", pred.lower())
    return bool(g and p) and (g.startswith(p) or p.startswith(g))


def _phrase_agreement(pairs: Sequence[Pair], name: str, equal: Any = lenient_equal) -> Agreement:
    """Agreement on a phrase field over the pairs whose gold field is not null."""
    named = [p for p in pairs if p.gold.get(name)]
    return Agreement(
        sum(bool(p.pred.get(name)) and equal(p.gold[name], p.pred[name]) for p in named),
        len(named),
    )


def _agreement(pairs: Sequence[Pair]) -> dict[str, Agreement]:
    out: dict[str, Agreement] = {}
    for f in ("kind", "role", "qualifier"):
        out[f] = Agreement(sum(p.gold.get(f) == p.pred.get(f) for p in pairs), len(pairs))
    directed = [
        p
        for p in pairs
        if p.gold.get("role") == "result" and p.gold.get("kind") in ("multiplier", "change")
    ]
    out["direction"] = Agreement(
        sum(p.gold.get("direction") == p.pred.get("direction") for p in directed), len(directed)
    )
    for f in ("metric", "baseline"):
        out[f] = _phrase_agreement(pairs, f)
    results = [p for p in pairs if p.gold.get("role") == "result"]
    out["subject"] = _phrase_agreement(results, "subject")
    out["benchmark"] = _phrase_agreement(results, "benchmark", benchmark_equal)
    return out


def is_entry(row: Row) -> bool:
    """A leaderboard entry: a result value with a metric, a benchmark and a subject."""
    return (
        row.get("role") == "result"
        and row.get("kind") == "value"
        and all(row.get(f) for f in ("metric", "benchmark", "subject"))
    )


def _entry_hit(gold: Row, pred: Row) -> bool:
    return (
        is_entry(pred)
        and lenient_equal(gold["metric"], pred["metric"])
        and lenient_equal(gold["subject"], pred["subject"])
        and benchmark_equal(gold["benchmark"], pred["benchmark"])
    )


def leaderboard_prf(gold: Sequence[Row], predicted: Sequence[Row]) -> PRF:
    """Leaderboard F1 (claims-spec.md, end): a gold entry is recalled when the
    prediction matched to it is itself an entry agreeing on benchmark, metric and
    subject; precision is the share of predicted entries that are such hits."""
    gold_entries = [g for g in gold if is_entry(g) and not is_optional(g)]
    pred_entries = [p for p in predicted if is_entry(p)]
    _, pairs, _, _ = _prf(gold_entries, pred_entries)
    hits = [p for p in pairs if _entry_hit(p.gold, p.pred)]
    hit_preds = {id(p.pred) for p in hits}
    return PRF(
        len(hit_preds), len(pred_entries), len({id(p.gold) for p in hits}), len(gold_entries)
    )


def score(gold: Sequence[Row], predicted: Sequence[Row]) -> EvalReport:
    """Match predictions to gold and measure P/R/F1 and field agreement (see module doc)."""
    all_prf, pairs, missed, spurious = _prf(gold, predicted)
    result_prf, _, _, _ = _prf(
        [g for g in gold if g.get("role") == "result"],
        [p for p in predicted if p.get("role") == "result"],
    )
    return EvalReport(
        all_prf,
        result_prf,
        _agreement(pairs),
        leaderboard_prf(gold, predicted),
        pairs,
        missed,
        spurious,
    )


def format_report(report: EvalReport) -> str:
    """A plain-text table of the report's figures."""
    lines = [f"{'mentions':<10}{'P':>8}{'R':>8}{'F1':>8}{'pred':>8}{'gold':>8}"]
    for name, prf in (
        ("all", report.all),
        ("result", report.result),
        ("board", report.leaderboard),
    ):
        lines.append(
            f"{name:<10}{prf.precision:>8.3f}{prf.recall:>8.3f}{prf.f1:>8.3f}"
            f"{prf.n_pred:>8}{prf.n_gold:>8}"
        )
    lines.append("")
    lines.append(f"{'field':<10}{'agree':>8}{'pairs':>8}{'rate':>8}")
    for name, a in report.agreement.items():
        lines.append(f"{name:<10}{a.agree:>8}{a.total:>8}{a.rate:>8.3f}")
    return "\n".join(lines)
