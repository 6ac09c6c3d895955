from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportparse.normalise import fold


def test_fold_maps_full_width_to_ascii() -> None:
    assert fold("（一）１２．３，：；！？％") == "(一)12.3,:;!?%"


def test_fold_maps_odd_spaces_and_line_breaks() -> None:
    assert fold("\u3000a\u00a0b\r\nc\u2028") == " a b\n\nc\n"


@pytest.mark.parametrize(
    "char",
    ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff"],
    ids=["zero-width-space", "zwnj", "zwj", "lrm", "rlm", "word-joiner", "bom"],
)
def test_fold_reads_invisible_characters_as_spaces(char: str) -> None:
    assert fold(f"一、{char}总体{char}\n") == "一、 总体 \n"


def test_fold_keeps_cjk_punctuation() -> None:
    assert fold("一、二。“三”《四》") == "一、二。“三”《四》"


@given(st.text())
def test_fold_is_one_to_one(text: str) -> None:
    assert len(fold(text)) == len(text)
