"""`claims report` and the `claims_report` asset: a page that opens offline and draws
every plot, checked in a real headless Chromium on a warehouse of the bundled digests."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from PIL import Image

from analysis.report import write_report
from cli.main import main
from dagster_project.ingest import ingest_files
from dagster_project.report_assets import claims_report
from dagster_project.resources import WarehouseResource
from tests.conftest import digest_text
from warehouse.connection import SchemaOutOfDate, writable

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

# The test's own probe, added to a copy of the page (the page itself ships no
# script): it marks each plot rendered when its <svg> has drawn content and a
# visible size, so Chromium's --dump-dom shows whether every plot came out.
PROBE = """<script>
(function () {
  var plots = document.querySelectorAll('figure.plot');
  var rendered = 0;
  plots.forEach(function (figure) {
    var svg = figure.querySelector('svg');
    var box = svg ? svg.getBoundingClientRect() : null;
    var drawn = svg ? svg.querySelectorAll('path, text').length : 0;
    var ok = box !== null && box.width > 100 && box.height > 100 && drawn > 0;
    figure.setAttribute('data-rendered', ok ? 'yes' : 'no');
    if (ok) { rendered += 1; }
  });
  document.body.setAttribute('data-plots', String(plots.length));
  document.body.setAttribute('data-plots-rendered', String(rendered));
})();
</script>"""
HOSTILE_TITLE = "<script>alert('pwned')</script> Fast<b>Net</b> & <img src=x onerror=alert(1)>"


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
    assert "<script" not in text, "the page ships no script"


def with_probe(page: Path, into: Path) -> Path:
    """A copy of ``page`` with the test's probe script before ``</body>``."""
    text = page.read_text(encoding="utf-8")
    assert text.count("</body>") == 1
    probed = into / "probed.html"
    probed.write_text(text.replace("</body>", f"{PROBE}\n</body>"), encoding="utf-8")
    return probed


@pytest.mark.slow
def test_every_plot_renders_in_headless_chromium(page: Path, tmp_path: Path) -> None:
    dom = chromium(tmp_path, "--dump-dom", with_probe(page, tmp_path).as_uri())
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


def test_a_hostile_title_is_escaped_in_the_page(tmp_path: Path, db_path: Path) -> None:
    digest = tmp_path / "2025-03-01.txt"
    abstract = "Our model is 3.5x faster than ResNet-50 on ImageNet with 80.1% top-1 accuracy."
    digest.write_text(digest_text("Mar 1", [(HOSTILE_TITLE, abstract)]), encoding="utf-8")
    (outcome,) = ingest_files([digest], db_path=db_path, year=2025)
    assert outcome.status == "loaded", outcome
    report = write_report(db_path, tmp_path / "report.html")
    assert report.frames["largest_speedups"]["title"].to_list() == [HOSTILE_TITLE]
    page = report.html
    assert "<script" not in page and "<img" not in page and "<b>Net" not in page
    assert (
        "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; Fast&lt;b&gt;Net&lt;/b&gt; &amp;"
        in page
    )


def test_report_of_a_warehouse_without_views_says_so_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "bare.duckdb"
    with duckdb.connect(str(db)) as con:  # a DuckDB file, but no warehouse schema
        con.execute("create table notes (x int)")
    before = db.read_bytes()
    with pytest.raises(SchemaOutOfDate, match="has no analysis views"):
        write_report(db, tmp_path / "bare.html")
    assert main(["report", "--db", str(db), "--out", str(tmp_path / "bare.html")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("claims: the warehouse at ") and "run `claims ingest`" in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert db.read_bytes() == before, "the report must not write the warehouse"
    assert not (tmp_path / "bare.html").exists()


def test_report_of_a_warehouse_from_another_schema_says_so_and_writes_nothing(
    tmp_path: Path,
) -> None:
    db = tmp_path / "old.duckdb"
    with writable(db) as con:
        con.execute("update schema_applied set fingerprint = 'an older schema'")
    before = db.read_bytes()
    with pytest.raises(SchemaOutOfDate, match="other tables and views than this version"):
        write_report(db, tmp_path / "old.html")
    assert db.read_bytes() == before


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
    shutil.copy(warehouse, copy)
    before = copy.read_bytes()
    result = dg.materialize(
        [claims_report],
        resources={"warehouse": WarehouseResource(database=str(copy))},
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
    assert copy.read_bytes() == before, "the asset reads the warehouse read-only"
