"""The public extraction API: ordering, streaming, per-paper errors, the spaCy component."""

from __future__ import annotations

import pickle
from collections.abc import Iterator

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

import extractors.component as component
import extractors.pipeline as pipeline
from dagster_project.parallel import extract_in_parallel
from extractors.mention import CANONICAL_UNITS, KINDS, QUALIFIERS
from extractors.pipeline import (
    ExtractionError,
    build_nlp,
    extract_paper,
    extract_papers,
    get_nlp,
)
from reader.records import Paper

PAPERS = [
    Paper(0, "A 2x Faster Model", "We train on 8 GPUs and reduce memory by 62%."),
    Paper(1, "No numbers here", "Nothing quantitative is said."),
    Paper(2, "", "It reaches 80.0% top-1 accuracy with 10M parameters, 3.5times faster."),
]


def test_mentions_sorted_by_section_then_start_and_offsets_hold() -> None:
    mentions = extract_paper(PAPERS[0])
    assert [m.section for m in mentions] == ["title", "abstract", "abstract"]
    starts = [m.start for m in mentions if m.section == "abstract"]
    assert starts == sorted(starts)
    for m in mentions:
        source = PAPERS[0].title if m.section == "title" else PAPERS[0].abstract
        assert source[m.start : m.end] == m.text


def test_stream_keeps_input_order_and_is_lazy() -> None:
    pulled: list[int] = []

    def gen() -> Iterator[Paper]:
        for p in PAPERS * 3:
            pulled.append(p.idx)
            yield p

    stream = extract_papers(gen(), batch_size=2)
    first = next(stream)
    assert first[0] is PAPERS[0]
    assert len(pulled) < 9  # not everything read up front
    rest = [p.idx for p, _ in stream]
    assert [first[0].idx, *rest] == [0, 1, 2] * 3


def test_a_failing_paper_does_not_stop_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    real = component.extract_rows

    def flaky(text: str, *args: object, **kwargs: object) -> list:
        if "BOOM" in text:
            raise RuntimeError("boom")
        return real(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(component, "extract_rows", flaky)
    papers = [PAPERS[0], Paper(1, "t", "BOOM 5%"), PAPERS[2]]
    out = list(extract_papers(papers))
    assert [p.idx for p, _ in out] == [0, 1, 2]
    assert isinstance(out[1][1], ExtractionError) and out[1][1].paper_idx == 1
    assert "boom" in str(out[1][1])
    assert isinstance(out[0][1], list) and isinstance(out[2][1], list)
    with pytest.raises(ExtractionError):
        extract_paper(papers[1])


def test_extraction_error_pickles() -> None:
    err = pickle.loads(pickle.dumps(ExtractionError(3, "abstract: ValueError: x")))
    assert (err.paper_idx, err.message) == (3, "abstract: ValueError: x")


@pytest.mark.slow
def test_worker_processes_give_the_same_results() -> None:
    one = [(p.idx, r) for p, r in extract_papers(PAPERS * 2, batch_size=2)]
    two = [(p.idx, r) for p, r in extract_in_parallel(PAPERS * 2, 2, batch_size=2)]
    assert one == two


def test_a_pipeline_whose_vocabulary_outgrew_its_limit_is_rebuilt_with_the_same_results(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = [(p.idx, r) for p, r in extract_papers(PAPERS * 3, batch_size=2)]
    first = get_nlp()
    monkeypatch.setattr(pipeline, "VOCAB_STRINGS_LIMIT", len(first.vocab.strings) - 1)
    after = [(p.idx, r) for p, r in extract_papers(PAPERS * 3, batch_size=2)]
    assert get_nlp() is not first
    assert after == before


def test_component_stores_results_on_the_doc() -> None:
    nlp = build_nlp()
    assert nlp.pipe_names == ["quantity_mentions"]
    doc = nlp("It is 2.62x faster than EfficientNet-B0.")
    assert [m.text for m in doc._.mentions] == ["2.62x"]
    assert doc._.extract_error is None
    # the rows survive Doc serialisation (as in nlp.pipe(n_process>1))
    doc2 = spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [m.value for m in doc2._.mentions] == [2.62]


_ALPHABET = "0123456789 .,%$\\{}^_-~xX×→()abcdefghijklmnopqrstuvwxyz ABKMGTfoldtimesGPUhours"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=120))
def test_arbitrary_text_never_raises_and_offsets_hold(text: str) -> None:
    for m in extract_paper(Paper(0, text, text)):
        source = text  # title and abstract are the same text here
        assert source[m.start : m.end] == m.text
        assert m.unit in CANONICAL_UNITS and m.kind in KINDS and m.qualifier in QUALIFIERS
        assert (m.direction is None) == (m.kind not in ("multiplier", "change"))
