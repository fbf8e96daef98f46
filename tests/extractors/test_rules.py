"""The rules file is data that is checked when it loads, and every rule has an id."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from extractors.lexicon import RULES_PATH, RulesError, check_rules, load_lexicon
from extractors.pipeline import extract_paper
from extractors.quantities import _WORD_QUANTITY_HINT
from reader.records import Paper


def raw() -> dict:
    return tomllib.loads(RULES_PATH.read_text(encoding="utf-8"))


def test_the_shipped_rules_load() -> None:
    check_rules(raw())
    assert load_lexicon().units


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda r: r["unit"][0].update(pint_unit="x"), "unknown keys"),
        (lambda r: r.update(units_extra={}), "unknown sections"),
        (lambda r: r["unit"][1].update(id=r["unit"][0]["id"]), "id of its own"),
        (lambda r: r["unit"][0].pop("id"), "id of its own"),
        (lambda r: r["unit"][0].update(pint="kilogram"), "cannot convert"),
        (lambda r: r["unit"][0].update(canonical="furlong"), "not a canonical unit"),
        (lambda r: r["counted"]["noun"][0].update(pattern="(unclosed"), "does not compile"),
    ],
)
def test_a_broken_rule_is_refused_at_load(edit, message: str) -> None:
    rules = raw()
    edit(rules)
    with pytest.raises(RulesError, match=message):
        check_rules(rules)


def test_a_broken_rules_file_fails_loading(tmp_path: Path) -> None:
    broken = tmp_path / "rules.toml"
    broken.write_text(
        RULES_PATH.read_text(encoding="utf-8").replace('pint = "bit"', 'pint = "watt"'),
        encoding="utf-8",
    )
    with pytest.raises(RulesError, match="bit"):
        load_lexicon.__wrapped__(broken)


def test_every_word_quantity_pattern_holds_a_word_of_the_gate() -> None:
    """The gate that skips sentences must never skip one a word rule would match."""
    for row in raw()["word_quantity"]:
        assert _WORD_QUANTITY_HINT.found(row["pattern"]), row["id"]
    for text in ("twice", "halves", "three orders of magnitude", "one-third", "in an hour"):
        assert _WORD_QUANTITY_HINT.found(text), text


def test_every_mention_names_the_rules_that_made_it() -> None:
    mentions = extract_paper(
        Paper(
            0, "NeSyGeo: x", "It is 2.62x faster on ImageNet with 47 patients and twice the data."
        )
    )
    by_text = {m.text: m.rules for m in mentions}
    assert by_text["2.62x"][:2] == ("unit.times", "find.unit_after")
    assert "benchmark.on_after" in by_text["2.62x"] and "subject.paper_method" in by_text["2.62x"]
    assert by_text["47 patients"] == ("noun.count.other_plural", "find.counted_noun")
    assert by_text["twice"][0] == "word.twice"
    known = {r["id"] for t in ("unit", "word_quantity") for r in raw()[t]}
    known |= {r["id"] for r in raw()["counted"]["noun"]}
    for m in mentions:
        assert m.rules, m.text
        assert all(r in known or re.fullmatch(r"[a-z]+\.[a-z_]+", r) for r in m.rules)
