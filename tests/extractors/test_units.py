"""The pint registry and conversion to the spec's canonical units."""

from __future__ import annotations

import math

import pytest

from extractors.mention import CANONICAL_UNITS
from extractors.units import CANONICAL_PINT, UnitError, conversion_factor, to_canonical, ureg


@pytest.mark.parametrize(
    ("value", "surface", "canonical", "expected"),
    [
        (12, "hour", "second", 43200),
        (675, "GPU_day", "GPU_hour", 16200),
        (10, "teraFLOP", "FLOP", 1e13),
        (600, "petaFLOP", "FLOP", 6e17),
        (1, "PF_day", "FLOP", 8.64e19),
        (3, "teraFLOP / second", "FLOP/second", 3e12),
        (1, "GB", "byte", 1e9),
        (1, "GiB", "byte", 2**30),
        (5, "microjoule", "joule", 5e-6),
        (2, "kWh", "joule", 7.2e6),
        (17.1, "millisecond", "second", 0.0171),
        (20, "calendar_year", "second", 630_720_000),
        (30, "minute", "second", 1800),
        (550, "1 / second", "per_second", 550),
        (2.62, "factor", "x", 2.62),
        (80, "proportion_percent", "%", 80),
        (7e9, "parameter", "parameter", 7e9),
        (256, "pixel_side", "pixel", 256),
    ],
)
def test_to_canonical(value: float, surface: str, canonical: str, expected: float) -> None:
    assert math.isclose(to_canonical(value, surface, canonical), expected, rel_tol=1e-9)


def test_every_canonical_unit_has_a_pint_expression() -> None:
    assert len(CANONICAL_UNITS) == 25  # the spec's closed list
    for expr in CANONICAL_PINT.values():
        ureg.parse_expression(expr)


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [("GB", "second"), ("hour", "GPU_hour"), ("token", "parameter"), ("hour", "nope")],
)
def test_incompatible_units_raise(surface: str, canonical: str) -> None:
    with pytest.raises(UnitError):
        conversion_factor(surface, canonical)


def test_one_registry_with_project_units() -> None:
    for name in ("FLOP", "GPU_hour", "parameter", "token", "sample", "step", "USD", "factor"):
        assert name in ureg
