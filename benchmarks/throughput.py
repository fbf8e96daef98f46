"""Throughput benchmark: words/s, papers/s, mentions/s and peak memory, per stage and
end to end, against the full ``en_core_web_sm`` pipeline over the same texts.

    python -m benchmarks.throughput [--corpus FILE] [--runs 3] [--scale]

Every measured run happens in a fresh subprocess (``benchmarks.run_once``), so
its peak resident memory is its own; figures are medians over ``--runs``.
``--scale`` also ingests the corpus doubled (every paper twice, retitled) to
show that time grows linearly and memory does not grow.
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
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "arxiv-daily-2025.jsonl.gz"


def run_once(corpus: Path, mode: str, workdir: Path) -> dict:
    """One measured run in a fresh interpreter; returns its JSON report."""
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.run_once", mode, str(corpus), str(workdir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise SystemExit(f"benchmark run failed:\n{out.stderr[-4000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def median_report(reports: list[dict]) -> dict:
    keys = reports[0].keys()
    return {
        k: statistics.median([r[k] for r in reports])
        if isinstance(reports[0][k], int | float)
        else reports[0][k]
        for k in keys
    }


def doubled(corpus: Path, into: Path) -> Path:
    """The corpus twice over, the copies retitled so they count as new papers."""
    target = into / f"doubled-{corpus.name}"
    with (
        gzip.open(corpus, "rt", encoding="utf-8") as src,
        gzip.open(target, "wt", encoding="utf-8", compresslevel=1) as dst,
    ):
        lines = src.readlines()
        dst.writelines(lines)
        for line in lines:
            record = json.loads(line)
            record["id"] = f"{record['id']}-copy"
            record["title"] = f"{record['title']} (second printing)"
            dst.write(json.dumps(record) + "\n")
    return target


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
    parser.add_argument("--scale", action="store_true", help="also run on the corpus doubled")
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
            big = doubled(args.corpus, work)
            one = median_report(
                [run_once(args.corpus, "ingest", work / f"s1-{i}") for i in range(2)]
            )
            two = median_report([run_once(big, "ingest", work / f"s2-{i}") for i in range(2)])
            print("\nscaling: the corpus, then the corpus doubled, end to end [median of 2 each]")
            print("  1x " + fmt(one))
            print("  2x " + fmt(two))
            print(f"  time ratio {two['seconds'] / one['seconds']:.2f} (linear: 2.00), "
                  f"memory ratio {two['peak_rss_mb'] / one['peak_rss_mb']:.2f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
