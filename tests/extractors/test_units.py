"""The pint registry and conversion to the spec's canonical units."""

from __future__ import annotations

import math

import pytest

from extractors.mention import CANONICAL_UNITS
from extractors.pipeline import extract_paper
from extractors.units import CANONICAL_PINT, UnitError, conversion_factor, to_canonical, ureg
from reader.records import Paper


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


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("Clips last from 30 seconds to 15 minutes.", (30.0, 900.0)),
        ("Sessions took 5-10 minutes.", (300.0, 600.0)),  # one unit for both ends
        ("Memory fell from 2 GB to 500 MB with our method.", (2e9, 5e8)),  # a before, an after
    ],
)
def test_a_range_whose_ends_name_their_own_units_converts_each(
    text: str, canonical: tuple[float, float]
) -> None:
    (m, *rest) = extract_paper(Paper(0, "", text))
    values = [m.canonical_value, m.canonical_value_high or rest[0].canonical_value]
    assert values == pytest.approx(list(canonical))
