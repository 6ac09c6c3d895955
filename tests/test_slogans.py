"""Slogans: quoted numbered formulas, quotes that are not formulas, hostile input, seed gold."""

from __future__ import annotations

import time
from typing import Any

import pytest

from reportparse.extract.slogans import MAX_SLOGAN, extract_slogans, is_formula
from reportparse.lexicon import load_words
from reportparse.source import SourceText

# (text, the slogans' names in order) -- hand-checked readings of genre phrases.
POSITIVE = [
    ("增强“四个意识”、坚定“四个自信”、做到“两个维护”", ["四个意识", "四个自信", "两个维护"]),
    ("落实“一岗双责”", ["一岗双责"]),
    ("严格落实“三会一课”制度", ["三会一课"]),
    ("开展“四不两直”暗访", ["四不两直"]),
    ("健全“1+3”工作机制", ["1+3"]),
    ("坚决落实“六个第一”“八个严禁”", ["六个第一", "八个严禁"]),
    ("通过“一对一”谈话", ["一对一"]),
    ("防止“两张皮”", ["两张皮"]),
    ("推动“双随机、一公开”监管", ["双随机、一公开"]),
    ("学习‘三个规定’", ["三个规定"]),
    ("深化「最多跑一次」改革", ["最多跑一次"]),
    ('落实"三重一大"制度', ["三重一大"]),
    ("开展“百名法学家百场报告会”", ["百名法学家百场报告会"]),
    ("建立“每月当一天网格员”制度", ["每月当一天网格员"]),
    ("坚持“五位一体”总体布局", ["五位一体"]),
    ("锚定“3815”战略发展目标", ["3815"]),
    ("全面推进“一网通办”", ["一网通办"]),
    ("“巡视是政治巡视,落实‘三个规定’不到位”", ["三个规定"]),
    ("制定《落实“一岗双责”记实手册》", ["一岗双责"]),
    ("全面落实“三个规定”。", ["三个规定"]),
    ("落实“三北 ”工程", ["三北"]),
]


@pytest.mark.parametrize(("text", "names"), POSITIVE, ids=[p[1][0] for p in POSITIVE])
def test_slogans_found(text: str, names: list[str]) -> None:
    found = extract_slogans(SourceText.of(text))
    assert [s.name for s in found] == names
    for s in found:
        assert s.text == text[s.span.start : s.span.end]
        assert s.text[0] in '“‘「"' and s.text[-1] in '”’」"'


NEGATIVE = [
    ("“问题清单”“任务清单”“责任清单”", "no numeral"),
    ("对标“统一出口”要求", "统一 is lexical"),
    ("打造“北辰百姓”品牌", "百姓 is lexical"),
    ("“十四五”时期", "five-year plan is a date"),
    ("“九五”计划", "ninth five-year plan"),
    ("发生“12·21”事故", "incident named by its date"),
    (
        "“如何确保各政法单位依法履行职责置于党的绝对领导之下,政法委缺少更加有效的分类指导”",
        "long problem",
    ),
    ("“每季度召开一次全系统政治工作联系会议专题研究党建工作”", "long quote with counts"),
    ("“抓住先进和落后两头，带动中间”", "a sentence"),
    ("“1”是《实施方案》", "bare part of a formula"),
    ("“第十五届环渤海区域法治论坛暨第六届京津冀法学交流研讨会”", "long event name"),
    ("以“津党法报”“津党法办发”行文", "document prefixes without numerals"),
]


@pytest.mark.parametrize(("text", "why"), NEGATIVE, ids=[n[1] for n in NEGATIVE])
def test_not_slogans(text: str, why: str) -> None:
    assert extract_slogans(SourceText.of(text)) == [], why


def test_straight_quotes_pair_left_to_right() -> None:
    text = '"这是一段很长很长很长很长很长很长的引语" 和 "三个规定" 以及 "x"'
    assert [s.name for s in extract_slogans(SourceText.of(text))] == ["三个规定"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [("四个意识", True), ("统一", False), ("一" * (MAX_SLOGAN + 1), False), ("二〇二〇年", False)],
)
def test_is_formula(content: str, expected: bool) -> None:
    assert is_formula(content) is expected


@pytest.mark.parametrize(
    "text",
    [
        "“" * 50_000,
        '"' * 200_001,
        "“" + "三" * 200_000,
        "1" * 200_000,
        "2020年" * 50_000,
        '"' + "三" * 299 + "\n" + '"' * 3,
        "\x00“\ud800三”\x01" * 1000,
    ],
    ids=["openers", "straight", "unclosed", "digits", "years", "straight-newline", "controls"],
)
def test_hostile_input_stays_fast(text: str) -> None:
    started = time.perf_counter()
    found = extract_slogans(SourceText.of(text))
    assert time.perf_counter() - started < 1.0
    assert all(s.text == text[s.span.start : s.span.end] for s in found)


def test_lexicon_has_no_numeral_free_masks() -> None:
    numerals = set(load_words("slogan_numerals"))
    assert all(numerals & set(word) for word in load_words("slogan_lexical"))


def test_seed_gold(seed_text: str, seed_gold: dict[str, Any]) -> None:
    """Precision, recall, F1 with overlap matching (one prediction per gold), F1 >= 0.95."""
    found = extract_slogans(SourceText.of(seed_text))
    gold = seed_gold["slogans"]
    used: set[int] = set()
    names_right = 0
    for g in gold:
        for i, s in enumerate(found):
            if i not in used and s.span.start < g["end"] and g["start"] < s.span.end:
                used.add(i)
                names_right += s.name == g["name"]
                break
    p = len(used) / len(found) if found else 0.0
    r = len(used) / len(gold)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    assert f1 >= 0.95, (p, r)
    assert names_right == len(used)


def test_numerals_are_single_characters() -> None:
    """is_formula rejects a quote with no numeral before removing words: that is exact only while
    every numeral is one character (removing a word cannot then make one appear)."""
    assert all(len(word) == 1 for word in load_words("slogan_numerals"))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("“统一”和“四个意识”", ["四个意识"]),  # a numeral only inside a word: not a formula
        ("“见到,「三个」”", []),  # the outer quote is read first; the scan goes on after it
        ("“一”“二三”", ["二三"]),
    ],
    ids=["word-numeral", "outer-first", "single-then-pair"],
)
def test_quotes_without_a_formula_are_skipped_whole(text: str, names: list[str]) -> None:
    assert [s.name for s in extract_slogans(SourceText.of(text))] == names
