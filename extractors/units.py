"""The project's one pint registry and the conversion to claims-spec canonical units.

Surface units (what the lexicon recognises next to a number, e.g. ``GPU_day`` or
``TFLOP``) are pint expressions; each canonical unit of the spec names the pint
expression its values are expressed in. Conversion factors are cached because
pint's parser is slow and abstracts repeat the same few units.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pint

DEFINITIONS = Path(__file__).with_name("units.txt")

# canonical unit of the spec -> pint expression its canonical values are in
CANONICAL_PINT: dict[str, str] = {
    "x": "factor",
    "%": "proportion_percent",
    "pp": "percentage_point",
    "second": "second",
    "GPU_hour": "GPU_hour",
    "FLOP": "FLOP",
    "FLOP/second": "FLOP / second",
    "byte": "byte",
    "bit": "bit",
    "joule": "joule",
    "watt": "watt",
    "USD": "USD",
    "parameter": "parameter",
    "token": "token",
    "sample": "sample",
    "step": "step",
    "count": "count",
    "pixel": "pixel_side",
    "per_second": "1 / second",
    "score": "score_unit",
    "metre": "metre",
    "kilogram": "kilogram",
    "hertz": "hertz",
    "degree": "degree",
    "decibel": "decibel_value",
}
# The closed list of the spec's canonical units, defined once: the keys above.
CANONICAL_UNITS: frozenset[str] = frozenset(CANONICAL_PINT)


def _build_registry() -> pint.UnitRegistry:
    reg = pint.UnitRegistry(cache_folder=None)
    reg.load_definitions(str(DEFINITIONS))
    return reg


ureg: pint.UnitRegistry = _build_registry()


class UnitError(ValueError):
    """A surface unit that does not convert to the canonical unit it was mapped to."""


@lru_cache(maxsize=4096)
def conversion_factor(surface: str, canonical: str) -> float:
    """Multiplier from ``surface`` (a pint expression) to the canonical unit ``canonical``."""
    try:
        target = CANONICAL_PINT[canonical]
    except KeyError:
        raise UnitError(f"not a canonical unit: {canonical!r}") from None
    try:
        q = ureg.Quantity(1.0, surface).to(target)
    except (pint.errors.PintError, AttributeError, TypeError) as exc:
        raise UnitError(f"cannot convert {surface!r} to {canonical!r}: {exc}") from None
    return float(q.magnitude)


def to_canonical(value: float, surface: str, canonical: str) -> float:
    """``value`` in ``surface`` units expressed in the canonical unit (e.g. 12 hour -> 43200)."""
    return value * conversion_factor(surface, canonical)
