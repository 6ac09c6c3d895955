"""Benchmark: files per second of reportparse.dask on a LocalCluster of 1 and of 2 workers.

Run from the repository root (the real corpus lives in ../shared):

    .venv/bin/python benchmarks/dask_throughput.py [--copies 10] [--partition-size 5] [--runs 3]

The corpus files are listed ``--copies`` times (the same files read again: the page cache
serves them, so this measures parsing and Dask, not the disk). For each cluster (worker
processes with one thread each) it first runs one small computation, so that the workers have
started and loaded their word tables, then times ``to_dataframe(read_reports(paths), "counts")
.groupby("file").value.sum().compute()`` ``--runs`` times and prints the best and the median.
The machine's load average is printed before and after, and for each cluster the cores its
workers actually got (their CPU seconds over the wall seconds of the timed runs): other
processes share the cores, and two workers can only be twice as fast when they get two.
"""

from __future__ import annotations

import argparse
import logging
import os
import resource
import statistics
import time
from pathlib import Path

from distributed import Client, LocalCluster

from reportparse import dask as rd

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"


def cpu_seconds() -> float:
    """CPU time of this process (run on each worker)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed_runs(
    paths: list[Path], workers: int, partition_size: int, runs: int
) -> tuple[list[float], float]:
    """Wall seconds of each run, and the cores the workers got over all runs."""
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        warm = paths[: workers * 2]
        rd.to_dataframe(rd.read_reports(warm, partition_size=1), "counts").value.sum().compute()
        seconds = []
        cpu_before = client.run(cpu_seconds)
        for _ in range(runs):
            began = time.perf_counter()
            bag = rd.read_reports(paths, partition_size=partition_size)
            rd.to_dataframe(bag, "counts").groupby("file").value.sum().compute()
            seconds.append(time.perf_counter() - began)
        cpu_after = client.run(cpu_seconds)
    cores = sum(cpu_after[w] - cpu_before[w] for w in cpu_after) / sum(seconds)
    return seconds, cores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--partition-size", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    files = sorted(args.corpus.glob("*.txt"))
    paths = files * args.copies
    size = sum(path.stat().st_size for path in files) * args.copies
    print(f"{len(paths)} files ({size / 1e6:.1f} MB), {args.partition_size} per partition")
    print(f"{os.cpu_count()} CPUs; load average before: {os.getloadavg()}")
    best = {}
    print("| workers | best s | median s | files/s (best) | cores got | files per core-second |")
    print("|---|---|---|---|---|---|")
    for workers in (1, 2):
        seconds, cores = timed_runs(paths, workers, args.partition_size, args.runs)
        best[workers] = min(seconds)
        rate = len(paths) / best[workers]
        median = statistics.median(seconds)
        per_core = len(paths) * len(seconds) / (cores * sum(seconds))
        print(
            f"| {workers} | {best[workers]:.2f} | {median:.2f} | {rate:.1f} | {cores:.2f} "
            f"| {per_core:.1f} |"
        )
    speedup = best[1] / best[2]
    verdict = "PASS" if speedup >= 1.6 else "MISS"
    print(f"speed-up with 2 workers: {speedup:.2f}x (target >= 1.6x): {verdict}")
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
