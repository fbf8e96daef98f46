"""Who scored a result: the ``subject`` of a result mention.

A number belongs to the name that is the subject of the verb before it in its clause
(``CoachMe outperforms GPT-4o by 31.6%``), or to a phrase ending in an agent noun when
nothing is named (``human experts reach``); to a compared system when the text says so
(``69.84% achieved by the baseline CLIP model``, ``GPT-4o's 45%``, ``than Habitat 2.0
(7699 SPS)``, ``vs. 69.6% for the untuned GPT-4``), never to the method then; else to the
paper's method (:mod:`extractors.paper_context`), unless the abstract has not yet
turned to its own work (``... with HunyuanVideo takes 600 PFLOPs. To address this, we
propose``). A bare "the model" in a paper that proposes none refers back to the system
named before it; a list of names that scored numbers "respectively" gives them in order.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from extractors.lexicon import Lexicon
from extractors.names import (
    ADVERBS,
    LIST_SEP,
    NAME,
    NAME_BEFORE_VERB,
    NAME_RE,
    PAREN_AFTER_NAME,
    RESULT_STEMS,
    RESULT_VERB,
    RESULT_VERB_FORM,
    SYSTEM_NOUN,
    Found,
    clean_name,
    is_model_name,
)

if TYPE_CHECKING:
    from extractors.classify import Fields
    from extractors.paper_context import PaperContext
    from extractors.quantities import RawQuantity

_FUNCTION_WORD = (
    r"(?:to|for|that|which|with|in|on|of|and|or|by|from|as|at|is|are|was|were|be|been|has|"
    r"have|had|not|when|where|while|whereas|we|it|they|than|then|both|all|each|only|also|"
    r"can|could|may|will|would|should|a|an|the|our|this|these|its|their|such|always|"
    r"two|three|four|several|many|most|some|when|if|although|despite|because|but|yet|"
    r"so|thus|hence|however|moreover|furthermore|additionally|finally|notably|overall|"
    r"often|first|last|same|still|even|just|then)"
)

# a word of a described subject: not a function word, an adverb or a finite verb
# ("gradient boosting model" keeps its -ing word)
_NP_WORD = (
    r"(?!(?i:" + _FUNCTION_WORD + r")\b|" + RESULT_STEMS + r"(?:e|es|ed|d|s)?\b|\w+ly\b)"
    r"[A-Za-z][\w/+-]*"
)
# a participle right after the determiner modifies the noun ("the combined approach
# provides"): never the verb, which must follow the head
_FIRST_NP_WORD = r"(?:(?<=\s)" + RESULT_STEMS + r"(?:ed|d)\b|" + _NP_WORD + r")"

# what did it, described rather than named: "the best model achieves", "prompt-based
# defenses achieve", "human experts reach" (the determiner, or the clause start, before it)
_PHRASE_BEFORE = re.compile(
    r"(?<![\w-])(?=[\w])"  # a word's start, before the alternatives are tried
    r"(?:(?P<det>[Tt]he|[Oo]ur|[Tt]his|[Tt]hese|[Tt]heir|[Ii]ts)\s|^|(?<=:\s)"
    # "these modifications enable consistency models to achieve"
    + "".join(f"|(?<=\\b{v}\\s)|(?<=\\b{v}s\\s)" for v in ("enable", "allow", "help"))
    + "".join(f"|(?<=\\b{w}\\s)" for w in ("while", "whereas"))
    + r")"
    r"(?P<name>(?:"
    + _FIRST_NP_WORD
    + r"\s)?(?:"
    + _NP_WORD
    + r"\s){0,3}(?P<head>"
    + _NP_WORD
    + r"[a-z])"
    # "The model with best accuracy can only prove", "the U-Net with focal loss achieved"
    # (no article after "with": "approaches with an average increase" is no subject)
    + r"(?:\swith\s(?!(?:a|an|the)\s)(?:[a-z][\w-]*\s){0,2}?[a-z][\w-]*)?)"
    r"(?:\s\((?P<paren>[^)]{1,40})\))?(?:,\s(?:which|who))?\s(?:to\s)?"
    + ADVERBS
    + RESULT_VERB_FORM
    + r"\b"
)

_BARE = re.compile(r"(?:(?:proposed|new|novel|resulting|final|overall|full)\s)*" + SYSTEM_NOUN)

# "gains with o1-mini, which achieves 63.3% F1": a name the relative clause is about,
# after any preposition
_WHICH_BEFORE = re.compile(
    r"(?P<name>"
    + NAME
    + r")(?:\s\([^)]{1,40}\))?,\s(?:which|who)\s"
    + ADVERBS
    + RESULT_VERB
    + r"\b"
)

_BY_BASELINE = re.compile(
    r"\s?\)?\s?(?:achieved|obtained|reported|attained|reached|scored)?\s?by\s(?:the\s)?"
    r"(?:(?:baseline|original|vanilla|standard|base|strongest|best|prior|previous)\s)*"
    r"(?P<name>" + NAME + r")"
)

# "a SiT model trained for 7M steps", "Llama-3 fine-tuned on 10k examples": the number
# describes the named model right before it
_NAME_PARTICIPLE_BEFORE = re.compile(
    r"(?P<name>" + NAME + r")(?:\s" + SYSTEM_NOUN + r")?\s(?:trained|fine-tuned|finetuned|"
    r"pretrained|pre-trained|distilled|run)\s(?:for|on|with|in)\s"
    r"(?:(?:only|over|about|around|nearly|just|roughly)\s)?$"
)

_POSSESSIVE_BEFORE = re.compile(r"(?P<name>" + NAME + r")(?:'s|’s)\s(?:\w+\s){0,2}$")

_VERSUS = re.compile(r"[^.;\d]{0,30}?\b(?:vs\.?|versus|compared (?:to|with)|against)\s[^\d]{0,20}")

# "54x faster than Habitat 2.0 (7699 SPS)", "methods (usually requiring 50 steps)": the
# open parenthesis before a number, in a few words that claim nothing of the paper's own
_OPEN_PAREN = re.compile(
    r"\s?\((?:[^()]{0,30}[,;]\s)?(?!(?:[^()\d]*\s)?(?:we|our|ours)\b)[^()\d]{0,24}$"
)

# "compared to a conventionally trained 7B model using 300B tokens", "than the baseline
# approach of sampling uniformly over data sources with 3B tokens": a number inside the
# phrase that names what is compared against, tied to it by how it was run
_COMPARISON_CUE = r"(?:[Cc]ompared (?:to|with)|than|versus|vs\.?|[Rr]elative to|[Uu]nlike)\s"
_CUE_BEFORE = re.compile(r"\b" + _COMPARISON_CUE + r"(?:(?:the|a|an|that of)\s)?$")
_RUN_WITH = re.compile(
    r"\s(?:using|with|requiring|needing|trained (?:on|with|for)|(?:that|which) (?:uses?|"
    r"requires?|needs?))\s(?:(?:only|about|around|nearly|just|over|roughly|up to)\s)?$"
)

# "compared to 138.66 with DDIM", "than the 24 hours it takes in Habitat 2.0": the
# number is the compared system's, named after it
_COMPARED_BEFORE = re.compile(
    # not "more than 70%": a bare "than" before a number is its qualifier
    r"(?:\b(?:compared (?:to|with)|versus|vs\.?|relative to)\s(?:the\s|that\sof\s)?"
    r"|\bthan\s(?:the\s|that\sof\s))"
    r"(?:(?:over|about|around|nearly|only|just)\s)?$"
)

_COMPARED_NAME_AFTER = re.compile(
    r"[^.;,()]{0,50}?\b(?:with|by|in|of|from|for)\s(?:(?:the|a|an)\s)?(?:[a-z][\w-]*\s){0,2}"
    r"(?P<name>" + NAME + r")(?![\w-])"
)

# "vs. 90.1% by humans", "for the baselines": the compared side described by an agent noun
_COMPARED_PHRASE_AFTER = re.compile(
    r"[^\s.;,()]*\s(?:for|by)\s(?:(?:the|a|an)\s)?(?P<name>(?:[a-z][\w-]*\s){0,2}(?P<head>[a-z][\w-]*))\b"
)

_COMPARISON_LEFT = re.compile(r"\b(?:versus|vs\.?|compared (?:to|with)|relative to)\s")

# "(1) a multi-task learning framework that ... (43.6% accuracy), and (2) a two-stage
# pipeline ... (47.8% accuracy)": an enumerated item's own number, in parentheses
_ITEM_MARK = re.compile(r"(?:^|(?<=[\s:;,]))\(?(?:\d|i{1,3}|iv|v|[a-e])\)\s(?:(?:a|an|the|our)\s)?")
_OPEN_PAREN_BEFORE = re.compile(r"\(\s?(?:[^()\d]{0,20}\s)?$")
_ITEM_WORD = re.compile(r"[A-Za-z][\w-]*")
# any word but a function word or a verb of result, whole ("two-stage" is a word)
_NP_WORD_RE = re.compile(
    r"(?!(?i:" + _FUNCTION_WORD + r")$|" + RESULT_STEMS + r"(?:e|es|ed|d|s)?$|\w+ly$)[\w-]+"
)


def _item_subject(sentence: str, start: int, lex: Lexicon) -> str | None:
    """The system an enumerated item describes, for a number in parentheses inside it."""
    if not _OPEN_PAREN_BEFORE.search(sentence, max(0, start - 24), start):
        return None
    marks = list(_ITEM_MARK.finditer(sentence, 0, start))
    if not marks or sentence.count(")", marks[-1].end(), start):
        return None  # no item, or the number is past the item's first parenthesis
    words = _ITEM_WORD.findall(sentence[marks[-1].end() : start])[:5]
    for n, w in enumerate(words):
        if not _NP_WORD_RE.fullmatch(w):
            return None  # "(i) when training models", "(1) We design two pipelines"
        if lex.agent_head_re.fullmatch(w):
            return " ".join(words[: n + 1])
    return None


# "we improve", "our approach" before the number: the paper's own result, even "for the
# LLaMA3 model"
_WE = re.compile(
    r"\b(?:[Ww]e\s(?:\w+\s)?"
    + RESULT_VERB_FORM
    + r"|[Oo]ur\s(?:[\w-]+\s){0,2}"
    + SYSTEM_NOUN
    + r")\b"
)

# "... 14% for GPT-4o", "half the hypotheses for small language models": up to three
# words after the number, then "for" and what it is stated for
_FOR_AGENT_AFTER = re.compile(
    r"(?:\s[A-Za-z-]+){0,3}?\sfor\s(?:the\s|(?P<own>our|this|these)\s)?"
    r"(?P<words>(?:(?!" + _FUNCTION_WORD + r"\b)[A-Za-z][\w-]*(?:\s|(?=[,.;)]|$))){1,4})"
)

_FOR_NAME_RIGHT_AFTER = re.compile(
    r"(?:\s?[A-Za-z%]{1,12})?\s(?:for|by|with|from)\s(?:the\s)?(?P<name>" + NAME + r")(?![\w-])"
)

# a clause with a subject of its own ("while our model reaches"), not "while reducing"
_CLAUSE_BREAK = re.compile(r",?\s(?:while|whereas)\s(?!\w+ing\b)|;\s")


@lru_cache(maxsize=256)
def _in_sentence(pattern: re.Pattern[str], sentence: str) -> tuple[re.Match[str], ...]:
    """Every match of ``pattern`` in ``sentence``, read once for all its numbers."""
    return tuple(pattern.finditer(sentence))


def _before(pattern: re.Pattern[str], sentence: str, start: int) -> list[re.Match[str]]:
    """The matches of ``pattern`` that end before the number at ``start``."""
    return [m for m in _in_sentence(pattern, sentence) if m.end() <= start]


def _named_subject(
    sentence: str, start: int, end: int, ctx: PaperContext, lex: Lexicon, benchmark: str | None
) -> Found:
    """Who the sentence says scored the number at ``sentence[start:end]``, else the
    paper's method."""
    by = _BY_BASELINE.match(sentence, end)
    if by and not _is_benchmark(by.group("name"), benchmark):
        return clean_name(by.group("name")), "subject.achieved_by"
    left = sentence[max(0, start - 40) : start]
    own = _POSSESSIVE_BEFORE.search(left)
    if own is None and (paren := PAREN_AFTER_NAME.search(left)):
        # "GPT-4o (45.2%)" is the model's own number; "HumanEval (+12.2%)" names where
        own = paren if is_model_name(clean_name(paren.group("name")), lex) else None
    if own is None:
        own = _NAME_PARTICIPLE_BEFORE.search(sentence, max(0, start - 80), start)
    if (
        own
        and not _is_benchmark(own.group("name"), benchmark)
        and clean_name(own.group("name")) not in ctx.benchmarks
    ):
        return clean_name(own.group("name")), "subject.own_number"
    best, best_at = None, None
    found = [
        *_before(NAME_BEFORE_VERB, sentence, start),
        *_before(_WHICH_BEFORE, sentence, start),
    ]
    for m in sorted(found, key=lambda m: m.end()):
        name = clean_name(m.group("name"))
        if (
            not _is_benchmark(name, benchmark)
            and name not in ctx.benchmarks
            and not lex.not_benchmark_re.fullmatch(name)
        ):
            best, best_at = name, m.end()
    phrase = None
    for m in _before(_PHRASE_BEFORE, sentence, start):
        phrase = m
    # "X achieves 10.1%, while our proposed Y ... achieves 15.4%": a subject in an earlier
    # clause is not this number's
    clause = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)), default=0)
    if best_at is not None and best_at < clause:
        best = None
    if phrase and phrase.end() < clause:
        phrase = None
    if phrase and (best_at is None or phrase.end() > best_at):
        described = _described(phrase, ctx, lex, sentence)
        if described:
            return described, "subject.phrase_before_verb"
    if best:
        if ctx.method and best != ctx.method and _initials(ctx.method) == best:
            # "MoM matches speech loss" in a paper proposing Mixture-of-Mamba
            return f"{ctx.method} ({best})", "subject.method_initials"
        return ctx.acronyms.get(best, best), "subject.name_before_verb"
    item = _item_subject(sentence, start, lex)
    if item:
        return item, "subject.enumerated_item"
    after = _FOR_AGENT_AFTER.match(sentence, end)
    if after and not after.group("own") and not _WE.search(sentence, clause, start):
        # "in half the hypotheses for small language models": nothing scored it before
        # the number; whom it is stated for, right after it, did
        words = after.group("words").split()
        # its last word an agent ("for model evaluations" is for no one)
        if lex.agent_head_re.fullmatch(words[-1]) and "respectively" not in sentence:
            return " ".join(words), "subject.for_after"
    if not ctx.method:
        # "We find the model complies with harmful queries 14% of the time": a bare "the
        # model" before any verb, in a paper that studies a system rather than proposing
        # one, is the system the abstract named before
        bare = [m for m in _before(_BARE_BEFORE_VERB, sentence, start) if m.start() >= clause]
        if bare and (named := _antecedent(bare[-1].group("head"), sentence, ctx, lex)):
            return named, "subject.bare_anaphor"
    if ctx.method and ctx.states_the_problem(sentence):
        # "generating a video with HunyuanVideo takes about 600 PFLOPs. To address this,
        # we propose AdaSpa": said before the paper speaks of its own work, the number is
        # the system the sentence names, never the method
        return _problem_system(sentence, start, ctx, lex, benchmark), "subject.before_own_work"
    if ctx.method:
        return ctx.method, "subject.paper_method"
    return None, None


def _problem_system(
    sentence: str, start: int, ctx: PaperContext, lex: Lexicon, benchmark: str | None
) -> str | None:
    """The last name before the number at ``start`` that is not a benchmark, nor a
    number's unit or counted noun ("600 PFLOPs"), or None."""
    for m in reversed(_before(NAME_RE, sentence, start)):
        name = clean_name(m.group("name"))
        if _AFTER_NUMBER.search(sentence, max(0, m.start() - 3), m.start()):
            continue
        if not (
            _is_benchmark(name, benchmark)
            or name in ctx.benchmarks
            or lex.not_benchmark_re.fullmatch(name)
        ):
            return name
    return None


_AFTER_NUMBER = re.compile(r"\d\s?$")


_NAME_PART = re.compile(r"[A-Za-z]+")


def _initials(name: str) -> str:
    """``MoM`` of ``Mixture-of-Mamba``: the first letters of a name's words, in their case,
    for a name of two words or more."""
    parts = _NAME_PART.findall(name)
    return "".join(p[0] for p in parts) if len(parts) > 1 else ""


# "the model complies", "the network learned": a bare system noun and a finite verb
_BARE_BEFORE_VERB = re.compile(
    r"\b[Tt]he\s(?P<head>" + SYSTEM_NOUN + r")\s(?:\w+ly\s)?(?!(?:is|was|has)\b)[a-z]+(?:s|ed)\b"
)


def _antecedent(head: str, sentence: str, ctx: PaperContext, lex: Lexicon) -> str | None:
    """What a bare "the network" in ``sentence`` refers back to: the last phrase before
    it in the abstract that ends in the same noun, in the same number where there is one
    ("a 360-million-parameter model" over a later "general-purpose models"; else "two-
    layer ReLU networks"), with words of its own; or for "the model" a model named after
    that phrase ("Claude 3 Opus")."""
    at = ctx.sentence_at(sentence)
    if at <= 0:
        return None
    before = (ctx.abstract or "")[:at]
    plural = head.endswith("s")
    stem = head[:-1] if plural else head
    found: dict[bool, tuple[int, str]] = {}  # by number: where, and the phrase
    for m in re.finditer(r"\b" + re.escape(stem) + r"(s?)\b", before):
        kept: list[str] = []
        for w in reversed(before[max(0, m.start() - 60) : m.start()].split()[-3:]):
            if not _NP_WORD_RE.fullmatch(w):
                break
            kept.insert(0, w)
        if kept:
            found[bool(m.group(1))] = (m.start(), " ".join((*kept, m.group())))
    best_at, best = found.get(plural) or found.get(not plural) or (-1, None)
    if stem == "model":
        named = [(m.start(), m.group("name")) for m in NAME_RE.finditer(before, best_at + 1)]
        # and names in plain words with a version: "Claude 3 Opus"
        named += [(m.start(), m.group()) for m in _VERSIONED.finditer(before, best_at + 1)]
        for _, name in sorted(named):
            if is_model_name(clean_name(name), lex):
                best = clean_name(name)
    return best


# a capitalised name of up to three words with a version number: "Claude 3 Opus"
_VERSIONED = re.compile(r"(?<![\w-])[A-Z][a-z]+\s\d[\w.]*(?:\s[A-Z][\w.-]*)?")


def _described(m: re.Match[str], ctx: PaperContext, lex: Lexicon, sentence: str) -> str | None:
    """The phrase of a :data:`_PHRASE_BEFORE` match as a subject, or None when it names
    nothing: a head that is not an agent ("the experiments show", "Chamfer Distance
    improves"; ``rules.toml`` ``agent_heads``), or the paper's own method in general
    words ("our method", "the proposed framework"), which the method's name answers."""
    phrase = " ".join(m.group("name").split())
    if not lex.agent_head_re.fullmatch(m.group("head")) or lex.not_benchmark_re.fullmatch(phrase):
        return None
    named = NAME_RE.fullmatch(clean_name(m.group("paren") or ""))
    if named:  # "The best-performing model (MedGemma) achieves"
        return named.group("name")
    if _BARE.fullmatch(phrase):
        if (
            (m.group("det") or "").lower() == "the"
            and phrase == m.group("head")  # not "the proposed model": the paper's own
            and not ctx.method
        ):
            # "the network achieves 100%" in a paper that studies "two-layer ReLU
            # networks": the system the abstract last named with that noun
            return _antecedent(m.group("head"), sentence, ctx, lex)
        return None
    if (
        (m.group("det") or "").lower() in ("our", "this", "these")
        and ctx.method
        and not ctx.method.islower()
    ):
        # "our lightweight model achieves", "this hybrid strategy enables": the paper's
        # method, by its name (a method known only by a description, "a neural network
        # approach", yields to the sentence's own words: "our deep supervised model")
        return None
    return phrase


_P_VALUE_BEFORE = re.compile(r"\b[pP]\s?[<=>≤]\s?$|\b[pP]-values?\s(?:of\s)?$")

_VERSUS_AFTER = re.compile(r"\s?(?:vs\.?|versus)\s")

# a baseline phrase that names something: a word of three letters or more, not "the"
_NAME_WORD = re.compile(r"(?!(?:the|and|just|only|all|its|our|their)\b)[A-Za-z][\w-]{2,}")


def _compared_side(
    sentence: str, q: RawQuantity, baseline: str | None, lex: Lexicon, kind: str
) -> tuple[str, str] | None:
    """The compared system of a number that is its own, not the method's: one in
    parentheses right after the baseline's name (``than Habitat 2.0 (7699 SPS)``), or
    one stated as what is compared against (``compared to 138.66 with DDIM``)."""
    left = sentence[max(0, q.start - 120) : q.start]
    if kind != "value" or _P_VALUE_BEFORE.search(left) or _VERSUS_AFTER.match(sentence, q.end):
        # a gain over the baseline ("(+3.1% on PET)"), a test statistic ("p<0.001"), or
        # the first side of "84.57% vs. 83.89%" is not the baseline's own
        return None
    baseline = baseline if baseline and _NAME_WORD.search(baseline) else None
    paren = _OPEN_PAREN.search(left)
    if baseline and paren and left[: paren.start()].rstrip().endswith(baseline):
        return baseline, "subject.baseline_own_number"
    run = _RUN_WITH.search(left)
    if run and baseline and left.endswith(baseline, 0, run.start()):
        named_at = run.start() - len(baseline)
        if _CUE_BEFORE.search(left, max(0, named_at - 30), named_at):
            return baseline, "subject.inside_comparison"
    if _COMPARISON_LEFT.search(left[-80:]):
        # "... versus 0.506 for GPT-4 and 0.508 for GPT-4o": every compared number that is
        # named right after it
        named = _FOR_NAME_RIGHT_AFTER.match(sentence, q.end)
        if named and not lex.not_benchmark_re.fullmatch(clean_name(named.group("name"))):
            return clean_name(named.group("name")), "subject.compared_number"
    if _COMPARED_BEFORE.search(left):
        after = _COMPARED_NAME_AFTER.match(sentence, q.end)
        if after and not lex.not_benchmark_re.fullmatch(clean_name(after.group("name"))):
            return clean_name(after.group("name")), "subject.compared_number"
        if baseline:
            return baseline, "subject.compared_number"
    return None


# a baseline that is other data ("existing benchmarks", "prior datasets")
_DATA_BASELINE = re.compile(
    r"\b(?:benchmark|dataset|corpus|corpora|collection|suite|test set)s?$", re.I
)


def _is_benchmark(name: str, benchmark: str | None) -> bool:
    return bool(benchmark) and clean_name(name) == benchmark


def subject_of(
    sentence: str,
    q: RawQuantity,
    prev: RawQuantity | None,
    f: Fields,
    ctx: PaperContext,
    lex: Lexicon,
    benchmark: str | None,
) -> Found:
    """The model or method the result ``q`` belongs to: who the sentence says scored it,
    unless it is a compared system's own number (the second side of "vs.", one stated as
    what is compared against) or the before of a before and after, which are never the
    method's. ``prev`` is the quantity before ``q`` in the sentence."""
    subject, rule = _named_subject(sentence, q.start, q.end, ctx, lex, benchmark)
    if prev is not None and prev.unit == q.unit and _VERSUS.fullmatch(sentence, prev.end, q.start):
        # "675 vs. 6,250 GPU days", "51.6% compared to 69.8%": the second number is the
        # compared system's own, never the method's, even when it goes unnamed; named right
        # after it ("vs. 60.1% for GPT-4") or as the baseline
        after = _COMPARED_NAME_AFTER.match(sentence, q.end)
        named = after and clean_name(after.group("name"))
        if named and lex.not_benchmark_re.fullmatch(named):
            named = None
        described = _COMPARED_PHRASE_AFTER.match(sentence, q.end)
        if not named and described and lex.agent_head_re.fullmatch(described.group("head")):
            named = " ".join(described.group("name").split())
        baseline = f.baseline if f.baseline and _NAME_WORD.search(f.baseline) else None
        subject, rule = named or baseline, "subject.compared_side"
    compared = _compared_side(sentence, q, f.baseline, lex, f.kind)
    if compared:
        subject, rule = compared
    if (
        ctx.own_benchmark
        and rule in (None, "subject.paper_method")  # not "DeepSeek-V3 delivers six times"
        and f.kind in ("multiplier", "change")
        and f.baseline
        and _DATA_BASELINE.search(f.baseline)
    ):
        # "a balanced subset ..., 3 orders of magnitude larger than existing benchmarks":
        # a benchmark paper's data compared with other data is its own benchmark's number
        subject, rule = ctx.own_benchmark, "subject.own_data_compared"
    if q.before_after == "before":
        # "raises accuracy from 42.1% to 55.3%": the before is not the method's number
        subject, rule = f.baseline, "subject.before_value"
    return subject, rule


# "Qwen3-8B-Instruct and DeepSeek-R1-671B only achieve 5.9% and 40%, respectively": a
# list of names joined by "and"/"or" that is the subject of a verb of result (not of
# "show"/"demonstrate", whose subject is what was run: "experiments on A and B show"),
# at a clause's start (not "On LiTS, T-MPEDNet achieves")
_SUBJECT_LIST = re.compile(
    r"(?<![\w-])(?<!\b[Oo]n\s)(?<!\b[Ii]n\s)(?<!\b[Ff]or\s)(?<!\b[Oo]f\s)(?<!\bwith\s)"
    r"(?<!\busing\s)(?<!\bon\sthe\s)(?P<list>(?:"
    + NAME
    + r",\s)*"
    + NAME
    + r",?\s(?:and|or)\s"
    + NAME
    + r")(?:\s"
    + SYSTEM_NOUN
    + r")?,?\s"
    + ADVERBS
    + r"(?!(?:show|demonstrat|prov|perform)\w*\b)"
    + RESULT_VERB_FORM
    + r"\b"
)
_RESPECTIVELY_WORD = re.compile(r"\brespectively\b")
# a list that is a verb's object or examples ("outperforms Flow-GRPO and SD3, achieving",
# "tasks such as UOSTrack and MAT, outperforming") names who was beaten, not who scored
_LIST_AS_OBJECT = re.compile(
    r"(?:\b" + RESULT_VERB + r"|\bsuch as|\bincluding|\blike|\bthan|\bover|\bvs\.?|\bversus)"
    r"\s(?:the\s)?$"
)


def respective_subjects(
    sentence: str, qs: list[RawQuantity], fields: list[Fields], ctx: PaperContext, lex: Lexicon
) -> list[Fields]:
    """``fields`` with the results between a list of names that scored them and the
    word "respectively" given those names in order, when there are as many results of
    one kind as the list has names (none a benchmark)."""
    said = _RESPECTIVELY_WORD.search(sentence)
    if said is None:
        return fields
    out = list(fields)
    for m in _in_sentence(_SUBJECT_LIST, sentence):
        if _LIST_AS_OBJECT.search(sentence, max(0, m.start() - 30), m.start()):
            continue
        names = [clean_name(n) for n in LIST_SEP.split(m.group("list"))]
        if any(n in ctx.benchmarks or lex.not_benchmark_re.fullmatch(n) for n in names):
            continue
        for kind in ("value", "change", "multiplier"):
            idx = [
                i
                for i, (q, f) in enumerate(zip(qs, out, strict=True))
                # the numbers the list goes with: after it, before "respectively"
                if f.role == "result" and f.kind == kind and m.end() <= q.start < said.start()
            ]
            if len(idx) == len(names):
                for i, name in zip(idx, names, strict=True):
                    rules = tuple(r for r in out[i].rules if not r.startswith("subject."))
                    out[i] = replace(out[i], subject=name, rules=(*rules, "subject.respectively"))
                break
    return out
