"""Fill in kind, role, direction, qualifier, metric and baseline of a found quantity.

Each field comes from a few words around the quantity in its (normalised) sentence,
looked up in the lexicons of ``rules.toml``. No parser: the words next to a number
decide almost every case, and this runs on every mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import NamedTuple

from extractors.lexicon import SHARE_LIST_REST, Lexicon
from extractors.quantities import RawQuantity

_CLAUSE_BREAK = re.compile(r"[;:!?]|\.\s|,\s(?:and|but|while|whereas|which|with)\b|\bwhile\b")
_WORD = re.compile(r"[A-Za-z][\w@+./'-]*[\w%]|[A-Za-z]")
_BASELINE_AFTER = re.compile(
    # "by more than 50% compared to LoRA": a bound's "than" compares nothing
    r"\b(?:than(?!\s(?:\$?[\d.]|half\b|twice\b|(?:one|two|three|four|five|ten)\b))|"
    r"(?i:compared) (?:to|with)|(?i:in) (?:comparison|contrast) (?:to|with)|"
    r"(?i:relative) to|(?i:unlike)|"
    r"versus|vs\.?|"
    r"against|with respect to|over(?! \$?\d| (?:a|an|the)? ?(?:wide|range|variety|\d))|"
    r"from(?= (?:the )?(?:baseline|original|vanilla|standard)))\s"
    r"(?:(?:that|those) of\s)?(?P<np>(?:[^,;.()]|\.(?=\d)){1,80}?)"
    r"(?=\s?(?:[,;()]|\.\s|\.$|$|\bon\b|\bin\b|\bwith\b|\bwhile\b|\bwhen\b|\bacross\b|"
    r"\bat\b|\bfor\b|\bby\b|\band (?:achieves|reduces|"
    r"improves|requires)\b|\band\s(?=\$?\d)|\bwhich\b|\bwhere\b|\busing\b|\bwithout\b))"
)
_BASELINE_VERB = re.compile(
    r"\b(?:outperform\w*|outscor\w*|surpass\w*|beat\w*|exceed\w*|improv\w* (?:up)?on|"
    r"trail\w* (?:behind)?|instead of|reaches parity with)\s"
    r"(?P<np>(?:[^,;:.()]|\.(?=\d)){1,100}?)"
    r"(?=\s(?:by|with|on|in|across|at|while|when)\b|[,;:.()]|$)"
)
# "accelerates SiT training by 17x": the named model that is sped up is the baseline
_SPED_UP_NAME = re.compile(
    r"\b(?:accelerat\w*|speeds? up|speeding up|sped up)\s(?:the\s)?"
    r"(?P<np>[A-Z][\w.-]*[A-Z0-9][\w.-]*|[A-Z][a-z]+[A-Z][\w.-]*)(?:'s)?\s"
    r"(?:training|inference|sampling|convergence|decoding|generation|fine-tuning)\b"
)
_APPOSITIVE = re.compile(r",\s(?P<name>[A-Z][\w.-]*[A-Z0-9][\w.-]*),")
_OF_POSSESSOR = re.compile(r"%\sof\s(?:the\s)?(?P<np>[A-Z][\w.-]*(?:\s[\w.-]+){0,3})'s\b")
_NP_AFTER = re.compile(r"^\s?(?:of\s)?(?:the\s)?(?P<np>(?:[A-Za-z][\w@.+/-]*\s?){1,3})", re.UNICODE)
_NP_BEFORE = re.compile(
    r"(?P<np>(?:[A-Za-z][\w@.+/-]*\s){0,2}[A-Za-z][\w@.+/-]*)\s(?:of|by|to|at|is|was|=|:|from|reaches|"
    r"reached|achieves|achieved)\s"
    r"(?:up to\s|about\s|nearly\s|over\s|around\s|only\s|just\s|merely\s)?$"
)
# "13 percent over standard zero-shot classification", "80% and 77% compared to DiT": what
# follows a comparison word is the thing compared against (the baseline), not the metric
_COMPARED_AFTER = re.compile(
    r"^\s?(?:than|over|compared|comparing|vs\.?|versus|relative to|against|beyond|with|while|"
    r"when|and|or|from|by|across|at|under|below|above|respectively|along|alongside|together|per|"
    r"due|thanks)\b|^\s?(?:on|in)\s(?:the\s)?(?-i:[A-Z])",  # "85% on NTU 60" names a benchmark
    re.I,
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
    relative absolute average overall significant substantial consistent notable
    best worst highest lowest often always usually typically generally still even already
    mostly""".split()
)
# a size hyphened to the noun it modifies ("8-second clips", "360-degree videos", "30-meter
# resolution imagery") describes a thing of the experiment
_SETUP_HYPHEN = re.compile(
    r"^\d[\d.,]*[kKMBG]?-(?:second|minute|hour|day|layer|bit|step|degree|met(?:er|re)|[ckm]?m\b)"
)
# (not an error in degrees or metres: "a 2.08-degree average control error", "0.5-meter
# error"; a "48-hour prediction error" is one over a horizon, a setting)
_ERROR_AFTER = re.compile(r"\s(?:[\w-]+\s){0,2}(?:errors?|accuracy|precision|deviations?|drift)\b")


@dataclass(frozen=True, slots=True)
class Fields:
    """The classified fields of one quantity."""

    kind: str
    role: str
    direction: str | None
    qualifier: str
    metric: str | None
    baseline: str | None
    benchmark: str | None = None
    subject: str | None = None
    rules: tuple[str, ...] = ()


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, start):
        lo = m.end()
    m = _CLAUSE_BREAK.search(text, end)
    return lo, (m.start() if m else len(text))


_ARTICLE_END = re.compile(r"\ban?\s*$", re.I)
# a number that makes a span of time into an adjective: "a 25-day study", "a 3-year period"
_SPAN_OF_TIME = re.compile(
    r"[\d.,]+-(?:second|minute|hour|day|week|month|year|session|round|episode)\b"
)


def qualifier_of(text: str, q: RawQuantity, lex: Lexicon) -> str:
    """``=`` unless a hedge or bound stands right before (or after) the quantity."""
    left = text[max(0, q.start - 40) : q.start].rstrip("($ ")
    left = left + " " if left else left
    tail = left.rstrip()
    m = lex.qualifier_re.search(tail, max(0, len(tail) - 30))
    if m and not (_ARTICLE_END.search(m.group()) and _SPAN_OF_TIME.match(text, q.start)):
        # ("over a 25-day study" is a preposition of time, not "more than 25 days")
        return _qualifier_symbol(m, lex)
    if re.search(r"\d[kKMB]?\+", text[q.start : q.end]):
        return ">="
    if q.sign is None and text[q.start : q.start + 1] == "+":
        return ">="  # "(+70K labels)": a "+" that is no sign (find.plus_more_than)
    right = text[q.end : q.end + 15].lower()
    for phrase, sym in lex.qualifier_after:
        starts = right.startswith(" " + phrase) or right.startswith(phrase + " ")
        if (starts or right == phrase) and (phrase != "+" or right.startswith("+")):
            return sym
    return "="


def kind_of(text: str, q: RawQuantity, lex: Lexicon) -> tuple[str, str | None]:
    """multiplier / change / proportion / value (claims-spec's ``kind``), and the id of
    the rule that decided it where one of the named kind rules did."""
    kind = _kind_of(text, q, lex)
    if q.unit != "%" or q.value_high is not None:
        return kind, None
    left = text[max(0, q.start - 50) : q.start]
    if (
        kind == "proportion"
        and lex.proportion_before_re.search(left)
        and (lex.score_noun_re.search(left) or _SCORE_OF.search(left))
        and not lex.proportion_after_re.match(text[q.end : q.end + 20])
    ):
        # "an average accuracy of only 38.05%": "only" before a metric's value is no share,
        # as in "only 47.7% accuracy"
        return "value", "kind.metric_named_before"
    if kind != "value":
        return kind, None
    aside = _ASIDE.match(text, q.end)
    if aside and lex.proportion_after_re.match(text[aside.end() : aside.end() + 20]):
        return "proportion", "kind.share_after_aside"
    if _COUNT_THEN_PAREN.search(text, max(0, q.start - 40), q.start) or _PAREN_N_AFTER.match(
        text, q.end
    ):
        return "proportion", "kind.share_of_count"
    return kind, None


# a count and its share in parentheses ("included 703 (59.13%) HC", "identified 172
# (78.2%)", "100 hours (1.4%)"), a share and its count ("18% (n=21) focus on ..."): the
# share of a whole, counted. Not a name's number ("Gemini 2.0 (30.3%)", "mAP@0.5 (52.6%)",
# "Llama 3 (45%)": a capitalised word or a decimal stands before it)
_COUNT_THEN_PAREN = re.compile(
    r"(?:^|(?<![A-Z])(?<![A-Z][\w.-])(?<![A-Z][\w.-]{2})(?<![A-Z][\w.-]{3})(?<![A-Z][\w.-]{4})"
    r"(?<![A-Z][\w.-]{5})(?<![A-Z][\w.-]{6})(?<![A-Z][\w.-]{7})[\s,;:(])"
    r"\d{1,3}(?:,\d{3})*(?:\s[a-z]+){0,2}\s?\(\s?$"
)
_PAREN_N_AFTER = re.compile(r"\s?\(\s?[nN]\s?=\s?\d")
_LEVEL_BOUND = re.compile(r"\b(?:below|under|above|beyond)\s?\$?\(?\s?$")
# a noun of change before the bound: the amount is bounded ("improvements above 35%",
# "keeping the accuracy drop under 2%")
_CHANGE_NOUN_BOUND = re.compile(
    r"(?:\b(?:improvements?|gains?|increases?|reductions?|decreases?|degradations?|losses)|"
    r"\b(?:an?|the|accuracy|performance)\sdrop)\s(?:below|under|above|beyond)\s?\$?\(?\s?$"
)
_CHANGE_VERB_END = re.compile(r"\b(?:reduc|cut|sav|lower|decreas|increas|boost)\w*\s$")
_SCOPE_AFTER = re.compile(r"\s(?:in|on|across|at)\s(?!average\b|most\b|least\b)")
_SCORE_OF = re.compile(r"\bscores?\s(?:of|is|=|:)\s(?:only|just|merely)\s$")
# "7.2% (ChartX) of generated charts": an aside in parentheses between a share and its "of"
_ASIDE = re.compile(r"\s?\([^()\d%]{1,40}\)")


def _kind_of(text: str, q: RawQuantity, lex: Lexicon) -> str:
    if q.kind == "proportion" and q.is_word and _CHANGE_VERB_BEFORE.search(text, 0, q.start):
        return "change"  # "saving half the computation": the amount saved
    if q.kind:
        return q.kind
    if q.unit == "x":
        return "multiplier"
    if q.unit == "pixel":
        return "value"
    if q.sign in ("+", "-", "−"):
        return "change"
    if q.unit in lex.setup_units:
        # "an average increase of 80 words": an amount the count moved by
        if _COUNT_CHANGE_BEFORE.search(text, max(0, q.start - 40), q.start):
            return "change"
        return "value"
    left = text[max(0, q.start - 50) : q.start]
    right = text[q.end : q.end + 60]
    # "drops below 30%", "stays above 90%": a bound of place after a verb of change gives
    # the level reached, not the amount moved ("drops by over 30%" is one)
    level = _LEVEL_BOUND.search(left) and not _CHANGE_NOUN_BOUND.search(left)
    if _SETUP_HYPHEN.match(text[q.start : q.end]) and not lex.change_after_re.match(right):
        return "value"  # "captured by a 360-degree camera": a size of a thing, not an amount
    if _OWN_ASIDE.search(left) and (end := _ASIDE_END.match(right)):
        right = right[end.end() :]  # "performance ($>$25\%) drops"
    elif aside := _AMOUNT_ASIDE_AFTER.match(right):
        right = right[aside.end() :]  # "a 0.0696 (+17.24%) gain": the amount, restated
    if q.value_high is None and (
        lex.change_before_re.search(left)
        or lex.change_after_re.match(right)
        or (not level and lex.change_before_re.search(_strip_qualifier(left, lex)))
    ):
        return "change"
    if (
        q.unit in ("%", "pp")
        and _LIST_ITEM_AFTER.match(right)
        and (head := _HEADING_LIST.search(text, max(0, q.start - 160), q.start))
        and _CHANGE_HEADING.search(head.group("head"))
    ):
        # "significant improvements over the baseline: 7.67% in Driving Score, 22.06% in
        # Success Rate": a list under a heading of change gives its amounts
        return "change"
    if (
        q.value_high is not None
        and (
            _CHANGE_NOUN_OF.search(left)  # in any unit: "PSNR gains of 0.12~0.14 dB"
            or (
                q.unit in ("%", "pp")
                and _CHANGE_NOUN_PAREN.search(left)
                # (a dash range only: "accuracy improvements (50% -> 82%)" is a before and after)
                and not _TO_OR_ARROW.search(text, q.start, q.end)
            )
        )
        and not _VS_OR_TO.match(text, q.end)
    ):
        # "absolute gains of 5-10 points", "significant accuracy drops (10.02% - 72.20%)": a
        # range of amounts of change
        return "change"
    if q.unit == "%" and _OVERHEAD_PAREN.search(text, max(0, q.start - 80), q.start):
        return "change"  # "with minimal overhead (0.02% in parameters)": what it adds
    if (
        q.unit in ("%", "pp")
        and _CHANGE_ASIDE.search(text, max(0, q.start - 90), q.start)
        and not _VS_OR_TO.match(text, q.end)
        and not lex.metric_after_re.match(text[q.end : q.end + 60])  # "(up to 50.8% accuracy)"
    ):
        # "boosts the performance of small models (up to 33%)", "improvements in IID
        # accuracy on Tiny-ImageNet (up to 5.6%)": the aside gives the change's amount
        return "change"
    if q.value_high is None and lex.change_margin_re.search(text, max(0, q.start - 160), q.start):
        return "change"  # "by a wide margin on two benchmarks, namely, 9.3% on A"
    if q.value_high is not None and _BY_RANGE.search(left):
        return "change"  # "improve pass@1 by 1.84% to 14.51%"
    if q.value_high is not None and q.unit in ("%", "pp") and lex.change_after_re.match(right):
        return "change"  # "0.9 to 21.6 percent higher accuracy"
    if q.unit == "%" and (
        _CHANGE_VERB_END.search(left)
        or (not level and _CHANGE_VERB_END.search(_strip_qualifier(left, lex)))
    ):
        return "change"  # "reduces 40%", "accuracy increasing up to 14%"
    if q.unit == "pp":
        return "value" if q.value_high is not None else "change"
    if q.unit == "%" and _SHARE_OF_RANGE.search(left):
        return "proportion"  # "from 2.8M to 0.7M (~25%)": what is left of the original
    if q.unit == "%":
        if lex.proportion_after_re.match(right) or (
            lex.proportion_before_re.search(left)
            and not lex.metric_after_re.match(right)
            and not _SCOPE_AFTER.match(right)  # "achieves only 61.79% in awareness"
            and not _MEASURE_TO_ONLY.search(left)  # "the over-search rate to just 2.3%"
        ):  # "only 30% of the data" is a share, "only 47.7% accuracy" a measured value
            return "proportion"
        if _SHARE_NOUN_AFTER.match(right) or _SETTING_SHARE_AFTER.match(right):
            return "proportion"  # "0.04% training parameters", "at 70% sparsity"
        if _SHARE_AS_SUBJECT.match(right):
            return "proportion"  # "70% expressed acceptance ..., with 37% preferring it":
            # the share of the people who did
        if _SHARE_OF_REFERENCE.match(right):
            return "proportion"  # "achieves about 78%, 90% and 96% performance compared to
            # the fully supervised detector": what part of a reference's performance
    return "value"


# what a bare percentage is a share of when it stands before it: "0.04% training
# parameters", "10% data", "1% labeled samples", "5% annotations"
# (one modifier may come between: "22% activated parameters", "18.4% inference time",
# "5% scribble annotations"; not a comparative, "5% more parameters" is a change)
_SHARE_NOUN_AFTER = re.compile(
    # (the rest of a list may come between: "with 5% and 10% scribble annotations")
    SHARE_LIST_REST
    + r"\s(?:of\b|(?:(?!(?:more|fewer|less|extra|additional|higher|lower|faster|slower|for|in|on|"
    r"at|of|with|without|to|by|under|over|from|and|or|the)\b)[a-z][\w-]*\s)?"
    r"(?:parameters|data|FLOPs|time|tokens|labels|annotations)\b"
    r"(?!\s(?:reductions?|savings?|drops?|increases?|improvements?|gains?|overheads?)\b)|"
    r"(?:labell?ed|annotated) (?:training )?(?:data|samples|examples|images)\b|"
    r"(?:of the )?(?:labels|annotations)\b|"
    # "(34% female, mean age 70)", "outputs being 85% male": the share of the people
    r"(?:male|female|women|men|boys|girls|non-binary)\b)"
)
# a measure brought to a level: "reducing the over-search rate to just 2.3%", "an error of
# only 4%" (a level of the measure, not a share of something)
_MEASURE_TO_ONLY = re.compile(
    r"(?i)\b(?:rates?|ratios?|accuracy|errors?|precision|recall|scores?|F1|AUC)"
    r"(?:\s(?:[\w-]+\s){0,3}?(?:to|of|at|is|was|were|reaching|reached|reaches|remains|remained|"
    r"stays|stayed|achieving|achieves|achieved|hitting|hits|peaks at|peaking at)\s|\s?[=:]\s?)"
    r"(?:only|just|merely|a mere)\s$"
)
# the share a method is run at: "at 70% sparsity", "under 50% expert sparsity", "with 40\%
# pruning rate", "under 1%, 5%, and 10% labeled data settings"
_SETTING_SHARE_AFTER = re.compile(
    SHARE_LIST_REST + r"\s"
    r"(?:(?!(?:with|for|across|of|in|on|by|to|from|and|or|the)\s)[a-z][\w-]*\s)?"
    r"(?:sparsity|pruning(?:\s(?:rates?|ratios?))?|(?:mask(?:ing)?|compression)\s(?:rates?|ratios?)|"
    r"(?:labell?ed|annotated)\s(?:training\s)?(?:data|samples|images))\b"
)
# a percentage as the subject of what people did ("71% reported greater trust", "up to
# 90% preferring our approach"; not a passive "97% and 69% reported in ...")
_SHARE_AS_SUBJECT = re.compile(
    r"\s(?:of\s(?:them|the\s\w+)\s)?(?:expressed|expressing|preferred|preferring|favou?red|"
    r"favou?ring|rated|rating|agreed|agreeing|chose|choosing|selected|believed|perceived|"
    r"indicated|reported|reporting)\b(?!\s(?:in|by|for|on|at)\b)"
)
# a percentage of the performance of a reference (the rest of a list may come between)
_SHARE_OF_REFERENCE = re.compile(
    r"(?:\$?,?\s(?:and\s)?(?:about\s|nearly\s)?\$?\d[\d.]*\$?\s?\\?%\$?)*\s(?:of\s(?:the|its)\s)?"
    r"(?:original\s|full\s)?performance\s(?:of|compared\s(?:to|with)|relative\sto)\s"
)
_CHANGE_VERB_BEFORE = re.compile(
    r"\b(?:sav|reduc|cut|lower|decreas|shrink|trim)\w*\s(?:by\s)?(?:about\s|nearly\s|roughly\s)?$",
    re.I,
)
_OVERHEAD_PAREN = re.compile(
    r"(?i)\b(?:overheads?|add(?:s|ed|ing)?\s[^()]{0,40}?)\s?\(\s?"
    r"(?:on average\s|about\s|around\s|under\s|less than\s|below\s|only\s|~\s?)?$"
)
_CHANGE_ASIDE = re.compile(
    r"(?i)\b(?:improv(?:es|ed|ing|ements?)|boost(?:s|ed|ing)?|increas(?:es|ed|ing)|gains?|"
    r"reduc(?:es|ed|ing|tions?)|decreas(?:es|ed|ing)|speed-?ups?)\b[^()\d;:]{1,60}\(\s?"
    r"(?:up to|about|around|nearly|over|approximately|roughly)\s$"
)
# a heading and its colon, then the list so far (amounts with their scopes) up to a number
_HEADING_LIST = re.compile(
    r"(?P<head>[^:;.()]{5,90}):\s(?:[^:;.()]{0,60}?(?:,\s?|\sand\s))*?"
    r"(?:and\s)?(?:up to\s|about\s)?\$?$"
)
# what follows an amount of such a list: its scope, the next item or the list's end
_LIST_ITEM_AFTER = re.compile(r"\$?(?:\s(?:on|in|for|across|at)\s|,|\sand\s|\.|$)")
_VS_OR_TO = re.compile(r"\s?(?:vs\.?|versus|to|→|->)\s")
_COUNT_CHANGE_BEFORE = re.compile(
    r"\b(?:increase|decrease|reduction|drop|gain|growth)s?\s(?:of|by)\s(?:about\s|roughly\s|nearly\s)?$",
    re.I,
)
_SHARE_OF_RANGE = re.compile(
    r"\bfrom\s\$?\d[\d.,]*[kKMBT]?\sto\s\$?\d[\d.,]*[kKMBT]?(?:\s[A-Za-z-]+){0,2}\s?\("
    r"(?:~|∼|≈|about\s|approx\.\s|i\.e\.,?\s|only\s)?\s?$"
)


_PHRASE_BREAK = frozenset("and or but in on with for than compared to of at while".split())


def _qualifier_symbol(m: re.Match[str], lex: Lexicon) -> str:
    """The symbol of the qualifier phrase a :attr:`Lexicon.qualifier_re` match found."""
    return lex.qualifier_syms[int((m.lastgroup or "q0")[1:])]


def _trailing_qualifier(left: str, lex: Lexicon) -> tuple[str, str] | None:
    """``left`` without the qualifier that ends it, and that qualifier's symbol."""
    probe = left.rstrip("($ ")
    m = lex.qualifier_re.search(probe, max(0, len(probe) - 30))
    return (probe[: m.start()], _qualifier_symbol(m, lex)) if m else None


def _without_hedge(gap: str, lex: Lexicon) -> str | None:
    """``gap`` without the hedge that ends it ("and ~", "and up to "), or None when it ends
    in none; a comparison word ("and surpassing") is wording of its own, never stripped."""
    found = _trailing_qualifier(gap, lex)
    return found[0] if found and found[1] in ("~", "<=") else None


def _strip_qualifier(left: str, lex: Lexicon) -> str:
    """``left`` without a trailing qualifier (``more than``), which is no direction."""
    found = _trailing_qualifier(left, lex)
    return found[0] if found else left


_GENERIC_BETTER = re.compile(r"(?i)improv|better|outperform|gain|boost|enhanc|surpass|beat")
# where the clause of a verb's "by" may begin when its object holds a list: a sentence,
# a semicolon, or a comma that opens another clause ("..., while lifting accuracy by 7%")
_WIDE_CLAUSE_START = re.compile(r"[;.]\s|,\s(?:while|whereas|but|which|yet|and\s(?:then|also))\b")


def direction_of(
    text: str,
    q: RawQuantity,
    kind: str,
    metric: str | None,
    lex: Lexicon,
    default: str | None = "up",
) -> str | None:
    """up/down for multipliers and changes, as the named metric moves; ``default`` when
    no word of the clause says which way (an unqualified amount is a gain)."""
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
    left = _strip_qualifier(left, lex)
    right_words = [m.group() for m in _WORD.finditer(right)]
    left_words = [m.group() for m in _WORD.finditer(left)]

    # 1. the word right after, or the head of the noun phrase the number starts (past the
    # close of an aside that holds only the amount: "performance ($>$25\%) drops")
    if _OWN_ASIDE.search(text, max(0, q.start - 12), q.start) and (end := _ASIDE_END.match(right)):
        right = right[end.end() :]
    word = _head_direction(right, lex)
    # 2. the nearest word before, in the clause: "reduces memory by 62%"; a verb that
    # states a result without a direction ends the search ("reduces X by 2x and achieves
    # up to 2x TPS")
    if word is None and re.search(r"\bby\s?$", left):
        # "reduces calls to larger LLMs by 50%": the verb that takes "by" says the way,
        # not a comparative inside its object, even past a list in that object ("reduces
        # error on pitch, rate, and volume by 25-40%")
        by_words = left_words
        if lo > q.start - 90:
            wide = text[max(0, q.start - 90) : q.start]
            wide = wide[max((m.end() for m in _WIDE_CLAUSE_START.finditer(wide)), default=0) :]
            by_words = [m.group() for m in _WORD.finditer(_strip_qualifier(wide, lex))]
        past_clause = len(by_words) - len(left_words)
        for k in range(len(by_words) - 1, -1, -1):
            w = by_words[k]
            if w.lower() == "up" and k and re.fullmatch(r"(?i)spe+d\w*", by_words[k - 1]):
                word = ("up", "speeds up")  # "speeding up the model by 1.44x"
                break
            if (d := _polarity(w, lex)) is not None and not _COMPARATIVE.fullmatch(w):
                if k < past_clause and _GENERIC_BETTER.match(w):
                    # past the clause, a gain word says no more than the default does:
                    # "outperforming A in NTA-IoU, NTL-IoU, and FID by 45.7%, ..."
                    break
                word = (d, w)
                break
    if word is None:
        for k in range(len(left_words) - 1, -1, -1):
            w = left_words[k]
            if w.lower() == "up" and k and re.fullmatch(r"(?i)spe+d\w*", left_words[k - 1]):
                word = ("up", "speeds up")  # "speeds up TTFT by 4x"
                break
            if (d := _polarity(w, lex)) is not None:
                word = (d, w)
                break
            if _NEUTRAL_RESULT_VERB.fullmatch(w):
                break
    # 2b. a heading before a colon: "memory savings: 2.1x", "clear gains: 3.3%"
    if word is None and text[:lo].rstrip().endswith(":"):
        head = text[max(0, lo - 40) : lo]
        for w in reversed([m.group() for m in _WORD.finditer(head)]):
            if (d := _polarity(w, lex)) is not None:
                word = (d, w)
                break
    # 3. further right: "by 36% compared to ... lower"; right after a coordinated number,
    # the words the two share: "a 3.5x and 4x improvement"
    if word is None:
        shared = re.match(r"^\s?(?:and|or|to)\s\$?\d", right)
        for w in right_words if shared else right_words[2:]:
            if (d := _polarity(w, lex)) is not None:
                word = (d, w)
                break
    if word is None:
        return default
    d, w = word
    generic_better = _GENERIC_BETTER.match(w)
    if d == "up" and generic_better and metric and _lower_is_better(metric, lex):
        return "down"
    return d


def _polarity(w: str, lex: Lexicon) -> str | None:
    if lex.down_re.fullmatch(w):
        return "down"
    if lex.up_re.fullmatch(w) and w.lower() not in ("up", "over", "above"):
        return "up"
    return None


# an aside that holds only an amount ("performance ($>$25\%) drops"; not "(p < 0.001)")
_OWN_ASIDE = re.compile(r"\(\s?\$?(?:[<>≈~]|\\sim|\\approx|up to|over|about|nearly)?\$?\s?$")
_ASIDE_END = re.compile(r"^\$?\)")
_AMOUNT_ASIDE_AFTER = re.compile(r"^\s?\(\s?[+\-−]?\$?\d[\d.,]*\s?\\?%?\$?\s?\)")
# "by 1.84% to 14.51%", "by approximately 1 to 4 months": a range of amounts moved
_BY_RANGE = re.compile(
    r"\bby\s(?:(?:up to|between|approximately|about|around|nearly|roughly|over|~)\s?)?$"
)


def _head_direction(right: str, lex: Lexicon) -> tuple[str, str] | None:
    """The way the words right after a number say it moves, and the word: "2.62x faster",
    "80% fewer", "a 5% improvement", "12.5% false rejection increase" (up to a comma, a
    parenthesis or a word that ends the phrase)."""
    head = re.split(r"[,;()]", right, maxsplit=1)[0]
    for w in [m.group() for m in _WORD.finditer(head)][:4]:
        if w.lower() in _PHRASE_BREAK or w.lower() in _NP_END:
            return None
        if (d := _polarity(w, lex)) is not None:
            return d, w
    return None


_DATA_OF = re.compile(
    r"\sof\s(?:[\w-]+\s(?:(?:and|or)\s)?){0,3}(?:speech|audio|video|videos|data|recordings?|footage|"
    r"conversations?|music|dialogues?|time-series|driving|motion|experience|gameplay|interactions?)\b"
)
_SPANNING = re.compile(
    # ("clips totaling 22.7 hours", "videos ranging from 2 to 40 minutes", "patients
    # ranging from 10 to 90 years of age": how much or how long the data is)
    r"(?i:\b(?:spanning|covering|over a period of|collected over|totall?ing|ranging from|"
    r"in total of|a total of)\s(?:more than\s|over\s|about\s|nearly\s|approximately\s)?)$"
)
_HANDLES = re.compile(r"(?i)\b(?:process\w*|handl\w*|runs?|generat\w*|requir\w*|takes?)\b[^,;.]*$")
_COMPARATIVE = re.compile(r"(?i)[a-z]+er|more|less|fewer|extra|additional")
_NEUTRAL_RESULT_VERB = re.compile(
    r"(?i)(?:achiev|attain|yield|deliver|obtain|provid|offer)(?:e|es|ed|ing|s)?"
)


def _lower_is_better(metric: str, lex: Lexicon) -> bool:
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", metric)}
    if words & _HIGHER_IS_BETTER:
        return False  # "energy efficiency", "memory savings", "error reduction"
    # a hyphened entry is one name ("BD-rate"; not the "BD" of "BD-PSNR")
    hyphened = {w.lower() for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)+", metric)}
    return bool((words | hyphened) & lex.lower_is_better)


_HIGHER_IS_BETTER = frozenset(
    """efficiency effectiveness accuracy throughput speed speedup saving savings reduction
    quality""".split()
)
# words that end the noun phrase a number starts ("by 10% without any degradation")
_NP_END = frozenset(
    "without despite although though while whereas across over under via through per "
    "after before during as when since because".split()
)


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


_COMPARATOR = re.compile(
    r"(?i)^(?:than|compared|over|vs\.?|versus|relative|against|on|in|at|for)\b"
)
_SPEED_NOUN = re.compile(
    r"^\s?(?:[-‐]\s?)?(?P<np>(?:[\w-]+\s){0,2}?)(?:speed-?ups?|acceleration|faster)\b", re.I
)
_CHANGE_NOUN = (
    r"(?:savings?|saving|reductions?|improvements?|enhancements?|increases?|decreases?|gains?|"
    r"boosts?|drops?|degradation|cuts?)"
)
_CHANGE_HEADING = re.compile(
    r"(?i)\b(?:"
    + _CHANGE_NOUN
    + r"|improv(?:es|ed)|increas(?:es|ed)|reduc(?:es|ed)|boost(?:s|ed))\b"
)
_CHANGE_NOUN_OF = re.compile(
    r"(?i)\b"
    + _CHANGE_NOUN
    # what changed may be named between: "improvements in word error rate (WER) ranged from"
    + r"(?:\s(?:in|on)\s[^,;.()%\d]{1,40}?(?:\s\([\w-]+\))?(?=\s(?:of|(?:that\s)?rang)))?"
    + r"\s(?:of\s|(?:that\s)?rang(?:e|es|ed|ing)\s(?:from|between)\s)?"
    + r"(?:(?:about|around|roughly|approximately|up to|between|over|more than|nearly|almost|"
    + r"at least|as much as)\s)?$"
)
_TO_OR_ARROW = re.compile(r"\sto\s|→")
_FROM_END = re.compile(r"\bfrom\s$")
_CHANGE_NOUN_PAREN = re.compile(r"(?i)\b" + _CHANGE_NOUN + r"\s?\(\s?(?:~|≈|\$\\sim\$)?\s?$")
# "5.6 times memory saving", "a 30% accuracy gain"
_NP_CHANGE_AFTER = re.compile(
    r"^\s?(?:[-‐]\s?)?(?P<np>(?:[\w-]+\s){1,2}?)" + _CHANGE_NOUN + r"\b", re.I
)
# "a model size reduction of 0.52"
_NP_CHANGE_BEFORE = re.compile(
    r"(?P<np>[\w-]+(?:\s[\w-]+)?)\s" + _CHANGE_NOUN + r"\s(?:of|by)\s(?:up to\s|about\s)?$", re.I
)
# a verb that gives an amount its noun: "gives gains of", "yields a reduction of"
_GIVING = (
    r"\b(?:(?:give|yield|bring|show|provide|offer|deliver|achieve|obtain|see|make|produce|"
    r"report|lead|result)(?:s|ed)?|has|have|gave|brought|showed|shown|saw|made|led|"
    r"giving|yielding|bringing|showing|providing|offering|delivering|achieving|obtaining|"
    r"seeing|making|producing|reporting|leading|resulting)"
)
_GIVING_VERB = re.compile(_GIVING + r"$", re.I)
_GIVES_CHANGE = re.compile(
    _GIVING
    + r"\s(?:an?\s)?(?:(?:absolute|relative|average|consistent|significant|substantial|notable|"
    r"remarkable|large|modest|further|additional|clear|strong)\s)*" + _CHANGE_NOUN + r"$",
    re.I,
)
_IN_NAME_AFTER = re.compile(
    r"^\s?in\s(?P<np>(?-i:[A-Z])[\w@.+/-]*(?:\s(?:scores?|values?))?)(?![\w-])"
)
_AMOUNT_AND = re.compile(
    r"\d[\d.,]*\$?\s?(?:\\?%|x\b|×|\\?times)\$?\s(?:and|or)\s(?:(?:reduc|improv|increas|decreas|"
    r"boost|lower|rais|enhanc|cut)\w*\s)?(?:the\s|its\s|their\s)?"
)
_CHANGE_VERB_LEFT = re.compile(
    r"\b(?:reduc\w*|improv\w*|increas\w*|decreas\w*|boost\w*|accelerat\w*|cut\w*|"
    r"lower\w*|rais\w*|enhanc\w*|speed\w* up|sav\w*|shrink\w*|compress\w*|halv\w*)\s"
    r"(?:the\s|its\s|their\s|our\s)?"
    r"(?P<np>[^,;()]{1,50}?)\s(?:by|of|on|in|\()\s?[^,;]{0,25}$"
)
_NP_BY_END = re.compile(r"(?P<np>[^,;()\d][^,;()]{0,49}?)\s(?:by|of)\s?[^,;\d]{0,25}$")
_OF_POSSESSIVE = re.compile(
    r"^\s?of\s(?:the\s)?(?:[\w.-]+(?:\s[\w.-]+){0,3}'s\s)?(?P<np>(?:[\w-]+\s?){1,3})"
)
_TIME_WORDS = re.compile(
    r"\b(?P<np>(?:training|inference|wall-clock|GPU|compute|total|generation|sampling)\s)?"
    r"(?:time|cost|budget|latency)\b",
    re.I,
)
_UNIT_DEFAULT_METRIC = {
    "second": "time",
    "GPU_hour": "training time",
    "USD": "cost",
    "FLOP": "FLOPs",
    "FLOP/second": "throughput",
    "byte": "memory",
    "bit": "precision",
    "joule": "energy",
    "watt": "power",
    "per_second": "speed",
}


_NOT_A_METRIC = frozenset(
    "each test network method them it results ranging varying factor factors".split()
)
# a phrase of these words alone names nothing measured: "64% before", "(81%) respectively"
_FILLER = frozenset(
    "before after respectively alone overall only while whereas versus vs across when with "
    "without".split()
)


def _junk_metric(np: str, lex: Lexicon) -> bool:
    """Phrases that are verbs, comparison words or fillers, not what is measured."""
    words = np.split()
    first = words[0].lower()
    return (
        (first in _NOT_A_METRIC and not (first == "test" and len(words) > 1))  # "test MSE"
        or first in lex.number_words
        or first in lex.not_nouns
        or bool(lex.up_re.fullmatch(first) or lex.down_re.fullmatch(first))
        or first in ("scores", "score", "accomplish", "sacrifices", "achieved", "reported")
        or all(w.lower().strip(".,;:") in _FILLER for w in words)
    )


def _plural(noun: str) -> str:
    """``layer`` -> ``layers`` (``8-layer`` counts layers)."""
    words = noun.split()
    if not words or words[-1].endswith(("s", "people", "children", "men", "fish", "staff")):
        return noun
    if not words[-1][-1:].isalpha():
        return noun
    return " ".join([*words[:-1], words[-1] + "s"])


def metric_of(text: str, q: RawQuantity, kind: str, lex: Lexicon) -> str | None:
    """A short phrase for what is measured, from the words around the quantity."""
    metric = _metric_of(text, q, kind, lex)
    if metric and q.unit not in ("count", "sample", "step", "token") and _junk_metric(metric, lex):
        # "50% of the speed-ups": a word that implies its metric names it
        return lex.implied_metric.get(metric.split()[0].lower())
    return metric


def _metric_of(text: str, q: RawQuantity, kind: str, lex: Lexicon) -> str | None:
    if q.unit == "parameter":
        return "model parameters"
    if q.unit == "score" and (
        _P_VALUE.match(text, q.start, q.end) or _P_BEFORE.search(text, max(0, q.start - 8), q.start)
    ):
        return "p-value"  # "(p < 0.05)"
    if q.metric:
        # "structural similarity index (SSIM) of 0.990": the name the text gives it
        m = _ACRONYM_BEFORE.search(text, max(0, q.start - 40), q.start)
        if not m:
            return q.metric
        return m.group("np") if _junk_metric(q.metric, lex) else f"{q.metric} ({m.group('np')})"
    if q.noun and q.unit not in ("%", "x", "pp"):
        np = _trim_np(q.noun) or q.noun
        return _plural(np) if q.unit in ("count", "step", "sample", "token") else np
    lo, hi = _clause_bounds(text, q.start, q.end)
    right = text[q.end : min(hi, q.end + 60)]
    left = _strip_qualifier(text[max(lo, q.start - 80) : q.start], lex)
    if q.unit == "pp":
        # "by 50.56 macro-F1 score points": the points are of the metric they name
        m = _POINTS_OF.search(text, q.start, q.end)
        if m:
            return m.group("np")
    if kind == "multiplier":
        # "up to 2x TPS", "over 1,000x training efficiency": the measured noun it multiplies
        m = _MULTIPLIED_NOUN.match(right) or lex.measured_head_re.match(right, 1)
        mods = m.group("np").split()[:-1] if m else []
        if m and not any(_not_noun(w, lex) or w.lower() in lex.stop_words for w in mods):
            return m.group("np")
    if kind in ("multiplier", "change"):
        # "28.6x training speedup", "2.62x faster"
        sp = _SPEED_NOUN.match(right)
        if sp:
            np = _trim_np(sp.group("np") or "")
            return f"{np} speed" if np else "speed"
        # "80% fewer training steps", "500X reduction in inference cost"
        m = re.match(r"^\s?(?:[-‐]\s?)?(?P<adj>\w+(?:-\w+)?)(?P<rest>[^,;()]*)", right)
        if m:
            adj = m.group("adj").lower()
            rest = m.group("rest").strip()
            if lex.up_re.fullmatch(adj) or lex.down_re.fullmatch(adj):
                rm = re.match(r"^(?:in|of|on)\s(?:the\s)?(?P<np>[^,;()]+)", rest)
                cand = rm.group("np") if rm else ("" if _COMPARATOR.match(rest) else rest)
                np = _trim_np(" ".join(cand.split()[:3]))
                if np:
                    return np
            if adj in lex.implied_metric:
                return lex.implied_metric[adj]
        for pat, part in ((_NP_CHANGE_AFTER, right), (_NP_CHANGE_BEFORE, left)):
            cm = pat.search(part)
            np = _trim_np(cm.group("np")) if cm else None
            if np and _GIVING_VERB.search(np):
                np = None  # "Fine-tuning gives gains of 12%": what gives them is no metric
            if np and not _junk_metric(np, lex) and not re.search(r"\d", np):
                return np  # not "3.5x and 4x improvement": another number is no metric
        # "reduces wall-clock time by 36%", "improves performance on GSM8K (+10.5%)"
        lm = _CHANGE_VERB_LEFT.search(left)
        if lm:
            # "reduces MBE by 50% and improves cross-entropy by", "training time by 3.4x
            # and GPU memory usage by": past another amount, what follows its "and"
            np = _AMOUNT_AND.split(lm.group("np"))[-1]
            # "improves AUROC by 4.7% and FPR@95 by": the amount before may sit in the
            # tail the verb's phrase allows, not in its noun phrase
            tail = _AMOUNT_AND.split(left[lm.start("np") :])
            if len(tail) > 1 and (tm := _NP_BY_END.match(tail[-1])):
                np = tm.group("np")
            np = _trim_np(" ".join(np.split()[-4:]))
            if np:
                return np
        # "a speedup of 1.22x", "an improvement of 3% in accuracy"
        m2 = re.search(r"(?P<w>\b[\w-]+)\s(?:of|by)\s(?:up to\s|about\s)?$", left)
        if m2 and m2.group("w").lower() in lex.implied_metric:
            return lex.implied_metric[m2.group("w").lower()]
        rm = re.match(r"^\s?(?:\w+\s){0,2}?(?:in|on)\s(?:the\s)?(?P<np>[\w-]+(?:\s[\w-]+)?)", right)
        if rm and kind == "change":
            np = _trim_np(rm.group("np"))
            if np and np[0].islower():
                return np
        # "by 42.3% in ECE", "by 3 dB in PSNR": a name right after "in" is what changed
        # (a benchmark's name is taken back by attribution, which knows the paper's)
        rm = _IN_NAME_AFTER.match(right) if kind == "change" else None
        if rm and (np := _trim_np(rm.group("np"))) and not lex.model_family_re.match(np):
            return np
        if kind == "multiplier" and re.search(r"(?i)speed|faster|accelerat", text):
            return "speed"
    if kind in ("value", "proportion") and q.value_high is None:
        # "reduces KV cache size -down to 3.9%", "cut the steps to one-third of": what was cut
        m = _CHANGED_TO_METRIC.search(left)
        if m and (np := _tail_np(m.group("np"), lex)) and not _junk_metric(np, lex):
            return np
    if kind == "proportion":
        m = _OF_POSSESSIVE.match(right)
        if m:
            np = _trim_np(m.group("np"))
            if np:
                return np
    if kind == "value":
        # "a 20 Hz sampling rate", "88.5 degrees median error": a measured noun after it
        m = lex.measured_head_re.match(right, 1) if right.startswith(" ") else None
        mods = m.group("np").split()[:-1] if m else []
        if m and not any(_not_noun(w, lex) or w.lower() in lex.stop_words for w in mods):
            return m.group("np")
    if q.unit in _UNIT_DEFAULT_METRIC:
        m = _TIME_WORDS.search(text) if q.unit in ("second", "GPU_hour", "USD") else None
        if m:
            return m.group().strip()
        if q.unit == "second" and re.search(r"(?i)\btrain", text):
            return "training time"
        return _UNIT_DEFAULT_METRIC[q.unit]
    m = lex.metric_after_re.match(right) if q.unit in ("%", "pp", "score") else None
    if m and (np := _trim_np(m.group("metric"))):
        return np  # "47.7% accuracy", "0.9 win rate"
    after = None
    m = _NP_AFTER.match(right)
    if m and q.unit in ("%", "score", "pp") and not _COMPARED_AFTER.match(right):
        after = _trim_np(m.group("np").rstrip(" .,;:"))
        if after and _junk_metric(after, lex):
            after = None
        if after and not after[0].isdigit() and m.group("np").startswith(after):
            return after  # "up to 67.3% F1 score": a noun right after the number
    np = _metric_before(left, lex)
    if np:
        return np
    if kind == "value":
        # "angular and distance errors (6.3 deg": the measured noun the parenthesis follows
        m = _PAREN_AFTER_HEAD.search(text, max(0, q.start - 80), q.start)
        head = lex.measured_head_re.search(m.group("np")) if m else None
        if head and head.end() == len(m.group("np")):
            np = _head_np(head.group("np"), lex)
            if np:
                return np
        # "(Bone: 80% vs. 46%", "(AUC: 0.91)": the label before a colon
        m = _LABEL_BEFORE.search(text, max(0, q.start - 40), q.start)
        named = m and (_CAMEL.search(m.group("np")) or lex.model_family_re.match(m.group("np")))
        if m and not named and not _not_noun(m.group("np").split()[-1], lex):
            np = _lead_trim(m.group("np"), lex)
            if np and not _junk_metric(np, lex):
                return np
    if kind == "value" and left != text[max(lo, q.start - 80) : q.start]:
        # "a detection rate exceeding 98% with ...": a bound word links the noun before
        np = _metric_across_bound(left, lex)
        if np:
            return np
    if after and not after[0].isdigit() and not lex.model_family_re.match(after):
        return after  # not "80% for GPT-4o": a model's name is whose, not what
    return None


def _metric_before(left: str, lex: Lexicon) -> str | None:
    """The metric a value is stated of, from the words before it: ``a MAPE of 6.46%``,
    ``(SSIM) of 0.990`` (the acronym the text defines)."""
    m = _ACRONYM_BEFORE.search(left)
    if m:
        # both names, so either one agrees: "word error rate (WER)"
        named = _NP_BEFORE_PAREN.search(left, 0, m.start())
        name = _tail_np(named.group("np"), lex) if named else None
        return f"{name} ({m.group('np')})" if name else m.group("np")
    m = _NP_BEFORE.search(left)
    if m:
        if _BEATEN.search(left):
            return None  # "outperforms the baselines by 2x": what is beaten, not measured
        if _GIVES_CHANGE.search(m.group("np")):
            return None  # "Fine-tuning gives gains of 12%": who gives it, not what
        np = _tail_np(m.group("np"), lex)
        if np and lex.model_family_re.match(np):
            return None  # "improve DeepSeek-R1 from 54.0": a model is not what is measured
        return np
    return None


def _metric_across_bound(left: str, lex: Lexicon) -> str | None:
    """``error detection rate exceeding 98%``, ``angular error within 10 degrees``: the noun
    right before a bound word (``left`` is the text before it), when it is a noun."""
    m = _NP_DIRECT.search(left)
    if (
        not m
        or lex.qualifier_re.search(left, max(0, len(left) - 30))
        or re.search(r"(?:ed|ing|ly)$", m.group("np"))
        or _not_noun(m.group("last"), lex)
    ):
        return None
    np = _tail_np(m.group("np"), lex)
    return np if np and not _junk_metric(np, lex) else None


def _head_np(np: str, lex: Lexicon) -> str | None:
    """The nouns and adjectives ending ``np``, back to the first verb, adverb or function
    word (an ``and`` between nouns stays: ``angular and distance errors``)."""
    words = np.split()
    keep: list[str] = []
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        if w.lower() == "and" and keep and k and not _not_noun(words[k - 1], lex):
            keep.insert(0, w)
            continue
        if _not_noun(w, lex) or w.endswith("ly") or _COMPARATIVE.fullmatch(w):
            break
        keep.insert(0, w)
    return " ".join(keep) or None


def _lead_trim(np: str, lex: Lexicon) -> str | None:
    """``np`` without the function words and verbs it starts with."""
    words = np.split()
    while words and _not_noun(words[0], lex):
        words.pop(0)
    return " ".join(words).strip(" .,;:-") or None


def _tail_np(np: str, lex: Lexicon) -> str | None:
    """The noun phrase at the end of ``np``: what follows its last article, verb or
    function word (``yielding a MAPE`` -> ``MAPE``)."""
    words = np.split()
    while words and (
        _not_noun(words[-1], lex) or _PARTICIPLE.search(words[-1]) or words[-1].endswith("ly")
    ):
        words.pop()  # "overall performance dropped (to)", "performance was estimated (at)"
    for i in range(len(words) - 1, -1, -1):
        if _not_noun(words[i], lex):
            words = words[i + 1 :]
            break
    return " ".join(words).strip(" .,;:-") or None


def _not_noun(word: str, lex: Lexicon) -> bool:
    w = word.lower()
    return (
        w in _NOT_METRIC
        or w in _ARTICLES
        or w in lex.not_nouns
        or (bool(lex.up_re.fullmatch(w) or lex.down_re.fullmatch(w)) and w not in _METRIC_NOUNS)
    )


_METRIC_NOUNS = frozenset({"loss", "throughput", "gap"})  # direction words that are also metrics


_ACRONYM_BEFORE = re.compile(
    r"\((?P<np>[A-Za-z][\w@.+/-]*)\)\s(?:(?:score|value|rate)\s)?(?:of|is|was|=|:|reaches|"
    r"reached|achieves|achieved|at)\s(?:only\s|just\s|merely\s)?$"
)
_PARTICIPLE = re.compile(r"^[a-z]{3,}(?<!e)ed$")
# "outperforms both classical and graph-specific baselines by": the object of the verb
# (no preposition between) is what is beaten; "surpasses X in few-shot accuracy by" is not
_BEATEN = re.compile(
    r"(?i)\b(?:outperform|surpass|exceed|beat|outscor|outpac|trail|lag)\w*\s"
    r"(?:(?!(?:in|on|at|for|across|with|of)\s)[\w.+/-]+\s){1,6}by\s$"
)
_PAREN_AFTER_HEAD = re.compile(
    r"(?P<np>[A-Za-z][\w-]*(?:\s(?:and\s)?[A-Za-z][\w-]*){0,3})\s?\(\s?$"
)
_P_VALUE = re.compile(r"[pP]\s?(?:<|>|=|≤|≥|\$<\$)")
_P_BEFORE = re.compile(r"(?<![\w-])[pP]\s?(?:<|>|=|≤|≥|\$<\$|\$>\$)\s?\$?\s?$")
_POINTS_OF = re.compile(
    r"\d\s(?!(?:percentage|percent|absolute|relative|basis)\b)"
    r"(?P<np>[A-Za-z][\w@+/-]*(?:\s(?!points?\b)[A-Za-z][\w@+/-]*)?)\s(?:score\s)?points?\b"
)
_MULTIPLIED_NOUN = re.compile(r"^\s(?P<np>(?-i:[A-Z][A-Za-z]*[A-Z]s?))(?![\w-])(?!\s(?:on|in)\b)")
_CAMEL = re.compile(r"[A-Z][a-z]+[A-Z]|[a-z][A-Z][a-z]{2}")  # "DigiRL: 71.9%" names a system
_LABEL_BEFORE = re.compile(
    r"(?:^|[(,;]\s?)(?P<np>[A-Za-z][\w@+/-]*(?:\s[A-Za-z][\w@+/-]*){0,2}):\s?(?:~|≈|about\s)?$"
)
_CHANGED_TO_METRIC = re.compile(
    r"\b(?:reduc|improv|increas|decreas|boost|rais|lower|cut|compress|shrink|trim|bring|brought)"
    r"\w*\s(?:the\s|its\s|their\s|our\s)?(?P<np>[A-Za-z][\w-]*(?:\s[A-Za-z][\w-]*){0,3})\s?"
    r"(?:[-‐]?(?:down|up)\s)?to\s(?:only\s|just\s|about\s|around\s|nearly\s|under\s|below\s)?$",
    re.I,
)
_NP_BEFORE_PAREN = re.compile(r"(?P<np>(?:[A-Za-z][\w@.+/-]*\s){0,3}[A-Za-z][\w@.+/-]*)\s$")
_NP_DIRECT = re.compile(r"(?P<np>(?:[A-Za-z][\w@.+/-]*\s){0,2}(?P<last>[A-Za-z][\w@.+/-]*))\s?$")
_PRONOUNS = frozenset("them it this that these those they others ours theirs".split())


def _baseline_np(np: str) -> str | None:
    np = re.split(r"'s\b|\s(?=\d[\d.,]*\s?(?:%|×|x\b|FID|SPS|[a-z]))", np)[0]
    np = re.split(r"\s(?:despite|although|though|but|yet|whereas|thanks to)\b", np)[0]
    if re.match(r"(?i)(?:a|an|one)\s(?:second|minute|hour|day|week|few|single|half)\b", np.strip()):
        return None  # "less than a second" is a bound, not a comparison
    np = re.sub(r"^(?:the|a|an|that of|those of|both|all)\s", "", np.strip())
    if re.match(r"(?i)(?:over|under|about|nearly|around|roughly|more|less|by|with|on|in|to)\b", np):
        return None
    np = re.sub(r"'s?$", "", np).strip(" .,:")
    if not np or np[0].isdigit() or np.startswith("$") or np.lower() in _PRONOUNS:
        return None
    if re.match(r"(?i)(?:that|which|what|who|only|the)\b", np):
        return None  # "comparable with that achieved using ...": no name
    return np


class Target(NamedTuple):
    """A comparison target named in a sentence: where, what, whether it holds only for the
    numbers after it, and the rule that read it (empty for the plain ``than X`` forms)."""

    pos: int
    np: str
    forward: bool = False
    rule: str = ""
    own: tuple[int, int] | None = None  # numbers starting in this span take it first
    local: bool = False  # only they take it ("N% of the original steps")


def sentence_baselines(text: str) -> list[Target]:
    """Comparison targets named in a sentence (than X, over X, vs. X, compared to X,
    outperforms X by, the same X as Y, N% of the original X, and Y by N)."""
    out: list[Target] = []
    for m in _BASELINE_AFTER.finditer(text):
        raw = m.group("np")
        np, rule = _baseline_np(raw), ""
        if m.group().startswith(("In contrast", "Unlike")):
            if m.start() > 0:  # only the sentence's frame: "In contrast to X, ...", "Unlike X, ..."
                continue
            rule = "baseline.in_contrast_to"
        elif m.group().startswith(("in contrast", "unlike")):
            continue
        # "compared to the most efficient existing method, REPA, ...": the name it names
        named = _APPOSITIVE.match(text, m.end("np"))
        listed = _INCLUDING.match(text, m.end("np"))
        if named:
            np = named.group("name")
        elif listed:
            np, rule = listed.group("name"), "baseline.including_list"
        elif np is None and _NUMBER_FIRST.match(raw) and _COMPARED_WORD.match(m.group()):
            # "51.6% compared to 69.8% achieved by the CLIP model", "compared to 138.66 with
            # DDIM": the compared number's owner, for the two numbers compared
            owner = _OWNER_AFTER.match(text, m.end("np"))
            np = _baseline_np(owner.group("np")) if owner else None
            if np:
                lo = max(0, m.start() - 60, text.rfind(";", 0, m.start()) + 1)
                span = (lo, m.end("np"))
                out.append(Target(m.start(), np, False, "baseline.compared_number_owner",
                                  own=span, local=True))  # fmt: skip
            continue
        if np:
            out.append(Target(m.start(), np, False, rule))
    for pat in (_BASELINE_VERB, _SAME_AS):
        for m in pat.finditer(text):
            np, rule = _baseline_np(m.group("np")), "baseline.same_as" if pat is _SAME_AS else ""
            listed = _INCLUDING.match(text, m.end("np"))
            if listed:  # "surpassing closed models, including A, B and C"
                np, rule = listed.group("name"), "baseline.including_list"
            if np:
                # "the same loss as Adam while requiring half the steps": for what follows
                out.append(Target(m.start(), np, pat is _SAME_AS, rule))
            if pat is _BASELINE_VERB and _BY_NEXT.match(text, m.end("np")):
                # "outperforms SFT by 14.9 points and DPO by 4.3 points": the next target
                # holds for the numbers after it only
                for more in _AND_BY.finditer(text, m.end()):
                    np2 = _baseline_np(more.group("np"))
                    between = text[m.end() : more.start()]
                    if np2 and ";" not in between and not _BASELINE_VERB.search(between):
                        out.append(Target(more.start("np"), np2, True, "baseline.and_by"))
    for m in _SPED_UP_NAME.finditer(text):
        out.append(Target(m.start(), m.group("np")))
    for m in _OF_POSSESSOR.finditer(text):
        np = _baseline_np(m.group("np"))
        if np:  # the share's own: "10.8% of Stable Diffusion's training time"
            out.append(Target(m.end(), np, own=(m.start() - 12, m.start())))
    for m in _OF_ORIGINAL.finditer(text):
        # "1% of the original training steps"
        out.append(Target(m.end(), m.group("np").strip(), False, "baseline.share_of_original",
                          own=(m.start() - 12, m.start()), local=True))  # fmt: skip
    out.sort()
    return out


# "3.9%, 2%, and 2.73% of the original": the numbers listed before the share's own %
_SHARE_LIST = re.compile(r"(?:(?:,\s?(?:and\s|or\s)?|\s(?:and|or)\s)[~<>]?\$?\d[\d.,]*%?)+")
_BY_NEXT = re.compile(r"\s?(?:\([^()]{1,30}\)\s)?by\s")
_COMPARED_WORD = re.compile(
    r"(?i)compared|in comparison|vs|versus|relative|against"
)  # not "more than"
_NUMBER_FIRST = re.compile(r"^(?:the\s)?(?:over\s|about\s|nearly\s|only\s)?\$?\d")
_OWNER_AFTER = re.compile(
    r"\s?(?:[\w%-]+\s){0,2}?(?:by|with|(?:achieved|reported|obtained|attained)\s(?:by|in|with)|"
    r"(?:for|of|from)(?=\s(?:the\s)?(?:[\w-]+\s){0,2}?(?-i:[A-Z])|"
    r"\s(?:the\s)?(?:[\w-]+\s){0,3}?(?:model|method|baseline|approach|system|agent|network)s?\b))\s"
    r"(?P<np>[^,;.()]{1,60}?)(?=\s?(?:[,;()]|\.\s|\.$|$|\bon\b|\bfor\b|\bat\b|\bwhile\b|\bwhen\b|"
    r"\band\b|\bacross\b|\bunder\b))"
)
_LISTED_NAME = r"[A-Z][\w+/-]*(?:\.\d[\w+/-]*)*(?:[ -](?:[A-Z0-9][\w+/-]*(?:\.\d[\w+/-]*)*)){0,3}"
_INCLUDING = re.compile(
    r",\s(?:including|such as|e\.g\.,?|like|namely)\s(?P<name>"
    + _LISTED_NAME
    + r"(?:(?:,\s(?:and\s|or\s)?|\s(?:and|or)\s)"
    + _LISTED_NAME
    + r")*)(?=[,;.()]|\s|$)"
)
_SAME_AS = re.compile(
    r"\b(?:(?:same|similar|comparable|equivalent)\s(?:[\w-]+\s){0,2}?(?:as|to)|"
    r"(?:comparable|on par)\swith)\s"
    r"(?:that of\s|those of\s)?(?P<np>(?:[^,;.()\[]|\.(?=\d)){1,60}?)"
    r"(?=\s?(?:[,;()\[]|\.\s|\.$|$|\bon\b|\bin\b|\bwith\b|\bwhile\b|\bwhen\b|\bacross\b|"
    r"\bat\b|\bfor\b|\bby\b|\busing\b|\bwithout\b|\bwhere\b|\bwhich\b|\bdespite\b|"
    r"\band (?:superior|better|faster|outperform\w*)\b|\b(?:securing|achieving|reaching|"
    r"obtaining|requiring|making|providing|offering|delivering|maintaining|retaining)\b))"
)
_AND_BY = re.compile(
    r"\band\s(?P<np>[A-Z][^,;.()]{0,60}?)(?:\s\([^()]{1,20}\))?\sby\s"
    r"(?:up to\s|about\s|nearly\s|over\s)?\$?\d"
)
_OF_ORIGINAL = re.compile(
    r"(?:%|\bhalf|\bthird|\bquarter)\sof\s(?:the|its|their)\s"
    r"(?P<np>(?:original|previous|prior|baseline|standard|full|vanilla|default|dense|"
    r"uncompressed|unpruned|teacher)\b[^,;.()]{0,40}?)"
    r"(?=\s?(?:[,;()]|\.\s|\.$|$|\bfor\b|\bwhile\b|\bwhen\b|\bon\b|\bin\b|\bwith\b|"
    r"\band\b|\bat\b|\bto\b))"
)


def baseline_of(text: str, q: RawQuantity, role: str, found: list[Target]) -> Target | None:
    """What a result is compared against: the target that belongs to it (``N% of the
    original X``, and the shares listed before that one), else the nearest comparison
    target after it in the sentence, else the nearest one before it."""
    if role != "result" or not found:
        return None
    own = [t for t in found if t.own and t.own[0] <= q.start <= t.own[1]]
    own += [t for t in found
            if t.own and t.rule == "baseline.share_of_original" and t.own[1] > q.end
            and q.unit == "%"
            and _SHARE_LIST.fullmatch(text, q.end, t.own[1])]  # fmt: skip
    if own:
        return own[0]
    found = [t for t in found if not t.local]
    after = [t for t in found if t.pos >= q.end and not t.forward]
    if after:
        return after[0]
    before = [t for t in found if t.pos < q.start]
    return before[-1] if before else None


def role_of(text: str, q: RawQuantity, kind: str, lex: Lexicon) -> str:
    """result (what the paper claims) or setup (sizes and settings).

    Counts of steps, tokens and compute are settings unless the sentence compares and
    the count is what a method needs or reaches (``needs only 2 iterations``,
    ``in fewer than 150K steps``, ``reduce the dataset from 2.82M to 0.67M``).
    """
    if q.setting:
        return "setup"  # "guidance scale 1.5": a hyperparameter of the experiment
    if (
        kind == "proportion"
        and lex.setup_share_re.match(text, q.end, q.end + 60)
        and not _ACHIEVED_BEFORE.search(text, max(0, q.start - 40), q.start)
    ):
        # "1/3 full attention layers": how an architecture is built; "at 70% sparsity":
        # the setting a method runs at (not "achieves over 92% activation sparsity")
        return "setup"
    if (
        kind == "multiplier"
        and _AT_BEFORE.search(text, max(0, q.start - 12), q.start)
        and _FACTOR_SETTING_AFTER.match(text, q.end)
    ):
        return "setup"  # "1 EM improvement at 5x compression", "at a 28x compression ratio"
    if kind in ("multiplier", "change", "proportion") and q.unit not in ("pixel", "bit"):
        return "result"
    if q.value_high is not None and "→" in text[q.start : q.end]:
        return "result"  # a before → after pair reports what changed
    if q.finding:
        return "result"  # "we identify five distinct failure modes": what the study found
    if q.tally and not _CHOSEN_PART.search(text, max(0, q.start - 40), q.start):
        # "solves 18/20 tasks", "proves 2 of these 20 problems"; not "trained on 5 of the 14"
        return "result"
    if q.unit in ("pixel", "bit", "parameter"):
        return "setup"
    if _SETUP_HYPHEN.match(text[q.start : q.end]) and not (
        q.unit in ("degree", "metre") and _ERROR_AFTER.match(text, q.end)
    ):
        return "setup"
    if (
        q.unit == "second"
        and (_DATA_OF.match(text, q.end) or _SPANNING.search(text, max(0, q.start - 40), q.start))
        and not _HANDLES.search(text, max(0, q.start - 40), q.start)
        and not _measured_physically(text, q)
    ):
        # "300,000 hours of unlabeled speech", "an archive spanning 10 years": how much
        # data, a size of the experiment (not "it can process up to 3 hours of video",
        # nor "timestamp prediction errors ranging from 20 to 120 ms")
        return "setup"
    if q.unit in _PHYSICAL_UNITS and kind == "value" and not _measured_physically(text, q):
        # "at 0.4 degree resolution", "a 24 GHz Doppler radar", "(each measuring 600m x
        # 600m)": a length, angle or frequency no error or rate measures is a setting
        return "setup"
    if q.unit not in lex.setup_units:
        return "result"
    left = _strip_qualifier(text[max(0, q.start - 40) : q.start], lex)
    lo, _ = _clause_bounds(text, q.start, q.end)
    if q.value_high is not None and _CUT_VERB.search(text, lo, q.start):
        return "result"
    if _CUT_FROM.search(text, lo, q.start) and _TO_AFTER.match(text, q.end):
        return "result"  # "reduces decoding steps from 256 to 30": the before of a result
    if _CHANGED_TO.search(text, lo, q.start):
        return "result"  # "extends the context window to 16,384"
    if q.unit == "token" and _LENGTH_NOUN.search(text, q.num_end, q.end):
        return "setup"  # "with a 128K sequence length, it decodes 3x faster": a setting
    if q.unit in ("step", "token", "FLOP"):
        if lex.task_demand_re.search(left):
            return "setup"  # "puzzles requiring over 60 steps" describes the task
        if _STRONG_RESULT_LEFT.search(left) or _STRONG_RESULT_LEFT.search(text[lo : q.start]):
            return "result"
        if (
            lex.count_result_left_re.search(left)
            and lex.result_cue_re.search(text)
            and not _TRAINING_WITH.search(left)
            and not (q.unit == "step" and _WITH_STEPS.search(left))
        ):
            return "result"
    return "setup"


_ACHIEVED_BEFORE = re.compile(
    r"(?i)\b(?:achiev|reach|attain|deliver|yield)\w*\s(?:an?\s)?"
    r"(?:(?:over|up to|nearly|about|approximately|around|more than)\s)*\$?$"
)
_LENGTH_NOUN = re.compile(r"\b(?:sequence|context) lengths?\b")
_PHYSICAL_UNITS = frozenset({"metre", "degree", "hertz", "kilogram"})
# what measures a length, angle or frequency as a result: an error, a distance, a rate,
# a speed ("a mean error of 25.72°", "Hausdorff distances of 4.3-5.0mm", "an accuracy of
# 10 cm at a 20 Hz sampling rate", "speeds at about 30 Hz"), or a verb of reaching it or
# of running at it ("runs at about 30 Hz")
_MEASURED_BY = (
    r"(?:(?i:errors?|accuracy|accuracies|precision|distances?|deviations?|drifts?|rates?|"
    r"speeds?|latency|throughput|offsets?|displacements?|bias|differences?|hausdorff|chamfer)|"
    r"HD95|A?SSD|ASD|CD|"
    # an acronym of an error ("RMSE", "MPJPE", "ATE", "ADE")
    # (not a model's: "VAE", "SAE", "MoE")
    r"(?!(?:VAE|SAE|MOE|DAE|CAE)\b)[A-Z][A-Z-]{0,6}E)"
)
_MEASURED_BEFORE = re.compile(
    # (no stop between: a point inside a number is none, "errors (6.32 +- 4.15°")
    rf"(?:\b{_MEASURED_BY}\b(?:(?!\bfor\b|\.\s)[^;]){{0,60}}|(?:\b(?i:achiev|reach|attain|"
    r"obtain|yield|reduc|improv|lower|cut)\w*|\b(?i:runs?|running|operat\w*)\s(?:\w+ly\s)?at)\b"
    r"(?:(?!\.\s)[^;]){0,30})$"
)
_MEASURED_AFTER = re.compile(rf"^\$?\)?(?:\s[\w-]+){{0,2}}\s{_MEASURED_BY}\b")


def _measured_physically(text: str, q: RawQuantity) -> bool:
    """Whether an error, distance, rate or speed measures the quantity, or a verb of
    reaching or running governs it (then a length or frequency is a result)."""
    lo, _ = _clause_bounds(text, q.start, q.end)
    return bool(
        _MEASURED_BEFORE.search(text, max(lo, q.start - 90), q.start)
        or _MEASURED_AFTER.match(text[q.end : q.end + 60])
    )


# "with 10 sampling steps": a step budget is a setting of the comparison, while
# "converges with 194B tokens" reports the data a method needed
_WITH_STEPS = re.compile(r"(?i)\b(?:with|using)\s(?:an?\s|the\s)?(?:only\s|just\s)?\(?\s?$")
_OPEN_PAREN = re.compile(r"\([^()]*$")  # the text so far ends inside an open parenthesis
_WITH_SIZE = re.compile(r"^,?\s(?:with|using|and)\s(?:only\s|just\s)?$")
_CUT_WORDS = r"(?i)\b(?:reduc|compress|shrink|cut|prun|trim|decreas)\w*"
_CUT_VERB = re.compile(_CUT_WORDS)
# (a point inside a number ends no clause: "decreases from 61.47 GB to 42.72 GB")
_NO_STOP = r"(?:[^,;.]|\.(?=\d))"
_CUT_FROM = re.compile(_CUT_WORDS + rf"\b(?!-){_NO_STOP}{{0,60}}\bfrom\s\$?$")
_TO_AFTER = re.compile(r"\$?\s(?:to|→)\s")
_CHANGED_TO = re.compile(
    # ("cutting-edge" is no cut)
    r"(?i)\b(?:extend\w*|reduc\w*|increas\w*|decreas\w*|boost\w*|rais\w*|lower\w*|cut\w*(?!-)|"
    rf"compress\w*|shrink\w*|accelerat\w*)\b{_NO_STOP}{{0,60}}\bto\s(?:only\s|just\s)?\(?$"
)
# the factor a method is run at: "at 5x compression", "under 4x undersampling"
_AT_BEFORE = re.compile(r"(?i)\b(?:at|under|for|on)\s(?:an?\s|the\s)?[×x]?$")
_FACTOR_SETTING_AFTER = re.compile(
    r"\s(?:compression|downsampling|upsampling|undersampling|subsampling|acceleration|"
    r"super-resolution|SR|magnification|zoom|upscaling)\b"
)
_CHOSEN_PART = re.compile(
    r"(?i)\b(?:train\w*|pre-?train\w*|fine-?tun\w*|evaluat(?:e|es|ed|ing)|test\w*|select\w*|"
    r"sampl\w*|us(?:e|es|ed|ing)|choos\w*|chose\w*|pick\w*|annotat(?:e|es|ed|ing)|includ\w*|"
    r"consider\w*)\s"
    r"(?:[\w-]+\s){0,2}$"
)
_TRAINING_WITH = re.compile(r"(?i)\b(?:train\w*|pre-?train\w*|fine-?tun\w*)\s(?:with|on)\s$")
_STRONG_RESULT_LEFT = re.compile(
    r"\bin (?:only |just |as few as )?$|\b(?:requir\w*|needs?|takes?)\s(?:only\s)?$|\bwithin\s$"
)


# (the scope names where, and no condition of its own: "by 10.05% on the polyp task with
# 5% scribble annotations" sets a condition, it lists no amount)
_COORDINATED = re.compile(
    r"^(?:\s?\)?\s?(?:(?:on|in|for)\s(?:(?!\b(?:with|using|under|when|while|via|given)\b)"
    r"[^,;.]){1,40}?)?(?:,\s?|\s)(?:and\s|or\s|respectively,?\s)?"
    r"(?:(?:by|of)\s)?(?:only\s|just\s|nearly\s|about\s)?\(?)$"
)


_SCORE_AT = re.compile(r"^(?:\s(?:scores?|points?))?\s(?:in|with|using|at)\s(?:only\s|just\s)?$")
_SHARE_COORD = re.compile(r"^[^,;.()\d]{0,50}?(?:,\s?|\s)(?:and|or)\s$")
_COORD_TAIL = re.compile(r"(?:,\s?|\s)(?:and|or)\s(?:by\s)?$|,\s$|namely,?\s$")


# between two amounts of one list: scope words and a joint, no other word of a clause
_LIST_GAP = re.compile(
    r"\s?(?:(?:overall|on average|in total|each|respectively|(?:on|in|for|with)\s[^,;.()\d]{1,30}?)"
    r"\s?)?(?:,\s?|\s)(?:and\s|or\s)?(?:with\s)?(?:up to\s|about\s|nearly\s|~)?\$?"
)
# "gains of 3.44% and 4.24%, with up to 17.2% on challenging tasks": a hedged amount
# after "with" goes on with the list
_WITH_TAIL = re.compile(r",\s(?:and\s)?with\s$")
_GAPPED_NP = re.compile(r"(?:,\s?|\s)and\s(?:the\s|its\s|their\s)?(?:[A-Za-z@-][\w@-]*\s){1,4}")
# an aside of a number's own ("28% (11.43 points) and 27%"): where it opens, where it closes
_ASIDE_OPEN = re.compile(r"\s?\(")
_ASIDE_CLOSE = re.compile(r"[^()\d]{0,20}\)(?:,\s?|\s)(?:and\s|or\s)?")
# a word right after an amount that may name its own metric ("89.7% emotional
# consistency"), not a link to a scope or a comparison
_OWN_METRIC_AFTER = re.compile(
    r"\s(?!(?:on|in|for|and|or|over|under|than|compared|respectively|with|at|across|of|to|vs)\b)"
    r"[A-Za-z][\w@-]+"
)
# a number of its own in the gap between two amounts; digits inside a name ("R@1",
# "F1", "top-1", "mAP@0.5:0.95") are not one
_GAP_NUMBER = re.compile(r"(?<![\w@.:-])\d")
# units whose second value in "by 2.6% and 1.5%" shares the first one's reading
_COORDINATED_UNITS = frozenset({"%", "pp", "score", "x", "decibel", "second", "metre"})


_SETTING_LIST_GAP = re.compile(r"\$?(?:,\s?|\s)(?:and\s|or\s)?\$?")


def _own_reading_after(text: str, prev: RawQuantity, q: RawQuantity, lex: Lexicon) -> bool:
    """Whether ``q`` reads on its own after ``prev`` whose change word follows it
    ("23.6% higher coherence (...), 89.7% emotional consistency"): ``q`` names its own
    metric and no way it moves, so it is a value, not the list's next change."""
    if not lex.change_after_re.match(text[prev.end : prev.end + 60]):
        return False
    if not _OWN_METRIC_AFTER.match(text, q.end):
        return False
    phrase = re.split(r"[,;.]", re.sub(r"\([^()]*\)", "", text[q.end : q.end + 60]))[0]
    return not any(_polarity(w.group(), lex) for w in _WORD.finditer(phrase))


def _before_and_after(text: str, q: RawQuantity) -> bool:
    """Whether ``q`` is a range written as a before and an after ("79.4% to 86.7%")."""
    return q.value_high is not None and bool(_TO_OR_ARROW.search(text, q.start, q.end))


def _coordinated_gap(gap: str) -> bool:
    """Whether ``gap`` joins two amounts of one list: scope words and a joint
    ("% on A and "), or the metric named after the first amount ("% R@1 and ")."""
    return bool(
        _COORDINATED.match(gap)
        or (len(gap) < 40 and _COORD_TAIL.search(gap) and not _GAP_NUMBER.search(gap))
    )


def classify_sentence(
    text: str, qs: list[RawQuantity], lex: Lexicon, prior_score: str | None = None
) -> list[Fields]:
    """Classify every quantity of a sentence; a quantity coordinated with the previous one
    (``by 40% and 20%``, ``9.3% on A, 3.4% on B``) shares its kind, direction, metric and
    baseline when its own words say nothing. ``prior_score`` is the score metric of the
    previous sentence, for changes stated about "these scores"."""
    out: list[Fields] = []
    baselines = sentence_baselines(text) if qs else []
    for i, q in enumerate(qs):
        f = classify(text, q, lex, baselines)
        if i and f.kind == "value" and q.unit in _COORDINATED_UNITS and not q.kind:
            j = i - 1
            if (
                j
                and (qs[j].unit != q.unit or _before_and_after(text, qs[j]))
                and _ASIDE_OPEN.fullmatch(text, qs[j - 1].end, qs[j].start)
                and _ASIDE_CLOSE.fullmatch(text, qs[j].end, q.start)
            ):
                # "by 28% (11.43 points) and 27% (11.21 points)", "improvements of 7.3%
                # (79.4% to 86.7%) and 7.2%": past the aside
                j -= 1
            prev, pf = qs[j], out[j]
            gap = text[prev.end : q.start]
            if j < i - 1:
                gap = gap[gap.index(")") + 1 :]
            coordinated = (
                _COORDINATED.match(gap)
                # "surpasses B by 1.2%/0.9% in AP^b/AP^m": a cue before a slashed pair (not
                # "a 0.4%/78.2% improvement", the amount and the level it reaches)
                or (
                    gap.strip() == "/"
                    and lex.change_before_re.search(text, max(0, prev.start - 50), prev.start)
                    # (nor "a gain in mIoU of 1.3%/73.2%": a level far above the amount)
                    and not (q.value >= 20 and q.value > 5 * prev.value)
                )
            ) or (
                len(gap) < 100
                and _COORD_TAIL.search(gap)
                and not _GAP_NUMBER.search(gap)
                # "50.4% on A (18.8% improvement over B) and 65.8% on C": the amount
                # before is an aside of another one, not the head of a list
                and gap.count(")") <= gap.count("(")
                and not _own_reading_after(text, prev, q, lex)
            )
            hedged = _without_hedge(gap, lex)
            after_hedge = bool(
                # "~6% gains in digital tasks and ~3% in physical ones": a hedge of its own
                # after the "and" is no wording of its own ("and up to 67.32% F1 score"
                # names what it measures)
                not coordinated
                and hedged
                and not lex.measured_head_re.match(text, q.end + 1)
                and len(gap) < 100
                and (
                    _COORD_TAIL.search(hedged)
                    or _WITH_TAIL.search(hedged)
                    # "IoU is improved up to 5.55% and the mean accuracy up to 5.72%": the
                    # verb is not said again before the second hedge
                    or _GAPPED_NP.fullmatch(hedged)
                )
                and not _GAP_NUMBER.search(gap)
            )
            if (
                pf.kind in ("change", "multiplier")
                and prev.unit == q.unit
                and (coordinated or after_hedge)
                and not prev.sign  # "81.8% (+5.9%), 34.7%": a sign is no shared wording
                # "improvements of 7.3% (79.4% to 86.7%)", "a gain of 8.6% on GSM8K from
                # 57.54% to 66.19%": the before and after of the amount, two levels
                and not (
                    _before_and_after(text, q) and (gap.endswith("(") or _FROM_END.search(gap))
                )
            ):
                qualifier = pf.qualifier if f.qualifier == "=" else f.qualifier
                # "13% over A and 5% over B": a comparison of its own stays its own
                own = f.baseline if _OWN_COMPARISON.match(text, q.end) else None
                f = Fields(
                    pf.kind, pf.role, pf.direction, qualifier, f.metric or pf.metric,
                    own or pf.baseline,
                    rules=(
                        *f.rules,
                        *(["classify.coordinated_after_hedge"] if after_hedge else []),
                        "classify.coordinated_with_previous",
                    ),
                )  # fmt: skip
        if (
            i
            and (qs[i - 1].setting or "setting.list" in out[i - 1].rules)
            and not q.setting
            and q.unit == qs[i - 1].unit
            and q.value_high is None
            and _SETTING_LIST_GAP.fullmatch(text, qs[i - 1].end, q.start)
        ):
            # "pruning ratios of 50%, 75% and 95%": the values of one setting's list
            prev_f = out[i - 1]
            f = replace(f, kind=prev_f.kind, role=prev_f.role, metric=prev_f.metric,
                        rules=(*f.rules, "setting.list"))  # fmt: skip
        if i and f.kind in ("change", "multiplier") and out[i - 1].kind == f.kind:
            # "reduces travel time by 42%, queue length by 62%, and waiting time by 83%":
            # the amounts of one verb's list move the same way
            gap = text[qs[i - 1].end : q.start]
            bare = re.sub(r"\([^()]*\)", "", gap)  # "by 95% on A (23 min vs. 454 min) and by 92%"
            if (
                (_BY_LIST_GAP.fullmatch(gap) or _AND_BY_END.search(bare))
                and not lex.up_re.search(bare)
                and not lex.down_re.search(bare)
                and out[i - 1].direction
                and f.direction != out[i - 1].direction
            ):
                f = Fields(f.kind, f.role, out[i - 1].direction, f.qualifier, f.metric,
                           f.baseline, rules=(*f.rules, "direction.by_list"))  # fmt: skip
        if (
            i
            and f.kind in ("change", "multiplier")
            and f.kind == out[i - 1].kind
            and q.unit == qs[i - 1].unit
            and f.direction != out[i - 1].direction
            and not (q.sign or q.direction)
            and _LIST_GAP.fullmatch(text, qs[i - 1].end, q.start)
            and direction_of(text, q, f.kind, f.metric, lex, default=None) is None
        ):
            # "FLOPs savings: 3.7x overall, with 2.6x for text and 5.2x for image": an
            # amount that says no way of its own goes the way of the list it continues
            f = replace(f, direction=out[i - 1].direction,
                        rules=(*f.rules, "direction.list_goes_on"))  # fmt: skip
        if (
            i
            and f.qualifier == "="
            and out[i - 1].qualifier in ("<=", "~")
            # (a value before it may still take this amount's kind: "up to 21.03% and
            # 23.06% BD-rate savings")
            and out[i - 1].kind in (f.kind, "value")
            and qs[i - 1].unit == q.unit
            and _coordinated_gap(text[qs[i - 1].end : q.start])
        ):
            # "improvements of up to +15.8% on MathVision, +8.4% on MathVerse": the hedge
            # before a list bounds all of it
            f = replace(f, qualifier=out[i - 1].qualifier,
                        rules=(*f.rules, "qualifier.list"))  # fmt: skip
        if i and f.role == "setup" and q.unit in ("parameter", "token", "step", "FLOP"):
            # "an FID of 5.02 with 15.7M parameters", "(FID=6.47, 19.4M parameters)": the size
            # is part of the result claimed
            prev, pf = qs[i - 1], out[i - 1]
            gap = text[prev.end : q.start]
            in_parens = gap == ", " and _OPEN_PAREN.search(text, 0, prev.start)
            if (
                pf.role == "result"
                and prev.unit in ("score", "%")
                and (_WITH_SIZE.match(gap) or in_parens)
            ):
                f = Fields(f.kind, "result", f.direction, f.qualifier, f.metric, pf.baseline,
                           rules=(*f.rules, "role.size_of_result"))  # fmt: skip
        lender = next((k for k, p in enumerate(qs[:i]) if p is q.borrowed_from), None)
        if lender is not None and f.kind == "value":
            # "256 tokens instead of the baseline's 576": both sides of one comparison
            pf = out[lender]
            f = Fields(f.kind, pf.role, f.direction, f.qualifier, f.metric, f.baseline,
                       rules=(*f.rules, "role.compared_side"))  # fmt: skip
        if i and f.role == "result" and q.unit == "per_second" and f.kind == "value":
            # "1080p at 30 fps", "4096 x 3000 resolution, 15 fps": a capture format
            prev = qs[i - 1]
            gap = text[prev.end : q.start]
            if (
                prev.unit == "pixel"
                and len(gap) <= 40
                and not lex.result_cue_re.search(text, 0, q.start)  # "achieves 78 FPS at 384p"
            ):
                f = Fields(f.kind, "setup", f.direction, f.qualifier, f.metric, None,
                           rules=(*f.rules, "role.capture_format"))  # fmt: skip
        if i and f.role == "result" and q.unit == "step" and not q.tally:
            # "4.70 FID in 10 function evaluations": the step budget the score was measured at
            prev = qs[i - 1]
            if prev.unit == "score" and _SCORE_AT.match(text[prev.end : q.start]):
                f = Fields(f.kind, "setup", f.direction, f.qualifier, f.metric, None,
                           rules=(*f.rules, "role.step_budget"))  # fmt: skip
        if i and f.kind == "proportion" and f.role == "result":
            # "1/3 attention layers and 2/3 linear ones": the second share is built the same way
            prev, pf = qs[i - 1], out[i - 1]
            if (
                pf.kind == "proportion"
                and pf.role == "setup"
                and _SHARE_COORD.match(text[prev.end : q.start])
            ):
                f = Fields(f.kind, "setup", f.direction, f.qualifier, f.metric, None,
                           rules=(*f.rules, "role.coordinated_share"))  # fmt: skip
        if f.kind in ("change", "multiplier") and f.metric is None:
            # "a FID=3.88, achieving 44.49% improvements": the score named just before
            scored = [p.metric for p in qs[:i] if p.unit == "score" and p.metric]
            if not scored and prior_score and re.search(r"(?i)\bscores?\b", text):
                scored = [prior_score]
            if scored:
                metric = scored[-1]
                f = Fields(f.kind, f.role, direction_of(text, q, f.kind, metric, lex),
                           f.qualifier, metric, f.baseline,
                           rules=(*f.rules, "metric.score_named_before"))  # fmt: skip
        if f.kind in ("change", "multiplier") and f.metric is None:
            # "performance on GSM8K (+10.5%) and ... HumanEval (+12.2%)": the same metric
            named = [pf.metric for pf, p in zip(out, qs[:i], strict=False)
                     if pf.kind == f.kind and p.unit == q.unit and pf.metric]  # fmt: skip
            if named:
                f = Fields(f.kind, f.role, f.direction, f.qualifier, named[-1], f.baseline,
                           rules=(*f.rules, "metric.same_as_previous_change"))  # fmt: skip
        if f.metric is None and f.role == "result":
            # "an ASR of 86.67% and 85%", "a MAPE of 6.46%, outperforming the area (9.36%)":
            # a value that names nothing measures what the value before it measured; so
            # does a bare comparative ("a 68.5% success rate, four times higher than ...")
            comparative = f.kind in ("change", "multiplier") and _BARE_COMPARATIVE.match(
                text, q.end
            )
            in_parens = (
                i
                and _IN_ONE_PAREN.fullmatch(text, qs[i - 1].end, q.start)
                and (_OPEN_PAREN.search(text, 0, qs[i - 1].start))
            )
            # (a share likewise measures what the share before it did: "KV cache size down
            # to 3.9%, 2%, and 2.73% of the original")
            own_kind = f.kind in ("value", "proportion")
            if (own_kind and (q.unit in ("%", "pp", "score") or in_parens)) or comparative:
                named = [pf.metric for pf, p in zip(out, qs[:i], strict=False)
                         if pf.kind in (f.kind, "value") and pf.role == "result" and pf.metric
                         and (p.unit == q.unit or comparative or in_parens)
                         and not _CONTRAST.search(text, p.end, q.start)]  # fmt: skip
                if named:
                    f = Fields(f.kind, f.role, f.direction, f.qualifier, named[-1], f.baseline,
                               rules=(*f.rules, "metric.same_as_previous_value"))  # fmt: skip
        out.append(f)
    head_read = False  # whether the next amount's reading is its list's last words
    for i in range(len(qs) - 2, -1, -1):
        # "8.48% and 11.86% improvements in EPE": the first shares the second's reading
        q, nxt, f, nf = qs[i], qs[i + 1], out[i], out[i + 1]
        if not (q.unit == nxt.unit and _BEFORE_COORD.fullmatch(text, q.end, nxt.start)):
            head_read = False  # no list goes on here
            continue
        head_read = head_read or bool(_head_direction(text[nxt.end : nxt.end + 45], lex))
        if (
            f.kind == "value"
            and nf.kind in ("change", "multiplier")
            and not q.kind
            and not nxt.sign
        ):
            out[i] = Fields(nf.kind, nf.role, nf.direction, f.qualifier, nf.metric, nf.baseline,
                            rules=(*f.rules, "classify.coordinated_with_next"))  # fmt: skip
        elif (
            f.kind == nf.kind
            and f.kind in ("change", "multiplier")
            and f.direction != nf.direction
            and not (q.sign or nxt.sign or q.direction)
            and head_read
        ):
            # "2.09x, 2.38x, and 1.67x FLOP reduction": the list's last words are all of
            # its amounts' words
            out[i] = replace(f, direction=nf.direction, metric=nf.metric or f.metric,
                             rules=(*f.rules, "direction.coordinated_with_next"))  # fmt: skip
    return out


# "four times higher than", "13% better than": a comparative that names no noun
_IN_ONE_PAREN = re.compile(r"[^()]{0,40}")  # "(6.32 +- 4.15 deg and 3.40 +- 2.75 mm)"
_CONTRAST = re.compile(r"\b(?:while|whilst|whereas|but|yet)\b")
_BARE_COMPARATIVE = re.compile(
    r"\s(?:higher|lower|better|worse|greater|larger|smaller|more|less)\s(?:than|compared)\b"
)
_BY_LIST_GAP = re.compile(
    r",\s(?:and\s)?(?:the\s)?[\w-]+(?:\s[\w-]+){0,3}\sby\s(?:up to\s|about\s|nearly\s)?"
)
_OWN_COMPARISON = re.compile(r"\s(?:than|over|compared|vs\.?|versus|relative to|against)\s")
_AND_BY_END = re.compile(r"^[^,;]{0,60}?(?:,\s|\s)and\sby\s(?:up to\s|about\s|nearly\s|over\s)?$")
_BEFORE_COORD = re.compile(r"\$?(?:,?\s(?:and|or|to)\s|,\s)\$?")


def classify(
    text: str, q: RawQuantity, lex: Lexicon, baselines: list[Target] | None = None
) -> Fields:
    """All fields of one quantity in its normalised sentence."""
    kind, kind_rule = kind_of(text, q, lex)
    metric = metric_of(text, q, kind, lex)
    role = role_of(text, q, kind, lex)
    if baselines is None:
        baselines = sentence_baselines(text)
    target = baseline_of(text, q, role, baselines)
    return Fields(
        kind=kind,
        role=role,
        direction=direction_of(text, q, kind, metric, lex),
        qualifier=qualifier_of(text, q, lex),
        metric=metric,
        baseline=target.np if target else None,
        rules=tuple(r for r in (kind_rule, target.rule if target else None) if r),
    )
