"""A non-editable install finds its SQL, templates and rules: the wheel is built,
installed into a fresh venv, and `claims ingest` and `claims sql` run from a
folder that is not the checkout.

The venv downloads nothing: it sees the project's dependencies through a ``.pth``
line naming this venv's site-packages, written after the wheel is installed, so
the wheel's own files come first on ``sys.path``. A line naming a folder does not
run that folder's own ``.pth`` files, so this checkout's editable install stays out.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.analysis.test_report import PLOTS
from tests.conftest import OTHER_DIGEST, ROOT

pytestmark = pytest.mark.slow  # builds a wheel and ingests through it


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DAGSTER_HOME")}
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, f"{args}\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    return result


def source_copy(into: Path) -> Path:
    """The project's sources alone (what `pip install .` reads), away from the checkout,
    so that building writes no build/ or egg-info into it."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    layers = {p.rstrip("*") for p in project["tool"]["setuptools"]["packages"]["find"]["include"]}
    src = into / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    for layer in sorted(layers):
        shutil.copytree(ROOT / layer, src / layer, ignore=shutil.ignore_patterns("__pycache__"))
    return src


def fresh_venv(path: Path) -> tuple[Path, Path]:
    """A venv without pip (this one's pip installs into it); its python and site-packages."""
    run(sys.executable, "-m", "venv", "--without-pip", path, cwd=path.parent)
    python = path / "bin" / "python"
    purelib = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                  cwd=path.parent).stdout.strip()  # fmt: skip
    return python, Path(purelib)


def pip_install(python: Path, *args: str | Path, cwd: Path) -> None:
    run(sys.executable, "-m", "pip", "--disable-pip-version-check", "--python", python,
        "install", "--no-deps", "--no-index", *args, cwd=cwd)  # fmt: skip


def repo_files(folder: str, suffix: str) -> set[str]:
    return {p.relative_to(ROOT).as_posix() for p in (ROOT / folder).rglob(f"*{suffix}")}


@pytest.fixture(scope="module")
def src(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return source_copy(tmp_path_factory.mktemp("project"))


def test_the_wheel_installed_in_a_fresh_venv_ingests_and_queries(src: Path, tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    run(sys.executable, "-m", "pip", "wheel", "--disable-pip-version-check", "--no-deps",
        "--no-build-isolation", src, "-w", wheels, cwd=tmp_path)  # fmt: skip
    (wheel,) = wheels.glob("paper_claims-*.whl")
    with zipfile.ZipFile(wheel) as z:
        shipped = set(z.namelist())
    assert repo_files("sql", ".sql") <= shipped
    assert repo_files("analysis/templates", ".j2") <= shipped
    assert {"extractors/rules.toml", "extractors/units.txt"} <= shipped

    python, site = fresh_venv(tmp_path / "venv")
    pip_install(python, wheel, cwd=tmp_path)
    # After the wheel: the dependencies come after its files on sys.path.
    (site / "zz_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = run(python, "-c", "import sql, analysis, cli.main; print(sql.__file__); "
                "print(analysis.__file__); print(cli.main.__file__)", cwd=elsewhere)  # fmt: skip
    for line in where.stdout.splitlines():
        assert Path(line).is_relative_to(site), where.stdout
    claims = tmp_path / "venv" / "bin" / "claims"
    db = elsewhere / "warehouse.duckdb"
    ingest = run(claims, "ingest", OTHER_DIGEST, "--db", db, cwd=elsewhere)
    assert f"{OTHER_DIGEST.name}: loaded, " in ingest.stdout
    count = run(claims, "sql", "select count(*) as n from claims", "--db", db,
                "--format", "jsonl", cwd=elsewhere)  # fmt: skip
    assert json.loads(count.stdout)["n"] > 0
    report = run(claims, "report", "--db", db, "--out", "report.html", cwd=elsewhere)
    assert "wrote report.html" in report.stdout
    assert (elsewhere / "report.html").read_text(encoding="utf-8").count("<svg") == PLOTS


def test_pip_install_of_the_source_puts_the_sql_in_site_packages(src: Path, tmp_path: Path) -> None:
    site = tmp_path / "site-packages"
    run(sys.executable, "-m", "pip", "install", "--disable-pip-version-check", "--no-deps",
        "--no-index", "--no-build-isolation", "--target", site, src, cwd=tmp_path)  # fmt: skip
    installed = {p.relative_to(site).as_posix() for p in site.rglob("*.sql")}
    assert installed == repo_files("sql", ".sql")
    assert (site / "analysis" / "templates" / "report.html.j2").is_file()
    assert (site / "extractors" / "rules.toml").is_file()
