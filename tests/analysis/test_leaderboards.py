"""Leaderboards: the registries, the name-keying macros, the `leaderboard` and
`benchmark_mentions` views, `claims leaderboard`, the report's section and the
`leaderboards` asset, on a real warehouse of hand-written abstracts
(tests/analysis/leaderboard_warehouse.py) whose exact boards are known."""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb
import pytest

import warehouse.connection as connection
import warehouse.registries as registries
from analysis.report import write_report
from cli.main import main
from dagster_project.definitions import defs
from dagster_project.leaderboard_assets import leaderboards
from dagster_project.resources import WarehouseResource
from tests.analysis import leaderboard_warehouse
from tests.analysis.leaderboard_warehouse import EXPECTED_BOARDS, TITLES
from tests.analysis.test_report import chromium, with_probe
from tests.conftest import ROOT
from warehouse.connection import schema_fingerprint, writable
from warehouse.registries import RegistryError
from warehouse.sql_files import sql_text

DATE = leaderboard_warehouse.DATE


@pytest.fixture(scope="module")
def boards_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return leaderboard_warehouse.build(tmp_path_factory.mktemp("boards"))


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("empty") / "warehouse.duckdb"
    with writable(db):
        pass
    return db


def run(db: Path, *args: str) -> list[dict]:
    """`claims leaderboard ARGS --format jsonl`, in-process, as rows."""
    return [json.loads(line) for line in _stdout(db, *args, "--format", "jsonl").splitlines()]


def _stdout(db: Path, *args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["leaderboard", *args, "--db", str(db)]) == 0
    return out.getvalue()


# --- the macros ----------------------------------------------------------------


def normalized(db: Path, name: str | None) -> tuple:
    query = (ROOT / "tests" / "sql" / "normalize_names.sql").read_text(encoding="utf-8")
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(query, {"name": name}).fetchone()


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("ImageNet", "imagenet1k"),
        ("ImageNet-1k", "imagenet1k"),
        ("IN-1K", "imagenet1k"),
        ("ILSVRC-2012", "imagenet1k"),
        ("the ImageNet dataset", "imagenet1k"),
        ("GSM-8K", "gsm8k"),
        ("GSM8K benchmark", "gsm8k"),
        ("HumanEval", "humaneval"),
        ("HumanEval+", "humanevalplus"),
        ("MS-COCO", "coco"),
        ("MSCOCO", "coco"),
        ("COCO test set", "coco"),
        ("MATH", "math"),
        ("MATH-500", "math500"),
        ("AIME24", "aime2024"),
        ("SWE-Bench-Verified", "swebenchverified"),
        ("Human3.6M", "human3.6m"),
        ("My-New Bench dataset", "mynewbench"),
        ("Foo_Bar test split", "foobar"),
        ("  ", None),
        (None, None),
    ],
)
def test_benchmark_key_groups_spellings_in_sql(empty_db: Path, name: str, key: str) -> None:
    assert normalized(empty_db, name)[0] == key


def test_benchmark_name_is_the_registry_name(empty_db: Path) -> None:
    assert normalized(empty_db, "IN-1K")[1] == "ImageNet-1k"
    assert normalized(empty_db, "My New Bench")[1] is None


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("ResNet-50", "resnet50"),
        ("ResNet50", "resnet50"),
        ("R50", "resnet50"),  # the subject registry
        ("SD 1.5", "stablediffusionv1.5"),
        ("GPT-4o", "gpt4o"),
        ("GPT 4o", "gpt4o"),
        ("Qwen2.5-7B", "qwen2.57b"),
        ("Qwen2-57B", "qwen257b"),
        ("the DiT-XL/2 model", "ditxl2model"),
        ("our method", None),
        ("Ours", None),
        ("the proposed approach", None),
        ("baselines", None),
        ("prior methods", None),
        (None, None),
    ],
)
def test_subject_key_groups_spellings_and_drops_placeholders(
    empty_db: Path, name: str, key: str
) -> None:
    assert normalized(empty_db, name)[2] == key


@pytest.mark.parametrize(
    ("metric", "better"),
    [
        ("top-1 accuracy", "higher"),
        ("Top1 acc.", "higher"),
        ("pass@1", "higher"),  # family accuracy
        ("mIoU", "higher"),
        ("BLEU", "higher"),
        ("FID", "lower"),
        ("FID score", "lower"),
        ("top-1 error", "lower"),  # the longest word wins over the family
        ("word error rate", "lower"),
        ("WER", "lower"),
        ("perplexity", "lower"),
        ("inference latency", "lower"),
        ("time to accuracy", "lower"),  # a key row over the words
        ("peak memory", "lower"),
        ("widgets", None),
    ],
)
def test_metric_better_reads_the_direction_registry(
    empty_db: Path, metric: str, better: str | None
) -> None:
    assert normalized(empty_db, metric)[3] == better


# --- the registries -------------------------------------------------------------


def test_the_registries_are_loaded_into_tables(empty_db: Path) -> None:
    with duckdb.connect(str(empty_db), read_only=True) as con:
        (benchmarks,) = con.execute(
            "select count(distinct name) from benchmark_registry"
        ).fetchone()
        ((name,),) = con.execute(
            "select name from benchmark_aliases where alias_key = 'in1k'"
        ).fetchall()
        directions = dict(
            con.execute(
                "select name, better from metric_direction_registry where match = 'word'"
            ).fetchall()
        )
    assert benchmarks >= 60
    assert name == "ImageNet-1k"
    for metric in ("accuracy", "f1", "bleu", "rouge", "miou", "map", "auc", "success"):
        assert directions[metric] == "higher", metric
    for metric in ("fid", "fvd", "error", "wer", "cer", "perplexity", "latency", "time",
                   "memory", "loss", "eer", "mae", "rmse"):  # fmt: skip
        assert directions[metric] == "lower", metric


def _patched_text(monkeypatch: pytest.MonkeyPatch, file: str, text: str) -> None:
    """Serve ``text`` as ``sql/<file>`` to the schema step, as an edited file would be."""

    def patched(name: str) -> str:
        return text if name == file else sql_text(name)

    monkeypatch.setattr(connection, "sql_text", patched)
    monkeypatch.setattr(registries, "sql_text", patched)


def test_an_added_alias_changes_the_fingerprint_and_reaches_an_existing_warehouse(
    monkeypatch: pytest.MonkeyPatch, boards_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "warehouse.duckdb"
    shutil.copy(boards_db, db)
    before = schema_fingerprint()
    csv = sql_text("registry/benchmarks.csv") + "ImageNet-1k,INet-1\n"
    _patched_text(monkeypatch, "registry/benchmarks.csv", csv)
    assert schema_fingerprint() != before
    with writable(db) as con:
        assert con.execute("select benchmark_key('INet-1')").fetchone() == ("imagenet1k",)


@pytest.mark.parametrize(
    ("file", "line", "message"),
    [
        ("registry/metric_directions.csv", "word,bleu,up\n", "better is 'up', not one of"),
        ("registry/metric_directions.csv", "words,bleu,higher\n", "match is 'words'"),
        ("registry/metric_directions.csv", "word,fid,higher\n", "repeats line"),
        ("registry/benchmarks.csv", "GSM8K,IN-1K\n", "'in1k' names GSM8K, ImageNet-1k"),
        ("registry/benchmarks.csv", "MS COCO,\n", "'mscoco' names COCO, MS COCO"),
        ("registry/benchmarks.csv", "GSM8K,GSM-8K,extra\n", "3 fields, expected 2"),
        ("registry/subjects.csv", ",R50\n", "the name is empty"),
    ],
)
def test_a_broken_registry_is_refused_with_the_line_at_fault(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, file: str, line: str, message: str
) -> None:
    _patched_text(monkeypatch, file, sql_text(file) + line)
    with pytest.raises(RegistryError, match="sql/registry/") as caught, writable(tmp_path / "w"):
        pass
    assert message in str(caught.value)
    if "ambiguous" not in str(caught.value):
        assert re.match(rf"sql/{file}:\d+: ", str(caught.value))


# --- the views -------------------------------------------------------------------


def test_the_leaderboard_view_holds_the_exact_boards(boards_db: Path) -> None:
    with duckdb.connect(str(boards_db), read_only=True) as con:
        rows = con.execute(
            "select benchmark, metric, unit, better, rank, subject, round(value, 4), arxiv_id,"
            " papers from leaderboard order by metric_key desc, rank"
        ).fetchall()
        titles = dict(con.execute("select arxiv_id, title from leaderboard").fetchall())
        dates = {
            d.isoformat() for (d,) in con.execute("select digest_date from leaderboard").fetchall()
        }
    assert rows == EXPECTED_BOARDS
    assert titles == {k: TITLES[k] for k in titles}
    assert dates == {leaderboard_warehouse.DATE}


def test_benchmark_mentions_hold_every_result_value_on_a_benchmark(boards_db: Path) -> None:
    with duckdb.connect(str(boards_db), read_only=True) as con:
        rows = con.execute(
            "select arxiv_id, text, benchmark, benchmark_key, subject, subject_key"
            " from benchmark_mentions order by arxiv_id, text"
        ).fetchall()
    assert len(rows) == 10  # not the setup epochs, not the 2.1x multiplier
    assert {r[3] for r in rows} == {"imagenet1k"}  # ImageNet, IN-1K, ILSVRC-2012, ImageNet-1k
    placeholder = next(r for r in rows if r[1] == "91.0%")
    assert placeholder[4:] == ("our method", None)  # kept here, never on a board
    assert ("2503.00002", "76.4%", "IN-1K", "imagenet1k", "ResNet50", "resnet50") in rows


# --- claims leaderboard --------------------------------------------------------------


def test_claims_leaderboard_shows_the_boards_best_first(boards_db: Path) -> None:
    rows = run(boards_db)
    got = [(r["benchmark"], r["metric"], r["unit"], r["better"], r["rank"], r["subject"],
            round(r["value"], 4), r["arxiv_id"], r["papers"]) for r in rows]  # fmt: skip
    assert got == EXPECTED_BOARDS  # the board with more papers first
    assert [r["board"] for r in rows] == [1, 1, 1, 1, 2, 2, 2]
    assert rows[0]["title"] == TITLES["2503.00001"]


def test_claims_leaderboard_matches_a_benchmark_by_its_key(boards_db: Path) -> None:
    for spelling in ("imagenet", "IN-1K", "ILSVRC 2012"):
        assert [r["subject"] for r in run(boards_db, spelling)] == [
            "VisionNet", "TinyFormer", "FastDiff", "ResNet-50", "DiffGen", "DiT-XL/2", "FastDiff"
        ]  # fmt: skip
    fid = run(boards_db, "imagenet", "--metric", "FID score")
    assert [(r["rank"], r["subject"], r["value"]) for r in fid] == [
        (1, "DiffGen", 2.1), (2, "DiT-XL/2", 2.27), (3, "FastDiff", 3.5)
    ]  # fmt: skip
    top = run(boards_db, "--metric", "top1", "--limit", "2")
    assert [r["subject"] for r in top] == ["VisionNet", "TinyFormer"]


def test_claims_leaderboard_table_names_each_board_and_paper(boards_db: Path) -> None:
    text = _stdout(boards_db, "imagenet")
    assert "ImageNet-1k: top-1 accuracy (%), higher is better; 3 papers, 4 subjects" in text
    assert "ImageNet-1k: FID (score), lower is better; 2 papers, 3 subjects" in text
    assert text.index("top-1 accuracy") < text.index("FID (score)")
    line = next(line for line in text.splitlines() if "DiffGen" in line and "2.1" in line)
    assert "2503.00003" in line and "DiffGen: Diffusion Models" in line and DATE in line
    csv = _stdout(boards_db, "imagenet", "--format", "csv").splitlines()
    assert csv[0].startswith("board,benchmark,metric,unit,better,rank,subject,value")
    assert len(csv) == 1 + len(EXPECTED_BOARDS)


def test_claims_leaderboard_says_clearly_what_it_cannot_show(
    boards_db: Path, empty_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["leaderboard", "imagenett", "--db", str(boards_db)]) == 1
    err = capsys.readouterr().err
    assert "no board for 'imagenett'" in err and "ImageNet-1k" in err
    assert main(["leaderboard", "--limit", "0", "--db", str(boards_db)]) == 2
    assert "--limit" in capsys.readouterr().err
    assert main(["leaderboard", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no warehouse" in capsys.readouterr().err
    assert main(["leaderboard", "--db", str(empty_db)]) == 0
    assert "no leaderboard entries yet" in capsys.readouterr().err


def test_claims_leaderboard_refreshes_a_warehouse_from_before_leaderboards(
    boards_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "old.duckdb"
    shutil.copy(boards_db, db)
    with duckdb.connect(str(db)) as con:  # as the warehouse was before this change
        con.execute("drop view leaderboard")
        con.execute("drop table benchmark_aliases")
        con.execute("update schema_applied set fingerprint = 'older'")
    result = subprocess.run(
        [str(Path(sys.executable).parent / "claims"), "leaderboard", "IN-1K", "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "VisionNet" in result.stdout


# --- the named query on its own ---------------------------------------------------------


def test_the_named_query_runs_with_claims_sql_file(
    boards_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = ROOT / "sql" / "analysis" / "leaderboards.sql"
    capsys.readouterr()
    assert main(["sql", "--file", str(path), "--db", str(boards_db), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["board"], r["rank"], r["subject"]) for r in rows][:2] == [
        (1, 1, "VisionNet"), (1, 2, "TinyFormer")
    ]  # fmt: skip


# --- the report and the asset ------------------------------------------------------------


def test_the_report_draws_a_ranked_bar_chart_per_board(boards_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "warehouse.duckdb"
    shutil.copy(boards_db, db)
    out = tmp_path / "report.html"
    report = write_report(db, out)
    assert report.frames["leaderboards"].height == len(EXPECTED_BOARDS)
    page = out.read_text(encoding="utf-8")
    section = page[page.index('<section id="leaderboards">') :]
    section = section[: section.index("</section>")]
    assert "sql/analysis/leaderboards.sql" in section
    svg = section[section.index("<svg") : section.index("</svg>")]
    shown = ["ImageNet-1k: top-1 accuracy (%), higher is better", "lower is better"]
    shown += ["#1 VisionNet", "#4 ResNet-50", "#1 DiffGen", "2503.00003", "84.2", "2.27"]
    for text in shown:
        assert text in svg, text
    assert svg.count("<path") >= len(EXPECTED_BOARDS)  # a bar each, at least

    dom = chromium(tmp_path, "--dump-dom", with_probe(out, tmp_path).as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    (figure,) = re.findall(r'<figure[^>]*id="plot-leaderboards"[^>]*>', dom.stdout)
    assert 'data-rendered="yes"' in figure, figure


def test_the_leaderboards_asset_previews_every_board(boards_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "warehouse.duckdb"
    shutil.copy(boards_db, db)
    result = dg.materialize(
        [leaderboards],
        resources={"warehouse": WarehouseResource(database=str(db))},
        instance=dg.DagsterInstance.ephemeral(),
    )
    assert result.success
    meta = result.asset_materializations_for_node("leaderboards")[0].metadata
    assert (meta["boards"].value, meta["benchmarks"].value) == (2, 1)
    assert (meta["entries"].value, meta["papers"].value) == (7, 4)
    top = meta["top_boards"].value
    assert "**ImageNet-1k: top-1 accuracy (%), higher is better; 3 papers, 4 subjects**" in top
    assert "| 1 | VisionNet | 84.2 | VisionNet: A Convolutional Backbone" in top
    assert "| 3 | FastDiff | 3.5 | FastDiff: One-Step Image Generation | 2503.00004 |" in top


def test_the_asset_is_in_the_definitions_and_follows_the_warehouse() -> None:
    repo = defs.get_repository_def()
    key = dg.AssetKey("leaderboards")
    assert key in repo.asset_graph.get_all_asset_keys()
    node = repo.asset_graph.get(key)
    assert dg.AssetKey("warehouse_digest") in node.parent_keys
    assert node.automation_condition is not None
