"""Property tests: any text parses without raising and keeps the lossless contract.

A long run (a hundred times the examples of the normal run, some minutes):

    REPORTPARSE_HYPOTHESIS_SCALE=100 .venv/bin/python -m pytest tests/test_properties.py
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import reportparse
from reportparse.lexicon import load_table

from .invariants import check_report

# Fragments of the genre, so random texts are full of near-markers, quotes and numbers.
FRAGMENTS = [
    "一、", "二、", "十一、", "（一）", "(二)", "（十二）", "1.", "2．", "3、", "4。", "10.",
    "（1）", "(2)", "①", "②", "一是", "二是", "三是", "第一，", "第二，", "其一，", "第一章",
    "第二条 ", "1.1 ", "2.45万名", "3.5亿元", "(试行)", "“六个第一”", "第一时间", "十八届三中全会",
    "2021年1月8日", "2020年5月至7月", "今年", "召开会议17次", "近90万人", "70余条", "21%",
    "《", "》", "《关于<天津>的规定》", "“", "”", "‘", "’", "。", "，", "；", "：", "\n", "\r\n",
    "\u3000\u3000", " ", "**", "# ", "市委", "整改", "措施", "\x00", "\ufeff", "\ud800",
    "\r", "\u2028", "\u2029", "\x85", "\v", "\f", "  \n", "\u3000\n", "\u200b", "\u2060",
]  # fmt: skip

# How many times the usual number of examples to run (see the module docstring).
SCALE = int(os.environ.get("REPORTPARSE_HYPOTHESIS_SCALE", "1"))

genre_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=60).map(
    "".join
)


# A marker of every style of lexicon/marker_styles.txt (tests/test_markers.py checks that each
# style has one here), as line-start headings, inline points and lines of their own.
MARKERS_BY_STYLE = {
    "cn_part": ["第一部分", "第二部分 "],
    "cn_zhang": ["第一章 ", "第2章"],
    "cn_jie": ["第一节 ", "第二节"],
    "cn_tiao": ["第一条 ", "第十二条\u3000"],
    "decimal": ["1.1 ", "1.2\u3000", "2 ", "1.2.3 "],
    "cn_dun": ["一、", "二、", "十一、"],
    "cn_paren": ["（一）", "(二)", "( 三 )"],
    "arabic_paren": ["（1）", "(2)", "( 3 )"],
    "arabic_half_paren": ["1）", "2)"],
    "arabic_dot": ["1.", "2．", "3、", "4。", "１．"],
    "circled": ["①", "②", "③"],
    "cn_shi": ["一是", "二是", "三是，"],
    "cn_di": ["第一，", "第二、", "第三：", "第一", "第二"],
    "cn_qi": ["其一，", "其二、"],
}
LINE_SEPARATORS = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\v", "\f"]
# Spaces as they stand before line ends: ASCII, ideographic, no-break, thin, zero-width, BOM.
SPACE_CHARS = " \t\u3000\u00a0\u2002\u2003\u2009\u200b\u2060\ufeff"
spaces = st.one_of(st.just(""), st.text(alphabet=SPACE_CHARS, min_size=1, max_size=6))
line_content = st.one_of(
    st.just(""),  # a marker alone on its line
    st.sampled_from(["总体情况", "召开会议3次。", "市委印发《规定》", "强化责任，", "整改到位。"]),
    st.text(alphabet="一二是第其、，。（）()1.甲乙 \u3000", max_size=8),
)


@st.composite
def lined_text(draw: st.DrawFn) -> str:
    """Lines of (indentation, marker of any style, content, marker at the line end, spaces),
    each ended by any line separator, runs of spaces before it included."""
    markers = st.sampled_from([m for group in MARKERS_BY_STYLE.values() for m in group])
    lines = []
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        parts = [draw(spaces)]
        if draw(st.booleans()):
            parts.append(draw(markers))
        parts.append(draw(line_content))
        if draw(st.booleans()):
            parts.append(draw(markers))  # a marker at the line end (第一 then spaces)
        parts.append(draw(spaces))
        parts.append(draw(st.sampled_from(LINE_SEPARATORS)))
        lines.append("".join(parts))
    return "".join(lines)


def test_every_marker_style_has_examples_in_the_strategy() -> None:
    assert set(MARKERS_BY_STYLE) == {row[0] for row in load_table("marker_styles")}


@settings(max_examples=300 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lined_text())
@example("一、标题\n第一  \n二、标题")  # a marker took in the spaces before its line end
@example("一、标题\n第一\u3000\u3000\r\n二、标题")
def test_lines_with_markers_and_trailing_spaces_parse_losslessly(text: str) -> None:
    check_report(reportparse.parse(text), text)


@settings(max_examples=300 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(genre_text)
@example(">一、")  # a Markdown quote's > before a line-start marker (found by hypothesis)
def test_genre_like_text_parses_losslessly(text: str) -> None:
    check_report(reportparse.parse(text), text)


@settings(max_examples=200 * SCALE, deadline=None)
@given(st.text())
def test_any_text_parses_losslessly(text: str) -> None:
    check_report(reportparse.parse(text), text)


@settings(max_examples=50 * SCALE, deadline=None)
@given(genre_text)
def test_result_round_trips_through_json(text: str) -> None:
    report = reportparse.parse(text)
    again = reportparse.Report.model_validate_json(report.model_dump_json())
    if "\ud800" in text:  # JSON cannot carry a lone surrogate: it comes back as U+FFFD
        assert again.text == text.replace("\ud800", "\ufffd")
        assert len(again.text) == len(text)
    else:
        assert again == report
