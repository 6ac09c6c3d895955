"""Stage 1 alone: marker candidates, their strength, and the speed-up lookahead's honesty."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportparse.normalise import fold
from reportparse.outline.markers import find_markers, marker_hits, marker_pattern
from reportparse.source import SourceText, quoted_regions

from .conftest import SAMPLES, corpus_files, read_exact

# The same alternation without the leading first-character lookahead.
MARKER_PATTERN = marker_pattern()
UNGUARDED = re.compile(MARKER_PATTERN.pattern.split("(?:", 1)[1].rsplit(")", 1)[0])


def _hits(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in pattern.finditer(text)]


def test_lookahead_drops_nothing_on_real_text() -> None:
    for path in [*corpus_files(), *sorted(SAMPLES.glob("*.txt"))]:
        folded = fold(read_exact(path))
        assert _hits(MARKER_PATTERN, folded) == _hits(UNGUARDED, folded), path.name


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="一二三十百零〇第其章条节部分是、.。()0123456789①⑳ \n\t甲", max_size=40))
def test_lookahead_drops_nothing_on_random_text(text: str) -> None:
    folded = fold(text)
    assert _hits(MARKER_PATTERN, folded) == _hits(UNGUARDED, folded)


def _scan_hits(text: str) -> list[tuple[int, int, str, str]]:
    return list(marker_hits(text))


def _pattern_hits(text: str) -> list[tuple[int, int, str, str]]:
    return [
        (m.start(), m.end(), m.lastgroup, m[m.lastgroup])
        for m in MARKER_PATTERN.finditer(text)
        if m.lastgroup is not None
    ]


def test_scan_finds_what_the_pattern_finds_on_real_text() -> None:
    for path in [*corpus_files(), *sorted(SAMPLES.glob("*.txt"))]:
        folded = fold(read_exact(path))
        assert _scan_hits(folded) == _pattern_hits(folded), path.name


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="一二三十百零〇第其章条节部分是、.。()0123456789①⑳ \n\t甲:,١", max_size=60))
def test_scan_finds_what_the_pattern_finds_on_random_text(text: str) -> None:
    assert _scan_hits(text) == _pattern_hits(text)


@pytest.mark.parametrize(
    "text", ["12、整改", "1.1 目标", "1.2.3 细则", "第一、", "2020.1.1", "(12)(13)", "1. 2. 3."]
)
def test_scan_does_not_fire_again_inside_a_marker(text: str) -> None:
    assert _scan_hits(text) == _pattern_hits(text)


@pytest.mark.parametrize("text", ["第١章 总则", "1١、落实", "(١)", "2١ 组织"], ids=str)
def test_lookahead_takes_any_digit_after_the_first_character(text: str) -> None:
    """``\\d`` reads any decimal digit; only a marker's first character is ASCII-only."""
    assert _hits(UNGUARDED, text)  # each is a marker to the styles themselves
    assert _hits(MARKER_PATTERN, text) == _hits(UNGUARDED, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一、总体\n", [("cn_dun", 1, True)]),
        ("　　（二）压实\n", [("cn_paren", 2, True)]),
        ("**三、问题**\n", [("cn_dun", 3, True)]),
        ("整改。一是明确，二是落实", [("cn_shi", 1, False), ("cn_shi", 2, False)]),
        ("统一是原则", []),
        ("“六个第一”要求", []),
        ("《关于（一）的规定》", []),
        ("2.45万名", [("arabic_dot", 2, True)]),  # doubtful: the outline decides
        ("培训2.45万名", []),
        ("第一时间传达", []),
        ("(试行)", []),
    ],
    ids=lambda x: x if isinstance(x, str) else None,
)
def test_candidates(text: str, expected: list[tuple[str, int, bool]]) -> None:
    found = [(c.style, c.ordinal, c.strong) for c in find_markers(SourceText.of(fold(text)))]
    assert found == expected


def test_doubtful_flag_marks_digit_after_dot() -> None:
    (candidate,) = find_markers(SourceText.of(fold("3．10种有色金属")))
    assert candidate.doubtful and candidate.ordinal == 3


def test_unclosed_quote_protects_only_its_line() -> None:
    folded = fold("“未闭合的引号\n一、标题")
    assert quoted_regions(folded) == []
    assert [c.style for c in find_markers(SourceText.of(folded))] == ["cn_dun"]


def test_last_line_without_line_break_is_measured_like_the_others() -> None:
    """A bare inline marker counts only on a very long (flattened) line; the last line of a
    text that does not end in a line break is as long as it is, not "very long"."""
    short = "总体情况\n整改落实甲2、乙方"
    assert find_markers(SourceText.of(short)) == find_markers(SourceText.of(short + "\n")) == []
    flattened = "总体情况\n" + "整改落实情况良好" * 400 + "甲2、乙方" + "推进" * 50
    assert [c.start for c in find_markers(SourceText.of(flattened))] == [
        c.start for c in find_markers(SourceText.of(flattened + "\n"))
    ]
    assert [(c.style, c.ordinal, c.strong) for c in find_markers(SourceText.of(flattened))] == [
        ("arabic_dot", 2, False)
    ]
