"""Benchmark: what a new process (a worker) pays before its first result, side by side with jieba.

Run from the repository root (the real corpus lives in ../shared):

    .venv/bin/python benchmarks/start.py [--runs 7] [--seed PATH]

Three kinds of fresh process, started in turn (A B C A B C ...) so that the machine's load
falls on all of them alike, each timed from outside (``subprocess`` start to exit) and reporting
its own peak resident memory (``ru_maxrss``):

- A, jieba: ``import jieba; jieba.initialize()``, from jieba's own cache file;
- B, reportparse: ``import reportparse; reportparse.parse(seed)``, the first parse included,
  with reportparse's word-table cache in place;
- C, reportparse building its cache: the same with an empty cache directory (what the very
  first process on a machine pays).

Target: B's median at most A's median + 0.25 s, B's memory at most ~155 MB. It also checks that
B and C give byte-identical output on every report of the corpus (one more process each).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SEED = ROOT.parent / "shared" / "corpus" / "dev" / "seed.txt"

JIEBA = """
import logging, resource
import jieba
jieba.setLogLevel(logging.WARNING)
jieba.initialize()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

REPORTPARSE = """
import resource, sys
import reportparse
with open(sys.argv[1], encoding="utf-8", newline="") as handle:
    reportparse.parse(handle.read())
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

CORPUS_DIGEST = """
import glob, hashlib, os, sys
import reportparse
digest = hashlib.sha256()
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.txt"))):
    with open(path, encoding="utf-8", newline="") as handle:
        digest.update(reportparse.parse(handle.read()).model_dump_json().encode())
print(digest.hexdigest())
"""


def run(code: str, *args: str, env: dict[str, str]) -> tuple[float, str]:
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=True
    )
    return time.perf_counter() - began, done.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=Path, default=DEFAULT_SEED)
    args = parser.parse_args()
    env = dict(os.environ)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {os.getloadavg()}")
    run(JIEBA, env=env)  # jieba's cache file exists from here on
    run(REPORTPARSE, str(args.seed), env=env)  # and so does reportparse's
    times: dict[str, list[float]] = {"A": [], "B": [], "C": []}
    memory: dict[str, list[int]] = {"A": [], "B": [], "C": []}
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as empty:
            kinds = {
                "A": (JIEBA, (), env),
                "B": (REPORTPARSE, (str(args.seed),), env),
                "C": (REPORTPARSE, (str(args.seed),), {**env, "REPORTPARSE_CACHE_DIR": empty}),
            }
            for kind, (code, extra, kind_env) in kinds.items():
                seconds, out = run(code, *extra, env=kind_env)
                times[kind].append(seconds)
                memory[kind].append(int(out) // 1024)
    print(f"load after the runs {os.getloadavg()}")
    labels = {
        "A": "jieba: import + initialize() from its cache",
        "B": "reportparse: import + first parse of the seed (cache in place)",
        "C": "reportparse: the same, building its cache",
    }
    print("| process | median s | min-max s | peak RSS MB |")
    print("|---|---|---|---|")
    for kind, label in labels.items():
        spread = f"{min(times[kind]):.2f}-{max(times[kind]):.2f}"
        median = statistics.median(times[kind])
        print(f"| {label} | {median:.2f} | {spread} | {max(memory[kind])} |")
    a, b = statistics.median(times["A"]), statistics.median(times["B"])
    verdict = "PASS" if b <= a + 0.25 and max(memory["B"]) <= 155 else "MISS"
    print(f"B - A = {b - a:+.2f} s (target <= +0.25 s, RSS <= ~155 MB): {verdict}")
    corpus = args.seed.parent
    with tempfile.TemporaryDirectory() as empty:
        _, cached = run(CORPUS_DIGEST, str(corpus), env=env)
        _, built = run(CORPUS_DIGEST, str(corpus), env={**env, "REPORTPARSE_CACHE_DIR": empty})
    same = "identical" if cached == built else "DIFFERENT"
    digest = hashlib.sha256(cached.encode()).hexdigest()[:12]
    print(f"corpus output with the cache and with a fresh build: {same} ({digest})")


if __name__ == "__main__":
    main()
