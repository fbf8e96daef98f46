"""Where a result was measured: the ``benchmark`` of a result mention.

The distinctive name after "on"/"across" next to the number (``+15.8% on MathVision``,
``8.35 on zero-shot COCO 2014``), before it (``On RoboMimic benchmarks, ...``), before
a parenthesised number in a sentence about benchmarks (``HumanEval (+12.2%)``), a list
paired in order when the sentence says "respectively", a name followed by
"benchmark"/"dataset", a benchmark named by what it is, the list a sentence points back
to ("2.24 and 2.77 on these two datasets"); else, for a score or a gain, the shared task
the paper is an entry to, the one benchmark the abstract evaluates on, or the paper's own
(not for a size relative to the original, nor for what people rated in a user study).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from extractors.lexicon import Lexicon
from extractors.names import LIST_SEP, NAME, PAREN_AFTER_NAME, Found
from extractors.paper_context import TITLED_NAME, benchmark_name, names_by_data_nouns

if TYPE_CHECKING:
    from extractors.classify import Fields
    from extractors.paper_context import PaperContext
    from extractors.quantities import RawQuantity

# the first "on" after the number names where it was measured: in "93.1% on Kinetics 400
# and 97.5% on NTU 60", not the NTU 60 of the next number ("over X" after a gain names the
# baseline, not a benchmark); "in"/"for"/"of" only before a data noun or a metric
# ("in reasoning benchmarks like Big-Bench Hard", "in GSM8K accuracy"). Read as a scan
# over the prepositions after the number, then a match at the one that counts: one
# pattern for all of it backtracks through every character of the window.
_PREPOSITION = re.compile(r"\b(?P<prep>on|across|in|for|of)\s(?!average\b)")
_WINDOW_END = re.compile(r"[;:]|\.(?!\d)")
_CLAUSE_END = re.compile(r"[;:,()]|\.(?!\d)|\s(?:and|while|but|whereas|which)\s")
_IN_FOR_OF_DATA = re.compile(
    r"(?:the\s)?[\w-]+\s(?:benchmark|dataset|test)|(?:[\w-]+\s){1,4}?"
    r"(?:benchmarks?|datasets?)\s(?:like|such as|including)\s"
)
_IN_NAME_METRIC = re.compile(
    r"(?:the\s)?" + NAME + r"\s(?:accuracy|scores?|performance|F1|pass@\d+|results?)\b"
)
# any one or two modifiers: "on zero-shot COCO 2014", "on the challenging X"
_NAME_AFTER_PREPOSITION = re.compile(
    r"(?:the\s)?(?:(?:[a-z][\w-]*|widely[- ]used)\s){0,2}?"
    r"(?:(?:[A-Za-z-]+\s){0,3}?(?:benchmarks?|datasets?|suites?|splits?|subsets?|test sets?)"
    r"\s(?:(?:like|such as|including)\s)?)?(?P<name>" + TITLED_NAME + r")(?![\w-])"
)


def _name_after(sentence: str, end: int) -> tuple[re.Match[str], int] | None:
    """The benchmark name after the number ending at ``end``, with where its preposition
    starts."""
    # 80 characters, or up to 130 in one clause ("a speedup of 1.27 compared to standard
    # training ... can be achieved for AlexNet/ResNet on CIFAR10/100")
    stop = _WINDOW_END.search(sentence, end, end + 80)
    limit = stop.start() if stop else end + 80
    if not stop and not _CLAUSE_END.search(sentence, end, end + 80):
        clause = _CLAUSE_END.search(sentence, end + 80, end + 130)
        limit = clause.start() if clause else end + 130
    for prep in _PREPOSITION.finditer(sentence, end, limit + 8):
        if prep.start() > limit:
            break
        word = prep.group("prep")
        if word in ("on", "across"):
            named = _NAME_AFTER_PREPOSITION.match(sentence, prep.end())
            return (named, prep.start()) if named else None
        if _IN_FOR_OF_DATA.match(sentence, prep.end()) or (
            word == "in" and _IN_NAME_METRIC.match(sentence, prep.end())
        ):
            named = _NAME_AFTER_PREPOSITION.match(sentence, prep.end())
            if named:
                return named, prep.start()
    return None


# "trained on X", "relies on X", "built on X", "runs on X": not where a result was measured
_NOT_MEASURED_ON = re.compile(
    r"\b(?:rel(?:y|ies|ying)|based|built|buil(?:d|ds|ding)|depend\w*|focus\w*|(?:pre-?|fine-?)?"
    r"train(?:ed|ing|s)?|conditioned|run(?:s|ning)?|deployed|implemented|hosted|executed|"
    r"relying|draw(?:s|n|ing)?|learned|distilled)\s$"
)

_BENCH_BEFORE = re.compile(
    # "on the large-scale FR benchmark IJB-C": the name after the data noun first
    r"\b(?P<prep>[Oo]n|[Ii]n|[Aa]cross)\s(?:the\s)?(?:(?:[\w-]+\s){0,3}?(?:benchmark|dataset|suite)s?"
    r",?\s(?:(?:such as|including|like)\s)?"
    r"|(?:[\w-]+\s){0,3}?)(?P<name>"
    + TITLED_NAME
    + r")(?![\w-])(?:\s(?:benchmarks?|datasets?|test sets?|tasks?|suites?))?,?\s"
)

_DATA_WORD = re.compile(r"\b(?:benchmarks?|datasets?|tasks)\b")

_ON = re.compile(r"\b(?:on|in|across)\s")

_COMPARED_LEFT = re.compile(
    r"\b(?:outperform\w*|surpass\w*|than|over|beat\w*|exceed\w*|versus|vs\.?|compared\s(?:to|with)|"
    r"relative\sto|against)\s(?:(?:the|a|an|all|both)\s)?(?:[\w-]+\s){0,3}$"
)

_DESCRIBED_BENCH = re.compile(
    r"\b(?:[Oo]n|[Ii]n|[Aa]cross|[Oo]ver)\s(?:the|a|our)\s(?P<name>(?:(?!(?:proposed|new|"
    r"challenging|popular|standard|public|same|whole|entire|full)\b)[a-z][\w-]*\s){1,3}"
    r"(?:benchmark|dataset|test set|corpus|suite))\b(?!s)"
)

# a description that says only that it is data: "held-out test set", "diverse dataset"
_GENERIC_DATA = re.compile(
    r"(?:(?:held-out|test|testing|independent|diverse|original|validation|evaluation|large|"
    r"small|large-scale|public|private|external|internal|in-house|real|real-world|synthetic|"
    r"comprehensive|several|multiple|various|different|standard|challenging|widely-used|"
    r"popular|unseen|full|entire|whole|clinical|collected|curated|annotated|benchmark|new|"
    r"same|target|source|downstream|common|existing|open|open-source|proposed)\s)*"
    r"(?:benchmark|dataset|test set|corpus|suite)"
)

# a size relative to the original ("down to 3.9% of the original", "25% of the full
# model"), not a score; also each share of a list that ends so ("down to 3.9%, 2%, and
# 2.73% of the original"), but not a share of a score ("95% of the original accuracy")
_SHARE_OF = re.compile(
    r"(?:,?\s(?:and\s|or\s)?[<>~]?\d[\d.]*\s?%)*\sof\s(?:the|its|their)\s"
    r"(?:original|full|uncompressed|dense|full-size|unpruned)"
    r"(?:\s(?:model|size|network|one|counterpart|version)s?)?"
    r"(?=[,.;)]|\s(?:for|in|on|at|while|and|with|across)\b)"
)

# a sentence that reports what people judged (a user study, ratings, preferences)
_PEOPLE_JUDGED = re.compile(
    r"\b(?:rated|(?:user|human|clinical|reader|expert)\sstud(?:y|ies)|preferred|preferring)\b"
)

# a sentence that names its own challenge, track or task
_NAMED_TRACK = re.compile(r"\b(?:Challenges?|Competition|Track|Task|Subtask)\b")

_MEASURED_UNITS = frozenset({"%", "pp", "score", "x"})

_DEFAULT_UNITS = frozenset({"%", "pp", "score"})


# a number that is a result of its own: "23.8", "4.7%", "3x"
_ASIDE_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+|\s?(?:%|x\b|×))")


def _closed_aside(sentence: str, at: int, start: int) -> bool:
    """Whether ``sentence[at]`` stands in a parenthesis that closes before ``start`` and
    holds a result of its own ("(23.8 FID on MS-COCO) and a 28.6x speed-up"; not "on
    standard benchmarks (MVSEC and DSEC), ... 3-fold")."""
    opened = sentence.rfind("(", 0, at)
    if opened < 0 or sentence.rfind(")", 0, at) > opened:
        return False
    closed = sentence.find(")", at)
    return 0 <= closed < start and bool(_ASIDE_NUMBER.search(sentence, opened, closed))


def benchmark_of(
    sentence: str,
    start: int,
    end: int,
    ctx: PaperContext,
    lex: Lexicon,
    unit: str = "score",
    kind: str = "value",
) -> Found:
    """The benchmark a result at ``sentence[start:end]`` was measured on."""
    after = _name_after(sentence, end)
    if (
        after
        and not _NOT_MEASURED_ON.search(sentence, max(0, after[1] - 30), after[1])
        and (name := benchmark_name(after[0].group("name"), lex, ctx.method))
    ):
        return name, "benchmark.on_after"
    paren = PAREN_AFTER_NAME.search(sentence, max(0, start - 40), start)
    if (
        paren  # "performance on GSM8K (+10.5%)", "benchmarks such as HumanEval (+12.2%)"
        and (
            _ON.search(sentence, max(0, paren.start() - 60), paren.start())
            or _DATA_WORD.search(sentence, 0, paren.start())
        )
        # "outperforming conventional CNN (58.3%)" names a compared system
        and not _COMPARED_LEFT.search(sentence, max(0, paren.start() - 50), paren.start())
        and (name := benchmark_name(paren.group("name"), lex, ctx.method))
    ):
        return name, "benchmark.name_before_parenthesis"
    before = None
    for m in _BENCH_BEFORE.finditer(sentence, 0, start):
        if _NOT_MEASURED_ON.search(sentence, max(0, m.start("prep") - 30), m.start("prep")):
            continue
        if _closed_aside(sentence, m.start("prep"), start):
            continue  # "(23.8 FID on MS-COCO) and 28.6x speed-up": the aside's own
        before = m
    if before and (name := benchmark_name(before.group("name"), lex, ctx.method)):
        return name, "benchmark.on_before"
    named = [
        (abs(at - start) if at < start else len(sentence) + at, name)
        for at, raw in names_by_data_nouns(sentence)
        if (name := benchmark_name(raw, lex, ctx.method))
        and not (at < start and _closed_aside(sentence, at, start))
    ]
    if named:  # the nearest before the number, else the first after it
        return min(named)[1], "benchmark.named_in_sentence"
    described = None
    for m in _DESCRIBED_BENCH.finditer(sentence):
        if _GENERIC_DATA.fullmatch(m.group("name")):
            continue  # "the held-out test set" names no benchmark
        if described is None or m.start() < start:
            described = m
    if described and unit in _MEASURED_UNITS:
        # "On the base-to-novel generalization benchmark, ...": a benchmark named by what
        # it is
        return " ".join(described.group("name").split()), "benchmark.described"
    share = _SHARE_OF.match(sentence, end)  # "down to 3.9% of the original": a size
    if _PEOPLE_JUDGED.search(sentence):
        # "In a clinical study, doctors rated it 4.3/5": measured on people's judgments,
        # not on the abstract's data
        return None, None
    if (
        ctx.challenge
        and unit in _DEFAULT_UNITS
        and kind in ("value", "change")
        and not share
        # "8.31 PA-MPJPE in the Hand Pose Challenge", "6.46 in Track 1": a part of it
        and not _NAMED_TRACK.search(sentence)
    ):
        # an entry to a shared task measures on the task's data unless a sentence names
        # other data
        return ctx.challenge, "benchmark.shared_task"
    if ctx.only_benchmark and unit in _DEFAULT_UNITS and kind in ("value", "change") and not share:
        # a score measured in the paper's evaluation, or a gain in one: not a count, a
        # size, a speed-up or a share of something ("2% of the parameters")
        return ctx.only_benchmark, "benchmark.only_one_in_abstract"
    if ctx.own_benchmark and unit in _MEASURED_UNITS and not share:
        # a paper that contributes a benchmark measures on it unless it names another
        return ctx.own_benchmark, "benchmark.paper_benchmark"
    return None, None


_NAME_LIST = re.compile(
    r"\b(?:on|across|for)\s(?:the\s)?(?P<list>"
    + NAME
    + r"(?:(?:,\s(?:and\s)?|,?\s(?:and|or)\s)"
    + NAME
    + r")+)"
)

# any list of names, for a sentence that says the numbers go with it "respectively"
# ("on the test sets of MATH and GSM8K, respectively", "(AIME2024 and AIME2025) ...
# up to 13% and 10% respectively")
_ANY_NAME_LIST = re.compile(
    r"(?<![\w-])(?P<list>"
    + NAME
    + r"(?:(?:,\s(?:and\s)?|,?\s(?:and|or)\s)"
    + NAME
    + r")+)(?![\w-])"
)

_LIST_OF_DATA = re.compile(
    r"(?:\b(?:[Oo]n|[Aa]cross|[Ii]n|[Ff]or|of)\s(?:the\s)?(?:[\w-]+\s){0,4}?|"
    r"\b(?:benchmarks?|datasets?|tasks|test sets?|splits?)\W{1,3}"
    r"(?:such as\s|including\s|like\s)?)$"
)

_RESPECTIVELY = re.compile(r"\brespectively\b|\beach\b(?=[\s.,;]*$)")


# a sentence whose numbers go with the benchmarks a list named before it: "we reduce FID
# to 2.24 and 2.77 on these two datasets", "These scores mark a 3.5x and 4x improvement"
_ANAPHOR = re.compile(
    r"\b(?:on|across|for|in)\s(?:these|those|both|the\stwo|the\sthree|all\sthree)\s"
    r"(?:two\s|three\s|four\s)?(?:datasets|benchmarks|tasks|test\ssets)\b"
    r"|^(?:These|Those|Both)\s(?:scores|results|numbers|figures)\b"
)

# a place named right after the last number ("+14.3 gains on MBPP+"), before a later list
_OWN_NAME_AFTER = re.compile(r"\s?(?:[\w-]+\s){0,2}on\s(?:the\s)?[A-Z][\w+.-]*[\w+]")
# a benchmark the sentence itself names, which an earlier list does not override
_OWN_BENCH_RULES = frozenset(
    {
        "benchmark.on_after",
        "benchmark.name_before_parenthesis",
        "benchmark.on_before",
        "benchmark.named_in_sentence",
        "benchmark.described",
    }
)


def _earlier_list(sentence: str, ctx: PaperContext, lex: Lexicon) -> list[str | None] | None:
    """The names of the last list of benchmarks ("on CIFAR-10 and ImageNet") before
    ``sentence`` in the abstract."""
    abstract = ctx.abstract or ""
    at = ctx.sentence_at(sentence)
    if at <= 0:
        return None
    last = None
    for m in _NAME_LIST.finditer(abstract, 0, at):
        names = [benchmark_name(n, lex, ctx.method) for n in LIST_SEP.split(m.group("list"))]
        if all(names):
            last = names
    return last


def respectively(
    sentence: str, qs: list[RawQuantity], fields: list[Fields], ctx: PaperContext, lex: Lexicon
) -> list[Fields]:
    """``81.8%, 34.7% and 76.4% on GSM8K, MATH and ARC-C``: as many results of a kind
    as a list has names take them in order, when the list follows the numbers with
    "on", or stands anywhere in a sentence that says "respectively"."""
    lists = [(m, "benchmark.respectively") for m in _NAME_LIST.finditer(sentence)]
    if _RESPECTIVELY.search(sentence):
        lists += [
            (m, "benchmark.respectively_any")
            for m in _ANY_NAME_LIST.finditer(sentence)
            # a list of where things were measured, not of models or baselines
            if _LIST_OF_DATA.search(sentence, max(0, m.start() - 50), m.start())
            and not _COMPARED_LEFT.search(sentence, max(0, m.start() - 50), m.start())
        ]
    out = list(fields)
    done: set[int] = set()
    named_lists = [
        (m, rule, [benchmark_name(n, lex, ctx.method) for n in LIST_SEP.split(m.group("list"))])
        for m, rule in lists
    ]
    if _ANAPHOR.search(sentence) and (earlier := _earlier_list(sentence, ctx, lex)):
        named_lists.append((None, "benchmark.these_datasets", earlier))
    for m, rule, names in named_lists:
        if len(names) < 2 or not all(names):
            continue
        for kind in ("value", "change", "multiplier"):
            if kind == "multiplier" and m is not None:
                continue
            idx = [
                i
                for i, (q, f) in enumerate(zip(qs, fields, strict=True))
                if f.role == "result"
                and f.kind == kind
                and i not in done
                and (m is None or rule != "benchmark.respectively" or q.end <= m.start())
                # the earlier list names where the numbers were measured unless the
                # sentence names it itself
                and (m is not None or not _OWN_BENCH_RULES.intersection(f.rules))
            ]
            if len(idx) != len(names):
                continue
            if (
                m is not None
                and rule == "benchmark.respectively"
                and _OWN_NAME_AFTER.match(sentence, qs[idx[-1]].end, m.start())
            ):
                # "+4.6 to +14.3 gains on MBPP+ over baselines, while also improving
                # performance on MMLU and MMLU-Stem": the numbers named their own place
                continue
            for i, name in zip(idx, names, strict=True):
                rules = (*(r for r in out[i].rules if not r.startswith("benchmark.")),)
                out[i] = replace(out[i], benchmark=name, rules=(*rules, rule))
                done.add(i)
    return out
