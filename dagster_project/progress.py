"""Progress of long work: a bar on a terminal (tqdm), and a line in a log every few seconds.

Extraction reports through this from inside the asset, so the Dagster run log
gets a papers line every ten seconds and a `claims ingest` on a terminal also
draws a bar; the CLI's files bar is the same class. The cases users saw go wrong,
and how each is handled:

- The clock starts when the first item is done, not when the work is set up:
  loading spaCy and starting workers is paid once, and counting it made the first
  estimate of a 2,000-paper file 17,192 s. No estimate is shown until
  ``WARMUP_ITEMS`` more items and ``WARMUP_SECONDS`` were measured; tqdm's
  smoothed rate takes it from there.
- `close` draws the bar's final count (it reaches its total) and ends its line, so
  the caller's outcome line starts on a line of its own; `write` prints a line
  above a bar that is still running, never over it.
- Nothing is drawn when the stream is not a terminal; the log lines still come.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO, TypeVar

from tqdm import tqdm

T = TypeVar("T")

WARMUP_ITEMS = 5
WARMUP_SECONDS = 1.0
LOG_EVERY_SECONDS = 10.0
BAR_FORMAT = "{l_bar}{bar}| {n_fmt}/{total_fmt}{unit} [{elapsed}<{remaining}, {rate_noinv_fmt}]"
WARMING_FORMAT = "{l_bar}{bar}| {n_fmt}/{total_fmt}{unit} [estimating]"


class _Bar(tqdm):
    """tqdm's bar, which shows no time left until its owner says the rate is measured."""

    warm = False

    @property
    def format_dict(self) -> dict[str, Any]:
        values = super().format_dict
        if not self.warm:
            values["bar_format"] = WARMING_FORMAT
        return values


class Progress:
    """Count items passing through `wrap` (or `advance`); reporters added with `every`
    hear a line at their own pace, and a bar is drawn on ``stream`` if it is a terminal.

    Use it as a context manager (or call `close`) so the bar ends before other output.
    """

    def __init__(
        self,
        total: int,
        unit: str = "papers",
        *,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self.unit = unit
        self.done = 0
        self._clock = clock
        self._first: tuple[float, int] | None = None  # when the first item was done, and count
        self._reporters: list[tuple[Callable[[str], None], float, list[float]]] = []
        self._bar: _Bar | None = None
        if total > 0 and stream is not None and stream.isatty():
            self._bar = _Bar(
                total=total,
                unit=f" {unit}",
                file=stream,
                bar_format=BAR_FORMAT,
                leave=True,
                dynamic_ncols=True,
            )

    def every(self, seconds: float, report: Callable[[str], None]) -> Progress:
        """Call ``report`` with the progress line at most every ``seconds``."""
        self._reporters.append((report, seconds, [self._clock()]))
        return self

    def _rate(self, now: float) -> float | None:
        """Items per second since the first item, once enough were measured."""
        if self._first is None:
            return None
        since, first_done = self._first
        items, seconds = self.done - first_done, now - since
        if items < WARMUP_ITEMS or seconds < WARMUP_SECONDS:
            return None
        return items / seconds

    def line(self) -> str:
        """``1,234/2,000 papers, 103 papers/s, 7s left`` (or ``..., estimating``)."""
        share = f"/{self.total:,}" if self.total else ""
        head = f"{self.done:,}{share} {self.unit}"
        rate = self._rate(self._clock())
        if rate is None:
            return f"{head}, estimating"
        left = max(self.total - self.done, 0) / rate if self.total else 0.0
        rate_text = f"{rate:,.0f}" if rate >= 10 else f"{rate:,.1f}"
        return f"{head}, {rate_text} {self.unit}/s, {left:,.0f}s left"

    def advance(self, n: int = 1) -> None:
        """Count ``n`` more items done, draw the bar, and tell the reporters that are due."""
        self.done += n
        now = self._clock()
        if self._first is None:
            self._first = (now, self.done)
            if self._bar is not None:
                self._bar.reset()  # the bar's clock starts here too
        if self._bar is not None:
            self._bar.warm = self._bar.warm or self._rate(now) is not None
            self._bar.update(n)
        for report, seconds, last in self._reporters:
            if now - last[0] >= seconds:
                last[0] = now
                report(self.line())

    def wrap(self, items: Iterable[T]) -> Iterator[T]:
        """``items`` as they come, each counted once it has been produced."""
        for item in items:
            self.advance()
            yield item

    def write(self, text: str, file: TextIO | None = None) -> None:
        """Print ``text`` as a line of its own, above the bar if one is running."""
        out = file if file is not None else sys.stdout
        if self._bar is None or self._bar.disable:
            print(text, file=out, flush=True)
            return
        self._bar.clear()
        print(text, file=out, flush=True)
        self._bar.refresh()

    def close(self) -> None:
        """Draw the bar's final count and end its line; later output starts below it."""
        if self._bar is not None:
            self._bar.warm = True  # the final frame shows the measured rate
            self._bar.close()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def extraction_progress(
    log: Any,
    total: int,
    *,
    terminal: bool,
    clock: Callable[[], float] = time.monotonic,
) -> Progress:
    """Progress for the run log (a papers line every ten seconds), and a bar on stderr
    when ``terminal`` asks for it and stderr is a terminal."""
    progress = Progress(total, stream=sys.stderr if terminal else None, clock=clock)
    return progress.every(LOG_EVERY_SECONDS, lambda text: log.info(f"extracted {text}"))
