"""Processes seen through /proc, for the tests that send real signals."""

from __future__ import annotations

import os
import time
from pathlib import Path


def _stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2 :].split()  # fields after "pid (comm)"


def alive(pid: int) -> bool:
    """Running (a zombie nobody reaped has ended: it holds no lock and runs nothing)."""
    fields = _stat(pid)
    return fields is not None and fields[0] not in ("Z", "X")


def children(pid: int) -> list[int]:
    """Live processes whose parent is ``pid``."""
    return [
        child
        for child in map(int, filter(str.isdigit, os.listdir("/proc")))
        if (fields := _stat(child)) is not None and fields[1] == str(pid) and alive(child)
    ]


def group(pgid: int) -> list[int]:
    """Live processes of process group ``pgid``."""
    return [
        pid
        for pid in map(int, filter(str.isdigit, os.listdir("/proc")))
        if (fields := _stat(pid)) is not None and fields[2] == str(pgid) and alive(pid)
    ]


def wait_until(condition, seconds: float = 60.0, step: float = 0.2) -> bool:
    """Poll ``condition`` until it holds or ``seconds`` pass; whether it held."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return bool(condition())
