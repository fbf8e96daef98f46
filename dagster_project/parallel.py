"""A function over items in spawned worker processes, its results in input order.

Both extraction (batches of papers) and `claims ingest` (whole files) fan work
out this way: at most two items per worker in flight, so memory stays bounded
however long the input, and nothing queued is started once the caller stops.
"""

from __future__ import annotations

import ctypes
import multiprocessing as mp
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

from extractors.pipeline import Result, batches, extract_batch, extract_papers
from reader.records import Paper

T = TypeVar("T")
R = TypeVar("R")

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
PARENT_CHECK_SECONDS = 1.0


def in_order(
    fn: Callable[[T], R], items: Iterable[T], workers: int
) -> Iterator[tuple[T, Future[R]]]:
    """Yield ``(item, future of fn(item))`` in input order; the caller takes each
    result (or its exception) from the future. ``fn`` must be picklable."""
    # Spawn, never fork: a forked child inherits the locks of the parent's threads
    # (Dagster's, DuckDB's), which can deadlock it.
    context = mp.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=die_with_parent,
        initargs=(os.getpid(),),
    ) as pool:
        pending: deque[tuple[T, Future[R]]] = deque()
        try:
            for item in items:
                pending.append((item, pool.submit(fn, item)))
                if len(pending) >= 2 * workers:
                    yield pending.popleft()
            while pending:
                yield pending.popleft()
        except BaseException:  # interrupted, or the caller stopped reading: start no more
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def die_with_parent(parent_pid: int) -> None:
    """Worker initializer: end this worker when the process that started it ends,
    however it ends (SIGKILL included), so no worker lives on ingesting, holding
    the warehouse's write lock or a pipe. Linux kills it outright through
    ``PR_SET_PDEATHSIG``; everywhere a watchdog thread notices the parent is gone.
    (Dagster turns SIGTERM into an interrupted step, which a worker survives.)"""
    # The parent may block these for its own signal thread (cli.stopping); a worker
    # must not inherit that.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent_pid:  # the parent died before the line above
        os._exit(1)
    threading.Thread(
        target=_watch_parent, args=(parent_pid,), name="parent-watchdog", daemon=True
    ).start()


def _watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def extract_in_parallel(
    papers: Iterable[Paper], n_process: int = 1, batch_size: int = 256
) -> Iterator[Result]:
    """``extractors.pipeline.extract_papers`` fanned out: batches of ``batch_size``
    papers in ``n_process`` worker processes, results in input order (one process
    runs in this one)."""
    if n_process <= 1:
        yield from extract_papers(papers, batch_size=batch_size)
        return
    for _, batch in in_order(extract_batch, batches(papers, batch_size), n_process):
        yield from batch.result()
