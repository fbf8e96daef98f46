"""Public API of the extraction engine: papers in, quantity mentions out.

``extract_papers`` streams ``(paper, result)`` pairs in input order, where ``result`` is
the paper's list of :class:`Mention` or, if the extractor failed on that paper, an
:class:`ExtractionError` value (never raised), so one bad paper never stops a batch.
``extract_paper`` is the one-paper form and raises :class:`ExtractionError` instead.

Plain text is the hot path: the rules read characters (regexes over the normalised
sentence), never tokens, and measured on 3,000 corpus papers tokenizing every text
with spaCy's blank English tokenizer first cost as much as the rules themselves
(82,829 words/s of CPU through ``nlp.pipe`` against 168,199 calling the rules on the
text). ``build_nlp`` wraps the same rules as the spaCy component
``quantity_mentions`` for those who want them in a spaCy pipeline; it gives the same
mentions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

import spacy
from spacy.language import Language

from extractors import component  # noqa: F401 - registers the spaCy factory
from extractors.component import COMPONENT, extract_mentions
from extractors.lexicon import load_lexicon
from extractors.mention import Mention, Section
from extractors.paper_context import paper_context
from reader.records import Paper

SECTIONS: tuple[Section, ...] = ("title", "abstract")


class ExtractionError(Exception):
    """The extractor failed on one paper; ``message`` says how, per failed section.

    A plain exception with ``args == (paper_idx, message)`` so it pickles across
    worker processes.
    """

    def __init__(self, paper_idx: int, message: str) -> None:
        super().__init__(paper_idx, message)
        self.paper_idx = paper_idx
        self.message = message

    def __str__(self) -> str:
        return f"paper {self.paper_idx}: {self.message}"


def build_nlp(*, word_counts: bool = False) -> Language:
    """A blank English spaCy pipeline with the ``quantity_mentions`` component, for
    use inside spaCy (``doc._.mentions``; set ``doc._.section`` and ``doc._.paper``
    on a Doc from ``nlp.make_doc`` to name its section and paper)."""
    nlp = spacy.blank("en")
    nlp.add_pipe(COMPONENT, config={"word_counts": word_counts})
    return nlp


def extract_paper(paper: Paper) -> list[Mention]:
    """Mentions of one paper's title and abstract, sorted by section then start.

    Raises :class:`ExtractionError` if the extractor fails on this paper.
    """
    for _, result in extract_papers([paper]):
        if isinstance(result, ExtractionError):
            raise result
        return result
    return []


Result = tuple[Paper, list[Mention] | ExtractionError]


def extract_papers(papers: Iterable[Paper], *, batch_size: int = 256) -> Iterator[Result]:
    """Stream ``(paper, mentions)`` in input order in this process; memory stays flat.

    A paper the extractor fails on is yielded as ``(paper, ExtractionError)`` instead of
    stopping the stream. Fanning batches out to worker processes is the caller's
    business (``dagster_project.parallel.extract_in_parallel``): this package does no
    process management.
    """
    for batch in batches(papers, batch_size):
        yield from extract_batch(batch)


def extract_batch(batch: list[Paper]) -> list[Result]:
    """One batch, fully extracted: the unit of work a worker process runs (results are
    small and picklable)."""
    return [(paper, _extract_one(paper)) for paper in batch]


def _extract_one(paper: Paper) -> list[Mention] | ExtractionError:
    lex = load_lexicon()
    context = paper_context(paper.title or "", paper.abstract or "", lex)
    mentions: list[Mention] = []
    errors: list[str] = []
    for section, text in zip(SECTIONS, (paper.title, paper.abstract), strict=True):
        try:
            mentions.extend(extract_mentions(text or "", section, lex, paper=context))
        except Exception as exc:  # one bad text never stops a batch
            errors.append(f"{section}: {type(exc).__name__}: {exc}")
    return ExtractionError(paper.idx, "; ".join(errors)) if errors else mentions


def batches(papers: Iterable[Paper], size: int) -> Iterator[list[Paper]]:
    it = iter(papers)
    while batch := list(islice(it, size)):
        yield batch
