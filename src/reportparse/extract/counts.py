"""Counts: text (and spans known not to be counts) -> Count mentions sorted by start."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache, lru_cache
from itertools import accumulate
from operator import attrgetter, itemgetter
from typing import NamedTuple

from ..lexicon import (
    alternation,
    class_led_scan,
    load_records,
    load_table,
    load_words,
    longest_first,
)
from ..models import Count
from ..normalise import folded_text
from ..numerals import BIG_UNITS, DIGITS, SMALL_UNITS, number_value
from ..segment import Token, tokens, word_tag
from ..span import Span, builder

_CN = "零〇一二两三四五六七八九十百千万亿"
_CN_DIGITS = "零〇一二三四五六七八九"  # the digits after 点 in a decimal written in characters
_ARABIC = (
    r"(?:[0-9]{1,3}(?:,[0-9]{3}){1,4}(?![0-9])|[0-9]{1,12}(?![0-9]))(?:\.[0-9]{1,6}(?![0-9]))?"
)
_NOT_BEFORE = frozenset(f"第.{_CN}")
_WHITE = r"[^\S\x1c-\x1f]"  # regex's \s: re's also takes \x1c-\x1f
# Windows around a count: where a counted object may stand.
_BEFORE_MAX = 24
_AFTER_MAX = 36  # room for a relative clause before its head noun
_DATE_HEADS = ("年度", "年", "月份", "月", "日", "号")  # after a number that ends a window
_VERB_TAGS = frozenset({"v", "vd", "vi", "vq", "vg"})
_NON_OBJECT_TAGS = frozenset({"p", "c", "d", "u", "uj", "ul", "uz", "ud", "ug", "uv", "r", "m"})
_TAIL_TAGS = frozenset({"p", "d", "ad"})
_ADVERB_TAGS = frozenset({"d", "ad"})


def _words_re(words: Sequence[str], repeat: str = "") -> re.Pattern[str]:
    """An `re` alternation of ``words`` behind a first-character lookahead, so that re rejects
    most positions at C speed instead of trying every word (it has no trie)."""
    first = "".join(sorted({re.escape(w[0]) for w in words}))
    return re.compile(rf"(?=[{first}])(?:{alternation(list(words))}){repeat}")


class _Lexicon:
    """The word tables of lexicon/*.txt and the patterns built from them.

    Read and compiled on first use (:func:`_lexicon`), not at import: compiling costs ~20 ms.
    """

    def __init__(self) -> None:
        units = load_records("measure_words")
        self.unit_kind = {row["unit"]: row["kind"] for row in units}
        self.figurative = frozenset(row["unit"] for row in units if row["figurative"] == "yes")
        self.numeral_words = _words_re(load_words("count_numeral_words"))
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
        self.stopwords = _words_re(stopwords)
        self.verb = _words_re(verbs)
        self.cut_after = _words_re([*verbs, *(w for w in obj_stop if len(w) > 1), "的"])
        self.lead = _words_re(obj_lead, "{1,4}")
        self.count = self._count_pattern(approx_at)
        # What extract_counts runs: the hits of ``count`` by a scan that skips to the numerals;
        # a hit that opens with a digit consumes the digits after it (a count takes its whole
        # run of digits). Where it still fires inside a count (the 0 of 1,000), the hit is
        # dropped.
        self.count_scan = class_led_scan(
            f"0-9{_CN}半", f"(?:{self.count.pattern})(?P<count_end>)", "(?:(?<=[0-9])[0-9]*)?"
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
        is six times cheaper, which counts on a hundred matches a report.
        """
        mids = [w for w, at in approx_at.items() if at == "mid"]
        mid = alternation(mids)
        post = alternation([*self.approx_post, "以来", "来", "之内", "内", "之间", "间", "多"])
        units = list(self.unit_kind)
        first = "".join(sorted({re.escape(w[0]) for w in units}))
        # what may end the number: a measure word, a mid approximator, 万/亿 (3300万, 6600多万)
        ends = "".join(sorted({*first, *(re.escape(w[0]) for w in mids), "万", "亿", "余", "多"}))
        return re.compile(
            # a cheap necessary condition first: a run of numerals (digits, commas, points,
            # multipliers: at most 28 chars) up to one of ``ends``; re skips the numerals of
            # words (进一步, 十九届) without trying the alternations
            rf"(?=[0-9{_CN}半])(?=百分之|半|[0-9,.{_CN}点]{{0,30}}[{ends}])"
            rf"(?:百分之(?P<pnum>[0-9]{{1,12}}(?:\.[0-9]{{1,6}})?|[{_CN}]{{1,8}})"
            rf"|(?P<num>{_ARABIC}|[{_CN}]{{1,10}}(?:点[{_CN_DIGITS}]{{1,6}})?|半(?=个?[年月天周小学]))"
            rf"(?P<mid>{mid})?"
            rf"(?P<mult>万亿|千万|百万|亿|万|千)?"
            rf"(?P<mid2>{mid})?"
            rf"(?:(?=[{first}])(?P<unit>{alternation(units)})|(?<=[万亿])|(?<=[万亿][余多])))"
            rf"(?P<post>{post})?"
        )


@cache
def _lexicon() -> _Lexicon:
    return _Lexicon()


class _Candidate(NamedTuple):
    start: int  # of the count proper (approximator included)
    end: int
    value: int | float
    unit: str | None  # None: a bare 万/亿 magnitude (务工规模超过3300万)
    kind: str
    approx: str | None
    value_max: int | float | None  # the upper end of a range (2-3次), else None


_new_tuple = tuple.__new__
_CandidateFields = tuple[int, int, int | float, str | None, str, str | None, int | float | None]


def _new_candidate(fields: _CandidateFields) -> _Candidate:
    """``_Candidate(*fields)`` without the Python-level ``__new__`` of a NamedTuple."""
    return _new_tuple(_Candidate, fields)


def extract_counts(
    text: str, *, exclude: Sequence[Span] = (), folded: str | None = None
) -> list[Count]:
    """Quantities in ``text`` (召开会议17次, 2.45万名网格员, 近90万人, 降幅21%), by start.

    A count overlapping a span of ``exclude`` is dropped; excluded spans that do not start with
    a quotation mark (outline markers, dates) also bound the search for the counted object.
    ``folded`` is ``fold(text)`` when the caller already has it.
    """
    folded = folded_text(text, folded)
    fences = _Fences(text, exclude)
    lx = _lexicon()
    overlaps, end_before, start_after = fences.overlaps, fences.end_before, fences.start_after
    # a match whose first character is excluded (a year in a date, a number in a quoted
    # formula) is not looked at: every count it could give would overlap that span
    candidates: list[_Candidate] = []
    hit_end = 0
    for hit in lx.count_scan.finditer(folded):
        start = hit.start()
        if start < hit_end:
            continue  # inside the count before (lx.count.finditer never starts there)
        hit_end = hit.end("count_end")
        if not overlaps(start, start + 1):
            groups = hit.groups()
            cand = _candidate(folded, start, hit_end, groups, lx)
            if cand is not None and not overlaps(cand.start, cand.end):
                while candidates and candidates[-1].start >= cand.start:
                    candidates.pop()  # 15万 of 15万至30万元: the lower end of this range
                if cand.start and folded[cand.start - 1] == "、":  # 0.55、0.5个百分点
                    members = _shared_unit_members(folded, cand, groups[1] or "", groups[3] or "")
                    candidates += [m for m in members if not overlaps(m.start, m.end)]
                candidates.append(cand)
    next_starts = [c.start for c in candidates[1:]]
    next_starts.append(len(text))  # one too many when there is no candidate: zip stops first
    counts: list[Count] = []
    new_count = builder(Count)
    prev_end = 0
    for cand, next_start in zip(candidates, next_starts, strict=False):
        start, end, value, unit, kind, approx, value_max = cand
        lo = max(prev_end, end_before(start), start - _BEFORE_MAX)
        hi = min(next_start, start_after(end), end + _AFTER_MAX)
        obj = _object_span(folded, start, end, kind, lo, hi, lx, listed=lo == prev_end > 0)
        obj_text = None
        if obj is not None:
            obj_start, obj_end = obj
            obj_text = text[obj_start:obj_end]
            if len(obj_text) > 2 and obj_text[0] in _QUOTES:
                obj_text = _unquote(obj_text)
            if obj_start < start:
                start = obj_start
            if obj_end > end:
                end = obj_end
        counts.append(
            new_count(
                {
                    "span": Span.of(start, end),
                    "text": text[start:end],
                    "node_path": None,
                    "kind": "count",
                    "value": value,
                    "value_max": value_max,
                    "unit": unit,
                    "object": obj_text,
                    "approx": approx,
                    "duration": kind == "duration",
                },
            )
        )
        prev_end = end
    return counts


# --- is it a count? --------------------------------------------------------------------------


def _candidate(
    folded: str, start: int, end: int, groups: tuple[str | None, ...], lx: _Lexicon
) -> _Candidate | None:
    """The count a pattern match stands for, or None when context shows it is not one.

    ``start``, ``end``, ``groups``: the span and groups of a hit of ``lx.count_scan``.
    """
    before = folded[start - 1] if start else "^"
    if before in _NOT_BEFORE or (before.isascii() and before.isalnum()):
        return None  # 第八轮, the tail of a longer number (2020年 seen from 020年), A4, 2.45
    pnum, num, mid, mult, mid2, unit, post, _ = groups
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
        return _new_candidate((start - len(pre or ""), end, value, "%", "percent", approx, None))
    assert num is not None  # the pattern's other branch
    if unit is None and not num[0].isdigit():
        return None  # 万/亿 without a measure word is a count only after digits (3300万, 6600多万)
    kind = lx.unit_kind[unit] if unit is not None else "item"
    if before == "点" and not num[0].isdigit() and folded[start - 2 : start - 1] in _CN:
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
        return _new_candidate((lower[0], after, lower[1], unit, kind, approx, value))
    return _new_candidate((start, after, value, unit, kind, approx, None))


def _inside_word(
    folded: str, start: int, unit_start: int, unit_end: int, lx: _Lexicon, *, counting: bool
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


def _shared_unit_members(folded: str, last: _Candidate, num: str, mult: str) -> list[_Candidate]:
    """The numbers listed before ``last`` that share its measure word (0.55、0.5个百分点 is two
    counts of 个百分点), by start; only bare digits separated by 、 qualify."""
    if not num[:1].isdigit() or last.approx is not None or last.value_max is not None:
        return []
    members: list[_Candidate] = []
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
        members.append(last._replace(start=number.start(), end=number.end(), value=value))
        pos = number.start()
    return members[::-1]


_LISTED_NUMBER = re.compile(r"[0-9]{1,12}(?:\.[0-9]{1,6})?$")


def _in_stopword(folded: str, start: int, lx: _Lexicon) -> bool:
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
    lx: _Lexicon,
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
    lx: _Lexicon,
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


# --- what is counted? ------------------------------------------------------------------------


def _object_span(
    folded: str,
    start: int,
    end: int,
    kind: str,
    lo: int,
    hi: int,
    lx: _Lexicon,
    *,
    listed: bool,
) -> tuple[int, int] | None:
    """Where the counted object stands: after the unit when a noun follows, else before.

    ``start``, ``end``: the count; ``lo``, ``hi``: the bounds of the search. ``listed``:
    ``lo`` is the end of the previous count, so a 、 there makes this count the next item
    of a list (委务会3次、整改落实工作领导小组会议5次).
    """
    if kind == "duration":
        for word in ("时间", "的时间"):
            if folded.startswith(word, end) and end + len(word) <= hi:
                return (end + len(word) - 2, end + len(word))
        return None
    if kind not in ("person", "percent"):
        after = _object_after(folded, end, hi, lx, adverbial=kind == "event")
        if after is not None:
            return after
    return _object_before(folded, lo, start, lx, listed=listed, kind=kind)


def _object_after(
    folded: str, start: int, hi: int, lx: _Lexicon, *, adverbial: bool
) -> tuple[int, int] | None:
    """细化157条[整改措施], 2000件印有…标识的[执勤棉服坎肩]: the noun phrase after the unit.

    A 的 after a verb closes a relative clause, and the head noun after it is counted; a 的
    right after a noun is possessive (4起[事故]的直接责任人), and that noun is counted.
    ``adverbial``: the unit counts events (两次下调利率), so a verb after it is what was done.
    """
    brk = lx.break_after.search(folded, start, hi)
    if brk is not None:
        hi = brk.start()
    de = folded.find("的", start, hi)
    if de > start and _quotes_balanced(folded, start, de):
        if _is_nominal(folded, start, de):
            hi = de
        else:
            start = folded.rfind("的", start, hi) + 1
    cut_after = lx.cut_after
    if hi <= start or cut_after.match(folded, start, hi) or _opens_verb_phrase(folded, start, hi):
        return None
    if adverbial and _starts_with_verb(folded, start, hi, lx):
        return None
    cut = cut_after.search(folded, start + 1, hi)
    if cut is not None:
        hi = cut.start()
    if hi - start > 2 or lx.function_char.search(folded, start, hi):
        verb_follows = cut is not None and cut.group() != "的"
        hi = _noun_end(folded, start, hi, lx, verb_follows=verb_follows)
    return (start, hi) if hi - start >= 2 else None


def _is_nominal(folded: str, start: int, end: int) -> bool:
    """True when ``folded[start:end]`` is nouns only (事故, 部门): no verb makes it a clause."""
    return all(
        tok.tag[:1] in ("n", "j")
        and tok.tag != "nr"
        and (word_tag(tok.word[:2]) or "n")[:1] != "v"  # 符合条件 is a noun to jieba
        for tok in tokens(folded[start:end])
    )


def _starts_with_verb(folded: str, start: int, hi: int, lx: _Lexicon) -> bool:
    words = tokens(folded[start:hi])
    return bool(words) and _is_verb(words[0], lx)


def _opens_verb_phrase(folded: str, start: int, hi: int) -> bool:
    """分两期|组织培训: two verbs in a row after the unit are what was done, not what is counted."""
    if hi - start < 4:
        return False
    first, second = word_tag(folded[start : start + 2]), word_tag(folded[start + 2 : start + 4])
    return first in _VERB_TAGS and second is not None and second[:1] == "v"


def _noun_end(folded: str, start: int, hi: int, lx: _Lexicon, *, verb_follows: bool) -> int:
    """End of the noun phrase opening ``folded[start:hi]``, by jieba's words and tags.

    A verb ends it only where no noun follows (网格员|开展|全覆盖), so verbs inside a compound
    stay (远程在线课堂, 执法司法理念), unless it is a two-character verb right after a noun
    (国债|支持灾后): that is a predicate. Function words and time words end it; so does a
    trailing run of single characters holding a personal name (直接责任人|芦艾林); quoted
    words are kept whole. ``verb_follows``: a verb ends the window, so a verbal noun right
    before it belongs to the predicate (措施|调整增加为).
    """
    words = tokens(folded[start:hi])
    name_tail = _name_tail(words)
    depth = 0
    for i, tok in enumerate(words):
        if tok.word in "“‘《":
            depth += 1
        elif tok.word in "”’》":
            depth -= 1
        if depth > 0 or tok.tag == "x":
            continue
        j = i
        while j < len(words) and words[j].tag in _VERB_TAGS:
            j += 1  # 国家|自主|创新|示范区: a run of verbs before a noun is a modifier
        if j > i:
            nxt = words[j].tag if j < len(words) else ""
        else:
            nxt = words[i + 1].tag if i + 1 < len(words) else ""
        if tok.tag == "c" and i > 0 and nxt.startswith(("n", "j")) and tok.word in "或和及与":
            continue  # 示范区或高新区: one object of two kinds
        if tok.tag in _NON_OBJECT_TAGS and i > 0:
            if tok.tag == "p" and i > 1 and words[i - 1].tag in ("v", "vn"):
                return start + words[i - 1].start  # 开发区|升级为: the verb goes with 为
            return start + tok.start
        if tok.tag in _VERB_TAGS and not nxt.startswith(("n", "vn", "x", "j", "l")):
            return start + tok.start
        if (
            i > 0
            and _is_verb(tok, lx)
            and words[i - 1].tag[:1] == "n"
            and len(words[i - 1].word) > 1
        ):
            modifier = (  # 国家|自主创新|示范区, but not 政法委|整改落实|情况
                nxt[:1] == "n"
                and j < len(words)
                and len(words[j].word) > 1
                and words[j].word not in lx.light_heads
            )
            if (any(_is_verb(w, lx) for w in words[i + 1 :]) and not modifier) or (
                words[-1].tag == "vn" and len(words) - 1 > i  # 国债|支持基础设施建设
            ):
                return start + tok.start
        if i > 0 and i in name_tail:
            return start + tok.start
    if verb_follows and len(words) > 1 and words[-1].tag == "vn":
        return start + words[-1].start
    return hi


def _name_tail(words: Sequence[Token]) -> range:
    """The ``i`` for which ``words[i:]`` is two or more one-character words holding a personal
    name (芦|艾|林): a trailing run of single characters, up to its last name character."""
    n = len(words)
    first = n
    while first > 0 and len(words[first - 1].word) == 1:
        first -= 1
    if first >= n - 1:
        return range(0)  # no run of two single characters at the end (the usual case)
    last_name = max((k for k in range(first, n) if words[k].tag.startswith("nr")), default=-1)
    return range(first, min(last_name, n - 2) + 1)


def _is_verb(tok: Token, lx: _Lexicon) -> bool:
    """A governing verb: from the verb list, or a jieba verb of two or more characters.

    One-character verbs are mostly suffixes or directions inside nouns (赤字|率, 下|社区).
    """
    if tok.word in lx.governing:
        return True
    return tok.tag in _VERB_TAGS and len(tok.word) > 1 and tok.word not in lx.keep_words


def _object_before(
    folded: str, lo: int, end: int, lx: _Lexicon, *, listed: bool, kind: str
) -> tuple[int, int] | None:
    """召开[市委政法委全体会议]17次, 查摆[问题]70余条: the noun phrase right before the number.

    A linking word before the number (增长, 为, 平均为, 拟按) is dropped and its subject is
    the object (居民消费价格上涨0.2%); a comparison (比上年增加1.1万亿元) counts a difference
    with no object here. Otherwise the object follows the last governing verb of
    lexicon/count_verbs.txt that no 的 follows (制定细化[整改措施]; 召开涉及整改的会议 keeps
    the clause). Other verbs inside the window are modifiers (推动改革促进发展整改事项); a
    window that ends in a verb counts the activity for people and events (入户走访2100余户)
    and nothing for other units (事故造成43人, 今年先发行1万亿元).
    """
    if end <= lo:
        return None
    if listed and folded[lo] == "、":  # 整改事项35个、[推动改革促进发展整改事项]26个
        lo += 1
    brk = lx.break_before_reversed.search(folded[lo:end][::-1])
    if brk is not None:
        lo = end - brk.start()
        if folded[lo - 1].isdigit():
            lo += next((len(w) for w in _DATE_HEADS if folded.startswith(w, lo, end)), 0)
    if end <= lo or folded[end - 1] == "、":  # 降低准备金率、两次: a list item, not the object
        return None
    tail = _tail_start(folded, lo, end, lx.tail)  # 价格上涨, 失业率平均为, 提高到
    linked = tail < end
    end = tail
    words = tokens(folded[lo:end])
    n = len(words)
    while n and (words[n - 1].tag in _TAIL_TAGS or words[n - 1].word in "（("):
        n, linked = n - 1, True  # 赤字率拟按, 凡有
    if n == 0 or (
        folded.find("比", lo, end) >= 0 and any(w.word == "比" and w.tag == "p" for w in words[:n])
    ):
        return None
    end = lo + words[n - 1].end
    if linked and (words[n - 1].word in lx.tail_words or _is_verb(words[n - 1], lx)):
        return None
    lead = None if folded.startswith(lx.keep, lo, end) else lx.lead.match(folded, lo, end)
    start = lo if lead is None else lead.end()
    verbs = _governing_verbs(folded, start, end, words[:n], lo, lx, initial=not listed)
    if not verbs:
        if not _is_verb(words[n - 1], lx):
            return _trim(folded, lo, end, lx)
        verbs = [(lo + words[n - 1].start, end)]
    free = [v for v in verbs if folded.find("的", v[1], end) < 0]
    rest = free[-1][1] if free else verbs[0][1]
    if folded.find("的", rest, end) < 0:  # 制定修订[行政法规]: skip a run of verbs
        while (nxt := lx.verb.match(folded, rest, end)) is not None:
            rest = nxt.end()
    if rest >= end:  # the window ends with its verb
        if linked or kind not in ("person", "event") or end - lo > 4:
            return None
        if folded.endswith(lx.result_verbs, lo, end):
            return None  # 火灾造成12人: the people are the result, not an activity
        return _trim(folded, lo, end, lx)  # 入户走访2100余户, 参会120人: the activity is counted
    return _trim(folded, rest, end, lx)


def _tail_start(folded: str, lo: int, end: int, tail: tuple[str, ...]) -> int:
    """Start of the run of up to four linking words ending ``folded[lo:end]`` (end if none).

    Each step takes the longest word that fits, as the alternation matched backwards would.
    """
    pos = end
    for _ in range(4):
        if not folded.endswith(tail, lo, pos):
            break
        pos -= next(len(w) for w in tail if folded.endswith(w, lo, pos))
    return pos


def _governing_verbs(
    folded: str,
    start: int,
    end: int,
    words: Sequence[Token],
    base: int,
    lx: _Lexicon,
    *,
    initial: bool,
) -> list[tuple[int, int]]:
    """Governing verbs of ``folded[start:end]``: listed ones (not inside a domain noun such as
    城镇新增就业), and, when ``initial``, a clause-initial verb of jieba's (明确举一反三整改事项);
    a list item after 、 has its verb before the list (、推动改革促进发展整改事项26个)."""
    # listed verbs inside a word of the domain's nouns (城镇新增就业) are part of that noun
    terms = [(base + w.start, base + w.end) for w in words if w.word in lx.noun_terms]
    found = [
        m.span()
        for m in lx.verb.finditer(folded, start, end)
        if m.group() not in lx.link_words
        and not (terms and any(s <= m.start() and m.end() <= e for s, e in terms))
    ]
    # 发展改革委已优先考虑[营口电厂]: a verb after an adverb
    for k in [k for k, w in enumerate(words[:-1], 1) if w.tag in _ADVERB_TAGS]:
        if _is_verb(words[k], lx) and base + words[k].start >= start:
            span = (base + words[k].start, base + words[k].end)
            if not any(s <= span[0] < e for s, e in found):
                found.append(span)
    found.sort()
    if start == base:
        first = words[0] if words else None
    else:
        first = next((w for w in words if base + w.start >= start), None)
    if (
        initial
        and first is not None
        and _is_verb(first, lx)
        and base + first.start + len(first.word) < end
    ):
        span = (base + first.start, base + first.end)
        if not any(s <= span[0] < e for s, e in found):
            found.insert(0, span)
    return found


def _trim(folded: str, lo: int, end: int, lx: _Lexicon) -> tuple[int, int] | None:
    """Drop leading function words (全市累计, 各类); None when a function word ends it."""
    if not folded.startswith(lx.keep, lo, end):
        lead = lx.lead.match(folded, lo, end)
        if lead is not None:
            lo = lead.end()
    if end - lo < 2 or folded.endswith(lx.stop_tail, lo, end):
        return None
    return (lo, end)


def _quotes_balanced(folded: str, lo: int, hi: int) -> bool:
    """True when ``folded[lo:hi]`` opens no quotation or title it does not close."""
    return all(folded.count(a, lo, hi) == folded.count(b, lo, hi) for a, b in ("“”", "‘’", "《》"))


_QUOTES = '“‘"'


def _unquote(obj: str) -> str:
    """“飞地” -> 飞地: a wholly quoted term is the term; 《…》 titles keep their brackets."""
    for a, b in ("“”", "‘’", '""'):
        if len(obj) > 2 and obj[0] == a and obj[-1] == b and obj.count(a) == 1:
            return obj[1:-1]
    return obj


# --- spans the caller knows are not counts ---------------------------------------------------


class _Fences:
    """Excluded spans, sorted: overlap tests, and the nearest fence on either side of a point."""

    def __init__(self, text: str, exclude: Sequence[Span]) -> None:
        # a parse passes a few hundred spans: map rather than comprehensions where it can
        spans = sorted(map(attrgetter("start", "end"), exclude))
        self.starts = list(map(itemgetter(0), spans))
        self.max_ends = _running_max(list(map(itemgetter(1), spans)))
        n = len(text)  # a span may start at len(text)
        fences = [sp for sp in spans if sp[0] >= n or text[sp[0]] not in '“‘"']  # not quotes
        self.fence_starts = list(map(itemgetter(0), fences))
        self.fence_max_ends = _running_max(list(map(itemgetter(1), fences)))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)
        return i > 0 and self.max_ends[i - 1] > start

    def end_before(self, pos: int) -> int:
        """The furthest end of a fence starting before ``pos`` (0 if none)."""
        i = bisect_left(self.fence_starts, pos)
        return min(self.fence_max_ends[i - 1], pos) if i > 0 else 0

    def start_after(self, pos: int) -> int:
        """The first fence start at or after ``pos`` (a large number if none)."""
        i = bisect_right(self.fence_starts, pos - 1)
        return self.fence_starts[i] if i < len(self.fence_starts) else 1 << 62


def _running_max(ends: list[int]) -> list[int]:
    """Prefix maxima of ``ends``; ``ends`` itself when sorted already (spans that neither nest
    nor overlap, the usual case), which C's sort checks faster than a running max()."""
    return ends if ends == sorted(ends) else list(accumulate(ends, max))
