"""The README's example outputs are what the code prints on the bundled digests:
regenerated here at test time, compared with the README's blocks."""

from __future__ import annotations

from pathlib import Path

from scripts.readme_examples import README, blocks, commands, regenerate


def test_the_readme_has_its_example_blocks() -> None:
    found = blocks(README.read_text(encoding="utf-8"))
    assert {"tour", "summary"} <= set(found)
    assert len(commands(found["tour"])) == 5
    assert commands(found["summary"]) == ["claims summary"]


def test_readme_examples_match_what_the_code_prints(bundled_warehouse: Path) -> None:
    text = README.read_text(encoding="utf-8")
    expected = blocks(regenerate(text, bundled_warehouse))
    actual = blocks(text)
    for name in expected:
        assert actual[name] == expected[name], f"README block {name!r} is stale: run `make readme`"


def test_regenerate_replaces_only_the_blocks(bundled_warehouse: Path) -> None:
    text = (
        'intro\n<!-- example: one -->\n```\n$ claims sql "select 41 + 1 as n"\nold\n```\n'
        "<!-- /example -->\noutro\n"
    )
    assert regenerate(text, bundled_warehouse) == (
        'intro\n<!-- example: one -->\n```\n$ claims sql "select 41 + 1 as n"\n'
        "| n  |\n|----|\n| 42 |\n```\n<!-- /example -->\noutro\n"
    )
