"""`claims sql` and the CLI's edges: one-line errors for ordinary mistakes, nested
values in CSV, several statements, a closed pipe, and no traceback for any query."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cli.main import main
from tests.conftest import ROOT


def run(*argv: str) -> tuple[int, str, str]:
    """``main(argv)`` in this process, with what it printed."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("select metrc from claims", 'Binder Error: Referenced column "metrc" not found'),
        ("select * from claim", 'Did you mean "claims"?'),
        ("select cast('x' as int)", "Conversion Error: Could not convert string 'x'"),
        ("selec 1", "Parser Error: syntax error"),
        ("select * from claims where", "Parser Error"),
    ],
)
def test_ordinary_mistakes_are_one_line_and_exit_2(
    bundled_warehouse: Path, query: str, expected: str
) -> None:
    code, out, err = run("sql", query, "--db", str(bundled_warehouse))
    assert code == 2
    assert out == ""
    assert err.startswith("claims: ") and err.count("\n") == 1, err
    assert expected in err
    assert "LINE 1" not in err


def test_a_suggestion_survives_on_the_one_line(bundled_warehouse: Path) -> None:
    _, _, err = run("sql", "select metrc from claims", "--db", str(bundled_warehouse))
    assert 'Candidate bindings: "metric"' in err


@pytest.mark.parametrize("name", ["beaten_baselines", "result_values"])
def test_csv_writes_lists_as_json_text(bundled_warehouse: Path, name: str) -> None:
    sql = ROOT / "sql" / "analysis" / f"{name}.sql"
    code, out, err = run(
        "sql", "--file", str(sql), "--format", "csv", "--db", str(bundled_warehouse)
    )
    assert code == 0, err

    frame = pl.read_csv(io.StringIO(out))
    listed = [c for c in frame.columns if frame[c].dtype == pl.String and
              str(frame[c][0]).startswith("[")]  # fmt: skip
    assert listed, frame.columns
    assert isinstance(json.loads(frame[listed[0]][0]), list)


def test_csv_writes_structs_as_json_text(bundled_warehouse: Path) -> None:
    query = "select {'unit': 'x', 'n': 2} as s, [1, 2] as l, 3 as plain"
    _, out, _ = run("sql", query, "--format", "csv", "--db", str(bundled_warehouse))
    assert out.splitlines() == ["s,l,plain", '"{""unit"": ""x"", ""n"": 2}","[1, 2]",3']


def test_every_statement_prints_its_result_in_turn(bundled_warehouse: Path) -> None:
    code, out, _ = run("sql", "select 1 as first; select 2 as second", "--db",
                       str(bundled_warehouse), "--format", "jsonl")  # fmt: skip
    assert code == 0
    assert out.splitlines() == ['{"first":1}', '{"second":2}']
    _, table, _ = run("sql", "select 1 as first; select 2 as second", "--db",
                      str(bundled_warehouse))  # fmt: skip
    assert "| first |" in table and "| second |" in table
    assert "\n\n" in table


def test_types_polars_cannot_hold_print_as_text(bundled_warehouse: Path) -> None:
    query = "select interval 1 day as i, '101'::bit as b, union_value(k := 1) as u"
    for fmt in ("table", "csv", "jsonl"):
        code, out, err = run("sql", query, "--format", fmt, "--db", str(bundled_warehouse))
        assert code == 0, err
        assert "101" in out


def test_bytes_that_are_not_utf8_are_refused_clearly(bundled_warehouse: Path) -> None:
    code, _, err = run("sql", "select '\udcff'", "--db", str(bundled_warehouse))
    assert code == 2
    assert err == "claims: the SQL is not valid UTF-8 text\n"


def test_no_arguments_lists_the_commands() -> None:
    code, out, err = run()
    assert code == 0
    for command in ("ingest", "sql", "eval", "summary", "remove", "export"):
        assert f"\n    {command} " in out
    assert err == ""


def claims_into_closed_pipe(*args: str) -> subprocess.CompletedProcess[str]:
    """Run `claims` with stdout a pipe whose reader is already gone, as in
    `claims summary | head -0`: every write fails."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [str(Path(sys.executable).parent / "claims"), *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            timeout=300,
        )
    finally:
        os.close(write_end)


@pytest.mark.parametrize(
    "args",
    [["summary"], ["sql", "select * from claim_details"], ["sql", "select 1", "--format", "csv"]],
)
def test_a_closed_pipe_ends_quietly(bundled_warehouse: Path, args: list[str]) -> None:
    result = claims_into_closed_pipe(*args, "--db", str(bundled_warehouse))
    assert result.stderr == ""
    assert result.returncode == 141


# Pieces of SQL, names of the warehouse, and odd Unicode; no comma, so no cross
# join of the large views can come out.
SQL_PIECES = [
    "select", "SELECT", "from", "where", "group by", "order by", "limit", "union",
    "claims", "claim_details", "result_claims", "digests", "metrc", "claim", "*", "1",
    "'", '"', "(", ")", ";", "::", "int", "cast(", "as", "null", "=", "<>", "||", "--",
    "/*", "*/", "\\", "{", "}", "[", "]", "$1", "?", "drop table claims", "copy",
    "attach", "pragma", "set", "explain", "list(", "struct_pack(", "x := 1", "interval",
    "é", "𝔘𝔫𝔦", "\u202e", "\u200b", "\ufeff", "\udcff", "\ud800", "\x00", "\t", "\n",
    "ß", "日本", "🙂", "\u0301", "'\u2028'",
]  # fmt: skip
QUERIES = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(SQL_PIECES), max_size=12).map(" ".join),
    st.lists(st.one_of(st.sampled_from(SQL_PIECES), st.text(max_size=4)), max_size=12).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=QUERIES, fmt=st.sampled_from(["table", "csv", "jsonl"]))
def test_sql_never_prints_a_traceback(bundled_warehouse: Path, query: str, fmt: str) -> None:
    code, _, err = run("sql", "--format", fmt, "--db", str(bundled_warehouse), "--", query)
    assert code in (0, 2), err
    assert "Traceback" not in err
    if code == 2:
        assert err.startswith("claims") and err.count("\n") == 1, err
