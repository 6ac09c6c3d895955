"""Property tests: any text parses without raising and keeps the lossless contract."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import reportparse

from .invariants import check_report

# Fragments of the genre, so random texts are full of near-markers, quotes and numbers.
FRAGMENTS = [
    "一、", "二、", "十一、", "（一）", "(二)", "（十二）", "1.", "2．", "3、", "4。", "10.",
    "（1）", "(2)", "①", "②", "一是", "二是", "三是", "第一，", "第二，", "其一，", "第一章",
    "第二条 ", "1.1 ", "2.45万名", "3.5亿元", "(试行)", "“六个第一”", "第一时间", "十八届三中全会",
    "2021年1月8日", "2020年5月至7月", "今年", "召开会议17次", "近90万人", "70余条", "21%",
    "《", "》", "《关于<天津>的规定》", "“", "”", "‘", "’", "。", "，", "；", "：", "\n", "\r\n",
    "\u3000\u3000", " ", "**", "# ", "市委", "整改", "措施", "\x00", "\ufeff", "\ud800",
]  # fmt: skip

genre_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=60).map(
    "".join
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(genre_text)
@example(">一、")  # a Markdown quote's > before a line-start marker (found by hypothesis)
def test_genre_like_text_parses_losslessly(text: str) -> None:
    check_report(reportparse.parse(text), text)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_parses_losslessly(text: str) -> None:
    check_report(reportparse.parse(text), text)


@settings(max_examples=50, deadline=None)
@given(genre_text)
def test_result_round_trips_through_json(text: str) -> None:
    report = reportparse.parse(text)
    again = reportparse.Report.model_validate_json(report.model_dump_json())
    if "\ud800" in text:  # JSON cannot carry a lone surrogate: it comes back as U+FFFD
        assert again.text == text.replace("\ud800", "\ufffd")
        assert len(again.text) == len(text)
    else:
        assert again == report
