"""parse_many and parse_item: reports in input order, a failure as a value in its place."""

from __future__ import annotations

import itertools
import os
import pickle
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

import reportparse
from reportparse import ParseFailure, Report
from reportparse.batch import MAX_JOBS_PER_CPU, WINDOW_PER_JOB, parse_item

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
TEXT = "某区巡察整改情况通报\n一、总体情况\n召开会议3次。\n二、下步打算\n"
NOT_TEXT = bytes(range(256)) * 4  # 0xFF cannot start a character in any encoding read


class DiesInWorker(os.PathLike[str]):
    """A path whose worker process dies when it opens it (as an out-of-memory kill would)."""

    def __init__(self) -> None:
        self.parent = os.getpid()

    def __fspath__(self) -> str:
        if os.getpid() != self.parent:
            os._exit(1)
        return "dies-in-worker.txt"


def _items(tmp_path: Path) -> list[object]:
    return [
        SAMPLES / "inspection_standard.txt",
        TEXT,
        tmp_path / "absent.txt",
        NOT_TEXT,
        SAMPLES / "flattened_web.txt",
    ]


def _check_in_order(results: list[Report | ParseFailure], tmp_path: Path) -> None:
    assert [type(result).__name__ for result in results] == [
        "Report", "Report", "ParseFailure", "ParseFailure", "Report"
    ]  # fmt: skip
    first, text, absent, not_text, last = results
    assert isinstance(first, Report) and isinstance(last, Report) and isinstance(text, Report)
    expected = reportparse.parse_file(SAMPLES / "inspection_standard.txt")
    assert first.model_dump() == expected.model_dump()
    assert last.model_dump() == reportparse.parse_file(SAMPLES / "flattened_web.txt").model_dump()
    assert text.model_dump() == reportparse.parse(TEXT).model_dump()
    assert absent == ParseFailure(
        source=reportparse.Source(path=str(tmp_path / "absent.txt")),
        error_type="FileNotFoundError",
        message="No such file or directory",
    )
    assert absent.source is not None and absent.source.format is None  # nothing was read
    assert isinstance(not_text, ParseFailure) and not_text.source is None
    assert not_text.error_type == "DecodeError"
    assert not_text.message.startswith("not UTF-8 (byte ")


def test_one_process_keeps_order_and_failures_in_place(tmp_path: Path) -> None:
    _check_in_order(list(reportparse.parse_many(_items(tmp_path))), tmp_path)  # type: ignore[arg-type]


def test_two_processes_keep_order_and_failures_in_place(tmp_path: Path) -> None:
    results = list(reportparse.parse_many(_items(tmp_path), jobs=2))  # type: ignore[arg-type]
    _check_in_order(results, tmp_path)


def test_reference_date_reaches_the_workers() -> None:
    import datetime

    results = list(reportparse.parse_many(["今年召开会议3次。"] * 3, jobs=2,
                                          reference_date=datetime.date(2021, 2, 1)))  # fmt: skip
    assert [r.dates[0].value for r in results if isinstance(r, Report)] == ["2021"] * 3


def _counting(pulled: list[int]) -> Iterator[str]:
    for number in itertools.count():
        pulled.append(number)
        yield f"一、第{number}部分\n召开会议{number}次。"


def test_input_is_read_lazily_one_process() -> None:
    pulled: list[int] = []
    results = reportparse.parse_many(_counting(pulled))
    assert [r.counts[0].value for r in itertools.islice(results, 3)] == [0, 1, 2]  # type: ignore[union-attr]
    assert pulled == [0, 1, 2]


def test_input_is_read_lazily_in_processes() -> None:
    pulled: list[int] = []
    results = reportparse.parse_many(_counting(pulled), jobs=2)
    first = next(results)
    assert isinstance(first, Report) and first.counts[0].value == 0
    assert len(pulled) <= 2 * WINDOW_PER_JOB  # a bounded window, not the endless input
    results.close()  # type: ignore[attr-defined]


def test_a_dead_worker_fails_its_item_and_the_rest_go_on() -> None:
    items = [DiesInWorker(), TEXT, SAMPLES / "numbering_gap.txt", TEXT]
    results = list(reportparse.parse_many(items, jobs=2))  # type: ignore[arg-type]
    assert isinstance(results[0], ParseFailure)
    assert results[0].error_type == "BrokenProcessPool"
    assert results[0].source == reportparse.Source(path="dies-in-worker.txt")
    assert [type(result) for result in results[1:]] == [Report, Report, Report]


@pytest.mark.parametrize("jobs", [0, -1, 1.5, True], ids=["zero", "negative", "float", "bool"])
def test_jobs_must_be_a_whole_number(jobs: object) -> None:
    with pytest.raises(ValueError, match="jobs must be a whole number"):
        reportparse.parse_many([TEXT], jobs=jobs)  # type: ignore[arg-type]


def _texts(number: int) -> list[str]:
    return [f"一、第{index}部分\n召开会议{index}次。" for index in range(number)]


def _counts(results: Iterable[Report | ParseFailure]) -> list[int]:
    return [result.counts[0].value for result in results]  # type: ignore[union-attr, misc]


@pytest.mark.parametrize("number", [0, 1], ids=["no-item", "one-item"])
def test_a_single_item_starts_no_workers(number: int, started: list[int]) -> None:
    assert _counts(reportparse.parse_many(_texts(number), jobs=4)) == list(range(number))
    assert started == []


def test_no_more_workers_than_items(started: list[int]) -> None:
    assert _counts(reportparse.parse_many(_texts(3), jobs=8)) == [0, 1, 2]
    assert started == [3]


def test_no_more_workers_than_the_cap_per_cpu(
    started: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert _counts(reportparse.parse_many(_texts(6), jobs=10_000)) == list(range(6))
    assert started == [MAX_JOBS_PER_CPU] == [2]


def test_an_unknown_cpu_count_counts_as_one(
    started: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: None)  # as os.cpu_count() says when it cannot tell
    assert _counts(reportparse.parse_many(_texts(6), jobs=64)) == list(range(6))
    assert started == [MAX_JOBS_PER_CPU]


def test_an_endless_input_starts_the_workers_asked_for(started: list[int]) -> None:
    pulled: list[int] = []
    results = reportparse.parse_many(_counting(pulled), jobs=2)
    assert _counts(itertools.islice(results, 3)) == [0, 1, 2]
    assert started == [2]
    results.close()  # type: ignore[attr-defined]


def test_a_single_text_is_not_a_batch() -> None:
    with pytest.raises(TypeError, match="iterable of items"):
        reportparse.parse_many(TEXT)


def test_parse_item_is_picklable_and_never_raises() -> None:
    assert pickle.loads(pickle.dumps(parse_item)) is parse_item
    failure = parse_item(42)  # type: ignore[arg-type]
    assert isinstance(failure, ParseFailure) and failure.error_type == "TypeError"


def test_file_name_is_not_repeated_in_the_message(tmp_path: Path) -> None:
    path = tmp_path / "乱码.txt"
    path.write_bytes(NOT_TEXT)
    failure = parse_item(path)
    assert isinstance(failure, ParseFailure) and failure.source is not None
    assert failure.source.path == str(path)
    assert str(path) not in failure.message
