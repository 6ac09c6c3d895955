"""Hostile input: every ``str`` parses (no exception, no hang) and keeps the lossless contract;
anything else is a TypeError that says what to pass instead.

The big cases run in forked worker processes so that a hang (catastrophic backtracking, a
quadratic scan) fails the test after HANG_GUARD seconds instead of freezing the suite. The
guard is only a hang guard, never a performance assertion: speed is measured by
``benchmarks/bench.py``. Two workers run the cases side by side, so the module takes about as
long as its slowest cases on a 2-core machine.
"""

from __future__ import annotations

import datetime
import multiprocessing
import random
from collections.abc import Callable, Iterator
from multiprocessing.pool import AsyncResult, Pool
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reportparse

from .invariants import check_report

HANG_GUARD = 60  # seconds for one case: far above what a linear parse needs on a slow machine


def _random_cjk_with_markers(size: int, seed: int = 20210125) -> str:
    """Random CJK text (about 2 MB as UTF-8 at 700,000 characters) salted with every kind of
    marker, quote, bracket, number and line break, so every stage has work to do."""
    rng = random.Random(seed)
    han = [chr(code) for code in range(0x4E00, 0x4E00 + 3000)]
    salt = [
        "\n一、", "\n（二）", "\n3.", "（4）", "①", "一是", "二是，", "第一，", "。", "，", "；",
        "《", "》", "“", "”", "2020年9月", "17次", "2.45万名", "(", ")", "\n", "\u3000", "**",
    ]  # fmt: skip
    parts: list[str] = []
    length = 0
    while length < size:
        piece = rng.choice(salt) if rng.random() < 0.08 else "".join(rng.choices(han, k=8))
        parts.append(piece)
        length += len(piece)
    return "".join(parts)[:size]


CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# Issuer bodies and action verbs run together before a title: the look-back finds nothing.
ISSUERS_AND_VERBS = "修改财日前会中央委审计署纪委监委政治部人大常委会国务院"

# name -> a builder of the text (built in the worker, so nothing big is pickled)
CASES: dict[str, Callable[[], str]] = {
    "empty": lambda: "",
    "whitespace_only": lambda: " \t\n\r\n\u3000\u00a0\ufeff\u200b \n",
    "nul_and_controls": lambda: (
        "一、\x00总\x01体\x02情况\x7f\n（一）\x1b组织\x0b领导\x0c\n1.\x00召开会议3次。"
    ),
    "lone_surrogates": lambda: (
        "\ud800一、总体情况\n\udfff（一）组织领导\udc00\n1.召开会议\ud83d3次。"
    ),
    "bom_and_crlf": lambda: (
        "\ufeff关于整改情况的通报\r\n一、总体情况\r\n（一）组织领导\r\n1.召开会议3次。\r\n"
    ),
    "cr_only": lambda: "一、总体情况\r（一）组织领导\r1.召开会议3次。\r",
    "parens_200k": lambda: "(" * 200_000,
    "fullwidth_parens_200k": lambda: "（" * 200_000,
    "unclosed_title_200k": lambda: "《" + "政法工作条例" * 33_334,
    "nested_titles_50k": lambda: "《" * 50_000,
    "nested_closed_titles_50k": lambda: "《" * 50_000 + "条例" + "》" * 50_000,
    "open_title_lines_100k": lambda: "《政法工作条例\n" * 100_000,
    "wrapped_titles_50k": lambda: "印发《关于加强干部队伍建设的\n\u3000\u3000实施意见》\n" * 50_000,
    "unclosed_quote_200k": lambda: "“" + "严" * 200_000,
    "yishi_100k": lambda: "一是" * 100_000,
    "arabic_dot_100k": lambda: "1." * 100_000,
    "cn_dun_lines_50k": lambda: "一、\n" * 50_000,
    "digits_200k": lambda: "1" * 200_000,
    "year_50k": lambda: "2020年" * 50_000,
    "one_line_500k": lambda: "市委政法委召开会议研究部署整改工作" * 29_412,
    "inline_enumeration_7k": lambda: "。一是，二是；" * 7_000,
    "random_cjk_2mb": lambda: _random_cjk_with_markers(700_000),
    "spaces_200k_then_marker": lambda: " " * 200_000 + "一、总体情况",
    "digit_then_200k_spaces": lambda: "1" + " " * 200_000 + "政",
    "newlines_200k": lambda: "\n" * 200_000,
    "quotes_100k_deep": lambda: "“" * 100_000 + "”" * 100_000,
    "circled_run_120k": lambda: CIRCLED * 6_000,
    "di_then_1m_spaces": lambda: "一、标题\n第一" + " " * 1_000_000 + "\n二、标题",
    "document_contexts_2k": lambda: (ISSUERS_AND_VERBS + "《条例》") * 2_000,
}


def _parse_and_check(name: str) -> dict[str, Any]:
    """Runs in a worker: parse the case, assert the invariants, return a small summary."""
    text = CASES[name]()
    report = reportparse.parse(text)
    check_report(report, text)
    return {
        "length": len(text),
        "nodes": sum(1 for _ in report.walk()),
        "longest_marker": max((len(n.marker.text) for n in report.walk() if n.marker), default=0),
        "codes": sorted({d.code for d in report.diagnostics}),
    }


@pytest.fixture(scope="module")
def started() -> Iterator[dict[str, AsyncResult[dict[str, Any]]]]:
    """Every case submitted at once to two forked workers (forked: reportparse is imported)."""
    pool: Pool = multiprocessing.get_context("fork").Pool(2)
    try:
        yield {name: pool.apply_async(_parse_and_check, (name,)) for name in CASES}
    finally:
        pool.terminate()
        pool.join()


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_input_parses_in_linear_time(
    name: str, started: dict[str, AsyncResult[dict[str, Any]]]
) -> None:
    try:
        summary = started[name].get(timeout=HANG_GUARD)
    except multiprocessing.TimeoutError:
        pytest.fail(f"{name}: no result after {HANG_GUARD} s (a hang or a quadratic scan)")
    if name in EXPECTED_NODES:
        assert summary["nodes"] == EXPECTED_NODES[name]
    if name == "circled_run_120k":
        assert "limit_reached" in summary["codes"]
    assert summary["longest_marker"] <= 12  # (一) ( 12 ) 第十二部分 1.12.1.3: never a run of spaces


# Node counts worked out by hand: every 一、 line is a section (ordinal 1 again: a restart);
# each 。一是，二是； adds two points under the one paragraph.
# A run of circled numbers stops at the default max_nodes (100,000), with a limit_reached.
EXPECTED_NODES = {
    "empty": 0,
    "cn_dun_lines_50k": 50_000,
    "inline_enumeration_7k": 1 + 14_000,
    "circled_run_120k": 100_000,
    "di_then_1m_spaces": 3,
}


def test_blank_inputs_give_one_empty_input_diagnostic() -> None:
    for text in ("", "   ", "\n\n", "\u3000\r\n", "\t \u00a0"):
        report = reportparse.parse(text)
        check_report(report, text)
        assert report.children == []
        assert [d.code for d in report.diagnostics] == ["empty_input"]


def test_control_characters_are_kept_and_diagnosed() -> None:
    text = CASES["nul_and_controls"]()
    report = reportparse.parse(text)
    check_report(report, text)
    assert "control_characters" in {d.code for d in report.diagnostics}
    assert [node.marker.text for node in report.children if node.marker] == ["一、"]


def test_bom_and_crlf_keep_offsets_into_the_exact_text() -> None:
    text = CASES["bom_and_crlf"]()
    report = reportparse.parse(text)
    check_report(report, text)
    section = report.children[0]
    assert section.marker is not None and section.marker.text == "一、"
    assert text[section.marker.span.start] == "一"  # the BOM is character 0 and stays there
    assert [child.marker.text for child in section.children if child.marker] == ["（一）"]


def test_lone_surrogates_do_not_break_parsing_or_json() -> None:
    text = CASES["lone_surrogates"]()
    report = reportparse.parse(text)
    check_report(report, text)
    assert "control_characters" in {d.code for d in report.diagnostics}
    assert report.model_dump_json()  # serialisable (surrogates become U+FFFD in JSON)


def test_inline_enumeration_accepts_every_marker() -> None:
    """。一是，二是； repeated: each 一是 opens a list that its 二是 continues (n = 200 here)."""
    text = "。一是，二是；" * 200
    report = reportparse.parse(text)
    check_report(report, text)
    markers = [n.marker.text for n in report.walk() if n.marker is not None]
    assert markers == ["一是", "二是"] * 200


# --- wrong types: TypeError with a message that says what to do ----------------------------


@pytest.mark.parametrize(
    "bad",
    [None, b"\xe4\xb8\x80\xe3\x80\x81", bytearray(b"abc"), 42, 3.5, ["一、"], ("一、",), {"a": 1}],
    ids=["None", "bytes", "bytearray", "int", "float", "list", "tuple", "dict"],
)
def test_non_str_text_raises_type_error_with_a_hint(bad: object) -> None:
    with pytest.raises(TypeError, match=r"str.*parse_file|decode"):
        reportparse.parse(bad)  # type: ignore[arg-type]


class _StrLike:
    def __str__(self) -> str:
        return "一、总体情况"


def test_str_like_objects_are_not_silently_converted() -> None:
    with pytest.raises(TypeError):
        reportparse.parse(_StrLike())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "bad",
    ["2021-01-01", 20210101, datetime.datetime(2021, 1, 1), (2021, 1, 1)],
    ids=["str", "int", "datetime", "tuple"],
)
def test_bad_reference_date_raises_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="reference_date"):
        reportparse.parse("今年召开会议3次。", reference_date=bad)  # type: ignore[arg-type]


def test_str_subclass_is_accepted() -> None:
    class Text(str):
        pass

    text = Text("一、总体情况\n召开会议3次。")
    report = reportparse.parse(text)
    check_report(report, str(text))


# --- property tests: any str, and genre fragments repeated many times --------------------------

_FRAGMENTS = [
    "一、", "（一）", "(1)", "1.", "1。", "①", "一是", "二是", "第一，", "其一，", "2020年",
    "9月22日", "《", "》", "“", "”", "(", ")", "。", "，", "；", "\n", "\r\n", " ", "\u3000",
    "0", "万", "条", "次", "**", "#", "\x00", "\ud800", "\ufeff",
]  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=4).map("".join),
    st.integers(min_value=1, max_value=3_000),
)
def test_any_fragment_repeated_parses_losslessly(unit: str, times: int) -> None:
    text = unit * times
    check_report(reportparse.parse(text), text)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=300))
def test_any_code_points_including_surrogates_parse(text: str) -> None:
    check_report(reportparse.parse(text), text)


# --- max_nodes: the outline's bound on hostile input ------------------------------------------

# (text, max_nodes, node paths with spans, where limit_reached starts or None), worked by hand:
# past the limit no node opens, and the last node runs on to the end of the text.
LIMIT_CASES = [
    pytest.param(
        "一、总体\n（一）组织\n正文一。\n二、问题",
        2,
        [("1", 0, 20), ("1.1", 5, 20)],
        11,
        id="stops-at-a-line",
    ),
    pytest.param(
        "一、总体\n（一）组织\n正文一。\n二、问题",
        4,
        [("1", 0, 15), ("1.1", 5, 15), ("1.1.p1", 11, 15), ("2", 16, 20)],
        None,
        id="limit-not-reached",
    ),
    pytest.param("①②③④⑤", 3, [("1", 0, 1), ("2", 1, 2), ("3", 2, 5)], 3, id="stops-inline"),
    pytest.param("①②③④⑤", 1, [("1", 0, 5)], 1, id="one-node"),
]


@pytest.mark.parametrize(("text", "max_nodes", "nodes", "stop"), LIMIT_CASES)
def test_max_nodes_stops_opening_nodes(
    text: str, max_nodes: int, nodes: list[tuple[str, int, int]], stop: int | None
) -> None:
    report = reportparse.parse(text, max_nodes=max_nodes)
    check_report(report, text)
    assert [(n.path, n.span.start, n.span.end) for n in report.walk()] == nodes
    limits = [d.span.start for d in report.diagnostics if d.code == "limit_reached"]
    assert limits == ([] if stop is None else [stop])


@pytest.mark.parametrize(
    ("bad", "error"), [(0, ValueError), (-1, ValueError), (1.5, TypeError), (True, TypeError)]
)
def test_bad_max_nodes_raises(bad: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="max_nodes"):
        reportparse.parse("一、总体", max_nodes=bad)  # type: ignore[arg-type]
