"""Progress: a tqdm bar on a terminal that reaches its total, ends its line before
anything else is printed, and estimates nothing from start-up; a run-log line every
ten seconds; nothing drawn where the stream is not a terminal.

Time is a fake clock (tqdm's and ours), so the figures are exact and nothing waits.
"""

from __future__ import annotations

import io
import re

import pytest

from dagster_project.progress import WARMUP_ITEMS, Progress, extraction_progress


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr("tqdm.std.time", fake)  # tqdm reads the time through this name
    return fake


def screen(raw: str) -> list[str]:
    """The lines a terminal shows after ``raw``: ``\\r`` goes back to the line's start,
    text overwrites what is there, ``\\n`` starts a new line, ``ESC[K`` erases to its end."""
    lines: list[list[str]] = [[]]
    col = 0
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch == "\r":
            col = 0
        elif ch == "\n":
            lines.append([])
            col = 0
        elif ch == "\x1b":
            match = re.match(r"\x1b\[[0-9;]*([A-Za-z])", raw[i:])
            assert match is not None and match.group(1) == "K", repr(raw[i : i + 8])
            del lines[-1][col:]
            i += len(match.group(0))
            continue
        else:
            line = lines[-1]
            line.extend(" " * (col - len(line)))
            if col < len(line):
                line[col] = ch
            else:
                line.append(ch)
            col += 1
        i += 1
    return ["".join(line).rstrip() for line in lines]


def frames(raw: str) -> list[str]:
    """Every state the bar was drawn in, in order."""
    return [f.strip() for f in re.split(r"[\r\n]", raw) if f.strip()]


def seconds(mmss: str) -> int:
    minutes, secs = mmss.split(":")[-2:]
    return int(minutes) * 60 + int(secs)


def test_the_bar_reaches_its_total_and_the_outcome_gets_a_line_of_its_own(clock: Clock) -> None:
    term = FakeTerminal()
    with Progress(50, stream=term, clock=clock) as progress:
        for _ in range(50):
            clock.now += 0.03  # not every item is drawn: tqdm draws every 0.1 s
            progress.advance()
    print("x.txt: loaded, 50 papers", file=term)
    shown = [line for line in screen(term.getvalue()) if line]
    assert shown[-1] == "x.txt: loaded, 50 papers"
    assert "100%" in shown[-2] and "50/50 papers" in shown[-2], shown
    assert len(shown) == 2


def test_lines_written_while_the_bar_runs_go_above_it(clock: Clock) -> None:
    term = FakeTerminal()
    with Progress(3, unit="files", stream=term, clock=clock) as progress:
        for name in ("a.txt", "b.txt", "c.txt"):
            clock.now += 2.0
            progress.write(f"{name}: loaded", file=term)
            progress.advance()
    shown = [line for line in screen(term.getvalue()) if line]
    assert shown[:3] == ["a.txt: loaded", "b.txt: loaded", "c.txt: loaded"]
    assert len(shown) == 4 and "3/3 files" in shown[3], shown


def test_the_first_estimate_leaves_out_the_start_up(clock: Clock) -> None:
    """Loading spaCy and starting workers took 8.6 s before the first paper; the
    papers then come at 100/s. The old line said 17,192 s left; the truth is ~20 s."""
    term = FakeTerminal()
    log: list[str] = []
    progress = Progress(2000, stream=term, clock=clock).every(0.0, log.append)
    clock.now += 8.6
    for _ in range(300):
        progress.advance()
        clock.now += 0.01
    drawn = frames(term.getvalue())
    assert drawn[0].endswith("0/2000 papers [estimating]")
    estimates = [
        (int(m.group(1)), seconds(m.group(2)))
        for f in drawn
        if (m := re.search(r"(\d+)/2000 papers \[[\d:]+<([\d:]+),", f))
    ]
    assert estimates, drawn
    done, left = estimates[0]
    assert done > WARMUP_ITEMS  # nothing estimated from the first few papers
    assert 0.5 * (2000 - done) / 100 <= left <= 2 * (2000 - done) / 100, estimates[0]
    assert all(left <= 40 for _, left in estimates), estimates
    assert log[0] == "1/2,000 papers, estimating"
    assert log[-1] == "300/2,000 papers, 100 papers/s, 17s left"


def test_nothing_is_drawn_where_the_stream_is_not_a_terminal(clock: Clock) -> None:
    stream = io.StringIO()
    with Progress(10, stream=stream, clock=clock) as progress:
        for _ in range(10):
            clock.now += 1.0
            progress.advance()
        progress.write("x.txt: loaded", file=stream)
    assert stream.getvalue() == "x.txt: loaded\n"


class RunLog:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def info(self, text: str) -> None:
        self.lines.append(text)


def test_the_run_log_gets_a_papers_line_every_ten_seconds(clock: Clock) -> None:
    log = RunLog()
    with extraction_progress(log, 2000, terminal=False, clock=clock) as progress:
        for _ in range(400):  # 50 s at 8 papers/s
            clock.now += 0.125
            progress.advance()
    assert [line.split(",")[0] for line in log.lines] == [
        f"extracted {n}/2" for n in (80, 160, 240, 320, 400)
    ]
    assert log.lines[-1] == "extracted 400/2,000 papers, 8.0 papers/s, 200s left"


def test_progress_counts_any_unit(clock: Clock) -> None:
    lines: list[str] = []
    progress = Progress(total=197, unit="files", clock=clock).every(0.0, lines.append)
    assert list(progress.wrap(range(3))) == [0, 1, 2]
    assert lines[-1] == "3/197 files, estimating"
