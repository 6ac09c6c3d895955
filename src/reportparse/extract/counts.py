"""Counts: text (and spans known not to be counts) -> Count mentions sorted by start."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from decimal import Decimal
from itertools import accumulate
from typing import NamedTuple

import regex

from ..lexicon import alternation, load_table, load_words
from ..models import Count
from ..normalise import fold
from ..numerals import BIG_UNITS, SMALL_UNITS, cn_to_int
from ..segment import Token, tokens, word_tag
from ..span import Span, trusted

# --- word tables (lexicon/*.txt) -------------------------------------------------------------

_UNIT_KIND: dict[str, str] = {row[0]: row[1] for row in load_table("measure_words")}
_APPROX_AT: dict[str, str] = {row[0]: row[1] for row in load_table("approximators")}
_APPROX_POST = frozenset(w for w, at in _APPROX_AT.items() if at == "post")
_FILTERS_AFTER: dict[str, tuple[str, ...]] = {}
_FILTERS_BEFORE: dict[str, tuple[str, ...]] = {}
for _kind, _unit, _word in load_table("count_filters"):
    _table = _FILTERS_AFTER if _kind == "after" else _FILTERS_BEFORE
    _table[_unit] = (*_table.get(_unit, ()), _word)
_CUES_AFTER = tuple(r[1] for r in load_table("count_duration_cues") if r[0] == "after")
_CUES_BEFORE = tuple(r[1] for r in load_table("count_duration_cues") if r[0] == "before")
_OBJ_LEAD = tuple(r[1] for r in load_table("count_object_words") if r[0] in ("lead", "both"))
_OBJ_STOP = tuple(r[1] for r in load_table("count_object_words") if r[0] in ("stop", "both"))
_OBJ_LINK = frozenset(r[1] for r in load_table("count_object_words") if r[0] == "link")

# --- the one pattern -------------------------------------------------------------------------

_CN = "零〇一二两三四五六七八九十百千万亿"
_ARABIC = (
    r"(?:[0-9]{1,3}(?:,[0-9]{3}){1,4}(?![0-9])|[0-9]{1,12}(?![0-9]))(?:\.[0-9]{1,6}(?![0-9]))?"
)
_MID = alternation([w for w, at in _APPROX_AT.items() if at == "mid"])
_POST = alternation([*_APPROX_POST, "以来", "来", "之内", "内", "之间", "间", "多"])

# The pattern opens with a character class so that the engine skips fast over text without
# numerals; what a class cannot say (the char before the number, 第 before an ordinal, idioms
# around the number, an approximator before it) is checked on the few matches in Python.
# Compiled with `re`, not `regex`: the same matches, and re's Match.groupdict() is six times
# cheaper, which counts on a hundred matches a report.
_PATTERN = re.compile(
    rf"(?=[0-9{_CN}])"
    rf"(?:百分之(?P<pnum>[0-9]{{1,12}}(?:\.[0-9]{{1,6}})?|[{_CN}]{{1,8}})"
    rf"|(?P<num>{_ARABIC}|[{_CN}]{{1,10}})(?P<mid>{_MID})?(?P<mult>万亿|千万|百万|亿|万|千)?"
    rf"(?P<mid2>{_MID})?(?:(?P<unit>{alternation(list(_UNIT_KIND))})|(?<=[万亿])|(?<=[万亿][余多])))"
    rf"(?P<post>{_POST})?"
)
_NOT_BEFORE = frozenset(f"第.{_CN}")
_STOPWORDS = regex.compile(alternation(load_words("count_stopwords")))
_STOP_REACH = max(map(len, load_words("count_stopwords")))
_SLOGAN_TAIL = regex.compile(r"[^“”‘’,。;:!?、\n]{1,10}[”’]")
_PRE_LAST = frozenset(w[-1] for w, at in _APPROX_AT.items() if at == "pre")
_PRE_RE = regex.compile(
    rf"(?r)(?:{alternation([w for w, at in _APPROX_AT.items() if at == 'pre'])})"
)

# Windows around a count: where a counted object may stand.
_BEFORE_MAX = 24
_AFTER_MAX = 36  # room for a relative clause before its head noun
_BREAK_BEFORE = regex.compile(r"(?r)[,.;:!?。;:!?…\s]|[0-9](?![A-Za-z])")  # not 5G
_BREAK_AFTER = regex.compile(r"[,.;:!?。、;:!?…\s0-9]")
_DATE_HEAD = regex.compile(r"(?:年度|年|月份|月|日|号)")
_VERB = regex.compile(alternation(load_words("count_verbs")))
_CUT_AFTER = regex.compile(
    alternation([*load_words("count_verbs"), *(w for w in _OBJ_STOP if len(w) > 1), "的"])
)
_LEAD = regex.compile(rf"(?:{alternation(list(_OBJ_LEAD))}){{1,4}}")
_KEEP = regex.compile(
    alternation([r[1] for r in load_table("count_object_words") if r[0] == "keep"])
)
_STOP_TAIL = regex.compile(rf"(?r)(?:{alternation(list(_OBJ_STOP))})")
_FUNCTION_CHAR = regex.compile(r"[和及与并对向在从将把被由为等均已]")
_VERB_TAGS = frozenset({"v", "vd", "vi", "vq", "vg"})
_NON_OBJECT_TAGS = frozenset({"p", "c", "d", "u", "uj", "ul", "uz", "ud", "ug", "uv", "r", "m"})
_LINK_WORDS = _OBJ_LINK
_GOVERNING = frozenset(load_words("count_verbs")) - _LINK_WORDS
_KEEP_WORDS = frozenset(r[1] for r in load_table("count_object_words") if r[0] == "keep")
# what may stand between a counted subject and its number: 平均为, 拟按, 提高到, 上涨
_TAIL = _LINK_WORDS | frozenset(r[1] for r in load_table("count_object_words") if r[0] == "tail")
_TAIL_TAGS = frozenset({"p", "d", "ad"})
# 区委政法委|整改落实情况: a verb phrase headed by a light noun is what the counted noun did
_LIGHT_HEADS = frozenset(r[1] for r in load_table("count_object_words") if r[0] == "light")
_RESULT_VERBS = tuple(r[1] for r in load_table("count_object_words") if r[0] == "result")
_NOUN_TERMS = frozenset(r[0] for r in load_table("jieba_user_words") if len(r) > 2 and r[2] == "n")
_TAIL_RE = regex.compile(rf"(?r)(?:{alternation(list(_TAIL))}){{1,4}}")


class _Candidate(NamedTuple):
    start: int  # of the count proper (approximator included)
    end: int
    value: int | float
    unit: str | None  # None: a bare 万/亿 magnitude (务工规模超过3300万)
    kind: str
    approx: str | None


def extract_counts(text: str, *, exclude: Sequence[Span] = ()) -> list[Count]:
    """Quantities in ``text`` (召开会议17次, 2.45万名网格员, 近90万人, 降幅21%), by start.

    A count overlapping a span of ``exclude`` is dropped; excluded spans that do not start with
    a quotation mark (outline markers, dates) also bound the search for the counted object.
    """
    folded = fold(text)
    fences = _Fences(text, exclude)
    candidates = [c for m in _PATTERN.finditer(folded) if (c := _candidate(folded, m))]
    candidates = [c for c in candidates if not fences.overlaps(c.start, c.end)]
    counts: list[Count] = []
    prev_end = 0
    for i, cand in enumerate(candidates):
        next_start = candidates[i + 1].start if i + 1 < len(candidates) else len(text)
        lo = max(prev_end, fences.end_before(cand.start), cand.start - _BEFORE_MAX)
        hi = min(next_start, fences.start_after(cand.end), cand.end + _AFTER_MAX)
        obj = _object_span(folded, cand, lo, hi, listed=lo == prev_end > 0)
        start, end = cand.start, cand.end
        obj_text = None
        if obj is not None:
            start, end = min(start, obj[0]), max(end, obj[1])
            obj_text = _unquote(text[obj[0] : obj[1]])
        counts.append(
            trusted(
                Count,
                span=Span.of(start, end),
                text=text[start:end],
                node_path=None,
                value=cand.value,
                unit=cand.unit,
                object=obj_text,
                approx=cand.approx,
                duration=cand.kind == "duration",
            )
        )
        prev_end = end
    return counts


# --- is it a count? --------------------------------------------------------------------------


def _candidate(folded: str, m: re.Match[str]) -> _Candidate | None:
    """The count a pattern match stands for, or None when context shows it is not one."""
    start = m.start()
    before = folded[start - 1] if start else "^"
    if before in _NOT_BEFORE or (before.isascii() and before.isalnum()):
        return None  # 第八轮, the tail of a longer number (2020年 seen from 020年), A4, 2.45
    g = m.groupdict()  # one call: each Match.group() call costs about as much as this
    pre = None
    if before in _PRE_LAST:
        found = _PRE_RE.match(folded, max(0, start - 4), start)
        pre = found.group() if found is not None else None
    post = g["post"]
    if g["pnum"] is not None:
        value = _value(g["pnum"], "")
        if value is None or _in_stopword(folded, start):
            return None
        end = m.end() if post in _APPROX_POST else m.end() - len(post or "")
        approx = pre or (post if post in _APPROX_POST else None)
        return _Candidate(start - len(pre or ""), end, value, "%", "percent", approx)
    num, unit = g["num"], g["unit"]
    if unit is None and not num[0].isdigit():
        return None  # 万/亿 without a measure word is a count only after digits (3300万, 6600多万)
    kind = _UNIT_KIND[unit] if unit is not None else "item"
    value = _value(num, g["mult"] or "")
    after = m.end() - len(post or "")
    if value is None or not _plausible(folded, start, after, num, unit, kind, value, pre, post):
        return None
    if not num[0].isdigit() and (
        _in_stopword(folded, start) or (before in "“‘" and _SLOGAN_TAIL.match(folded, start))
    ):
        return None  # 一条也不含糊; “六个第一”, ‘三个规定’: a quoted formula, not a count
    if post is not None and (kind == "duration" or post in _APPROX_POST):
        after = m.end()
    else:
        post = None
    approx = pre or g["mid"] or g["mid2"] or _post_approx(post)
    return _Candidate(start - len(pre or ""), after, value, unit, kind, approx)


def _in_stopword(folded: str, start: int) -> bool:
    """True when an idiom or formula of count_stopwords covers the number (一条也不含糊, 新一轮)."""
    for stop in _STOPWORDS.finditer(folded, max(0, start - _STOP_REACH), start + _STOP_REACH):
        if stop.start() <= start < stop.end():
            return True
    return False


def _post_approx(post: str | None) -> str | None:
    return post if post in _APPROX_POST or post == "多" else None


def _value(num: str, mult: str) -> int | float | None:
    """Numeric value of the number as written; None for numerals that are not quantities."""
    if num[0].isdigit():
        return _decimal_value(num, mult)
    if num[0] in "百千万亿零〇":  # 百名, 千家, 万人: lexical, not counts
        return None
    if len(num) > 1 and not any(ch in SMALL_UNITS or ch in BIG_UNITS for ch in num):
        return None  # 二〇二〇 (a year), 两三 (vague)
    value = cn_to_int(num)
    if value is None:
        return None
    for ch in mult:
        value *= BIG_UNITS.get(ch) or SMALL_UNITS.get(ch) or 1
    return value


def _decimal_value(num: str, mult: str) -> int | float | None:
    """1.39万亿 -> 1390000000000 exactly: float products (1.39 * 10**12) miss by 0.0002."""
    try:
        value = Decimal(num.replace(",", ""))
    except ArithmeticError:
        return None
    for ch in mult:
        value *= BIG_UNITS.get(ch) or SMALL_UNITS.get(ch) or 1
    return int(value) if value == value.to_integral_value() else float(value)


def _plausible(
    folded: str,
    start: int,
    after: int,
    num: str,
    unit: str | None,
    kind: str,
    value: int | float,
    pre: str | None,
    post: str | None,
) -> bool:
    """Context checks that the lexicon cannot express as words alone (after: end of the unit)."""
    for word in (*_FILTERS_AFTER.get(unit or "", ()), *_FILTERS_AFTER.get("*", ())):
        if folded.startswith(word, after):
            return False
    words_before = _FILTERS_BEFORE.get(unit or "", ())
    if words_before:
        window = folded[max(0, start - 6) : start]
        if any(w in window for w in words_before):
            return False
    if num == "一" and unit and folded.startswith(unit, after):  # 一个个, 一次次
        return False
    if kind == "tier":
        return 2 <= value <= 9
    if unit == "年":
        return _is_duration_year(folded, start, after, num, value, pre or post)
    return True


def _is_duration_year(
    folded: str, start: int, after: int, num: str, value: int | float, cue: str | None
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
    if any(folded.startswith(w, after) for w in _CUES_AFTER):
        return True
    return any(folded.endswith(w, 0, start) for w in _CUES_BEFORE)


# --- what is counted? ------------------------------------------------------------------------


def _object_span(
    folded: str, cand: _Candidate, lo: int, hi: int, *, listed: bool
) -> tuple[int, int] | None:
    """Where the counted object stands: after the unit when a noun follows, else before.

    ``listed``: ``lo`` is the end of the previous count, so a 、 there makes this count the
    next item of a list (委务会3次、整改落实工作领导小组会议5次).
    """
    if cand.kind == "duration":
        for word in ("时间", "的时间"):
            if folded.startswith(word, cand.end) and cand.end + len(word) <= hi:
                return (cand.end + len(word) - 2, cand.end + len(word))
        return None
    if cand.kind not in ("person", "percent"):
        after = _object_after(folded, cand.end, hi, adverbial=cand.kind == "event")
        if after is not None or cand.kind == "tier":
            return after
    return _object_before(folded, lo, cand.start, listed=listed, kind=cand.kind)


def _object_after(folded: str, start: int, hi: int, *, adverbial: bool) -> tuple[int, int] | None:
    """细化157条[整改措施], 2000件印有…标识的[执勤棉服坎肩]: the noun phrase after the unit.

    A 的 after a verb closes a relative clause, and the head noun after it is counted; a 的
    right after a noun is possessive (4起[事故]的直接责任人), and that noun is counted.
    ``adverbial``: the unit counts events (两次下调利率), so a verb after it is what was done.
    """
    brk = _BREAK_AFTER.search(folded, start, hi)
    if brk is not None:
        hi = brk.start()
    de = folded.find("的", start, hi)
    if de > start and _quotes_balanced(folded, start, de):
        if _is_nominal(folded, start, de):
            hi = de
        else:
            start = folded.rfind("的", start, hi) + 1
    if hi <= start or _CUT_AFTER.match(folded, start, hi) or _opens_verb_phrase(folded, start, hi):
        return None
    if adverbial and _starts_with_verb(folded, start, hi):
        return None
    cut = _CUT_AFTER.search(folded, start + 1, hi)
    if cut is not None:
        hi = cut.start()
    if hi - start > 2 or _FUNCTION_CHAR.search(folded, start, hi):
        hi = _noun_end(folded, start, hi, verb_follows=cut is not None and cut.group() != "的")
    return (start, hi) if hi - start >= 2 else None


def _is_nominal(folded: str, start: int, end: int) -> bool:
    """True when ``folded[start:end]`` is nouns only (事故, 部门): no verb makes it a clause."""
    return all(
        tok.tag[:1] in ("n", "j")
        and tok.tag != "nr"
        and (word_tag(tok.word[:2]) or "n")[:1] != "v"  # 符合条件 is a noun to jieba
        for tok in tokens(folded[start:end])
    )


def _starts_with_verb(folded: str, start: int, hi: int) -> bool:
    words = tokens(folded[start:hi])
    return bool(words) and _is_verb(words[0])


def _opens_verb_phrase(folded: str, start: int, hi: int) -> bool:
    """分两期|组织培训: two verbs in a row after the unit are what was done, not what is counted."""
    if hi - start < 4:
        return False
    first, second = word_tag(folded[start : start + 2]), word_tag(folded[start + 2 : start + 4])
    return first in _VERB_TAGS and second is not None and second[:1] == "v"


def _noun_end(folded: str, start: int, hi: int, *, verb_follows: bool = False) -> int:
    """End of the noun phrase opening ``folded[start:hi]``, by jieba's words and tags.

    A verb ends it only where no noun follows (网格员|开展|全覆盖), so verbs inside a compound
    stay (远程在线课堂, 执法司法理念), unless it is a two-character verb right after a noun
    (国债|支持灾后): that is a predicate. Function words and time words end it; so does a
    trailing run of single characters holding a personal name (直接责任人|芦艾林); quoted
    words are kept whole. ``verb_follows``: a verb ends the window, so a verbal noun right
    before it belongs to the predicate (措施|调整增加为).
    """
    words = tokens(folded[start:hi])
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
        if i > 0 and _is_verb(tok) and words[i - 1].tag[:1] == "n" and len(words[i - 1].word) > 1:
            modifier = (  # 国家|自主创新|示范区, but not 政法委|整改落实|情况
                nxt[:1] == "n"
                and j < len(words)
                and len(words[j].word) > 1
                and words[j].word not in _LIGHT_HEADS
            )
            if (any(_is_verb(w) for w in words[i + 1 :]) and not modifier) or (
                words[-1].tag == "vn" and len(words) - 1 > i  # 国债|支持基础设施建设
            ):
                return start + tok.start
        if i > 0 and _single_run_with_name(words[i:]):
            return start + tok.start
    if verb_follows and len(words) > 1 and words[-1].tag == "vn":
        return start + words[-1].start
    return hi


def _single_run_with_name(words: Sequence[Token]) -> bool:
    """True for a tail of one-character words holding a personal name (芦|艾|林)."""
    return (
        len(words) > 1
        and all(len(w.word) == 1 for w in words)
        and any(w.tag.startswith("nr") for w in words)
    )


def _is_verb(tok: Token) -> bool:
    """A governing verb: from the verb list, or a jieba verb of two or more characters.

    One-character verbs are mostly suffixes or directions inside nouns (赤字|率, 下|社区).
    """
    if tok.word in _GOVERNING:
        return True
    return tok.tag in _VERB_TAGS and len(tok.word) > 1 and tok.word not in _KEEP_WORDS


def _object_before(
    folded: str, lo: int, end: int, *, listed: bool, kind: str
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
    brk = _BREAK_BEFORE.search(folded, lo, end)
    if brk is not None:
        lo = brk.end()
        if folded[brk.start()].isdigit():
            head = _DATE_HEAD.match(folded, lo, end)
            lo = head.end() if head else lo
    if end <= lo or folded[end - 1] == "、":  # 降低准备金率、两次: a list item, not the object
        return None
    tail = _TAIL_RE.match(folded, lo, end)  # 价格上涨, 失业率平均为, 提高到
    linked = tail is not None
    if tail is not None:
        end = tail.start()
    words = tokens(folded[lo:end])
    n = len(words)
    while n and (words[n - 1].tag in _TAIL_TAGS or words[n - 1].word in "（("):
        n, linked = n - 1, True  # 赤字率拟按, 凡有
    if n == 0 or any(w.word == "比" and w.tag == "p" for w in words[:n]):
        return None
    end = lo + words[n - 1].end
    if linked and (words[n - 1].word in _TAIL or _is_verb(words[n - 1])):
        return None
    lead = _LEAD.match(folded, lo, end) if not _KEEP.match(folded, lo, end) else None
    start = lo if lead is None else lead.end()
    verbs = _governing_verbs(folded, start, end, words[:n], lo, initial=not listed)
    if not verbs:
        if not _is_verb(words[n - 1]):
            return _trim(folded, lo, end)
        verbs = [(lo + words[n - 1].start, end)]
    free = [v for v in verbs if folded.find("的", v[1], end) < 0]
    rest = free[-1][1] if free else verbs[0][1]
    if folded.find("的", rest, end) < 0:  # 制定修订[行政法规]: skip a run of verbs
        while (nxt := _VERB.match(folded, rest, end)) is not None:
            rest = nxt.end()
    if rest >= end:  # the window ends with its verb
        if linked or kind not in ("person", "event") or end - lo > 4:
            return None
        if folded.endswith(_RESULT_VERBS, lo, end):
            return None  # 火灾造成12人: the people are the result, not an activity
        return _trim(folded, lo, end)  # 入户走访2100余户, 参会120人: the activity is counted
    return _trim(folded, rest, end)


def _governing_verbs(
    folded: str, start: int, end: int, words: Sequence[Token], base: int, *, initial: bool
) -> list[tuple[int, int]]:
    """Governing verbs of ``folded[start:end]``: listed ones (not inside a domain noun such as
    城镇新增就业), and, when ``initial``, a clause-initial verb of jieba's (明确举一反三整改事项);
    a list item after 、 has its verb before the list (、推动改革促进发展整改事项26个)."""
    found = [
        m.span()
        for m in _VERB.finditer(folded, start, end)
        if m.group() not in _LINK_WORDS and not _inside_noun_term(m.span(), words, base)
    ]
    for k in range(1, len(words)):  # 发展改革委已优先考虑[营口电厂]: a verb after an adverb
        if (
            words[k - 1].tag in ("d", "ad")
            and _is_verb(words[k])
            and base + words[k].start >= start
        ):
            span = (base + words[k].start, base + words[k].end)
            if not any(s <= span[0] < e for s, e in found):
                found.append(span)
    found.sort()
    first = next((w for w in words if base + w.start >= start), None)
    if (
        initial
        and first is not None
        and _is_verb(first)
        and base + first.start + len(first.word) < end
    ):
        span = (base + first.start, base + first.end)
        if not any(s <= span[0] < e for s, e in found):
            found.insert(0, span)
    return found


def _inside_noun_term(span: tuple[int, int], words: Sequence[Token], base: int) -> bool:
    return any(
        w.word in _NOUN_TERMS and base + w.start <= span[0] and span[1] <= base + w.end
        for w in words
    )


def _trim(folded: str, lo: int, end: int) -> tuple[int, int] | None:
    """Drop leading function words (全市累计, 各类); None when a function word ends it."""
    if not _KEEP.match(folded, lo, end):
        lead = _LEAD.match(folded, lo, end)
        if lead is not None:
            lo = lead.end()
    if end - lo < 2 or _STOP_TAIL.match(folded, lo, end):
        return None
    return (lo, end)


def _quotes_balanced(folded: str, lo: int, hi: int) -> bool:
    """True when ``folded[lo:hi]`` opens no quotation or title it does not close."""
    return all(folded.count(a, lo, hi) == folded.count(b, lo, hi) for a, b in ("“”", "‘’", "《》"))


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
        spans = sorted((s.start, s.end) for s in exclude)
        self.starts = [s for s, _ in spans]
        self.max_ends = list(accumulate((e for _, e in spans), max))
        fences = [(s, e) for s, e in spans if not text.startswith(("“", "‘", '"'), s)]
        self.fence_starts = [s for s, _ in fences]
        self.fence_max_ends = list(accumulate((e for _, e in fences), max))

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
