"""Counts: text (and spans known not to be counts) -> Count mentions sorted by start."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from ..chars import COUNT_NUMERALS, alternation, class_led_scan, longest_first, words_pattern
from ..drafts import CountDraft
from ..lexicon import load_table, load_words
from ..numerals import BIG_UNITS, SMALL_UNITS, number_value
from ..segment import Token, tokens, word_tag
from ..source import SourceText, SpanIndex
from ..span import Span

_CN = COUNT_NUMERALS
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


class _Lexicon:
    """The word tables of lexicon/*.txt and the patterns built from them.

    Read and compiled on first use (:func:`_lexicon`), not at import: compiling costs ~20 ms.
    """

    def __init__(self) -> None:
        self.unit_kind = {row[0]: row[1] for row in load_table("measure_words")}
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
            f"0-9{_CN}", f"(?:{self.count.pattern})(?P<count_end>)", "(?:(?<=[0-9])[0-9]*)?"
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
            rf"(?=[0-9{_CN}])(?=百分之|[0-9,.{_CN}]{{0,30}}[{ends}])"
            rf"(?:百分之(?P<pnum>[0-9]{{1,12}}(?:\.[0-9]{{1,6}})?|[{_CN}]{{1,8}})"
            rf"|(?P<num>{_ARABIC}|[{_CN}]{{1,10}})(?P<mid>{mid})?(?P<mult>万亿|千万|百万|亿|万|千)?"
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


def extract_counts(
    source: SourceText, *, exclude: Iterable[tuple[int, int]] = ()
) -> list[CountDraft]:
    """Quantities (召开会议17次, 2.45万名网格员, 近90万人, 降幅21%), by start.

    A count overlapping a span of ``exclude`` (outline markers, dates, quoted formulas) is
    dropped. The unquoted ones also bound the search for the counted object; a quoted one
    (“十四五”, “两个维护”) may stand inside an object (投产习酒“十四五”技改一期).
    """
    text, folded = source.text, source.folded
    excluded = SpanIndex(exclude)
    fences = SpanIndex(span for span in excluded.spans if not _opens_quote(text, span[0]))
    lx = _lexicon()
    # a match whose first character is excluded (a year in a date, a number in a quoted
    # formula) is not looked at: every count it could give would overlap that span
    candidates = []
    hit_end = 0
    for hit in lx.count_scan.finditer(folded):
        start = hit.start()
        if start < hit_end:
            continue  # inside the count before (lx.count.finditer never starts there)
        hit_end = hit.end("count_end")
        if not excluded.covers(start):
            cand = _candidate(folded, start, hit_end, hit.groups(), lx)
            if cand is not None and not excluded.overlaps(cand.start, cand.end):
                candidates.append(cand)
    counts: list[CountDraft] = []
    prev_end = 0
    for index, cand in enumerate(candidates):
        start, end, value, unit, kind, approx = cand
        next_start = candidates[index + 1].start if index + 1 < len(candidates) else len(text)
        lo = max(prev_end, fences.end_before(start), start - _BEFORE_MAX)
        hi = min(next_start, fences.start_after(end), end + _AFTER_MAX)
        obj = _object_span(folded, start, end, kind, lo, hi, lx, listed=lo == prev_end > 0)
        obj_text = None
        if obj is not None:
            obj_start, obj_end = obj
            obj_text = text[obj_start:obj_end]
            if len(obj_text) > 2 and obj_text[0] in _QUOTES:
                obj_text = _unquote(obj_text)
            start = min(start, obj_start)
            end = max(end, obj_end)
        counts.append(
            CountDraft(
                Span.of(start, end),
                text[start:end],
                value,
                unit,
                obj_text,
                approx,
                kind == "duration",
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
        return _Candidate(start - len(pre or ""), end, value, "%", "percent", approx)
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
    return _Candidate(start - len(pre or ""), after, value, unit, kind, approx)


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
        if after is not None or kind == "tier":
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


def _opens_quote(text: str, position: int) -> bool:
    return position < len(text) and text[position] in _QUOTES


def _unquote(obj: str) -> str:
    """“飞地” -> 飞地: a wholly quoted term is the term; 《…》 titles keep their brackets."""
    for a, b in ("“”", "‘’", '""'):
        if len(obj) > 2 and obj[0] == a and obj[-1] == b and obj.count(a) == 1:
            return obj[1:-1]
    return obj
