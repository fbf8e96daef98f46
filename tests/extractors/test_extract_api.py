"""The public extraction API: ordering, streaming, per-paper errors, the spaCy component."""

from __future__ import annotations

import pickle
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import extractors.pipeline as pipeline
from dagster_project.parallel import extract_in_parallel
from extractors.mention import CANONICAL_UNITS, KINDS, QUALIFIERS
from extractors.pipeline import (
    ExtractionError,
    build_nlp,
    extract_paper,
    extract_papers,
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
    starts = [m.start_char for m in mentions if m.section == "abstract"]
    assert starts == sorted(starts)
    for m in mentions:
        source = PAPERS[0].title if m.section == "title" else PAPERS[0].abstract
        assert source[m.start_char : m.end_char] == m.text


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
    real = pipeline.extract_mentions

    def flaky(text: str, *args: object, **kwargs: object) -> list:
        if "BOOM" in text:
            raise RuntimeError("boom")
        return real(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "extract_mentions", flaky)
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


def test_the_spacy_component_gives_the_mentions_of_the_plain_text_path() -> None:
    nlp = build_nlp()
    for paper in PAPERS:
        docs = []
        for section, text in (("title", paper.title), ("abstract", paper.abstract)):
            doc = nlp.make_doc(text)
            doc._.section, doc._.paper = section, (paper.title, paper.abstract)
            docs.append(nlp(doc))
        assert [m for d in docs for m in d._.mentions] == extract_paper(paper)


def test_component_stores_results_on_the_doc() -> None:
    nlp = build_nlp()
    assert nlp.pipe_names == ["quantity_mentions"]
    doc = nlp("It is 2.62x faster than EfficientNet-B0.")
    assert [m.text for m in doc._.mentions] == ["2.62x"]
    assert doc._.extract_error is None
    assert [m.section for m in doc._.mentions] == ["abstract"]  # a Doc's section by default


def test_the_section_set_on_the_doc_names_its_mentions() -> None:
    nlp = build_nlp()
    doc = nlp.make_doc("2.62x faster")
    doc._.section = "title"
    (mention,) = nlp(doc)._.mentions
    assert mention.section == "title"


_ALPHABET = "0123456789 .,%$\\{}^_-~xX×→()abcdefghijklmnopqrstuvwxyz ABKMGTfoldtimesGPUhours"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=120))
def test_arbitrary_text_never_raises_and_offsets_hold(text: str) -> None:
    for m in extract_paper(Paper(0, text, text)):
        source = text  # title and abstract are the same text here
        assert source[m.start_char : m.end_char] == m.text
        assert m.unit in CANONICAL_UNITS and m.kind in KINDS and m.qualifier in QUALIFIERS
        assert (m.direction is None) == (m.kind not in ("multiplier", "change"))


def test_the_component_reports_word_counts_when_asked() -> None:
    # counts written only in words are optional in the spec: off by default, on when the
    # component is configured for them, in any sentence ("two stages" needs no "twice")
    text = "We train five distinct expert modules and use a two-stage pipeline zero-shot."
    plain, counting = build_nlp(), build_nlp(word_counts=True)
    found = {m.text: m for m in counting(text)._.mentions}
    assert plain(text)._.mentions == []
    assert found["five distinct expert modules"].value == 5
    assert found["five distinct expert modules"].unit == "count"
    assert found["two-stage"].value == 2
    assert not any("zero" in t.lower() for t in found)  # "zero-shot" is a setting


def test_a_count_of_findings_in_words_is_a_result_by_default() -> None:
    # what a study found, counted in words, is a claim (no optional setting): reported
    # without word counts, as a result; the problems it starts from stay settings
    text = "We identify five distinct failure modes, and face three key challenges."
    found = {m.text: m for m in build_nlp()(text)._.mentions}
    assert list(found) == ["five distinct failure modes"]
    assert found["five distinct failure modes"].value == 5
    assert found["five distinct failure modes"].role == "result"
    assert "find.count_of_findings" in found["five distinct failure modes"].rules
