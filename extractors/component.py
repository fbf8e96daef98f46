"""The spaCy component that finds quantity mentions and stores them on ``Doc._``.

Results live on the Doc: ``doc._.mention_rows`` holds plain tuples (msgpack-safe, so
they survive ``nlp.pipe(n_process>1)``), ``doc._.mentions`` turns them into
:class:`Mention` objects for the section in ``doc._.section``, and
``doc._.extract_error`` holds the message when this Doc made the extractor fail, so one
bad text never stops a batch.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from extractors.classify import classify_sentence
from extractors.latex import normalize
from extractors.lexicon import Lexicon, load_lexicon
from extractors.mention import Mention
from extractors.quantities import clean_span, find_quantities
from extractors.units import to_canonical

COMPONENT = "quantity_mentions"

# A sentence gets any work only if it has a digit or a number word.
PREFILTER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|fifty|single|dual|tri|twice|thrice|doubl\w*|tripl\w*|half|halv\w*|third|thirds|"
    r"quarter|hundreds?|thousands?|millions?|billions?|magnitude|\w+fold|"
    r"an? (?:second|minute|hour|day|week))\b",
    re.IGNORECASE,
)
_SENT_END = re.compile(r"[.!?](?=\s+[\"'(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\be\.g|\bi\.e|\bvs|\bet al|\bFig|\bEq|\bapprox|\bSec|\bNo|\bcf|\betc|\bresp)$"
)

_SPACES = {ord(c): " " for c in "\n\r\t\f\v\u00a0\u2009\u202f\u2002\u2003"}

_ROW_FIELDS = (
    "start",
    "end",
    "text",
    "value",
    "value_high",
    "unit",
    "canonical_value",
    "canonical_value_high",
    "kind",
    "role",
    "direction",
    "metric",
    "baseline",
    "qualifier",
    "sentence",
)


def _register_extensions() -> None:
    if not Doc.has_extension("mention_rows"):
        Doc.set_extension("mention_rows", default=None)
    if not Doc.has_extension("extract_error"):
        Doc.set_extension("extract_error", default=None)
    if not Doc.has_extension("section"):
        Doc.set_extension("section", default="abstract")
    if not Doc.has_extension("mentions"):
        Doc.set_extension("mentions", getter=mentions_of)


def mentions_of(doc: Doc) -> list[Mention]:
    """The Doc's mentions as :class:`Mention` objects (empty if none or on error)."""
    rows = doc._.mention_rows or []
    section = doc._.section
    return [Mention(section, **dict(zip(_ROW_FIELDS, row, strict=True))) for row in rows]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Cheap sentence boundaries (character offsets) for abstracts."""
    spans = []
    start = 0
    for m in _SENT_END.finditer(text):
        if _ABBREVIATION.search(text, max(0, m.start() - 8), m.start()):
            continue
        spans.append((start, m.end()))
        start = m.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def extract_rows(text: str, lex: Lexicon, *, word_counts: bool = False) -> list[tuple[Any, ...]]:
    """Mentions of one section text as plain tuples in ``_ROW_FIELDS`` order, sorted by start."""
    rows: list[tuple[Any, ...]] = []
    prior_score: str | None = None  # score metric of the previous sentence
    for s0, s1 in sentence_spans(text):
        sent = text[s0:s1]
        if not PREFILTER.search(sent):
            continue
        # line breaks, tabs and no-break spaces become plain spaces (same length, so
        # offsets are unchanged): the rules only ever expect " "
        clean, omap = normalize(sent.translate(_SPACES))
        qs = find_quantities(clean, lex, word_counts=word_counts)
        fields = classify_sentence(clean, qs, lex, prior_score)
        scores = [q.metric for q in qs if q.unit == "score" and q.metric]
        prior_score = scores[-1] if scores else None
        for q, f in zip(qs, fields, strict=True):
            a, b = clean_span(clean, q.start, q.end)
            start, end = s0 + omap.start(a), s0 + omap.end(b)
            cv = to_canonical(q.value, q.pint, q.unit)
            cvh = to_canonical(q.value_high, q.pint, q.unit) if q.value_high is not None else None
            rows.append(
                (
                    start,
                    end,
                    text[start:end],
                    q.value,
                    q.value_high,
                    q.unit,
                    cv,
                    cvh,
                    f.kind,
                    f.role,
                    f.direction,
                    f.metric,
                    f.baseline,
                    f.qualifier,
                    sent,
                )
            )
    rows.sort(key=lambda r: (r[0], r[1]))
    return rows


class QuantityMentions:
    """Finds quantity mentions in ``doc.text`` (regex + lexicons; see ``rules.toml``)."""

    def __init__(self, nlp: Language, name: str, word_counts: bool) -> None:
        _register_extensions()
        self.name = name
        self.word_counts = word_counts
        self.lexicon = load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.mention_rows = extract_rows(doc.text, self.lexicon, word_counts=self.word_counts)
        except Exception as exc:
            doc._.mention_rows = []
            doc._.extract_error = f"{type(exc).__name__}: {exc}"
        return doc


@Language.factory(COMPONENT, default_config={"word_counts": False})
def make_quantity_mentions(nlp: Language, name: str, word_counts: bool) -> QuantityMentions:
    """Factory for the ``quantity_mentions`` component (``word_counts``: also report
    counts written only in words, which the spec treats as optional)."""
    return QuantityMentions(nlp, name, word_counts)


_register_extensions()
