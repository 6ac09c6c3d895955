"""The timing helpers the benchmark scripts share."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(run: Callable[[], object], repeat: int) -> float:
    """The least disturbed of ``repeat`` runs of ``run()``, in seconds: on a shared machine the
    fastest run is the one the rest of the machine disturbed least."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best
