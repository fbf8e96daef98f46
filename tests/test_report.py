"""`claims report` and the `claims_report` asset: a page that opens offline and draws
every plot, checked in a real headless Chromium on a warehouse of the bundled digests."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import dagster as dg
import pytest
from dagster_duckdb import DuckDBResource
from PIL import Image

from analysis.report import write_report
from cli.main import main
from dagster_project.report_assets import claims_report
from warehouse.connection import writable

PLOTS = 6  # speedups, reductions, result values, leaderboards, baselines, digests over time
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


@pytest.fixture(scope="module")
def warehouse(bundled_warehouse: Path) -> Path:
    return bundled_warehouse


@pytest.fixture(scope="module")
def page(warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("page") / "report.html"
    assert main(["report", "--db", str(warehouse), "--out", str(out)]) == 0
    return out


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium with a fresh profile (installed by `make chromium`)."""
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        pytest.fail("no chromium on PATH: run `make chromium` (apt-get install chromium)")
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    profile.mkdir()
    return subprocess.run(
        [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_the_page_is_self_contained(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert text.count("<svg") == PLOTS
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", text), "no remote assets"
    assert "<link" not in text and "@import" not in text
    for query in ("largest_speedups", "largest_reductions", "result_values", "leaderboards",
                  "beaten_baselines", "compute_and_money", "digest_counts"):  # fmt: skip
        assert f"sql/analysis/{query}.sql" in text
    assert "Galactic: Scaling End-to-End Reinforcement Learning" in text  # the 100x speedup


def test_every_plot_renders_in_headless_chromium(page: Path, tmp_path: Path) -> None:
    dom = chromium(tmp_path, "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert f'data-plots="{PLOTS}"' in dom.stdout
    assert f'data-plots-rendered="{PLOTS}"' in dom.stdout, re.findall(
        r'<figure[^>]*data-rendered="no"[^>]*>', dom.stdout
    )

    shot = tmp_path / "report.png"
    result = chromium(tmp_path, "--window-size=1280,9000", f"--screenshot={shot}", page.as_uri())
    assert result.returncode == 0 and shot.exists(), result.stderr[-2000:]
    image = Image.open(shot).convert("RGB")
    assert image.size == (1280, 9000)
    # Not blank: plenty of ink and the plots' colours, not one flat page.
    small = image.resize((320, 2250))
    pixels = list(small.getdata())
    ink = sum(1 for r, g, b in pixels if r + g + b < 600) / len(pixels)
    assert ink > 0.02, f"only {ink:.1%} of the screenshot is not white"
    assert len(set(pixels)) > 200
    blue = sum(1 for r, g, b in pixels if b > r + 60 and b > 100)  # the dots and bars
    assert blue > 200


def test_report_of_an_empty_warehouse_still_draws_every_plot(tmp_path: Path) -> None:
    db = tmp_path / "empty.duckdb"
    with writable(db):
        pass
    report = write_report(db, tmp_path / "empty.html")
    assert report.plots == PLOTS
    assert report.html.count("<svg") == PLOTS
    assert "no such claims in the warehouse" in report.html


def test_report_of_a_missing_warehouse_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "--db", str(tmp_path / "none.duckdb"), "--out", "x.html"]) == 2
    assert "no warehouse" in capsys.readouterr().err
    assert not (tmp_path / "none.duckdb").exists()


def test_the_report_asset_materializes_with_summary_and_top_claims(
    warehouse: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "warehouse.duckdb"
    shutil.copy(warehouse, copy)  # the asset opens it read-write
    result = dg.materialize(
        [claims_report],
        resources={"warehouse": DuckDBResource(database=str(copy))},
        instance=dg.DagsterInstance.ephemeral(),
    )
    assert result.success
    meta = result.asset_materializations_for_node("claims_report")[0].metadata
    out = Path(meta["path"].value)
    assert out == tmp_path / "warehouse_report.html"
    assert out.read_text(encoding="utf-8").count("<svg") == meta["plots"].value == PLOTS
    assert meta["rows_digest_counts"].value == 2
    assert "largest claimed speedup" in meta["summary"].value
    top = meta["top_claims"].value
    assert "| factor | kind | metric | text | paper |" in top
    assert "500X" in top  # the gold's 500X reduction in inference cost (digest 000, paper 89)
