"""Who scored a result, and where: the ``subject`` and ``benchmark`` of result
mentions, filled in sentence by sentence.

The readings live in :mod:`extractors.subjects` (who), :mod:`extractors.benchmarks`
(where) and :mod:`extractors.paper_context` (what the whole abstract names: its method,
its benchmarks); names themselves in :mod:`extractors.names`. This module applies them
to a sentence's result mentions, and gives a result value that names no metric the one
its sentence names.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from extractors.benchmarks import benchmark_of, respectively
from extractors.classify import direction_of
from extractors.lexicon import Lexicon
from extractors.paper_context import PaperContext, paper_context
from extractors.subjects import respective_subjects, subject_of

if TYPE_CHECKING:
    from extractors.classify import Fields
    from extractors.quantities import RawQuantity

__all__ = ["PaperContext", "attribute", "carried_subject", "paper_context"]

# a metric named somewhere in the sentence, for a number whose own words name none
_METRIC_WORD = re.compile(
    r"\b(?:(?:top-1|top-5|average|mean|overall|zero-shot|few-shot)\s)?(?:accuracy|success rate|"
    r"F1(?:\sscore)?|pass@\d+|win rate|exact match|recall|precision|mIoU|mAP|AUC|AUROC|BLEU|"
    r"sensitivity|specificity|Dice(?:\sscore)?|IoU|SSIM|PSNR|ROUGE(?:-\w+)?|harmonic mean|"
    r"correlation|error rate|WER|CER|FID|perplexity|reasoning ability|performance)\b",
    re.I,
)


# what ends the stretch of a sentence a change's metric is read back over
_CHANGE_BREAK = re.compile(r"[;:]|\.\s|\b(?:while|whereas|but)\b|,\s(?:and\s)?(?=\w+\s\()")


def _metric(
    sentence: str,
    q: RawQuantity,
    f: Fields,
    ctx: PaperContext,
    bench: str | None,
    subject: str | None,
) -> tuple[str | None, tuple[str, ...]]:
    """The metric of a result, once its benchmark and subject are known: a name read as
    the metric is none (``43.68% on MathVerse testmini``, ``97.5% on NTU 60``), and a
    value that names none takes the one its sentence names nearest before it, else after
    it, else, for a share, the abstract's (``sensitivity for lesions (Bone: 80% vs.
    46%)``), else the one its task reports by convention (``state-of-the-art results:
    94.1% ...`` on action recognition: accuracy)."""
    metric, rules = f.metric, []
    if metric and (
        metric in (bench, subject, ctx.method)
        or metric in ctx.benchmarks
        or (bench and bench.startswith(metric + " "))  # "97.5% on NTU 60": "NTU"
        # "78% for small language models": "small language"
        or (subject and subject.startswith(metric + " "))
    ):
        metric = None
        rules.append("metric.not_a_name")
    if metric is None and f.kind == "value" and q.unit in ("%", "score"):
        before = list(_METRIC_WORD.finditer(sentence, 0, q.start))
        named = (before[-1] if before else None) or _METRIC_WORD.search(sentence, q.end)
        if named:
            metric = named.group()
            rules.append("metric.named_in_sentence")
        elif q.unit == "%" and (named := _METRIC_WORD.search(ctx.abstract or "")):
            metric = named.group()
            rules.append("metric.named_in_abstract")
        elif (
            q.unit == "%"
            and ctx.task_metric
            and bench  # a score on a named benchmark, in a sentence that measures nothing
            and not ctx.lex.measured_head_re.search(sentence)  # else ("agreement rates")
        ):
            metric = ctx.task_metric
            rules.append("metric.task_convention")
    elif metric is None and f.kind == "change" and q.unit in ("%", "pp", "score"):
        # "object counting accuracy (e.g., boosting up to 13.7%)": a change that names no
        # metric moves the one its sentence names before it
        # (not when one is named right after it: "by 4.0% ... Acc@0.25", "-24.0% (RMSE)")
        before = list(_METRIC_WORD.finditer(sentence, 0, q.start))
        after = _METRIC_WORD.search(sentence, q.end, q.end + 40)
        if before and not after and not _CHANGE_BREAK.search(sentence, before[-1].end(), q.start):
            metric = before[-1].group()
            rules.append("metric.named_before_change")
    return metric, tuple(rules)


def attribute(
    sentence: str,
    qs: list[RawQuantity],
    fields: list[Fields],
    ctx: PaperContext,
    lex: Lexicon,
    carried: str | None = None,
) -> list[Fields]:
    """``fields`` with the subject and benchmark of every result mention filled in
    (setup mentions have neither), and the rules that found them. ``carried`` is who
    the sentence before scored its results (:func:`carried_subject`): in a paper that
    names no method of its own, it is who this one's unclaimed results belong to
    ("these modifications enable consistency models to achieve FID 2.51 ... These
    scores mark a 3.5x improvement")."""
    out = []
    for i, (q, f) in enumerate(zip(qs, fields, strict=True)):
        if f.role != "result":
            out.append(f)
            continue
        bench, bench_rule = benchmark_of(sentence, q.start, q.end, ctx, lex, q.unit, f.kind)
        prev = qs[i - 1] if i else None
        subject, subject_rule = subject_of(sentence, q, prev, f, ctx, lex, bench)
        if (
            subject is None
            and subject_rule is None
            and carried
            and not ctx.own_benchmark
            and _ANAPHOR.match(sentence)
            and q.before_after != "before"  # "from 0.56 to 0.66": the before is not its own
        ):
            subject, subject_rule = carried, "subject.carried_over"
        metric, metric_rule = _metric(sentence, q, f, ctx, bench, subject)
        direction = f.direction
        if (
            "metric.named_before_change" in metric_rule
            and direction == "up"
            and not any(r.startswith("direction.") for r in f.rules)
            and (again := direction_of(sentence, q, f.kind, metric, lex)) == "down"
        ):
            # "WER drops from 10.2% to 8.1%, a 2.1 point improvement": an improvement of
            # the metric read back moves it the way that metric gets better
            direction, metric_rule = again, (*metric_rule, "direction.metric_read_back")
        rules = tuple(r for r in (*f.rules, bench_rule, subject_rule, *metric_rule) if r)
        out.append(
            replace(
                f, benchmark=bench, subject=subject, metric=metric, direction=direction,
                rules=rules,
            )
        )  # fmt: skip
    if not any(f.role == "result" for f in fields):
        return out
    out = respective_subjects(sentence, qs, out, ctx, lex)
    return respectively(sentence, qs, out, ctx, lex)


# a sentence that opens by referring back: "It achieved ...", "On CBIS-DDSM, it ...",
# "Through two-step sampling, we further reduce FID to 2.24" (in a paper naming no
# method, "we" go on with the work the sentence before credited),
# "These scores mark ...", "Its accuracy ..."
_ANAPHOR = re.compile(r"(?:[^,.;]{0,60},\s)?(?i:it|they|these|this|its|their|we)\s")

# who scored a sentence's results by the sentence's own words, and can be carried on
_OWN_WORDS = frozenset(
    {"subject.phrase_before_verb", "subject.name_before_verb", "subject.carried_over"}
)


def carried_subject(fields: list[Fields]) -> str | None:
    """Who the sentence's last result read from its own words belongs to, for the next
    sentence to carry on."""
    for f in reversed(fields):
        if f.role == "result" and f.subject and _OWN_WORDS.intersection(f.rules):
            return f.subject
    return None
