"""Many reports at once: texts, paths or bytes -> reports in input order, a failure as a value.

``parse_item`` parses one item and never raises for a bad one (it returns a ``ParseFailure``);
``parse_many`` runs it over an iterable, in worker processes when ``jobs > 1`` (never more than
there are items, nor than ``MAX_JOBS_PER_CPU`` per CPU), reading the input lazily and holding
only a bounded window of items in flight.
"""

from __future__ import annotations

import datetime
import itertools
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Union

from .files import parse_bytes, parse_file
from .models import ParseFailure, Report, Source
from .pipeline import parse
from .readers import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

Item = Union[str, "os.PathLike[str]", bytes]
"""What ``parse_many`` takes: a ``str`` is the text of a report, an ``os.PathLike`` (such as
``pathlib.Path``) a file to read, ``bytes`` a file's content."""

Result = Union[Report, ParseFailure]  # noqa: UP007

WINDOW_PER_JOB = 4
"""Items in flight per worker process: enough to keep the workers busy while the results are
taken in order, few enough that memory stays bounded whatever the length of the input."""

MAX_JOBS_PER_CPU = 2
"""Most worker processes per CPU (``os.cpu_count()``) that ``parse_many`` starts, whatever
``jobs`` asks: parsing is CPU-bound, so workers beyond the CPUs only compete for them (and each
holds its own memory); a second one per CPU keeps a CPU busy while its worker reads a file."""


def parse_item(
    item: Item,
    reference_date: datetime.date | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Result:
    """Parse one item of a batch; any error becomes a ``ParseFailure`` (its type and a one-line
    message without the file name, which the failure's ``source`` holds).

    A module-level function, so that worker processes (and Dask) can pickle it."""
    try:
        if isinstance(item, str):
            return parse(item, reference_date)
        if isinstance(item, (bytes, bytearray, memoryview)):
            return parse_bytes(bytes(item), reference_date=reference_date)
        if isinstance(item, os.PathLike):
            return parse_file(item, reference_date, max_bytes=max_bytes)
        raise TypeError(
            f"a batch item is a str (a text), an os.PathLike (a path) or bytes, "
            f"not {type(item).__name__}"
        )
    except Exception as error:  # a failure is a value: the rest of the batch goes on
        return _failure_of(item, error)


def _source_of(item: object) -> Source | None:
    """The source a failure names: the item's path, when it is one."""
    return Source(path=str(os.fspath(item))) if isinstance(item, os.PathLike) else None


def _failure_of(item: object, error: BaseException) -> ParseFailure:
    """The ``ParseFailure`` for an item: its path (when it is one), the error's type and its
    message on one line, the path not repeated."""
    source = _source_of(item)
    if isinstance(error, OSError) and error.strerror:
        message = error.strerror
    else:
        message = " ".join(str(error).split()) or type(error).__name__
        # The readers name the input in their messages (``<bytes>`` for bytes): named once here.
        name = source.path if source is not None else "<bytes>"
        message = message.removeprefix(f"{name}: ")
    return ParseFailure(source=source, error_type=type(error).__name__, message=message)


def parse_many(
    items: Iterable[Item],
    *,
    jobs: int = 1,
    reference_date: datetime.date | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Iterator[Result]:
    """Parse many reports, yielding a ``Report`` or a ``ParseFailure`` for each item, in order.

    A ``str`` item is a report's text, an ``os.PathLike`` (``pathlib.Path``) a file, ``bytes``
    a file's content. With ``jobs > 1`` the items are parsed in that many worker processes, but
    never more than there are items nor than ``MAX_JOBS_PER_CPU`` per CPU; a single item is
    parsed in this process, without starting any. The input is read lazily and at most
    ``WINDOW_PER_JOB`` items per worker are in flight, so an endless generator of paths streams.
    Workers are forked from a process that runs no other thread (on Linux), else started
    afresh: scripts that use ``jobs > 1`` need the usual ``if __name__ == "__main__":``
    guard."""
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a whole number of at least 1, not {jobs!r}")
    if isinstance(items, (str, bytes, os.PathLike)):
        raise TypeError("parse_many takes an iterable of items; for one item use parse_item")
    if jobs == 1:
        return (parse_item(item, reference_date, max_bytes) for item in items)
    workers = min(jobs, MAX_JOBS_PER_CPU * (os.cpu_count() or 1))
    return _parse_in_processes(iter(items), workers, reference_date, max_bytes)


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which stops them (no traceback from each worker)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _start_workers(jobs: int) -> ProcessPoolExecutor:
    import multiprocessing  # here: a plain parse or a batch on one process never needs it
    import threading
    from concurrent.futures import ProcessPoolExecutor

    if sys.platform == "linux" and threading.active_count() == 1:
        # Forking a process that runs no other thread is safe, and the workers then share what
        # it has loaded: one parse here loads the word tables once for all of them.
        parse(_WARM_UP)
        method = "fork"
    else:
        # Forking a process that runs threads (a notebook kernel, a web server) can deadlock.
        methods = multiprocessing.get_all_start_methods()
        method = "forkserver" if "forkserver" in methods else "spawn"
    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context(method),
        initializer=_ignore_interrupts,
    )


_WARM_UP = "一、总体情况\n2021年召开会议3次，制定《整改方案》。"


def _parse_in_processes(
    items: Iterator[Item],
    jobs: int,
    reference_date: datetime.date | None,
    max_bytes: int | None,
) -> Iterator[Result]:
    from concurrent.futures.process import BrokenProcessPool

    # No more workers than items: a short input starts no idle ones, a single item none at all.
    first = list(itertools.islice(items, jobs))
    jobs = min(jobs, len(first))
    if jobs < 2:
        yield from (parse_item(item, reference_date, max_bytes) for item in first)
        return
    items = itertools.chain(first, items)
    window = jobs * WINDOW_PER_JOB
    pending: deque[tuple[Item, Future[Result]]] = deque()
    executor = _start_workers(jobs)
    finished = False
    try:
        while True:
            while len(pending) < window:
                item = next(items, _END)
                if item is _END:
                    break
                pending.append((item, executor.submit(parse_item, item, reference_date, max_bytes)))
            if not pending:
                finished = True
                return
            item, future = pending.popleft()
            try:
                result = future.result()
            except BrokenProcessPool:
                # A worker died (killed, out of memory): this item fails, the others in flight
                # go to fresh workers.
                result = ParseFailure(
                    source=_source_of(item),
                    error_type="BrokenProcessPool",
                    message="a worker process died while parsing this item or one beside it "
                    "(out of memory?)",
                )
                executor.shutdown(wait=True)  # quick: a broken pool has stopped its workers
                executor = _start_workers(jobs)
                pending = deque(
                    (other, done)
                    if done.done() and not done.cancelled() and done.exception() is None
                    else (other, executor.submit(parse_item, other, reference_date, max_bytes))
                    for other, done in pending
                )
            except Exception as error:  # the item or its result could not be sent (pickling)
                result = _failure_of(item, error)
            yield result
    finally:
        # Stopped early (the consumer closed the generator, Ctrl-C): drop what is queued
        # rather than wait for it.
        executor.shutdown(wait=finished, cancel_futures=True)


_END: Item = object()  # type: ignore[assignment]
