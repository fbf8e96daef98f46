"""`claims ingest` on a real terminal (a pty): the bar reaches its total and ends its
line, and every outcome line is a line of its own, never drawn over the bar."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from reader.digest_reader import paper_key, read_digest
from tests.conftest import DIGESTS, GOLD_DIGEST, OTHER_DIGEST, ROOT, digest_text
from tests.dagster.test_progress import screen

pytestmark = pytest.mark.slow  # each test is a real ingest in a subprocess


def on_a_terminal(*args: str) -> tuple[int, str]:
    """Run ``claims ARGS`` with stdout and stderr on one pty of 120x40; what it wrote."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "claims"), *args],
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=slave,
        cwd=ROOT,
        close_fds=True,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: every writer closed the pty
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    return proc.wait(timeout=600), b"".join(chunks).decode("utf-8", "replace")


def unique_papers(path: Path) -> int:
    return len({paper_key(p.title, p.arxiv_id) for p in read_digest(path).papers})


def test_one_file_the_papers_bar_reaches_its_total_then_the_outcome(db_path: Path) -> None:
    code, raw = on_a_terminal("ingest", str(OTHER_DIGEST), "--db", str(db_path))
    assert code == 0, raw[-3000:]
    shown = [line for line in screen(raw.replace("\r\n", "\n")) if line]
    n = unique_papers(OTHER_DIGEST)
    assert shown[-1].startswith(f"{OTHER_DIGEST.name}: loaded, "), shown[-5:]
    assert f"{n}/{n} papers" in shown[-2] and "100%" in shown[-2], shown[-5:]
    assert "Traceback" not in raw


def test_a_paper_listed_twice_is_counted_once_so_the_bar_still_reaches_its_total(
    tmp_path: Path, db_path: Path
) -> None:
    papers = [(f"Paper {i}", f"It is {i + 2}x faster than the baseline.") for i in range(6)]
    digest = tmp_path / "2025-03-01.txt"
    digest.write_text(digest_text("Mar 1", [*papers, papers[2]]), encoding="utf-8")
    code, raw = on_a_terminal("ingest", str(digest), "--db", str(db_path), "--year", "2025")
    assert code == 0, raw[-3000:]
    shown = [line for line in screen(raw.replace("\r\n", "\n")) if line]
    assert "6/6 papers" in shown[-2] and "100%" in shown[-2], shown[-5:]
    assert shown[-1].startswith(f"{digest.name}: loaded, "), shown[-5:]


def test_files_side_by_side_show_a_files_bar_under_their_outcomes(db_path: Path) -> None:
    code, raw = on_a_terminal("ingest", str(DIGESTS), "--db", str(db_path), "--jobs", "2")
    assert code == 0, raw[-3000:]
    shown = [line for line in screen(raw.replace("\r\n", "\n")) if line]
    assert [line.split(",")[0] for line in shown[-3:-1]] == [
        f"{GOLD_DIGEST.name}: loaded",
        f"{OTHER_DIGEST.name}: loaded",
    ], shown[-5:]
    assert "2/2 files" in shown[-1] and "100%" in shown[-1], shown[-5:]
