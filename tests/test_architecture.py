"""The one rule of imports (ARCHITECTURE.md): each layer imports only from the layers
upstream of it, extractors/ stays pure, and only dagster_project/ speaks Dagster.

Every import of every module is read with ``ast`` (those inside functions too), so
a lazy import cannot slip past the rule.
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

from tests.conftest import ROOT

# Upstream first. Layers of one rank (analysis, evaluation) do not import each other.
LAYERS: dict[str, int] = {
    "reader": 0,
    "extractors": 1,
    "warehouse": 2,
    "sql": 2,  # SQL files; Python reads them through warehouse.sql_files
    "analysis": 3,
    "evaluation": 3,
    "dagster_project": 4,
    "cli": 5,
}
EXTRACTORS_NEVER = ("dagster", "dagster_duckdb", "duckdb", "polars", "warehouse")
READER_FOR_EXTRACTORS = ("reader.records",)
DAGSTER = ("dagster", "dagster_duckdb", "dagster_webserver", "dagster_graphql")


def modules() -> list[Path]:
    return sorted(p for layer in LAYERS for p in (ROOT / layer).rglob("*.py"))


def imports_of(path: Path) -> set[str]:
    """The absolute names ``path`` imports (``from x import y`` gives ``x`` and ``x.y``)."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def layer_of(path: Path) -> str:
    return path.relative_to(ROOT).parts[0]


def under(name: str, roots: tuple[str, ...]) -> bool:
    return any(name == root or name.startswith(f"{root}.") for root in roots)


def test_every_packaged_folder_has_a_place_in_the_layer_order() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = project["tool"]["setuptools"]["packages"]["find"]["include"]
    assert {pattern.rstrip("*") for pattern in include} == set(LAYERS)


@pytest.mark.parametrize("path", modules(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_a_module_imports_only_from_its_own_layer_and_those_upstream(path: Path) -> None:
    own = layer_of(path)
    wrong = sorted(
        name
        for name in imports_of(path)
        if (top := name.split(".")[0]) in LAYERS and top != own and LAYERS[top] >= LAYERS[own]
    )
    assert not wrong, f"{own}/ is upstream of these: {wrong}"


@pytest.mark.parametrize("path", sorted((ROOT / "extractors").rglob("*.py")), ids=lambda p: p.name)
def test_extractors_stay_pure(path: Path) -> None:
    wrong = sorted(
        name
        for name in imports_of(path)
        if under(name, EXTRACTORS_NEVER)
        or (under(name, ("reader",)) and not under(name, READER_FOR_EXTRACTORS))
    )
    assert not wrong, f"extractors/ imports only reader.records of the project: {wrong}"


@pytest.mark.parametrize("path", modules(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_only_dagster_project_speaks_dagster(path: Path) -> None:
    if layer_of(path) == "dagster_project":
        return
    wrong = sorted(name for name in imports_of(path) if under(name, DAGSTER))
    assert not wrong, f"Dagster belongs in dagster_project/: {wrong}"


def test_the_checker_sees_lazy_and_relative_imports() -> None:
    module = ROOT / "dagster_project" / "assets.py"
    names = imports_of(module)
    assert "warehouse.staging.stage_claims" in names and "dagster" in names
    cli = imports_of(ROOT / "cli" / "main.py")
    assert "dagster_project.ingest" in cli  # imported inside a function
