"""Golden extraction cases kept as data (tests/cases/*_cases.jsonl: extraction_cases
for numbers and their fields, attribution_cases for who scored a result and where).

Each case is a text and the mentions expected in it (text, value, value_high, unit,
kind, direction, qualifier, role, and where given metric, baseline, subject and
benchmark); ``exact`` cases must produce nothing else. The paper's title is the
case's ``title`` or a stand-in that names a method, so subjects can be checked.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from extractors.pipeline import extract_paper
from reader.records import Paper
from tests.conftest import ROOT

CASES = sorted((ROOT / "tests" / "cases").glob("*_cases.jsonl"))


def _cases() -> list[dict[str, Any]]:
    return [
        json.loads(line)
        for path in CASES
        for line in path.read_text(encoding="utf-8").splitlines()
        if line
    ]


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6)


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["text"][:50])
def test_extraction_case(case: dict[str, Any]) -> None:
    text = case["text"]
    mentions = extract_paper(
        Paper(0, case.get("title", "NeSyGeo: A Neuro-Symbolic Framework"), text)
    )
    mentions = [m for m in mentions if m.section == "abstract"]
    for m in mentions:
        assert text[m.start_char : m.end_char] == m.text
    got = {m.text: m for m in mentions}
    for exp in case["expected"]:
        assert exp["text"] in got, f"missing {exp['text']!r}; got {sorted(got)}"
        m = got[exp["text"]]
        assert _same(m.value, exp["value"]), (exp["text"], m.value)
        assert _same(m.value_high, exp["value_high"]), (exp["text"], m.value_high)
        fields = ("unit", "kind", "direction", "qualifier", "role", "metric", "baseline")
        for field in (*fields, "subject", "benchmark"):
            if field in exp:
                assert getattr(m, field) == exp[field], (exp["text"], field, getattr(m, field))
    if case["exact"]:
        assert len(mentions) == len(case["expected"]), [m.text for m in mentions]
