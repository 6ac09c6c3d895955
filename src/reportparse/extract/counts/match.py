"""Is it a count? A hit of the count pattern -> a candidate (value, unit, kind, approximator),
or None where its context shows it is not one."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ...chars import COUNT_NUMERALS
from ...drafts import record
from ...numerals import BIG_UNITS, DIGITS, SMALL_UNITS, number_value
from ...segment import tokens
from .words import CountLexicon

_NOT_BEFORE = frozenset(f"第.{COUNT_NUMERALS}")


@record
class CountMatch:
    start: int  # of the count proper (approximator included)
    end: int
    value: int | float
    unit: str | None  # None: a bare 万/亿 magnitude (务工规模超过3300万)
    kind: str
    approx: str | None
    value_max: int | float | None  # the upper end of a range (2-3次), else None


def read_candidate(
    folded: str, start: int, end: int, groups: tuple[str | None, ...], lx: CountLexicon
) -> CountMatch | None:
    """The count a pattern match stands for, or None when context shows it is not one.

    ``start``, ``end``, ``groups``: the span and groups of a hit of ``lx.count_scan``.
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
        return CountMatch(start - len(pre or ""), end, value, "%", "percent", approx, None)
    assert num is not None  # the pattern's other branch
    if unit is None and not num[0].isdigit():
        return None  # 万/亿 without a measure word is a count only after digits (3300万, 6600多万)
    kind = lx.unit_kind[unit] if unit is not None else "item"
    if before == "点" and not num[0].isdigit() and folded[start - 2 : start - 1] in COUNT_NUMERALS:
        return None  # 七十八点二岁: the decimals of a number written in characters
    if num == "半" and (kind != "duration" or before in "上下前后大多"):
        return None  # 半年 is a length of time; 上半年 a part of the year
    value = _value(num, mult or "")
    after = end - len(post or "")
    cue = pre or post
    if value is None or not _plausible(folded, start, after, num, unit, kind, value, cue, lx):
        return None
    if not num[0].isdigit() and (
        _in_stopword(folded, start, lx) or (before in "“‘" and lx.slogan_tail.match(folded, start))
    ):
        return None  # 一条也不含糊; “六个第一”, ‘三个规定’: a quoted formula, not a count
    if not num[0].isdigit() and unit is not None:
        unit_start = after - len(unit)
        if num == "二" and kind not in ("measure", "percent", "duration"):
            return None  # 机关二支部, 二处: a count says 两 before a measure word; 二 numbers
        if len(num) == 1 and num != "两" and not mult and unit in lx.figurative:
            return None  # 一头连着…, 一片赞誉: an image, not a quantity (两 only counts)
        if _inside_word(folded, start, unit_start, after, lx, counting=num == "两"):
            return None
        if num == "一" and _distributive(folded, start, after, unit):
            return None
    if post is not None and (kind == "duration" or post in lx.approx_post):
        after = end
    else:
        post = None
    pre_len = len(pre or "")
    if pre == "近" and kind == "duration":
        pre = None  # 近三年: the last three years, not nearly three
    approx = pre or mid or mid2 or (post if post in lx.approx_post or post == "多" else None)
    start -= pre_len
    lower = _range_lower(folded, start, num, mult or "") if not pre_len else None
    if lower is not None and lower[1] < value:  # 2-3次, 两到三年: value is the lower end
        return CountMatch(lower[0], after, lower[1], unit, kind, approx, value)
    return CountMatch(start, after, value, unit, kind, approx, None)


def _inside_word(
    folded: str, start: int, unit_start: int, unit_end: int, lx: CountLexicon, *, counting: bool
) -> bool:
    """True when a Chinese numeral is part of a word rather than a number: jieba puts it inside
    a word that begins before it (统一|部署, 唯一, 每一件), or in a word that runs past the
    measure word (一次性, 一把手), or gives a one-character measure word to the next word
    (三|支部); the words of lexicon/count_numeral_words.txt decide where a short window's cut
    could go either way.

    An approximator or a duration cue before the numeral may share its word (近三年, 连续三年).
    ``counting``: the numeral is 两, which only ever counts, so only a word begun before it
    (今明两年) takes it out.
    """
    reach = lx.numeral_reach
    for word in lx.numeral_words.finditer(folded, max(0, start - reach), start + reach):
        if word.start() <= start < word.end():
            return True
    lo = max(0, start - 4)
    for tok in tokens(folded[lo : unit_end + 4]):
        tok_start, tok_end = lo + tok.start, lo + tok.end
        if tok_start < start < tok_end:  # the numeral's word began before it
            lead = folded[tok_start:start]
            return lead not in lx.pre_words and not folded.endswith(lx.cues_before, 0, start)
        if counting:
            continue
        if tok_start == start:
            if tok_end > unit_end:
                return True  # 一次性, 二期工程: one word through and past the measure word
        elif tok_start == unit_start:
            # 三|支部: the measure word starts another word (not after a multiplier: 六亿|人民)
            return unit_end - unit_start == 1 and tok_end > unit_end and unit_start - start == 1
        elif tok_start > unit_start:
            return False
    return False


def _distributive(folded: str, start: int, end: int, unit: str) -> bool:
    """一M in a distributive or idiomatic pattern, not the number one: 一件一件 (each in turn),
    一人一档 (one for each), 一个不少 (not one missing), 整改一个、销号一个 (each one as it
    comes), 通过一个问题整改、推动一类问题解决 (one case standing for a class)."""
    one = "一" + unit
    if folded.startswith(one, end) or folded.endswith(one, 0, start):
        return True  # 一件一件, 一项一项
    if folded.startswith(("一", "双"), end):
        return True  # 一人一档, 一户一策, 一床一码, 一岗双责: a one-to-one formula
    for k in range(1, 4):  # 一个问题一个问题: the phrase said twice
        noun = folded[end : end + k]
        if (k > 1 or "\u4e00" <= noun <= "\u9fff") and (
            folded.startswith(one + noun, end + k) or folded.endswith(one + noun, 0, start)
        ):
            return True
    if folded.startswith(_NOT_ONE_MISSING, end):
        return True  # 一个不少, 一个也不能少, 一件都不放过
    nxt = folded[end : end + 1]
    if nxt in _CLAUSE_BREAKS:  # clause-final, and so is 一M of the next clause: 整改一个、销号一个
        after = _CLAUSE_ONE.match(folded, end + 1)
        if after is not None and after.group("unit") == unit:
            return True
    if (nxt in _CLAUSE_BREAKS or nxt in "。\n" or not nxt) and _clause_before(
        folded, start
    ).endswith(one):
        return True  # the second of 成熟一个、发展一个
    # 一个问题……、……一类问题: the same noun after 一 and a measure word in the next clause
    head = tokens(folded[end : end + 4])[:1]
    if head and head[0].tag[:1] == "n" and len(head[0].word) > 1:
        rest = folded[end + head[0].end : end + head[0].end + 14]
        brk = _CLAUSE_BREAK_RE.search(rest)
        parallel = f"一.{{1,2}}?{re.escape(head[0].word)}"
        return brk is not None and re.search(parallel, rest[brk.end() :]) is not None
    return False


_NOT_ONE_MISSING = ("也", "都", "不少", "不落", "不漏", "不剩", "不能少")
_CLAUSE_BREAKS = frozenset("、,;")
_CLAUSE_BREAK_RE = re.compile(r"[、,;]")
_CLAUSE_ONE = re.compile(r"[^、,;。\n]{1,6}?一(?P<unit>\w)(?=[、,;。\n]|$)")


def _clause_before(folded: str, start: int) -> str:
    """The clause before the one holding ``start`` (both within 10 characters), "" if none."""
    lo = max(0, start - 10)
    piece = folded[lo:start]
    cut = max(piece.rfind(ch) for ch in "、,;。\n")
    if cut < 0:
        return ""
    head = piece[:cut]
    return head[max(head.rfind(ch) for ch in "、,;。\n") + 1 :]


def _range_lower(folded: str, start: int, num: str, mult: str) -> tuple[int, int | float] | None:
    """The lower end of a range written before the number at ``start`` (2-3次, 2至3名, 两到三年):
    where it starts and its value; None when no number of the same script ends a connector
    right before ``start``."""
    if not start or folded[start - 1] not in _RANGE_CONNECTORS:
        return None
    pattern = _RANGE_LOWER_DIGITS if num[0].isdigit() else _RANGE_LOWER_CHINESE
    lower = pattern.search(folded, max(0, start - 16), start)
    if lower is None:
        return None
    if lower.group(2):  # 15万至30万元: the lower end has its own multiplier
        mult = lower.group(2)
    lower_start = lower.start()
    before = folded[lower_start - 1] if lower_start else ""
    if before and (before in _NOT_BEFORE or (before.isascii() and before.isalnum())):
        return None
    value = _value(lower.group(1), mult)
    return None if value is None else (lower_start, value)


_RANGE_CONNECTORS = frozenset("-~至到—–")
_RANGE_LOWER_DIGITS = re.compile(r"([0-9]{1,12}(?:\.[0-9]{1,6})?)(万亿|亿|万)?[-~至到—–]$")
_RANGE_LOWER_CHINESE = re.compile(r"([一二两三四五六七八九十]{1,4})(万亿|亿|万)?[-~至到—–]$")


def shared_unit_members(folded: str, last: CountMatch, num: str, mult: str) -> list[CountMatch]:
    """The numbers listed before ``last`` that share its measure word (0.55、0.5个百分点 is two
    counts of 个百分点), by start; only bare digits separated by 、 qualify."""
    if not num[:1].isdigit() or last.approx is not None or last.value_max is not None:
        return []
    members: list[CountMatch] = []
    pos = last.start
    while pos and folded[pos - 1] == "、":
        number = _LISTED_NUMBER.search(folded, max(0, pos - 20), pos - 1)
        if number is None:
            break
        before = folded[number.start() - 1] if number.start() else ""
        if before and (before in _NOT_BEFORE or (before.isascii() and before.isalnum())):
            break
        value = _value(number.group(), mult)
        if value is None:
            break
        members.append(replace(last, start=number.start(), end=number.end(), value=value))
        pos = number.start()
    return members[::-1]


_LISTED_NUMBER = re.compile(r"[0-9]{1,12}(?:\.[0-9]{1,6})?$")


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
    if num == "半":
        return 0.5 if not mult else None
    return _written_value(num, mult)


@lru_cache(maxsize=1024)  # the same numerals (三, 十二, 2.45万) come back in every report
def _written_value(num: str, mult: str) -> int | float | None:
    """``_value`` of a Chinese numeral, a decimal or a number with a multiplier."""
    if "点" in num:  # 七点二个百分点: a decimal written in characters
        whole, _, decimals = num.partition("点")
        value = 0 if whole in ("零", "〇") else _written_value(whole, "")
        if value is None:
            return None
        fraction = "".join(str(DIGITS[ch]) for ch in decimals)
        return number_value(f"{value}.{fraction}", mult)
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
