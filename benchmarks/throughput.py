"""Throughput benchmark: words/s, papers/s, mentions/s and peak memory, per stage and
end to end, against the full ``en_core_web_sm`` pipeline over the same texts.

    python -m benchmarks.throughput [--corpus FILE] [--runs 3] [--scale] [--backfill]

Every measured run happens in a fresh subprocess (``benchmarks.run_once``); its
peak memory is the largest sum of resident memory over that process and its
extraction workers, sampled every 50 ms (and never below the main process's own
exact peak). Figures are medians over ``--runs``.
``--scale`` also ingests the corpus two and four times over (the copies
retitled) to show that time grows linearly and memory does not grow;
``--backfill`` ingests it as a folder of one file per listing day.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "arxiv-daily-2025.jsonl.gz"
MARKER = ".measuring"  # a run touches WORKDIR/MARKER when its measured stage starts


def run_once(corpus: Path, mode: str, workdir: Path) -> dict:
    """One measured run in a fresh interpreter; returns its JSON report."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.run_once", mode, str(corpus), str(workdir)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    sampler = TreePeak(proc.pid, workdir / MARKER)
    sampler.start()
    stdout, stderr = proc.communicate()
    sampler.stop()
    if proc.returncode != 0:
        raise SystemExit(f"benchmark run failed:\n{stderr[-4000:]}")
    report = json.loads(stdout.strip().splitlines()[-1])
    report["peak_rss_mb"] = max(report["peak_rss_mb"], sampler.peak_mb)
    return report


class TreePeak(threading.Thread):
    """Samples the resident memory of a process and all its descendants (Linux /proc),
    starting over each time the run touches ``marker`` (its measured stage began)."""

    def __init__(self, pid: int, marker: Path, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid, self.marker, self.interval, self.peak_mb = pid, marker, interval, 0.0
        self._done = threading.Event()

    def run(self) -> None:
        seen_mark = None
        while not self._done.wait(self.interval):
            mark = self.marker.stat().st_mtime_ns if self.marker.exists() else None
            if mark != seen_mark:
                seen_mark, self.peak_mb = mark, 0.0
            self.peak_mb = max(self.peak_mb, sum(_rss_mb(p) for p in _tree(self.pid)))

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def proc_status_mb(pid: int | str, field: str) -> float | None:
    """A memory field of /proc/PID/status (``VmRSS``, ``VmHWM``) in MB; None if the
    process is gone or there is no /proc."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _rss_mb(pid: int) -> float:
    return proc_status_mb(pid, "VmRSS") or 0.0


def median_report(reports: list[dict]) -> dict:
    keys = reports[0].keys()
    return {
        k: statistics.median([r[k] for r in reports])
        if isinstance(reports[0][k], int | float)
        else reports[0][k]
        for k in keys
    }


def repeated(corpus: Path, times: int, into: Path) -> Path:
    """The corpus ``times`` over, the copies retitled so they count as new papers."""
    target = into / f"x{times}-{corpus.name}"
    with (
        gzip.open(corpus, "rt", encoding="utf-8") as src,
        gzip.open(target, "wt", encoding="utf-8", compresslevel=1) as dst,
    ):
        lines = src.readlines()
        dst.writelines(lines)
        for copy in range(1, times):
            for line in lines:
                record = json.loads(line)
                record["id"] = f"{record['id']}-copy{copy}"
                record["title"] = f"{record['title']} (printing {copy + 1})"
                dst.write(json.dumps(record) + "\n")
    return target


def daily_files(corpus: Path, into: Path, fraction: float = 1.0) -> Path:
    """The corpus split into one JSON Lines digest per listing date, as a backfill
    of daily files sees it; ``fraction`` keeps the earliest days only."""
    days: dict[str, list[str]] = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as src:
        for line in src:
            day = str(json.loads(line).get("date") or "undated")[:10]
            days.setdefault(day, []).append(line)
    kept = sorted(days)[: max(1, round(len(days) * fraction))]
    folder = into / f"daily-{len(kept)}"
    folder.mkdir(parents=True, exist_ok=True)
    for day in kept:
        (folder / f"arxiv-{day}.jsonl").write_text("".join(days[day]), encoding="utf-8")
    return folder


def fmt(report: dict, baseline_wps: float | None = None) -> str:
    words, secs = report["words"], report["seconds"]
    line = (
        f"{secs:8.1f} s  {words / secs:>11,.0f} words/s  {report['papers'] / secs:>8,.0f} papers/s"
        f"  {report['mentions'] / secs:>9,.0f} mentions/s  peak RSS {report['peak_rss_mb']:,.0f} MB"
    )
    if baseline_wps:
        line += f"  ({words / secs / baseline_wps:,.1f}x full en_core_web_sm)"
    return line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--scale", action="store_true", help="also run on the corpus 2 and 4 times over"
    )
    parser.add_argument(
        "--backfill", action="store_true", help="also ingest it as one file per listing day"
    )
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}; corpus {args.corpus.name}")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="claims-bench-") as tmp:
        work = Path(tmp)
        baseline = run_once(args.corpus, "baseline", work)
        baseline_wps = baseline["words"] / baseline["seconds"]
        print(f"\nbaseline: full en_core_web_sm over {baseline['papers']:,} of the same papers")
        print(f"  {baseline_wps:,.0f} words/s, peak RSS {baseline['peak_rss_mb']:,.0f} MB")
        for mode, label in (
            ("read", "read (stream the file, stage papers as Parquet)"),
            ("extract", "extract (staged papers to staged mentions, all cores)"),
            ("load", "load (new papers in committed chunks, then one swapping transaction)"),
            ("ingest", "end to end: `claims ingest` into a fresh warehouse"),
        ):
            started = time.monotonic()
            reports = [run_once(args.corpus, mode, work / f"{mode}-{i}") for i in range(args.runs)]
            report = median_report(reports)
            print(f"\n{label}  [median of {args.runs}, {time.monotonic() - started:.0f} s in all]")
            print("  " + fmt(report, baseline_wps if mode in ("extract", "ingest") else None))
        if args.scale:
            print("\nscaling: the corpus 1, 2 and 4 times over, end to end [median of 2 each]")
            reports = {}
            for times in (1, 2, 4):
                corpus = args.corpus if times == 1 else repeated(args.corpus, times, work)
                reports[times] = median_report(
                    [run_once(corpus, "ingest", work / f"s{times}-{i}") for i in range(2)]
                )
                print(f"  {times}x " + fmt(reports[times]))
            for times in (2, 4):
                ratio = reports[times]["seconds"] / reports[1]["seconds"]
                memory = reports[times]["peak_rss_mb"] / reports[1]["peak_rss_mb"]
                print(f"  {times}x/1x: time {ratio:.2f} (linear: {times}.00), memory {memory:.2f}")
        if args.backfill:
            print("\nbackfill: one file per listing day, `claims ingest FOLDER` [one run each]")
            half = run_once(daily_files(args.corpus, work, 0.5), "ingest", work / "b-half")
            whole = run_once(daily_files(args.corpus, work), "ingest", work / "b-all")
            print("  first half of the days " + fmt(half, baseline_wps))
            print("  all days               " + fmt(whole, baseline_wps))
            memory = whole["peak_rss_mb"] / half["peak_rss_mb"]
            print(f"  memory, all days / first half: {memory:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
