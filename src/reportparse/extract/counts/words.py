"""The counts' word tables (lexicon/*.txt) and the patterns built from them, made on first use."""

from __future__ import annotations

import re
from functools import cache

from ...chars import (
    COUNT_NUMERALS,
    alternation,
    class_led_scan,
    first_chars,
    longest_first,
    words_pattern,
)
from ...lexicon import load_records, load_table, load_words

CN_DIGITS = "零〇一二三四五六七八九"  # the digits after 点 in a decimal written in characters
_ARABIC = (
    r"(?:[0-9]{1,3}(?:,[0-9]{3}){1,4}(?![0-9])|[0-9]{1,12}(?![0-9]))(?:\.[0-9]{1,6}(?![0-9]))?"
)
_WHITE = r"[^\S\x1c-\x1f]"  # regex's \s: re's also takes \x1c-\x1f


class CountLexicon:
    """The word tables of lexicon/*.txt and the patterns built from them.

    Read and compiled on first use (:func:`count_lexicon`), not at import.
    """

    def __init__(self) -> None:
        units = load_records("measure_words")
        self.unit_kind = {row["unit"]: row["kind"] for row in units}
        self.figurative = frozenset(row["unit"] for row in units if row["figurative"] == "yes")
        self.numeral_words = words_pattern(load_words("count_numeral_words"))
        self.numeral_reach = max(map(len, load_words("count_numeral_words")))
        approx_at = {row[0]: row[1] for row in load_table("approximators")}
        self.approx_post = frozenset(w for w, at in approx_at.items() if at == "post")
        pre = [w for w, at in approx_at.items() if at == "pre"]
        self.pre_words = longest_first(pre)
        self.pre_last = frozenset(w[-1] for w in pre)
        filters_after: dict[str, tuple[str, ...]] = {}
        self.filters_before: dict[str, tuple[str, ...]] = {}
        for kind, unit, word in load_table("count_filters"):
            table = filters_after if kind == "after" else self.filters_before
            table[unit] = (*table.get(unit, ()), word)
        # per unit, the words that may not follow it (its own, then those for every unit)
        self.any_after = filters_after.get("*", ())
        self.filters_after = {u: (*ws, *self.any_after) for u, ws in filters_after.items()}
        cues = load_table("count_duration_cues")
        self.cues_after = tuple(r[1] for r in cues if r[0] == "after")
        self.cues_before = tuple(r[1] for r in cues if r[0] == "before")
        objects = load_table("count_object_words")
        obj_lead = [r[1] for r in objects if r[0] in ("lead", "both")]
        obj_stop = [r[1] for r in objects if r[0] in ("stop", "both")]
        self.link_words = frozenset(r[1] for r in objects if r[0] == "link")
        verbs = load_words("count_verbs")
        self.governing = frozenset(verbs) - self.link_words
        self.keep_words = frozenset(r[1] for r in objects if r[0] == "keep")
        self.keep = tuple(self.keep_words)
        # what may stand between a counted subject and its number: 平均为, 拟按, 提高到, 上涨
        self.tail_words = self.link_words | frozenset(r[1] for r in objects if r[0] == "tail")
        self.tail = longest_first(self.tail_words)
        # 区委政法委|整改落实情况: a verb phrase headed by a light noun is what the noun did
        self.light_heads = frozenset(r[1] for r in objects if r[0] == "light")
        self.result_verbs = tuple(r[1] for r in objects if r[0] == "result")
        self.stop_tail = tuple(obj_stop)
        self.noun_terms = frozenset(
            r[0] for r in load_table("jieba_user_words") if len(r) > 2 and r[2] == "n"
        )
        stopwords = load_words("count_stopwords")
        self.stop_reach = max(map(len, stopwords))
        self.stopwords = words_pattern(stopwords)
        self.verb = words_pattern(verbs)
        self.cut_after = words_pattern([*verbs, *(w for w in obj_stop if len(w) > 1), "的"])
        self.lead = words_pattern(obj_lead, "{1,4}")
        self.count = self._count_pattern(approx_at)
        # What extract_counts runs: the hits of ``count`` by a scan that skips to the numerals;
        # a hit that opens with a digit consumes the digits after it (a count takes its whole
        # run of digits). Where it still fires inside a count (the 0 of 1,000), the hit is
        # dropped.
        self.count_scan = class_led_scan(
            f"0-9{COUNT_NUMERALS}半",
            f"(?:{self.count.pattern})(?P<count_end>)",
            "(?:(?<=[0-9])[0-9]*)?",
        )
        self.slogan_tail = re.compile(r"[^“”‘’,。;:!?、\n]{1,10}[”’]")
        self.break_after = re.compile(rf"[,.;:!?。、…0-9]|{_WHITE}")
        # searched in the reversed window: the last break before a number (not the 5 of 5G)
        self.break_before_reversed = re.compile(rf"[,.;:!?。…]|{_WHITE}|(?<![A-Za-z])[0-9]")
        self.function_char = re.compile(r"[和及与并对向在从将把被由为等均已]")

    def _count_pattern(self, approx_at: dict[str, str]) -> re.Pattern[str]:
        """The one pattern: a number, its multiplier, measure word and trailing approximator.

        It opens with a character class so that the engine skips fast over text without
        numerals; what a class cannot say (the char before the number, 第 before an ordinal,
        idioms around the number, an approximator before it) is checked on the few matches in
        Python. Compiled with `re`, not `regex`: the same matches, and re's Match.groupdict()
        is much cheaper.
        """
        mids = [w for w, at in approx_at.items() if at == "mid"]
        mid = alternation(mids)
        post = alternation([*self.approx_post, "以来", "来", "之内", "内", "之间", "间", "多"])
        units = list(self.unit_kind)
        first = first_chars(units)
        # what may end the number: a measure word, a mid approximator, 万/亿 (3300万, 6600多万)
        ends = "".join(sorted({*first, *(re.escape(w[0]) for w in mids), "万", "亿", "余", "多"}))
        return re.compile(
            # a cheap necessary condition first: a run of numerals (digits, commas, points,
            # multipliers: at most 28 chars) up to one of ``ends``; re skips the numerals of
            # words (进一步, 十九届) without trying the alternations
            rf"(?=[0-9{COUNT_NUMERALS}半])(?=百分之|半|[0-9,.{COUNT_NUMERALS}点]{{0,30}}[{ends}])"
            rf"(?:百分之(?P<pnum>[0-9]{{1,12}}(?:\.[0-9]{{1,6}})?|[{COUNT_NUMERALS}]{{1,8}})"
            rf"|(?P<num>{_ARABIC}|[{COUNT_NUMERALS}]{{1,10}}(?:点[{CN_DIGITS}]{{1,6}})?|半(?=个?[年月天周小学]))"
            rf"(?P<mid>{mid})?"
            rf"(?P<mult>万亿|千万|百万|亿|万|千)?"
            rf"(?P<mid2>{mid})?"
            rf"(?:(?=[{first}])(?P<unit>{alternation(units)})|(?<=[万亿])|(?<=[万亿][余多])))"
            rf"(?P<post>{post})?"
        )


@cache
def count_lexicon() -> CountLexicon:
    return CountLexicon()
