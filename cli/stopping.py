"""Stop a long command at once on SIGTERM or Ctrl-C, workers included.

Dagster swaps the process's SIGINT and SIGTERM handlers while it executes a
step (and leaves SIGTERM mapped to SIGINT afterwards), turning a signal into a
failed step after which the next file would start; and the main thread may be
waiting on a worker's result, where no Python handler runs. So a thread of our
own learns of the signal from the interpreter's wakeup fd, which every Python
handler (ours or Dagster's) writes to from whatever thread the signal arrives
on: it ends every worker process, prints one line and exits. The warehouse
stays whole: what a stopped load had not committed is not visible, and
DuckDB's lock goes with the process.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

SIGNALS = (signal.SIGTERM, signal.SIGINT)


@contextmanager
def stop_on_signals(what: str) -> Iterator[None]:
    """Within this block, SIGTERM or SIGINT end the process cleanly (exit 128+signal)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)
    previous_fd = signal.set_wakeup_fd(write_end, warn_on_full_buffer=False)
    # A Python-level handler is what makes the interpreter write the wakeup fd.
    previous = {signo: signal.signal(signo, _noted) for signo in SIGNALS}
    done = threading.Event()
    watcher = threading.Thread(
        target=_wait_for_signal, args=(read_end, done, what), name="stop-on-signal", daemon=True
    )
    watcher.start()
    try:
        yield
    finally:
        done.set()
        os.write(write_end, b"\0")
        watcher.join()
        signal.set_wakeup_fd(previous_fd)
        for signo, handler in previous.items():
            signal.signal(signo, handler)
        os.close(read_end)
        os.close(write_end)


def _noted(signo: int, frame: object) -> None:
    """The watcher thread acts on the signal; the main thread carries on until then."""


def _wait_for_signal(read_end: int, done: threading.Event, what: str) -> None:
    while not done.is_set():
        for signo in os.read(read_end, 64):
            if signo in SIGNALS and not done.is_set():
                _stop(signo, what)


def _stop(signo: int, what: str) -> None:
    workers = mp.active_children()
    for worker in workers:
        worker.kill()
    for worker in workers:
        worker.join(timeout=5)
    name = signal.Signals(signo).name
    note = f", {len(workers)} worker processes ended" if workers else ""
    try:
        sys.stdout.flush()
        print(
            f"claims: {what} stopped by {name}{note}; what was loaded stays loaded, "
            "and a rerun ingests the rest",
            file=sys.stderr,
            flush=True,
        )
    finally:
        os._exit(128 + signo)
