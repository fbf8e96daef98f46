"""Progress of a long extraction: papers done, papers/s and time left.

The Dagster run log always gets a line every few seconds; a CLI ingest also
redraws a one-line bar on its terminal, and stays quiet when stderr is not one.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO, TypeVar

T = TypeVar("T")


class Progress:
    """Count items passing through `wrap` (or `advance`); each reporter hears at its
    own pace."""

    def __init__(self, total: int, unit: str = "papers") -> None:
        self.total = total
        self.unit = unit
        self.done = 0
        self.started = time.monotonic()
        self._reporters: list[tuple[Callable[[str], None], float, list[float]]] = []

    def every(self, seconds: float, report: Callable[[str], None]) -> Progress:
        """Call ``report`` with the progress line at most every ``seconds``."""
        self._reporters.append((report, seconds, [self.started]))
        return self

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate and self.total else 0.0
        share = f"/{self.total:,}" if self.total else ""
        rate_text = f"{rate:,.0f}" if rate >= 10 else f"{rate:,.1f}"
        return f"{self.done:,}{share} {self.unit}, {rate_text} {self.unit}/s, {left:,.0f}s left"

    def advance(self) -> None:
        """Count one more item done, and tell the reporters that are due."""
        self.done += 1
        now = time.monotonic()
        for report, seconds, last in self._reporters:
            if now - last[0] >= seconds:
                last[0] = now
                report(self.line())

    def wrap(self, items: Iterable[T]) -> Iterator[T]:
        for item in items:
            self.advance()
            yield item


def terminal_bar(stream: TextIO = sys.stderr) -> Callable[[str], None] | None:
    """A reporter that redraws one line in place, or None when ``stream`` is no terminal."""
    if not stream.isatty():
        return None

    def draw(text: str) -> None:
        stream.write(f"\r{text}\033[K")
        stream.flush()

    return draw


def clear_bar(stream: TextIO = sys.stderr) -> None:
    """Erase a bar `terminal_bar` drew, before other output takes its line."""
    stream.write("\r\033[K")
    stream.flush()


def extraction_progress(log: Any, total: int, *, terminal: bool) -> Progress:
    """Progress for the run log, and for the terminal too when ``terminal`` asks for it."""
    progress = Progress(total).every(10.0, lambda text: log.info(f"extracted {text}"))
    bar = terminal_bar() if terminal else None
    if bar is not None:
        progress.every(0.5, bar)
    return progress
