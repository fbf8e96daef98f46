"""Public API of the extraction engine: papers in, quantity mentions out.

``extract_papers`` streams ``(paper, result)`` pairs in input order, where ``result`` is
the paper's list of :class:`Mention` or, if the extractor failed on that paper, an
:class:`ExtractionError` value (never raised), so one bad paper never stops a batch.
``extract_paper`` is the one-paper form and raises :class:`ExtractionError` instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extractors import component  # noqa: F401 - registers the spaCy factory
from extractors.component import COMPONENT
from extractors.mention import Mention, Section
from reader.records import Paper

SECTIONS: tuple[Section, ...] = ("title", "abstract")
# spaCy's vocabulary keeps every string the tokenizer has seen, so a process that
# extracts millions of papers would grow without bound; past this many strings
# (about 15,000 abstracts) the next batch gets a fresh pipeline, built in ~0.1 s.
VOCAB_STRINGS_LIMIT = 100_000


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
    """A tokenizer-only English pipeline plus the ``quantity_mentions`` component.

    No tagger/parser/NER: quantities are found by regexes and lexicons, which is what
    keeps throughput far above the trained pipeline's.
    """
    nlp = spacy.blank("en")
    nlp.add_pipe(COMPONENT, config={"word_counts": word_counts})
    return nlp


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The process-wide pipeline, rebuilt once its vocabulary outgrows
    ``VOCAB_STRINGS_LIMIT`` (mentions never depend on what it has seen before)."""
    return build_nlp()


def _fresh_enough_nlp() -> Language:
    nlp = get_nlp()
    if len(nlp.vocab.strings) > VOCAB_STRINGS_LIMIT:
        get_nlp.cache_clear()
        nlp = get_nlp()
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
        yield from _extract_stream(batch, batch_size)


def extract_batch(batch: list[Paper]) -> list[Result]:
    """One batch, fully extracted: the unit of work a worker process runs (results are
    small and picklable; spaCy's own ``nlp.pipe(n_process=...)`` would ship every
    tokenised Doc back instead)."""
    return list(_extract_stream(batch, len(batch)))


def batches(papers: Iterable[Paper], size: int) -> Iterator[list[Paper]]:
    it = iter(papers)
    while batch := list(islice(it, size)):
        yield batch


def _extract_stream(papers: Iterable[Paper], batch_size: int) -> Iterator[Result]:
    nlp = _fresh_enough_nlp()

    def docs() -> Iterator[tuple[Doc, Paper]]:
        # the section goes on the Doc before the component runs, so its mentions know it
        for p in papers:
            for section, text in zip(SECTIONS, (p.title, p.abstract), strict=True):
                doc = nlp.make_doc(text or "")
                doc._.section = section
                doc._.paper = (p.title or "", p.abstract or "")
                yield doc, p

    pending: list[Mention] = []
    errors: list[str] = []
    for doc, paper in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
        section = doc._.section
        if doc._.extract_error:
            errors.append(f"{section}: {doc._.extract_error}")
        else:
            pending.extend(doc._.mentions or [])
        if section == "abstract":
            if errors:
                yield paper, ExtractionError(paper.idx, "; ".join(errors))
            else:
                yield paper, pending
            pending, errors = [], []
