"""Hostile input: parse time of each case of tests/test_hostile.py, and how time and memory grow.

Run from the repository root (needs the test extra, for pytest):

    .venv/bin/python benchmarks/hostile.py [CASE ...]        # one parse of each suite case
    .venv/bin/python benchmarks/hostile.py --scaling [SHAPE ...]

``--scaling`` builds each hostile shape at ``--size`` characters (default 60,000) and at eight
times that (480,000), parses each in a fresh process, and prints the time at both sizes and how
much faster than the input the time grew (``growth``: time ratio / 8; 1.00 is linear). A time is
the fastest of at least five parses at n and three at 8n, and of as many as fit in two seconds
(up to fifty), in each of two rounds that measure n and 8n in turn: a parse of a few
milliseconds on a shared machine is often interrupted, and its load changes by the minute. The
segmentation cache is emptied before each parse. Then, at ``--memory-size`` characters (default
1,000,000), it prints the peak memory the parse allocated above what was held before it
(tracemalloc, in another fresh process), per input character. Targets: growth at most 1.3, and
under 1 KB per input character at 1 MB or more (at the default ``max_nodes``). Nothing asserts:
each line says PASS or MISS.

The sizes keep both timings below the size where this machine's caches run out: a plain ``re``
scan takes the same time per character up to 1,000,000 characters and about three times as much
at 2,000,000, for any pattern; across that step every stage looks superlinear.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_hostile import CASES, ISSUERS_AND_VERBS, _random_cjk_with_markers  # noqa: E402

import reportparse  # noqa: E402


def _repeat(unit: str, prefix: str = "", suffix: str = "") -> Callable[[int], str]:
    """A text of ``size`` characters: ``unit`` repeated between ``prefix`` and ``suffix``."""

    def build(size: int) -> str:
        body = size - len(prefix) - len(suffix)
        return prefix + (unit * (body // len(unit) + 1))[:body] + suffix

    return build


# Every hostile case of the suite that has a size, as a function of the size.
SHAPES: dict[str, Callable[[int], str]] = {
    "parens": _repeat("("),
    "fullwidth_parens": _repeat("（"),
    "unclosed_title": _repeat("政法工作条例", prefix="《"),
    "nested_titles": _repeat("《"),
    "unclosed_quote": _repeat("严", prefix="“"),
    "yishi": _repeat("一是"),
    "arabic_dot": _repeat("1."),
    "cn_dun_lines": _repeat("一、\n"),
    "digits": _repeat("1"),
    "year": _repeat("2020年"),
    "one_line": _repeat("市委政法委召开会议研究部署整改工作"),
    "inline_enumeration": _repeat("。一是，二是；"),
    "random_cjk": _random_cjk_with_markers,
    "spaces_then_marker": _repeat(" ", suffix="一、总体情况"),
    "newlines": _repeat("\n"),
    "circled_run": _repeat("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"),
    "di_then_spaces": _repeat(" ", prefix="一、标题\n第一", suffix="\n二、标题"),
    "document_contexts": _repeat(ISSUERS_AND_VERBS + "《条例》"),
    "cn_dun_headings": _repeat("一、总体情况\n召开会议3次。\n"),
}

GROWTH_TARGET = 1.3
ROUNDS = 2
BYTES_PER_CHARACTER_TARGET = 1024

_MEASURE = """
import gc, json, sys, time, tracemalloc
sys.path.insert(0, {root!r})
from benchmarks.hostile import SHAPES
import reportparse
from reportparse import segment
reportparse.parse("一、召开会议3次。")  # the lazy loads are not what is measured here
text = SHAPES[{shape!r}]({size})
gc.collect()
if {memory}:
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    report = reportparse.parse(text)
    peak = tracemalloc.get_traced_memory()[1]
    print(json.dumps({{"peak": peak - before}}))
else:
    best, total, runs = float("inf"), 0.0, 0
    while runs < {repeat} or (total < 2.0 and runs < 50):
        segment.tokens.cache_clear()  # a text seen before would find its windows cut already
        start = time.perf_counter()
        report = reportparse.parse(text)
        elapsed = time.perf_counter() - start
        best, total, runs = min(best, elapsed), total + elapsed, runs + 1
        del report
        gc.collect()
    print(json.dumps({{"seconds": best}}))
"""


def _measure(shape: str, size: int, memory: bool, repeat: int = 1) -> dict[str, float]:
    """Parses of ``shape`` at ``size`` in a fresh process (a clean heap and collector): the
    fastest of ``repeat``, or the peak memory of one."""
    code = _MEASURE.format(root=str(ROOT), shape=shape, size=size, memory=memory, repeat=repeat)
    done = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def scaling(shapes: list[str], size: int, memory_size: int) -> None:
    print(f"{'shape':20s} {'n':>9s} {'t(n)':>7s} {'8n':>9s} {'t(8n)':>7s} {'growth':>6s}  "
          f"{'B/char at ' + format(memory_size, ','):>20s}")  # fmt: skip
    for shape in shapes or list(SHAPES):
        small = large = float("inf")
        for _ in range(ROUNDS):  # n and 8n in turns, so that both see the machine's load alike
            small = min(small, _measure(shape, size, False, repeat=5)["seconds"])
            large = min(large, _measure(shape, 8 * size, False, repeat=3)["seconds"])
        growth = large / small / 8
        per_char = _measure(shape, memory_size, True)["peak"] / memory_size
        verdict = (
            "PASS" if growth <= GROWTH_TARGET and per_char < BYTES_PER_CHARACTER_TARGET else "MISS"
        )
        print(
            f"{shape:20s} {size:>9,} {small:7.3f} {8 * size:>9,} {large:7.3f} {growth:6.2f}  "
            f"{per_char:20.0f}  {verdict}",
            flush=True,
        )


def suite_cases(names: list[str]) -> None:
    reportparse.parse("一、召开会议3次。")  # the lazy loads are not what is measured here
    for name in names or list(CASES):
        text = CASES[name]()
        start = time.perf_counter()
        reportparse.parse(text)
        elapsed = time.perf_counter() - start
        print(f"{name:28s} {len(text):>9,} characters {elapsed:7.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", help="suite cases (or shapes with --scaling)")
    parser.add_argument("--scaling", action="store_true", help="time and memory at n and 8n")
    parser.add_argument("--size", type=int, default=60_000, help="n for --scaling")
    parser.add_argument("--memory-size", type=int, default=1_000_000, help="for --scaling")
    args = parser.parse_args()
    if args.scaling:
        scaling(args.names, args.size, args.memory_size)
    else:
        suite_cases(args.names)


if __name__ == "__main__":
    main()
