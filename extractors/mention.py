"""The unit of output, and the one definition of a claim's columns.

:class:`Mention` is a quantity mention with the fields of claims-spec.md. Its field
names *are* the column names of the staged Parquet, of the ``claims`` table and of
the views over it, in this order: the staging schema is derived from
:data:`MENTION_COLUMNS` and the field types, the spec export from the fields marked
``spec``, and ``tests/warehouse/test_one_schema.py`` checks the SQL that must spell
them out (the DDL, the views, the eval query) against this list.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

from extractors.units import CANONICAL_UNITS

Section = Literal["title", "abstract"]
Kind = Literal["multiplier", "change", "proportion", "value"]
Role = Literal["result", "setup"]
Direction = Literal["up", "down"]
Qualifier = Literal["=", "~", "<=", ">=", "<", ">"]

KINDS: frozenset[str] = frozenset({"multiplier", "change", "proportion", "value"})
ROLES: frozenset[str] = frozenset({"result", "setup"})
DIRECTIONS: frozenset[str] = frozenset({"up", "down"})
QUALIFIERS: frozenset[str] = frozenset({"=", "~", "<=", ">=", "<", ">"})

__all__ = ["CANONICAL_UNITS", "MENTION_COLUMNS", "SPEC_FIELDS", "Mention"]

_SPEC = {"spec": True}  # a field of the gold files (claims-spec.md, "Fields of a mention")


@dataclass(frozen=True, slots=True)
class Mention:
    """A quantity stated in a title or abstract.

    ``start_char``/``end_char`` are character offsets of ``text`` in the section's
    text, so ``source[start_char:end_char] == text`` always holds; ``sentence`` is
    the sentence that holds it, for people reading rows; ``rules`` names the rules
    (ids of ``rules.toml``) that found the number, read its unit and decided its
    fields, so a wrong row can be traced to the rule that made it.
    """

    section: Section
    start_char: int
    end_char: int
    text: str = field(metadata=_SPEC)
    value: float = field(metadata=_SPEC)
    value_high: float | None = field(metadata=_SPEC)
    unit: str = field(metadata=_SPEC)
    canonical_value: float = field(metadata=_SPEC)
    canonical_value_high: float | None = field(metadata=_SPEC)
    kind: Kind = field(metadata=_SPEC)
    role: Role = field(metadata=_SPEC)
    direction: Direction | None = field(metadata=_SPEC)
    metric: str | None = field(metadata=_SPEC)
    baseline: str | None = field(metadata=_SPEC)
    qualifier: Qualifier = field(metadata=_SPEC)
    benchmark: str | None = field(metadata=_SPEC)
    subject: str | None = field(metadata=_SPEC)
    sentence: str
    rules: tuple[str, ...]

    def to_spec_dict(self, paper: int) -> dict[str, Any]:
        """The mention as a gold-file object (the spec's field names)."""
        d = asdict(self)
        return {"paper": paper, "in": d["section"], **{k: d[k] for k in SPEC_FIELDS}}

    def column_values(self) -> tuple[Any, ...]:
        """The mention's values in :data:`MENTION_COLUMNS` order (``rules`` as a list,
        as Parquet and DuckDB store it)."""
        return tuple(
            list(v) if isinstance(v, tuple) else v
            for v in (getattr(self, name) for name in MENTION_COLUMNS)
        )


MENTION_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Mention))
SPEC_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Mention) if f.metadata.get("spec"))
