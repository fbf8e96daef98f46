"""Property tests: any text, any Unicode, any LaTeX debris; the reader and the
extractors never raise, and every mention's offsets point at its own text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.pipeline import extract_papers
from reader.digest_reader import read_digest
from reader.records import Paper
from tests.conftest import digest_text

LATEX = [
    "$", "\\", "\\%", "%", "$\\times$", "\\times", "times", "x", "X", "×", "$\\sim$", "sim",
    "\\textbf{", "}", "{", "^", "^{4}", "_", "\\approx", "~", "rightarrow", "\\rightarrow",
    "\\pm", "±", "-", "–", "—", "/", ".", ",", "e-5", "1e", "10^", "(", ")", "[", "]",
    "mu", "\\mu", "µ", "K", "M", "B", "T", "GPU hours", "FLOPs", "fold", "pp", " ", "\n",
    "vs.", "from", "to", "up to", "over", "faster", "fewer", "reduces", "by", "of",
]  # fmt: skip
NUMBERS = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["0", "00", "1,000", "1,00,0", "3.", ".5", "1.2.3", "9" * 400, "½"]),
)
FRAGMENTS = st.lists(st.one_of(st.sampled_from(LATEX), NUMBERS, st.text(max_size=8)), max_size=40)
TEXTS = st.one_of(st.text(max_size=400), FRAGMENTS.map("".join), FRAGMENTS.map(" ".join))


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=TEXTS, abstract=TEXTS)
def test_extractors_never_raise_and_offsets_point_at_the_text(title: str, abstract: str) -> None:
    ((_, result),) = list(extract_papers([Paper(0, title, abstract)]))
    assert not isinstance(result, Exception), result
    for m in result:
        source = title if m.section == "title" else abstract
        assert 0 <= m.start_char < m.end_char <= len(source)
        assert source[m.start_char : m.end_char] == m.text


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(raw=st.one_of(st.binary(max_size=2000), TEXTS.map(str.encode)), blocks=st.lists(TEXTS))
def test_the_reader_never_raises(tmp_path: Path, raw: bytes, blocks: list[str]) -> None:
    for i, content in enumerate(
        (raw, digest_text("Mar 11", list(zip(blocks[::2], blocks[1::2], strict=False))).encode())
    ):
        path = tmp_path / f"any-{i}.txt"
        path.write_bytes(content)
        digest = read_digest(path, year=2024)
        assert digest.format in ("digest", "jsonl", "unknown")
        assert all(p.title and p.abstract for p in digest.papers)
        assert digest.papers or digest.problems
