"""One section's text to its mentions, and the spaCy component that wraps it.

``extract_mentions`` is the engine over plain text: split sentences, undo LaTeX,
find quantities, classify them, attribute results, and map every span back to the
original offsets. ``extractors.pipeline`` calls it directly (the hot path);
``quantity_mentions`` runs the same function inside a spaCy pipeline. Its results
live on the Doc: ``doc._.mentions`` holds the :class:`Mention` objects of the
section named by ``doc._.section`` (the pipeline sets it on the Doc before the
component runs), and ``doc._.extract_error`` holds the message when this Doc made the
extractor fail, so one bad text never stops a batch.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from extractors.attribution import attribute, carried_subject
from extractors.caseless import CaselessGate
from extractors.classify import classify_sentence
from extractors.latex import normalize
from extractors.lexicon import Lexicon, load_lexicon
from extractors.mention import Mention, Section
from extractors.paper_context import PaperContext, paper_context
from extractors.quantities import before_and_after, clean_span, find_quantities
from extractors.units import to_canonical

COMPONENT = "quantity_mentions"

# A sentence gets any work only if it has a digit or a number word (`worth_reading`):
# one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty
# fifty single dual tri twice thrice doubl* tripl* half halv* third(s) quarter
# hundred(s) thousand(s) million(s) billion(s) magnitude, "a second" (minute, hour, day,
# week), and a word ending in "fold". The words are grouped by their first letter, so
# that at each word the regex tries only the group of its letter (a third faster), and
# "fold" is looked for by itself, a literal the regex engine finds without trying each
# word of the sentence.
_DIGIT = re.compile(r"\d")
_NUMBER_WORD = CaselessGate(
    r"\b(?:one|t(?:wo|hree|en|welve|wenty|hirty|ri|wice|hrice|ripl\w*|hirds?|housands?)"
    r"|f(?:our|ive|ifteen|ifty)|s(?:ix|even|ingle)|e(?:ight|leven)|nine|d(?:ual|oubl\w*)"
    r"|h(?:alf|alv\w*|undreds?)|quarter|m(?:illions?|agnitude)|billions?"
    r"|an? (?:second|minute|hour|day|week))\b"
)
_FOLD_WORD = CaselessGate(r"fold\b(?<=\wfold)")  # "tenfold", "manifold": not "fold"
# a place in a ranking written in words ("ranked first", "won second place")
_RANK_WORD = CaselessGate(
    r"\b(?:first|second|third|fourth|fifth)\}?[- ](?:place|position|spot|prize)\b"
    r"|\b(?:rank|plac|finish)\w* (?:\S+ ){0,3}?(?:\\textbf\{)?(?:first|second|third|fourth|fifth)\b"
)
_SENT_END = re.compile(r"[.!?](?=\s+[\"'(\[]?[A-Z0-9])")
_SPLIT_POINT = re.compile(r"\d\.\s\d{1,2}\s?\\?%")
_ABBREVIATION = re.compile(
    r"(?:\be\.g|\bi\.e|\bvs|\bet al|\bFig|\bEq|\bapprox|\bSec|\bNo|\bcf|\betc|\bresp)$"
)

_SPACES = {ord(c): " " for c in "\n\r\t\f\v\u00a0\u2009\u202f\u2002\u2003"}


def _register_extensions() -> None:
    for name, default in (
        ("mentions", None),
        ("extract_error", None),
        ("section", "abstract"),
        ("paper", None),  # (title, abstract) of the paper the Doc is a section of
    ):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Cheap sentence boundaries (character offsets) for abstracts."""
    spans = []
    start = 0
    for m in _SENT_END.finditer(text):
        if _ABBREVIATION.search(text, max(0, m.start() - 8), m.start()):
            continue
        if _SPLIT_POINT.match(text, max(0, m.start() - 1)):
            continue  # "86. 27%": a decimal point with a stray space, no sentence end
        spans.append((start, m.end()))
        start = m.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def worth_reading(sent: str) -> bool:
    """A digit or a number word in ``sent``: the sentence may hold a quantity. Most
    sentences are read for nothing (three in four have neither), so this runs on every
    sentence of every text; the digit, a plain character scan, is looked for first."""
    return (
        _DIGIT.search(sent) is not None
        or _NUMBER_WORD.found(sent)
        or _FOLD_WORD.found(sent)
        or _RANK_WORD.found(sent)
    )


def extract_mentions(
    text: str,
    section: Section,
    lex: Lexicon,
    *,
    word_counts: bool = False,
    paper: PaperContext | None = None,
) -> list[Mention]:
    """Mentions of one section text, sorted by offset. ``paper`` is what the whole
    paper says about names (its method, its benchmarks); without it the text is read
    as an abstract with no title."""
    if paper is None:
        paper = paper_context("", text, lex)
    rows: list[Mention] = []
    prior_score: str | None = None  # score metric of the previous sentence
    carried: str | None = None  # who scored the previous sentence's results
    previous = ""  # the sentence before (it may name the dataset "It comprises ..." means)
    for s0, s1 in sentence_spans(text):
        sent = text[s0:s1]
        if not worth_reading(sent):
            carried = None  # only the very next sentence carries a subject on
            previous = sent
            continue
        # line breaks, tabs and no-break spaces become plain spaces (same length, so
        # offsets are unchanged): the rules only ever expect " "
        clean, omap = normalize(sent.translate(_SPACES))
        qs = find_quantities(clean, lex, word_counts=word_counts, previous=previous)
        previous = clean
        fields = classify_sentence(clean, qs, lex, prior_score)
        # a before and an after become two mentions, classified as the pair was
        pairs = [
            (part, f)
            for q, f in zip(qs, fields, strict=True)
            for part in before_and_after(clean, q)
        ]
        qs, fields = [q for q, _ in pairs], [f for _, f in pairs]
        fields = attribute(clean, qs, fields, paper, lex, carried)
        carried = carried_subject(fields)
        scores = [q.metric for q in qs if q.unit == "score" and q.metric]
        prior_score = scores[-1] if scores else None
        for q, f in zip(qs, fields, strict=True):
            a, b = clean_span(clean, q.start, q.end)
            start, end = s0 + omap.start(a), s0 + omap.end(b)
            cv = to_canonical(q.value, q.pint_low or q.pint, q.unit)
            cvh = to_canonical(q.value_high, q.pint, q.unit) if q.value_high is not None else None
            rows.append(
                Mention(
                    section=section,
                    start_char=start,
                    end_char=end,
                    text=text[start:end],
                    value=q.value,
                    value_high=q.value_high,
                    unit=q.unit,
                    canonical_value=cv,
                    canonical_value_high=cvh,
                    kind=f.kind,
                    role=f.role,
                    direction=f.direction,
                    metric=f.metric,
                    baseline=f.baseline,
                    qualifier=f.qualifier,
                    benchmark=f.benchmark,
                    subject=f.subject,
                    sentence=sent,
                    rules=(*q.rules, *_span_rules(text, start, end), *f.rules),
                )
            )
    rows.sort(key=lambda m: (m.start_char, m.end_char))
    return rows


def _span_rules(text: str, start: int, end: int) -> tuple[str, ...]:
    """The readings of the source span itself that no quantity rule sees, since they
    are undone before the rules read the sentence."""
    return ("number.split_point",) if _SPLIT_POINT.search(text, start, end) else ()


class QuantityMentions:
    """Finds quantity mentions in ``doc.text`` (regex + lexicons; see ``rules.toml``)."""

    def __init__(self, nlp: Language, name: str, word_counts: bool) -> None:
        _register_extensions()
        self.name = name
        self.word_counts = word_counts
        self.lexicon = load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        try:
            title, abstract = doc._.paper or ("", doc.text)
            doc._.mentions = extract_mentions(
                doc.text,
                doc._.section,
                self.lexicon,
                word_counts=self.word_counts,
                paper=paper_context(title, abstract, self.lexicon),
            )
        except Exception as exc:
            doc._.mentions = []
            doc._.extract_error = f"{type(exc).__name__}: {exc}"
        return doc


@Language.factory(COMPONENT, default_config={"word_counts": False})
def make_quantity_mentions(nlp: Language, name: str, word_counts: bool) -> QuantityMentions:
    """Factory for the ``quantity_mentions`` component (``word_counts``: also report
    counts written only in words, which the spec treats as optional)."""
    return QuantityMentions(nlp, name, word_counts)


_register_extensions()
