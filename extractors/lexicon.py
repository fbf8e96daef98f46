"""The rules file (``rules.toml``) compiled into regexes, loaded once per process.

Keeping lexicons and patterns as data means a rule change is a data change, and
``extractors.version`` hashes the file so outputs record which rules made them.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from extractors.anchored import EndAnchored
from extractors.caseless import Literals, required_literals

RULES_PATH = Path(__file__).with_name("rules.toml")


# the rest of a list of percentages after the first ("5%, 10% and 20%"): what may stand
# between a share and the noun that says what it is a share of
SHARE_LIST_REST = r"(?:,?\s(?:and\s|or\s)?\$?\d[\d.]*\$?\s?\\?%\$?)*"


@dataclass(frozen=True, slots=True)
class UnitRule:
    """A surface unit right after a number."""

    pint: str
    canonical: str
    metric: str | None = None
    other_plural: bool = False
    id: str = ""  # the rule's id in rules.toml, recorded on the mentions it reads


@dataclass(frozen=True, slots=True)
class WordQuantity:
    """A word or phrase that is a quantity by itself (``twice``, ``one-third``)."""

    pattern: re.Pattern[str]
    value: float
    unit: str
    kind: str
    direction: str | None
    power: bool
    time: bool = False  # the unit word is the phrase's last word (a second, an hour)
    scale: bool = False  # value is the number word in group ``n`` (sevenfold)
    id: str = ""
    # strings one of which a text holds wherever ``pattern`` matches in it (lowercase;
    # None: not known), so a text holding none is skipped without a regex scan
    literals: Literals | None = None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the extractor looks up, compiled."""

    unit_re: re.Pattern[str]  # one alternation, group u<i> -> units[i]
    units: tuple[UnitRule, ...]
    noun_re: re.Pattern[str]  # counted nouns, group n<i> -> nouns[i]
    nouns: tuple[UnitRule, ...]
    modifier_re: re.Pattern[str]
    max_modifiers: int
    stop_words: frozenset[str]
    not_nouns: frozenset[str]
    dataset_items_re: re.Pattern[str]
    dataset_word_re: re.Pattern[str]
    not_dataset_items: frozenset[str]
    number_words: dict[str, float]
    bare_hints: tuple[tuple[re.Pattern[str], str], ...]
    bare_hints_after: tuple[tuple[re.Pattern[str], str], ...]
    number_word_re: re.Pattern[str]
    magnitudes: dict[str, float]
    word_quantities: tuple[WordQuantity, ...]
    qualifier_re: re.Pattern[str]  # all of qualifier_before in one: its lastgroup q<i> -> symbol
    qualifier_syms: tuple[str, ...]
    qualifier_after: tuple[tuple[str, str], ...]
    up_re: re.Pattern[str]
    down_re: re.Pattern[str]
    lower_is_better: frozenset[str]
    implied_metric: dict[str, str]
    change_before_re: re.Pattern[str]
    change_after_re: re.Pattern[str]
    change_margin_re: re.Pattern[str]
    proportion_after_re: re.Pattern[str]
    proportion_before_re: re.Pattern[str]
    setup_units: frozenset[str]
    result_cue_re: re.Pattern[str]
    count_result_left_re: re.Pattern[str]
    score_noun_re: re.Pattern[str]  # group ``metric``: a metric noun right before a decimal
    metric_after_re: re.Pattern[str]  # a metric noun right after a number: "47.7% accuracy"
    measured_head_re: re.Pattern[str]  # group ``np``: a noun phrase ending in a measured head
    setting_re: re.Pattern[str]  # a hyperparameter name ending where a bare number starts
    setup_share_re: re.Pattern[str]  # "1/3 attention layers": .match()ed right after it
    found_before_re: re.Pattern[str]  # "we identify" right before a count of what was found
    found_nouns: frozenset[str]  # what a study finds, counted ("five failure modes")
    task_demand_re: re.Pattern[str]
    name_left: EndAnchored  # .found(window): a number there is part of a name
    name_right_re: re.Pattern[str]
    capitalised_before_re: re.Pattern[str]
    year_re: re.Pattern[str]
    model_family_re: re.Pattern[str]  # names of models and hardware, never benchmarks
    not_benchmark_re: re.Pattern[str]  # .fullmatch: names that are neither subject nor benchmark
    agent_head_re: re.Pattern[str]  # .fullmatch: head nouns that can name who scored a number
    # a task named in the paper -> the metric its percentages are by convention
    task_metrics: tuple[tuple[re.Pattern[str], str], ...] = ()


def _alternation(rows: list[dict[str, Any]], prefix: str, flags: int = 0) -> re.Pattern[str]:
    parts = []
    for i, r in enumerate(rows):
        pat = r["pattern"]
        # inner named groups must be unique across the alternation
        pat = re.sub(r"\(\?P<(\w+)>", lambda m, i=i: f"(?P<{m.group(1)}_{i}>", pat)
        parts.append(f"(?P<{prefix}{i}>{pat})")
    return re.compile("|".join(parts), flags)


def _word_quantity(row: dict[str, Any]) -> WordQuantity:
    pattern = re.compile(row["pattern"], re.IGNORECASE)
    return WordQuantity(
        pattern,
        float(row["value"]),
        row["unit"],
        row["kind"],
        row.get("direction"),
        bool(row.get("power", False)),
        bool(row.get("time", False)),
        bool(row.get("scale", False)),
        row["id"],
        required_literals(pattern),
    )


def _words(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


def _setting_re(setting: dict[str, Any]) -> re.Pattern[str]:
    """Hyperparameter names before a bare number: group ``score`` or ``share`` says which."""
    scores = "|".join(setting["scores"])
    shares = "|".join(setting["shares"])
    return re.compile(
        rf"(?<![\w-])(?:(?P<share>{shares})|(?P<score>{scores})){setting['link']}", re.I
    )


class RulesError(ValueError):
    """The rules file says something the extractor cannot use."""


# the keys each kind of rule table may hold; anything else is a typo, refused at load
_TABLE_KEYS: dict[str, frozenset[str]] = {
    "unit": frozenset({"id", "pattern", "pint", "canonical", "metric"}),
    "counted.noun": frozenset({"id", "pattern", "pint", "canonical", "metric", "other_plural"}),
    "word_quantity": frozenset(
        {"id", "pattern", "value", "unit", "kind", "direction", "power", "time", "scale"}
    ),
}
_SECTIONS = frozenset(
    {"unit", "counted", "bare_hint", "bare_hint_after", "score_noun", "setting",
     "number_words", "magnitude_words", "word_quantity", "qualifier", "direction", "kind",
     "role", "names", "attribution"}
)  # fmt: skip


def check_rules(raw: dict[str, Any]) -> None:
    """Refuse a rules file with unknown sections or keys, a rule without a unique id,
    a pattern that does not compile, or a unit surface that does not convert through
    pint to the canonical unit it names: a broken rule fails at load, not on the
    abstract that happens to reach it."""
    from extractors.units import CANONICAL_UNITS, UnitError, conversion_factor

    unknown = set(raw) - _SECTIONS
    if unknown:
        raise RulesError(f"unknown sections in rules.toml: {sorted(unknown)}")
    seen: set[str] = set()
    tables = {"unit": raw["unit"], "counted.noun": raw["counted"]["noun"]}
    tables["word_quantity"] = raw["word_quantity"]
    for table, rows in tables.items():
        for row in rows:
            where = f"[[{table}]] {row.get('id') or row.get('pattern')!r}"
            extra = set(row) - _TABLE_KEYS[table]
            if extra:
                raise RulesError(f"{where}: unknown keys {sorted(extra)}")
            rid = row.get("id")
            if not rid or rid in seen:
                raise RulesError(f"{where}: every rule needs an id of its own")
            seen.add(rid)
            try:
                re.compile(row["pattern"])
            except re.error as exc:
                raise RulesError(f"{where}: pattern does not compile: {exc}") from None
            canonical = row.get("canonical") or row.get("unit")
            if canonical not in CANONICAL_UNITS:
                raise RulesError(f"{where}: {canonical!r} is not a canonical unit")
            if "pint" in row:
                for prefix in ("", "kilo", "mega", "giga") if "{P}" in row["pint"] else ("",):
                    try:
                        conversion_factor(row["pint"].replace("{P}", prefix), canonical)
                    except UnitError as exc:
                        raise RulesError(f"{where}: {exc}") from None


@lru_cache(maxsize=1)
def load_lexicon(path: Path = RULES_PATH) -> Lexicon:
    """Read and compile the rules file (cached: one compile per process)."""
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    check_rules(raw)
    counted = raw["counted"]
    nw = {k: float(v) for k, v in raw["number_words"].items()}
    word_alt = "|".join(sorted((re.escape(w) for w in nw), key=len, reverse=True))
    qual_before = []
    for sym, phrases in raw["qualifier"].items():
        if sym == "after":
            continue
        for ph in phrases:
            qual_before.append((re.compile(r"(?:^|(?<=[\s(]))(?:" + ph + r")\s*$", re.I), sym))
    # longest phrases first so "no more than" wins over "more than"
    qual_before.sort(key=lambda t: -len(t[0].pattern))
    qual_phrases = sorted(
        ((ph, sym) for sym, phs in raw["qualifier"].items() if sym != "after" for ph in phs),
        key=lambda t: -len(t[0]),
    )
    qualifier_re = re.compile(
        # "up to a 3x reduction", "nearly an 8% gain", "by up to a factor of 10": an
        # article (or "factor of") between the hedge and the number, which a caller may
        # already have stripped of its trailing space; a sign may be glued to what it
        # bounds ("p<0.001", "κ>0.80"); not a "~", which glued is LaTeX's tie
        # ("Amos22:~88.64\\%"). Each phrase is marked by an empty group after it, not one
        # around it: an alternative that opens with its first letter is skipped at a glance
        # where that letter is not, while one that opens with a group is entered at every
        # word (3x slower, and this runs for every quantity); `m.lastgroup` names the
        # phrase either way
        r"(?:^|(?<=[\s(\-–—])|(?=[<>≤≥≈∼]))(?:"
        + "|".join(f"{ph}(?P<q{i}>)" for i, (ph, _) in enumerate(qual_phrases))
        + r")(?:\s+(?:an?|only|just))?(?:\s+(?:a\s)?factor\sof)?\s*$",
        re.I,
    )
    d = raw["direction"]
    k = raw["kind"]
    role = raw["role"]
    names = raw["names"]
    name_left = EndAnchored(names["left"])
    return Lexicon(
        unit_re=_alternation(raw["unit"], "u"),
        units=tuple(
            UnitRule(r["pint"], r["canonical"], r.get("metric"), id=r["id"]) for r in raw["unit"]
        ),
        noun_re=_alternation(counted["noun"], "n", re.IGNORECASE),
        nouns=tuple(
            UnitRule(
                r["pint"], r["canonical"], r.get("metric"), r.get("other_plural", False), r["id"]
            )
            for r in counted["noun"]
        ),
        modifier_re=re.compile(counted["modifier"]),
        max_modifiers=int(counted["max_modifiers"]),
        stop_words=frozenset(counted["stop"]),
        not_nouns=frozenset(counted["not_nouns"]),
        dataset_items_re=re.compile(r"(?:" + counted["dataset_items"]["before"] + r")\s$", re.I),
        dataset_word_re=re.compile(counted["dataset_items"]["container"], re.I),
        not_dataset_items=frozenset(w.lower() for w in counted["dataset_items"]["not_items"]),
        number_words=nw,
        bare_hints=tuple((re.compile(h["pattern"]), h["unit"]) for h in raw["bare_hint"]),
        bare_hints_after=tuple(
            (re.compile(h["pattern"], re.I), h["unit"]) for h in raw["bare_hint_after"]
        ),
        number_word_re=re.compile(r"\b(?:" + word_alt + r")\b", re.IGNORECASE),
        magnitudes={kk: float(v) for kk, v in raw["magnitude_words"].items()},
        word_quantities=tuple(_word_quantity(r) for r in raw["word_quantity"]),
        qualifier_re=qualifier_re,
        qualifier_syms=tuple(sym for _, sym in qual_phrases),
        qualifier_after=tuple(raw["qualifier"]["after"].items()),
        up_re=_words(d["up"]),
        down_re=_words(d["down"]),
        lower_is_better=frozenset(w.lower() for w in d["lower_is_better"]),
        implied_metric=dict(d["implied_metric"]),
        change_before_re=re.compile(r"(?:" + "|".join(k["change_before"]) + r")\s*$", re.I),
        change_after_re=re.compile(r"^\s*(?:" + "|".join(k["change_after"]) + r")", re.I),
        change_margin_re=re.compile(k["change_margin_before"], re.I),
        # ("99%+ of the baseline performance": a share "or more")
        proportion_after_re=re.compile(r"^\+?\s*(?:" + "|".join(k["proportion_after"]) + r")"),
        proportion_before_re=re.compile(r"(?:" + "|".join(k["proportion_before"]) + r")\s*$", re.I),
        setup_units=frozenset(role["setup_units"]),
        result_cue_re=_words(role["result_cues"]),
        count_result_left_re=re.compile(role["count_result_left"], re.I),
        score_noun_re=re.compile(
            rf"(?P<metric>\b(?:(?!(?:and|or|of|the|an?|with|its|their)\s)[A-Za-z-]+\s)?(?:{'|'.join(raw['score_noun']['nouns'])}))"
            + raw["score_noun"]["link"],
            re.I,
        ),
        metric_after_re=re.compile(
            rf"\s(?P<metric>(?:[\w-]+\s)?(?:{'|'.join(raw['score_noun']['nouns'])}))\b"
            r"(?!\s(?:degradation|drops?|loss|gains?|improvements?|increases?|decreases?|"
            r"reductions?|boosts?))",
            re.I,
        ),
        measured_head_re=re.compile(
            r"(?P<np>(?:[A-Za-z][\w-]*\s(?:and\s)?){0,3}(?:"
            + "|".join(k["measured_heads"])
            + r"))\b",
            re.I,
        ),
        setting_re=_setting_re(raw["setting"]),
        setup_share_re=re.compile(
            # (the rest of a list may come first: "under 1%, 5%, and 10% labeled data")
            SHARE_LIST_REST
            + r"\s(?:(?!of\b)[\w-]+\s){0,3}?(?:"
            + "|".join(role["setup_share_nouns"])
            + r")\b",
            re.I,
        ),
        task_demand_re=re.compile(role["task_demand_left"], re.I),
        found_before_re=re.compile(role["found_before"], re.I),
        found_nouns=frozenset(role["found_nouns"]),
        name_left=name_left,
        name_right_re=re.compile("|".join(f"(?:{p})" for p in names["right"])),
        capitalised_before_re=re.compile(names["capitalised_before"]),
        year_re=re.compile(names["years"]),
        model_family_re=re.compile(
            r"^(?:" + "|".join(raw["attribution"]["model_families"]) + r")(?![a-z])", re.I
        ),
        not_benchmark_re=re.compile(
            r"(?:" + "|".join(raw["attribution"]["not_names"]) + r")", re.I
        ),
        agent_head_re=re.compile(r"(?:" + "|".join(raw["attribution"]["agent_heads"]) + r")", re.I),
        task_metrics=tuple(
            (re.compile(pattern, re.I), metric)
            for pattern, metric in raw["attribution"].get("task_metrics", {}).items()
        ),
    )
