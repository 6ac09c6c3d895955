"""Single-process parse time of each hostile input of tests/test_hostile.py (informative).

Run from the repository root:

    .venv/bin/python benchmarks/hostile.py [CASE ...]      # needs the test extra (pytest)

The test suite runs the same cases under a hang guard only; this prints how long each takes, so
that a change that makes one of them slower (or no longer linear) shows. Nothing asserts.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_hostile import CASES  # noqa: E402

import reportparse  # noqa: E402


def main(names: list[str]) -> None:
    reportparse.parse("一、召开会议3次。")  # the lazy loads are not what is measured here
    for name in names or list(CASES):
        text = CASES[name]()
        start = time.perf_counter()
        reportparse.parse(text)
        elapsed = time.perf_counter() - start
        print(f"{name:28s} {len(text):>9,} characters {elapsed:7.2f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
