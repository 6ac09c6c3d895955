"""Is it a count? A hit of the count pattern -> a candidate (value, unit, kind, approximator),
or None where its context shows it is not one."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from ...chars import COUNT_NUMERALS
from ...numerals import BIG_UNITS, SMALL_UNITS, number_value
from .words import CountLexicon

_NOT_BEFORE = frozenset(f"第.{COUNT_NUMERALS}")


class CountMatch(NamedTuple):
    start: int  # of the count proper (approximator included)
    end: int
    value: int | float
    unit: str | None  # None: a bare 万/亿 magnitude (务工规模超过3300万)
    kind: str
    approx: str | None


# --- is it a count? --------------------------------------------------------------------------


def read_candidate(
    folded: str, start: int, end: int, groups: tuple[str | None, ...], lx: CountLexicon
) -> CountMatch | None:
    """The count a pattern match stands for, or None when context shows it is not one.

    ``start``, ``end``, ``groups``: a hit of the count pattern (``count_hits``).
    """
    before = folded[start - 1] if start else "^"
    if before in _NOT_BEFORE or (before.isascii() and before.isalnum()):
        return None  # 第八轮, the tail of a longer number (2020年 seen from 020年), A4, 2.45
    pnum, num, mid, mult, mid2, unit, post = groups
    pre = None
    if before in lx.pre_last:
        lo = max(0, start - 4)
        pre = next((w for w in lx.pre_words if folded.endswith(w, lo, start)), None)
    if pnum is not None:
        value = _value(pnum, "")
        if value is None or _in_stopword(folded, start, lx):
            return None
        end = end if post in lx.approx_post else end - len(post or "")
        approx = pre or (post if post in lx.approx_post else None)
        return CountMatch(start - len(pre or ""), end, value, "%", "percent", approx)
    assert num is not None  # the pattern's other branch
    if unit is None and not num[0].isdigit():
        return None  # 万/亿 without a measure word is a count only after digits (3300万, 6600多万)
    kind = lx.unit_kind[unit] if unit is not None else "item"
    value = _value(num, mult or "")
    after = end - len(post or "")
    cue = pre or post
    if value is None or not _plausible(folded, start, after, num, unit, kind, value, cue, lx):
        return None
    if not num[0].isdigit() and (
        _in_stopword(folded, start, lx) or (before in "“‘" and lx.slogan_tail.match(folded, start))
    ):
        return None  # 一条也不含糊; “六个第一”, ‘三个规定’: a quoted formula, not a count
    if post is not None and (kind == "duration" or post in lx.approx_post):
        after = end
    else:
        post = None
    approx = pre or mid or mid2 or (post if post in lx.approx_post or post == "多" else None)
    return CountMatch(start - len(pre or ""), after, value, unit, kind, approx)


def _in_stopword(folded: str, start: int, lx: CountLexicon) -> bool:
    """True when an idiom or formula of count_stopwords covers the number (一条也不含糊, 新一轮)."""
    reach = lx.stop_reach
    for stop in lx.stopwords.finditer(folded, max(0, start - reach), start + reach):
        if stop.start() <= start < stop.end():
            return True
    return False


def _value(num: str, mult: str) -> int | float | None:
    """Numeric value of the number as written; None for numerals that are not quantities."""
    if not mult and num.isdigit():
        return int(num)  # the usual 17次: what number_value would give, without its steps
    return _written_value(num, mult)


@lru_cache(maxsize=1024)  # the same numerals (三, 十二, 2.45万) come back in every report
def _written_value(num: str, mult: str) -> int | float | None:
    """``_value`` of a Chinese numeral, a decimal or a number with a multiplier."""
    if not num[0].isdigit():
        if num[0] in "百千万亿零〇":  # 百名, 千家, 万人: lexical, not counts
            return None
        if len(num) > 1 and not any(ch in SMALL_UNITS or ch in BIG_UNITS for ch in num):
            return None  # 二〇二〇 (a year), 两三 (vague)
    return number_value(num, mult)  # exact: 1.39万亿 is 1390000000000


def _plausible(
    folded: str,
    start: int,
    after: int,
    num: str,
    unit: str | None,
    kind: str,
    value: int | float,
    cue: str | None,
    lx: CountLexicon,
) -> bool:
    """Context checks that the lexicon cannot express as words alone (after: end of the unit).

    ``cue``: an approximator before or after the number (近, 来), which makes 年 a length.
    """
    if folded.startswith(lx.filters_after.get(unit or "", lx.any_after), after):
        return False
    words_before = lx.filters_before.get(unit or "", ())
    if words_before:
        window = folded[max(0, start - 6) : start]
        if any(w in window for w in words_before):
            return False
    if num == "一" and unit and folded.startswith(unit, after):  # 一个个, 一次次
        return False
    if kind == "tier":
        return 2 <= value <= 9
    if unit == "年":
        return _is_duration_year(folded, start, after, num, value, cue, lx)
    return True


def _is_duration_year(
    folded: str,
    start: int,
    after: int,
    num: str,
    value: int | float,
    cue: str | None,
    lx: CountLexicon,
) -> bool:
    """四年来, 近5年, 留党察看2年, 三年行动 are lengths of time; 2020年 and 1998年 are dates.

    Calendar years are written with four digits (2020年, 二〇二〇年, rejected earlier), so a
    numeral like 三, 十五 or 2 before 年 is a length; only 一年 needs a cue, as 关键一年 and
    开局之年 name a year rather than measure one.
    """
    if (num[0].isdigit() and len(num) > 3) or value >= 1000:
        return False
    if cue:
        return True
    if value >= 2 or num[0].isdigit():
        return len(num) <= 2 or not num[0].isdigit()
    return folded.startswith(lx.cues_after, after) or folded.endswith(lx.cues_before, 0, start)
