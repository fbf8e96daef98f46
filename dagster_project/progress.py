"""Progress of a long extraction: papers done, papers/s and time left.

One class serves both front ends: the CLI draws it on a terminal (and stays
quiet when output is not one), the Dagster run log gets a line every few seconds.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO, TypeVar

T = TypeVar("T")


class Progress:
    """Count items passing through `wrap` and report at most every ``every`` seconds."""

    def __init__(self, total: int, report: Callable[[str], None], every: float = 5.0) -> None:
        self.total = total
        self.report = report
        self.every = every
        self.done = 0
        self.started = time.monotonic()
        self._last = self.started

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate and self.total else 0.0
        share = f"/{self.total:,}" if self.total else ""
        return f"{self.done:,}{share} papers, {rate:,.0f} papers/s, {left:,.0f}s left"

    def wrap(self, items: Iterable[T]) -> Iterator[T]:
        for item in items:
            self.done += 1
            now = time.monotonic()
            if now - self._last >= self.every:
                self._last = now
                self.report(self.line())
            yield item


class RunLogProgress(Progress):
    """Progress lines in a Dagster run log."""

    def __init__(self, log: Any, total: int, every: float = 10.0) -> None:
        super().__init__(total, lambda text: log.info(f"extracted {text}"), every)


class TerminalProgress(Progress):
    """A one-line progress bar redrawn in place; silent unless ``stream`` is a terminal."""

    def __init__(self, total: int, stream: TextIO = sys.stderr, every: float = 0.5) -> None:
        self.stream = stream
        self.enabled = stream.isatty()
        super().__init__(total, self._draw, every)

    def _draw(self, text: str) -> None:
        if self.enabled:
            self.stream.write(f"\r{text}\033[K")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.done:
            self.stream.write("\r\033[K")
            self.stream.flush()
