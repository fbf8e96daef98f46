"""Keys of one digest's papers, so that different papers never share one.

A title-keyed paper (no arXiv id) listed twice in a digest is one paper when
its text is the same, and two papers when the abstracts differ (generic titles
such as "Introduction" do collide). Either way the second listing is reported,
so that no merge goes unrecorded.
"""

from __future__ import annotations

import hashlib

from reader.digest_reader import normalize_title, paper_key
from reader.records import Paper, ReadProblem


class DigestKeys:
    """Assigns keys to a digest's papers in file order."""

    def __init__(self) -> None:
        # key -> (paper_idx of its first listing, hash of that listing's text)
        self._first: dict[str, tuple[int, str]] = {}

    def key(self, paper: Paper) -> tuple[str, ReadProblem | None]:
        """The paper's key, and a warning when this listing repeats or collides."""
        key = paper_key(paper.title, paper.arxiv_id, paper.abstract)
        if paper.arxiv_id:  # the reader lets each (versionless) id through once
            return key, None
        text = _text_hash(paper)
        first = self._first.get(key)
        if first is None:
            self._first[key] = (paper.idx, text)
            return key, None
        if first[1] == text:
            return key, _repeated(paper, first[0])
        # Same title, another abstract: another paper, with a key of its own.
        own = hashlib.sha1(f"{normalize_title(paper.title)}\0{text}".encode()).hexdigest()[:16]
        repeat = self._first.get(own)
        if repeat is not None:
            return own, _repeated(paper, repeat[0])
        self._first[own] = (paper.idx, text)
        return own, _warning(
            paper,
            f"same title as paper {first[0]} but another abstract: kept as a separate paper",
        )


def _text_hash(paper: Paper) -> str:
    return hashlib.sha1(f"{paper.title}\n{paper.abstract}".encode()).hexdigest()


def _warning(paper: Paper, message: str) -> ReadProblem:
    return ReadProblem(message, paper.idx, paper.title[:120], severity="warning")


def _repeated(paper: Paper, first_idx: int) -> ReadProblem:
    return _warning(paper, f"listed again: same paper as paper {first_idx}; stored once")
