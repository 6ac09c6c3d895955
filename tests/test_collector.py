"""The cyclic collector is paused while a parse builds its objects, and left as it was found,
also when parses run in several threads at once."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

import reportparse
from reportparse.collector import collector_paused
from reportparse.drafts import NodeDraft

# 30,000 nodes and as many counts: tens of thousands of objects, enough to set the collector off
# hundreds of times if it ran.
BIG = "一、总体情况\n召开会议3次。\n" * 15_000


@pytest.fixture
def collections() -> Iterator[list[int]]:
    """How many times the collector starts while the test runs."""
    started = [0]

    def count(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            started[0] += 1

    gc.callbacks.append(count)
    try:
        yield started
    finally:
        gc.callbacks.remove(count)


def test_a_big_parse_does_not_set_the_collector_off(collections: list[int]) -> None:
    assert gc.isenabled()
    report = reportparse.parse(BIG)
    assert len(report.children) == 15_000
    assert gc.isenabled()
    assert collections[0] <= 1  # (one may start as the parse returns, when it is re-enabled)


def test_a_disabled_collector_stays_disabled() -> None:
    gc.disable()
    try:
        reportparse.parse("一、总体情况\n召开会议3次。")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_concurrent_parses_restore_the_collector_once_all_are_done() -> None:
    """Each parse in a thread sees the collector paused throughout, though others finish
    before it; after all of them it is enabled again."""
    barrier = threading.Barrier(4)

    def parse_and_look(size: int) -> list[bool]:
        seen = []
        with collector_paused():
            barrier.wait()  # all four are inside at once
            for _ in range(size):
                reportparse.parse("一、总体情况\n召开会议3次。")
                seen.append(gc.isenabled())
        return seen

    with ThreadPoolExecutor(max_workers=4) as pool:
        seen = list(pool.map(parse_and_look, [1, 5, 10, 20]))
    assert not any(flag for flags in seen for flag in flags)
    assert gc.isenabled()


@pytest.mark.parametrize(
    "parse",
    [reportparse.parse, lambda text: reportparse.parse_bytes(text.encode("utf-8"))],
    ids=["parse", "parse_bytes"],
)
def test_the_collector_resumes_after_the_drafts_are_freed(
    parse: Callable[[str], reportparse.Report],
) -> None:
    """The collection that starts when a parse resumes the collector walks the report, not the
    stages' drafts as well: they are gone by then."""
    drafts_alive: list[int] = []

    def look(phase: str, info: dict[str, Any]) -> None:
        if phase == "start" and not drafts_alive:
            drafts_alive.append(sum(isinstance(o, NodeDraft) for o in gc.get_objects()))

    gc.callbacks.append(look)
    try:
        report = parse(BIG)
        gc.collect()  # in case the parse left too few objects to start a collection at once
    finally:
        gc.callbacks.remove(look)
    assert len(report.children) == 15_000
    assert drafts_alive == [0]
