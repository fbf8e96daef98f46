"""Extraction across processes, for large digests on more than one core.

spaCy's own ``n_process`` ships whole ``Doc`` objects back to the parent, which
costs more than the extraction itself here. Instead each worker runs the
ordinary single-process `extract_papers` over a chunk of papers and returns
only the mentions, so the parent does little beyond reading and writing.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from extractors.mention import Mention
from extractors.pipeline import ExtractionError, extract_papers
from extractors.records import Paper

Result = tuple[Paper, list[Mention] | ExtractionError]


def _extract_chunk(papers: list[Paper]) -> list[Result]:
    return list(extract_papers(papers))


def extract_papers_parallel(
    papers: Iterable[Paper], *, n_process: int = 2, chunk_size: int = 256
) -> Iterator[Result]:
    """`extract_papers` across ``n_process`` worker processes, results in input order.

    At most ``2 * n_process`` chunks are in flight, so memory stays flat however
    long the input is. With ``n_process <= 1`` it is `extract_papers` itself.
    """
    if n_process <= 1:
        yield from extract_papers(papers)
        return
    source = iter(papers)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=n_process, mp_context=context) as pool:
        pending: list[Future[list[Result]]] = []

        def submit() -> bool:
            chunk = list(islice(source, chunk_size))
            if chunk:
                pending.append(pool.submit(_extract_chunk, chunk))
            return bool(chunk)

        for _ in range(2 * n_process):
            if not submit():
                break
        while pending:
            results = pending.pop(0).result()
            submit()
            yield from results
