"""Benchmark: the seed parse of this checkout against another revision, in one process.

Run from the repository root (the seed lives in ../shared):

    .venv/bin/python benchmarks/compare.py REVISION [--without-domain] [--rounds N]

The package of REVISION is taken from git (``git archive``) into a temporary folder and imported
under another name next to this checkout's package, so both run on the same interpreter, heap and
machine state. Batches of each are alternated (the order swapped every round) and the least
disturbed run of each batch is kept: the printed ratio is the median over rounds of
(this checkout / REVISION), with the two overall minimums. The segmentation cache is emptied
before every parse, as for an unseen report.

``--without-domain`` replaces this checkout's domain layer (meta, rectifications, indicator
roles) by an empty reading, to compare the same work with a revision that predates it.
"""

from __future__ import annotations

import argparse
import importlib
import io
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from timing import best_of

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "corpus" / "dev" / "seed.txt"
BASE_NAME = "reportparse_base"


def import_revision(revision: str, folder: Path) -> ModuleType:
    """The package ``src/reportparse`` of ``revision``, imported as ``reportparse_base``."""
    archive = subprocess.run(
        ["git", "archive", revision, "src/reportparse"], cwd=ROOT, check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    (folder / "src" / "reportparse").rename(folder / BASE_NAME)
    sys.path.insert(0, str(folder))
    return importlib.import_module(BASE_NAME)


def without_domain(package: ModuleType) -> None:
    """Make ``package``'s assembly read no domain: no meta, no items, no roles."""
    from reportparse import assemble
    from reportparse.domain import DomainReading
    from reportparse.models import ReportMeta

    def empty_reading(*_: object) -> DomainReading:
        return DomainReading(roles={}, meta=ReportMeta(), rectifications=[])

    assert package.__name__ == "reportparse"
    assemble.read_domain = empty_reading  # type: ignore[assignment]


def unseen_parse(package: ModuleType, text: str) -> Callable[[], object]:
    def run() -> object:
        package.segment.tokens.cache_clear()
        return package.parse(text)

    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("revision")
    parser.add_argument("--without-domain", action="store_true")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--batch", type=int, default=30)
    args = parser.parse_args(argv)
    if not SEED.exists():
        print(f"seed not found at {SEED}", file=sys.stderr)
        return 2
    text = SEED.read_text(encoding="utf-8")
    import reportparse

    with tempfile.TemporaryDirectory() as folder:
        base = import_revision(args.revision, Path(folder))
        if args.without_domain:
            without_domain(reportparse)
        runs = {"base": unseen_parse(base, text), "this": unseen_parse(reportparse, text)}
        for run in runs.values():  # lazy loads and warm caches before any timing
            for _ in range(20):
                run()
        mins: dict[str, list[float]] = {"base": [], "this": []}
        ratios = []
        for round_ in range(args.rounds):
            order = ["base", "this"] if round_ % 2 == 0 else ["this", "base"]
            best = {name: best_of(runs[name], args.batch) for name in order}
            for name, seconds in best.items():
                mins[name].append(seconds)
            ratios.append(best["this"] / best["base"])
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"seed, unseen{', without the domain layer' if args.without_domain else ''}: "
        f"{args.revision} {min(mins['base']) * 1e3:.2f} ms, this checkout "
        f"{min(mins['this']) * 1e3:.2f} ms; this / {args.revision}: median over "
        f"{args.rounds} rounds {statistics.median(ratios):.3f}, of the minimums "
        f"{min(mins['this']) / min(mins['base']):.3f} (load average {load:.2f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
