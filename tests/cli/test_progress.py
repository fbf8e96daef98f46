"""Progress lines: counts, rate and time left; a terminal bar only on a terminal."""

from __future__ import annotations

import io

from cli.progress import Progress, terminal_bar


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_reports_done_rate_and_time_left() -> None:
    lines: list[str] = []
    progress = Progress(total=10).every(0.0, lines.append)
    assert list(progress.wrap(range(10))) == list(range(10))
    assert len(lines) == 10
    assert lines[-1].startswith("10/10 papers, ")
    assert "papers/s" in lines[-1] and lines[-1].endswith("0s left")


def test_terminal_bar_draws_only_on_a_terminal() -> None:
    assert terminal_bar(io.StringIO()) is None
    screen = FakeTerminal()
    draw = terminal_bar(screen)
    assert draw is not None
    draw("5/10 papers")
    assert screen.getvalue() == "\r5/10 papers\033[K"


def test_progress_counts_any_unit() -> None:
    lines: list[str] = []
    progress = Progress(total=197, unit="files").every(0.0, lines.append)
    progress.advance()
    assert lines[-1].startswith("1/197 files, ")
    assert " files/s, " in lines[-1]
