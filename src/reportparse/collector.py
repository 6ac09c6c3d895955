"""The cyclic garbage collector, paused while a parse builds its objects.

A parse builds its nodes and mentions in one burst of allocations and frees none of them until
it returns; the collector, triggered every few hundred allocations, would walk the growing heap
again and again for nothing (on a million-character input that made the parse time grow faster
than the input). ``gc.disable()`` is process-wide, so concurrent parses share one count: the
first to start pauses the collector, the last to finish restores the state it found.

Resuming the collector starts a collection of everything allocated while it was paused and still
alive. So ``run_stages`` pauses it around the call of the function that holds the stages'
drafts: by the time it resumes, the drafts are freed and only the report is walked.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_parses = 0  # parses running now, in any thread
_was_enabled = False  # the collector's state when the first of them started


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cyclic collector paused (reference counting still frees)."""
    global _parses, _was_enabled
    with _lock:
        if _parses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _parses += 1
    try:
        yield
    finally:
        with _lock:
            _parses -= 1
            if _parses == 0 and _was_enabled:
                gc.enable()
