"""The unit of output: one quantity mention, with the fields of claims-spec.md."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

Section = Literal["title", "abstract"]
Kind = Literal["multiplier", "change", "proportion", "value"]
Role = Literal["result", "setup"]
Direction = Literal["up", "down"]
Qualifier = Literal["=", "~", "<=", ">=", "<", ">"]

CANONICAL_UNITS: frozenset[str] = frozenset(
    {
        "x", "%", "pp", "second", "GPU_hour", "FLOP", "FLOP/second", "byte", "bit",
        "joule", "watt", "USD", "parameter", "token", "sample", "step", "count",
        "pixel", "per_second", "score",
    }
)  # fmt: skip
KINDS: frozenset[str] = frozenset({"multiplier", "change", "proportion", "value"})
ROLES: frozenset[str] = frozenset({"result", "setup"})
DIRECTIONS: frozenset[str] = frozenset({"up", "down"})
QUALIFIERS: frozenset[str] = frozenset({"=", "~", "<=", ">=", "<", ">"})


@dataclass(frozen=True, slots=True)
class Mention:
    """A quantity stated in a title or abstract.

    ``start``/``end`` are character offsets of ``text`` in the section's text,
    so ``source[start:end] == text`` always holds; ``sentence`` is the sentence
    that holds it, for people reading rows.
    """

    section: Section
    start: int
    end: int
    text: str
    value: float
    value_high: float | None
    unit: str
    canonical_value: float
    canonical_value_high: float | None
    kind: Kind
    role: Role
    direction: Direction | None
    metric: str | None
    baseline: str | None
    qualifier: Qualifier
    sentence: str

    def to_spec_dict(self, paper: int) -> dict[str, Any]:
        """The mention as a gold-file object (the spec's field names)."""
        d = asdict(self)
        return {
            "paper": paper,
            "in": d.pop("section"),
            **{k: d[k] for k in SPEC_FIELDS},
        }


SPEC_FIELDS: tuple[str, ...] = (
    "text", "value", "value_high", "unit", "canonical_value", "canonical_value_high",
    "kind", "role", "direction", "metric", "baseline", "qualifier",
)  # fmt: skip
