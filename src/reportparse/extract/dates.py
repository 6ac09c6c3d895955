"""Text -> DateMention list: explicit dates, ranges, since-dates, relative years, named periods."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cache

import regex

from ..chars import alternation
from ..drafts import DateDraft
from ..lexicon import load_table, load_words
from ..models import DateKind, DatePrecision
from ..numerals import cn_to_int
from ..source import SourceText
from ..span import Span

# --- data (lexicon/date_*.txt) ----------------------------------------------------------------

_RELATIVE = {row[0]: (row[1], int(row[2]), row[3] if len(row) > 3 else "")
             for row in load_table("date_relative")}  # fmt: skip
_HOLIDAYS = {row[0]: row[1] for row in load_table("date_holidays")}
_PERIODS = {row[0]: (row[1], row[2]) for row in load_table("date_periods")}
_EVENTS = {row[0]: row[1] for row in load_table("date_events")}
_ANNIVERSARIES = {row[0]: row[1] for row in load_table("date_anniversaries")}
_NAMED = {row[0]: row[1] for row in load_table("date_named")}
_SINCE = {row[0]: row[1] if len(row) > 1 else "" for row in load_table("date_since")}
_CONNECTORS = load_words("date_connectors")
_CUES = load_words("date_cues")

_LATIN_ZERO = str.maketrans("Oo", "〇〇")  # 二OO四: a Latin O (or a folded Ｏ) typed for 〇
_MONTHS_OF_SUFFIX = {
    "年底": (12, 12), "年末": (12, 12), "年初": (1, 1), "底": (12, 12), "末": (12, 12),
    "初": (1, 1), "上半年": (1, 6), "下半年": (7, 12), "前三季度": (1, 9),
}  # fmt: skip
_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

# --- grammar ----------------------------------------------------------------------------------
# Patterns run over fold(text): full-width digits are ASCII there, at the same offsets.
# Every repetition is bounded, so hostile input (200,000 digits, 年 x 50,000) stays linear.

_SP = r"[ \t]?"
_YEAR = (
    r"(?:(?<![\d.])\d{4}(?!\d|\.\d)"
    r"|(?<![〇○零一二三四五六七八九十百千万])[〇○零Oo一二三四五六七八九]{4})"
)
_MONTH = r"(?:(?<!\d)\d{1,2}(?!\d)|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?:(?<!\d)\d{1,2}(?!\d)|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_CONN = rf"{_SP}(?:{alternation(_CONNECTORS)}){_SP}"
_YEAR_AFTER = r"(?![来间级龄代])"  # 2000年来 is a duration, 1990年代 a decade
# After 年: 2020年底, 2020年上半年, 2020年一季度 (初步, 初心 are words, not 年初).
_YEAR_SUFFIX = r"底|末|初(?![步心衷级期稿见始次])|上半年|下半年|第?[一二三四1-4]季度|前三季度"
_MONTH_SUFFIX = r"底|末|初|上旬|中旬|下旬"


def _since_tail(name: str) -> str:
    """以来, 起 …: the words (with their guards) that make a date a starting point; ``name``
    is the group's (one per alternative: the stdlib ``re`` allows no repeated group name)."""
    parts = []
    for word in sorted(_SINCE, key=lambda w: -len(w)):
        guard = _SINCE[word]
        parts.append(regex.escape(word) + (f"(?![{regex.escape(guard)}])" if guard else ""))
    return rf"(?P<{name}>{'|'.join(parts)})"


def _ymd(t: str) -> str:
    """Year written out, with optional month (or months 1至9月), day, or 年底-style suffix."""
    return (
        rf"(?P<{t}Y>(?P<{t}y>{_YEAR}){_SP}年{_YEAR_AFTER}度?)"
        rf"(?:{_SP}(?P<{t}M>(?P<{t}m>{_MONTH}){_SP}(?:{_CONN}(?P<{t}m2>{_MONTH}){_SP})?月份?)"
        rf"(?:{_SP}(?P<{t}D>(?P<{t}d>{_DAY}){_SP}[日号]))?(?P<{t}ms>{_MONTH_SUFFIX})?"
        rf"|(?P<{t}ys>{_YEAR_SUFFIX}))?"
    )


def _md(t: str) -> str:
    """Month with optional day, or a day alone: the far end of 5月8日至7月5日 / 8月11日至18日."""
    return (
        rf"(?:(?P<{t}M>(?P<{t}m>{_MONTH}){_SP}月份?)(?:{_SP}(?P<{t}D>(?P<{t}d>{_DAY}){_SP}[日号]))?"
        rf"(?P<{t}ms>{_MONTH_SUFFIX})?"
        rf"|(?P<{t}D2>(?P<{t}d2>{_DAY}){_SP}[日号]))"
    )


def _relative_words() -> str:
    parts = []
    for word in sorted(_RELATIVE, key=lambda w: -len(w)):
        guard = _RELATIVE[word][2]
        behind = f"(?<![{regex.escape(guard)}])" if guard else ""
        parts.append(behind + regex.escape(word))
    return "|".join(parts)


_PERIOD_WORDS = alternation(list(_PERIODS))
_NUM = r"(?:\d{1,3}|[一二三四五六七八九十百]{1,4})"
# What must follow an event (it is a date only as a starting point: 十八届三中全会以来) and a
# founding (only with its anniversary: 建党100周年); the anchors ask for it too, the number of
# years as any one to four characters there (a character class in each of the 22 anniversary
# checks would make the anchor pattern twice as slow to compile).
_EVENT_TAIL = "(?:召开)?(?:以来|以后|至今)"
_ANNIVERSARY_TAIL = rf"的?(?:(?P<ann_n>{_NUM})周年|百年华诞)"
_ANNIVERSARY_AHEAD = "的?(?:.{1,4}周年|百年华诞)"


def _starts(*words: str, extra: str = "") -> str:
    """A lookahead on the characters an alternative can start with: one set test rejects the
    alternative at most positions, which keeps the long alternation fast."""
    chars = {w[0] for w in words if w} | set(extra)
    return f"(?=[{regex.escape(''.join(sorted(chars)))}])"


_YEAR_START = "0123456789〇○零Oo一二三四五六七八九"


# The alternatives, tried in this order at each position; the group name says which fired.
# Compiled with the stdlib ``re`` (the same matches as ``regex``, tests/test_dates.py checks it;
# its Match accessors cost a tenth), on first use, not when reportparse is imported (~30 ms).
@cache
def _pattern() -> re.Pattern[str]:
    return re.compile(_PATTERN_SOURCE, re.VERBOSE)


_PATTERN_SOURCE = rf"""
    (?:
    {_starts(*_HOLIDAYS, extra=_YEAR_START)}
    (?P<hol>(?:(?P<hy>{_YEAR}){_SP}年)?(?<!建)(?P<holw>{alternation(list(_HOLIDAYS))}))
  | {_starts(*_PERIODS, extra='“"')}
    (?P<fyp>(?:[“"](?P<fq>{_PERIOD_WORDS})[”"](?!普法)
              |(?<![一二三四五六七八九十百千第])(?P<fu>{_PERIOD_WORDS})
               (?=规划|时期|期间|计划|以来|末|初|开局|收官))
        (?P<fsince>以来)?)
  | {_starts(*_EVENTS)}
    (?P<evt>(?<![委一二三四五六七八九十])(?P<evtw>{alternation(list(_EVENTS))}){_EVENT_TAIL})
  | {_starts(*_ANNIVERSARIES)}
    (?P<ann>(?P<anw>{alternation(list(_ANNIVERSARIES))}){_ANNIVERSARY_TAIL})
  | {_starts(*_NAMED)}
    (?P<named>{alternation(list(_NAMED))})
  | (?=\d)
    (?P<yr>(?<![\d.])(?P<ya>\d{{4}}){_CONN}(?P<yb>\d{{4}}){_SP}年{_YEAR_AFTER}{_since_tail("ysince")}?)
  | (?=\d)
    (?P<dot>(?<![\d.])(?P<dy>\d{{4}})(?P<dsep>[./-])(?P<dm>\d{{1,2}})(?P=dsep)(?P<dd>\d{{1,2}})
        (?!\d|\.\d))
  | {_starts(extra=_YEAR_START)}
    (?P<ex>{_ymd("a")}
        (?:(?P<conn>{_CONN})(?:(?P<now>今)|{_ymd("b")}|{_md("c")}))?
        {_since_tail("asince")}?)
  | {_starts(*_RELATIVE)}
    (?P<rel>(?P<relw>{_relative_words()})(?![轻龄纪级鉴画薪])
        (?:{_SP}(?P<rM>(?P<rm>{_MONTH}){_SP}月份?)(?:{_SP}(?P<rD>(?P<rd>{_DAY}){_SP}[日号]))?
           (?P<rms>{_MONTH_SUFFIX})?
          |(?P<rys>{_YEAR_SUFFIX}))?
        {_since_tail("rsince")}?)
  | (?=\d)
    (?P<md>(?<![\d.个第每近约])(?P<xM>(?P<xm>\d{{1,2}}){_SP}月份?)(?![余多来内间薪租息])
        (?:{_SP}(?P<xD>(?P<xd>\d{{1,2}}){_SP}[日号])|(?P<xms>{_MONTH_SUFFIX})|(?<=份)
          |(?=以来|起|至|到|—|-|前|中))
        (?:(?P<xconn>{_CONN}){_md("e")})?
        {_since_tail("xsince")}?)
  | (?=[一二三四五六七八九十])
    (?P<cmd>(?<![\d.个第每〇○零一二三四五六七八九十])(?P<km>十[一二]?|[一二三四五六七八九])月
        (?P<kd>[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号])
    )
    """

# The pattern is slow to try at every position (75 groups): finditer over a 13,000-character report
# costs ~4 ms. Every match holds an anchor at a known distance from its start: 年 (a year, a
# relative year: at most _YEAR_REACH after it; a range 2015至2020年: at most _RANGE_REACH, and
# it starts with a digit), 月 (at most 3 after: 12月, 十二月), a date separator before a digit (4
# after: 2020.3.4), or a table word (at its start, or 1 after for “十三五”), found from its
# rarest character (lexicon/date_anchors.txt) checked in place. So one cheap `re` pass finds the
# anchors, each gives a window of possible starts, and the pattern is tried only at the possible
# first characters in those windows (each found by a one-character search, at C speed), up to the
# first match; the matches are the same as finditer's (tests/test_dates.py checks this on the
# corpus and on random text). ``\d`` is any decimal digit (٢٠٢٠年 is a year to the pattern), so
# the starts allow any of them too.
_FIRST_CHARS = "".join(sorted(
    set(_YEAR_START + '“"0123456789一二三四五六七八九十')
    | {w[0] for table in (_HOLIDAYS, _PERIODS, _EVENTS, _ANNIVERSARIES, _NAMED, _RELATIVE)
       for w in table if w}
))  # fmt: skip
_FIRST_CHAR = re.compile(rf"[{re.escape(_FIRST_CHARS)}\d]")
_YEAR_REACH = max([5] + [w.index("年") for w in _RELATIVE if "年" in w])  # 2020 年, 过去的一年
_RANGE_REACH = 4 + 1 + max(len(w) for w in _CONNECTORS) + 1 + 4 + 1  # 2015 —— 2020 年


def _anchored_words() -> dict[str, tuple[tuple[str, int], ...]]:
    """Table word by anchor character: (word, offset of the anchor in it). Relative words with
    年 in them are left to the 年 anchor."""
    rank = {ch: i for i, ch in enumerate(load_words("date_anchors"))}
    found: dict[str, list[tuple[str, int]]] = {}
    for table in (_HOLIDAYS, _PERIODS, _EVENTS, _ANNIVERSARIES, _NAMED, _RELATIVE):
        for word in table:
            if not word or (table is _RELATIVE and "年" in word):
                continue
            usable = [i for i, ch in enumerate(word) if ch not in "年月./-"]
            at = min(usable, key=lambda i: (rank.get(word[i], len(rank)), i))
            found.setdefault(word[at], []).append((word, at))
    return {ch: tuple(sorted(set(words))) for ch, words in found.items()}


_WORDS_AT = _anchored_words()


def _words_by_offset() -> dict[str, tuple[tuple[int, tuple[str, ...]], ...]]:
    """The words of each anchor character grouped by the anchor's offset in them: all words at
    one offset give the same window, so one ``startswith`` (of a tuple) tells whether any is
    there (届 anchors 22 congresses and plenums)."""
    grouped: dict[str, dict[int, list[str]]] = {}
    for ch, words in _WORDS_AT.items():
        for word, offset in words:
            grouped.setdefault(ch, {}).setdefault(offset, []).append(word)
    return {ch: tuple((offset, tuple(words)) for offset, words in sorted(by_offset.items()))
            for ch, by_offset in grouped.items()}  # fmt: skip


_WORDS_BY_OFFSET = _words_by_offset()


def _tail(word: str) -> str:
    """What must follow a table word for an alternative to match it ("" when nothing must)."""
    tails = {
        _EVENT_TAIL if table is _EVENTS else _ANNIVERSARY_AHEAD if table is _ANNIVERSARIES else ""
        for table in (_HOLIDAYS, _PERIODS, _EVENTS, _ANNIVERSARIES, _NAMED, _RELATIVE)
        if word in table
    }
    return "" if "" in tails else f"(?:{'|'.join(sorted(tails))})"


def _anchor_source() -> str:
    """Each branch starts with its anchor character (so `re` skips other characters at C speed)
    and consumes only it; a table word's branch checks the rest of the word around it, and what
    must follow it (十九届五中全会精神 is no date: no window, no try of the pattern)."""
    branches = ["年", "月", r"\.(?=\d)", r"/(?=\d)", r"-(?=\d)"]
    for ch, words in sorted(_WORDS_AT.items()):
        # the words with the same start (up to the anchor) and tail share one check (二十届:
        # 二中全会, 三中全会, 四中全会), which keeps the pattern quick to compile
        rests: dict[tuple[str, str], list[str]] = {}
        for word, at in words:
            rests.setdefault((word[: at + 1], _tail(word)), []).append(word[at + 1 :])
        checks = []
        for (start, tail), after in rests.items():
            behind = f"(?<={re.escape(start)})" if len(start) > 1 else ""
            ahead = "|".join(map(re.escape, after))
            if tail:
                ahead = f"(?:{ahead}){tail}"
            checks.append(behind + (f"(?={ahead})" if ahead else ""))
        branches.append(re.escape(ch) + ("" if "" in checks else f"(?:{'|'.join(checks)})"))
    return "|".join(branches)


@cache
def _anchor() -> re.Pattern[str]:
    """The anchor pattern, compiled on first use (~7 ms), not when reportparse is imported."""
    return re.compile(_anchor_source())


def _start_windows(folded: str) -> list[tuple[int, int]]:
    """Windows [low, high] of positions, by their low end, where a match may start: those the
    anchors allow. A window is looked into only up to the first match found in it."""
    windows: list[tuple[int, int]] = []
    add = windows.append
    for anchor in _anchor().finditer(folded):
        at = anchor.start()
        ch = folded[at]
        if ch == "年":
            # a range 2015至2020年 starts further back, and has a digit just before 年
            if at >= 2 and (folded[at - 1].isdecimal() or folded[at - 2].isdecimal()):
                add((max(0, at - _RANGE_REACH), at))
            else:
                add((max(0, at - _YEAR_REACH), at))
        elif ch == "月":
            add((max(0, at - 3), at))
        elif ch in "./-":
            if at >= 4:
                add((at - 4, at - 4))
        else:
            for offset, words in _WORDS_BY_OFFSET[ch]:
                if folded.startswith(words, at - offset):
                    add((max(0, at - offset - 1), at - offset))
    windows.sort()
    return windows


def _date_matches(folded: str) -> list[re.Match[str]]:
    """What ``_pattern().finditer(folded)`` finds, trying the pattern only where anchors allow:
    left to right, each position once, none inside a match found."""
    matches: list[re.Match[str]] = []
    end = tried = 0
    pattern = _pattern()
    next_first = _FIRST_CHAR.search
    for low, high in _start_windows(folded):
        position = max(low, end, tried)
        while position <= high:
            first = next_first(folded, position, high + 1)
            if first is None:
                break
            position = first.start()
            match = pattern.match(folded, position)
            if match is None:
                position += 1
            else:
                matches.append(match)
                position = end = match.end()
        tried = max(tried, high + 1)
    return matches


_CUE_RE = regex.compile(alternation(_CUES))
# A date announced as future (将于2021年3月1日) or a deadline (2021年3月1日前) is not the
# document's own date; string tests decide it (a regex call per date cost more).
_FUTURE_WORDS = ("将于", "将在", "将", "拟于", "拟", "预计", "计划于", "计划", "离", "距离", "距")
_DEADLINE_WORDS = ("前", "之前", "以前")
# A full date has 年 4 or 5 characters after its start (2021 年) or a separator 4 after it
# (2021.1.25): implied_reference_date tries the pattern only there.
_MONTH_DAY = rf"{_SP}(?P<m>{_MONTH}){_SP}月{_SP}(?P<d>{_DAY}){_SP}[日号]"
_FULL_DATE = re.compile(
    rf"(?=[{re.escape(_YEAR_START)}])"
    rf"(?:(?P<y>{_YEAR}){_SP}年{_MONTH_DAY}"
    r"|(?<![\d.])(?P<y2>\d{4})(?P<sep>[./-])(?P<m2>\d{1,2})(?P=sep)(?P<d2>\d{1,2})(?!\d|\.\d))"
)
# Most 年 end a year written alone (2020年): only a 年 with a month and day after it can be the
# 年 of a full date. A `re` pass with a literal prefix finds those few at C speed.
_YEAR_OF_FULL_DATE = re.compile(rf"年(?={_MONTH_DAY})")


# --- values -----------------------------------------------------------------------------------


def _int_of(numeral: str | None) -> int | None:
    """ASCII digits, digit-by-digit Chinese (二〇〇四, 二OO四) or a small Chinese numeral (十一)."""
    if not numeral:
        return None
    if numeral.isascii() and numeral.isdigit():
        return int(numeral)
    return cn_to_int(numeral.translate(_LATIN_ZERO))


def _in_range(numeral: str | None, low: int, high: int) -> int | None:
    value = _int_of(numeral)
    return value if value is not None and low <= value <= high else None


def _year_of(numeral: str | None) -> int | None:
    return _in_range(numeral, 1000, 2199)


def _month_of(numeral: str | None) -> int | None:
    return _in_range(numeral, 1, 12)


def _day_of(numeral: str | None) -> int | None:
    return _in_range(numeral, 1, 31)


def _suffix_months(suffix: str | None) -> tuple[int, int] | None:
    """Months a suffix covers: 年底 -> (12, 12), 上半年 -> (1, 6), 一季度 -> (1, 3)."""
    if not suffix:
        return None
    if suffix.endswith("季度") and suffix != "前三季度":
        quarter = _QUARTER[suffix[-3]]
        return (quarter * 3 - 2, quarter * 3)
    return _MONTHS_OF_SUFFIX.get(suffix)


@dataclass(slots=True)
class _Point:
    """One end of a date; ``year`` None when it cannot be known."""

    year: int | None
    month: int | None = None
    day: int | None = None

    def iso(self) -> str | None:
        if self.year is None:
            return None
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
            if self.day is not None:
                out += f"-{self.day:02d}"
        return out

    def precision(self) -> DatePrecision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def key(self) -> tuple[int, int, int]:
        return (self.year or 0, self.month or 0, self.day or 0)


_ORDER: tuple[DatePrecision, ...] = ("year", "month", "day")


def _value_of(first: _Point, last: _Point | None) -> tuple[str | None, DatePrecision | None]:
    """ISO value and precision of a point, or of a range 'A/B' (the finer end sets precision)."""
    start = first.iso()
    if start is None:
        return None, None
    if last is None:
        return start, first.precision()
    end = last.iso()
    if end is None:
        return None, None
    return f"{start}/{end}", max(first.precision(), last.precision(), key=_ORDER.index)


def _mention(
    text: str,
    start: int,
    end: int,
    kind: DateKind,
    value: str | None,
    precision: DatePrecision | None,
) -> DateDraft:
    return DateDraft(
        Span.of(start, end), text[start:end], kind, value, precision if value is not None else None
    )


def _precision_of(value: str) -> DatePrecision:
    """Precision of an ISO-like value by its length: 2013 / 2013-11 / 2021-07-01."""
    return "year" if len(value) == 4 else "month" if len(value) == 7 else "day"


# --- context: what earlier matches tell later ones --------------------------------------------


class _Context:
    """The reference date, the last year written anywhere, and the last year in this paragraph.

    It is told about the matches in text order, so whether a position is still in the
    paragraph of the last year is one search for a line break in the text read since.
    """

    def __init__(self, folded: str, reference: datetime.date | None) -> None:
        self.folded = folded
        self.reference = reference
        self.last_year: int | None = None
        self.para_year: int | None = None  # None again once a line break has been passed
        self.para_read = 0  # no line break between the paragraph's year and here

    def anchor(self, pos: int) -> int | None:
        """The year an anaphoric word (当年, 全年) at ``pos`` refers back to, in its paragraph."""
        if self.para_year is not None:
            if self.folded.find("\n", self.para_read, pos) >= 0:
                self.para_year = None  # every later position is past that line break too
            else:
                self.para_read = pos
        return self.para_year

    def note(self, pos: int, year: int | None, *, explicit: bool, aside: bool = False) -> None:
        """Record a year written at ``pos``; an ``aside`` (a comparison base 比2019年, a year in
        brackets 按1952年不变价格) is not the year a paragraph is talking about."""
        if year is None:
            return
        if explicit:
            self.last_year = year
        if not aside:
            self.para_year, self.para_read = year, pos


def _aside(folded: str, pos: int) -> bool:
    """True for a year written as a comparison base (比/较/同比 2019年) or inside brackets."""
    before = folded[max(0, pos - 12) : pos]
    if before[-1:] in ("比", "较") or before[-2:] in ("相比", "对比", "同比"):
        return True
    opened = before.rfind("(")  # folded: （ is ( here
    return opened >= 0 and opened > before.rfind(")")


# --- the extractor ----------------------------------------------------------------------------


def extract_dates(source: SourceText, reference_date: datetime.date | None) -> list[DateDraft]:
    """Every date, range, since-date, relative year and named period, by position.

    Relative words (今年, 明年) resolve against ``reference_date`` (the pipeline passes the
    caller's, else :func:`implied_reference_date`); their value is None without one.
    """
    text, folded = source.text, source.folded
    reference = reference_date
    ctx = _Context(folded, reference)
    out: list[DateDraft] = []
    for match in _date_matches(folded):
        mention = _mention_of(match, text, ctx)
        if mention is not None:
            out.append(mention)
    return out


def _mention_of(m: re.Match[str], text: str, ctx: _Context) -> DateDraft | None:
    """The mention a match stands for, or None for a look-alike rejected on its values."""
    kind = m.lastgroup or ""  # each alternative is one outer group, which closes last
    if kind == "ex":
        return _explicit(m, text, ctx)
    if kind == "rel":
        return _relative(m, text, ctx)
    if kind in ("md", "cmd"):
        return _month_day(m, text, ctx)
    if kind == "yr":
        first, last = _year_of(m["ya"]), _year_of(m["yb"])
        if first is None or last is None or last <= first:
            return None
        ctx.note(m.start(), last, explicit=True)
        if m["ysince"]:
            return _mention(text, m.start(), m.end(), "since", str(first), "year")
        return _mention(text, m.start(), m.end(), "range", f"{first}/{last}", "year")
    if kind == "dot":
        point = _Point(_year_of(m["dy"]), _month_of(m["dm"]), _day_of(m["dd"]))
        if point.year is None or point.month is None or point.day is None:
            return None
        ctx.note(m.start(), point.year, explicit=True)
        return _mention(text, m.start(), m.end(), "point", *_value_of(point, None))
    return _named(kind, m, text, ctx)


def _ymd_point(m: re.Match[str], t: str) -> tuple[_Point, _Point | None, int]:
    """The date in groups ``t*``: its first point, its last point when it covers several months
    (1至9月, 上半年), and where its valid part ends (an impossible 13月 is left out)."""
    year = _year_of(m[f"{t}y"])
    point, stop = _Point(year), m.end(f"{t}Y")
    if m[f"{t}ys"]:
        months = _suffix_months(m[f"{t}ys"])
        if months is None:
            return point, None, stop
        last = _Point(year, months[1]) if months[1] != months[0] else None
        return _Point(year, months[0]), last, m.end(f"{t}ys")
    if m[f"{t}M"] is None:
        return point, None, stop
    month = _month_of(m[f"{t}m"])
    if month is None:
        return point, None, stop
    if m[f"{t}m2"] is not None:
        month2 = _month_of(m[f"{t}m2"])
        if month2 is None or month2 <= month:
            return point, None, stop
        return _Point(year, month), _Point(year, month2), m.end(f"{t}M")
    point.month, stop = month, m.end(f"{t}M")
    if m[f"{t}D"] is not None:
        day = _day_of(m[f"{t}d"])
        if day is None:
            return point, None, stop
        point.day, stop = day, m.end(f"{t}D")
    if m[f"{t}ms"]:  # 2月底, 12月下旬: still that month
        stop = m.end(f"{t}ms")
    return point, None, stop


def _md_point(m: re.Match[str], t: str, first: _Point) -> tuple[_Point | None, int]:
    """The far end of a range written without its year (7月5日, 18日), carried from ``first``."""
    if m[f"{t}M"] is not None:
        month = _month_of(m[f"{t}m"])
        if month is None:
            return None, -1
        if m[f"{t}D"] is not None:
            day = _day_of(m[f"{t}d"])
            if day is None or first.day is None:
                return None, -1
            return _Point(first.year, month, day), m.end(f"{t}D")
        end = m.end(f"{t}ms") if m[f"{t}ms"] else m.end(f"{t}M")
        return _Point(first.year, month), end
    day = _day_of(m[f"{t}d2"])
    if day is None or first.day is None:
        return None, -1
    return _Point(first.year, first.month, day), m.end(f"{t}D2")


def _ranged(
    m: re.Match[str],
    text: str,
    start: int,
    first: _Point,
    last: _Point | None,
    stop: int,
) -> DateDraft:
    """Point, range or since from the parts found: ``since`` counts only right after the date."""
    if last is not None and last.key() <= first.key():
        last = None
    since = "asince" if m.lastgroup == "ex" else "xsince"
    if last is None and m[since] and m.start(since) == stop:
        return _mention(text, start, m.end(since), "since", *_value_of(first, None))
    kind: DateKind = "range" if last is not None else "point"
    return _mention(text, start, stop, kind, *_value_of(first, last))


def _explicit(m: re.Match[str], text: str, ctx: _Context) -> DateDraft | None:
    """A date with its year written: point, range (year carried over) or since (以来, 至今)."""
    if m.end() == m.end("aY"):  # the year alone (2020年, 2020年度), the commonest date
        year = _year_of(m["ay"])
        if year is None:
            return None
        ctx.note(m.start(), year, explicit=True, aside=_aside(m.string, m.start()))
        return _mention(text, m.start(), m.end(), "point", f"{year:04d}", "year")
    first, last, stop = _ymd_point(m, "a")
    if first.year is None:
        return None
    aside = _aside(m.string, m.start())
    ctx.note(m.start(), first.year, explicit=True, aside=aside)
    if m["now"] and stop == m.start("conn") and last is None:
        return _mention(text, m.start(), m.end("now"), "since", *_value_of(first, None))
    if m["conn"] and last is None and stop == m.start("conn"):
        if m["bY"] is not None:
            tail, tail_last, tail_stop = _ymd_point(m, "b")
            if tail.year is not None:
                last, stop = tail_last or tail, tail_stop
                ctx.note(m.start(), tail.year, explicit=True, aside=aside)
        else:
            tail_point, tail_stop = _md_point(m, "c", first)
            if tail_point is not None and first.month is not None:
                last, stop = tail_point, tail_stop
    return _ranged(m, text, m.start(), first, last, stop)


def _month_day(m: re.Match[str], text: str, ctx: _Context) -> DateDraft | None:
    """5月8日 / 八月十二日 with no year: the year of its paragraph when one is written there
    before it, else the reference year (the year before when the day would fall after the
    reference date), else the last year written anywhere before it. A year from an earlier
    paragraph is often a historical aside (2000年国家已取消…), not the year of the event."""
    chinese = m["cmd"] is not None
    month = _month_of(m["km"] if chinese else m["xm"])
    day_text = m["kd"] if chinese else m["xd"]
    day = _day_of(day_text)
    if month is None or (day_text and day is None) or _recurring(m.string, m.start()):
        return None
    year = ctx.anchor(m.start())
    if year is None and ctx.reference is not None:
        ref = ctx.reference
        year = ref.year - 1 if (month, day or 1) > (ref.month, ref.day) else ref.year
    if year is None:
        year = ctx.last_year
    first = _Point(year, month, day)
    if chinese:
        return _mention(text, m.start(), m.end(), "point", *_value_of(first, None))
    stop = m.end("xD") if day is not None else m.end("xms") if m["xms"] else m.end("xM")
    last: _Point | None = None
    if m["xconn"] and m.start("xconn") == stop:
        last, tail_stop = _md_point(m, "e", first)
        if last is not None:
            stop = tail_stop
    return _ranged(m, text, m.start(), first, last, stop)


def _recurring(folded: str, pos: int) -> bool:
    """每年1月31日前 is a recurring deadline, not a date."""
    window = folded[max(0, pos - 4) : pos]
    return "每年" in window or "每月" in window


def _relative(m: re.Match[str], text: str, ctx: _Context) -> DateDraft | None:
    """今年, 去年, 上年度, 全年, 当年…: deictic words resolve against the reference date,
    anaphoric ones against the last year written before them in the same paragraph."""
    mode, offset, _ = _RELATIVE[m["relw"]]
    start, ref = m.start(), ctx.reference
    anchor = ctx.anchor(start)
    year: int | None = None
    if mode == "ref":
        year = ref.year + offset if ref is not None else None
        ctx.note(start, year, explicit=False)
    elif anchor is not None:
        year = anchor + offset
    elif mode == "ana_ref":
        year = ref.year + offset if ref is not None else None
    elif mode == "whole":
        year = _whole_year(m.string, start, ref)
    elif mode == "past":
        return _past_years(text, m, offset, ref)
    first, last, stop = _Point(year), None, m.end("relw")
    own = _suffix_months(m["relw"])  # 上半年, 一季度 written without a year
    if own is not None:
        first.month = own[0]
        last = _Point(year, own[1]) if own[1] != own[0] else None
    if m["rM"] is not None and _month_of(m["rm"]) is not None:
        first.month, stop = _month_of(m["rm"]), m.end("rM")
        if m["rD"] is not None and _day_of(m["rd"]) is not None:
            first.day, stop = _day_of(m["rd"]), m.end("rD")
        elif m["rms"]:
            stop = m.end("rms")
    elif m["rys"]:
        months = _suffix_months(m["rys"])
        stop = m.end("rys")
        if months is not None:
            first.month = months[0]
            last = _Point(year, months[1]) if months[1] != months[0] else None
    if last is None and m["rsince"] and m.start("rsince") == stop:
        return _mention(text, start, m.end("rsince"), "since", *_value_of(first, None))
    return _mention(text, start, stop, "relative", *_value_of(first, last))


def _review_year(ref: datetime.date) -> int:
    """The year a report looks back on: the year just ended for one written in the first
    quarter (the annual work report, 过去一年), else the year it is written in."""
    return ref.year - 1 if ref.month <= 3 else ref.year


def _past_years(text: str, m: re.Match[str], years: int, ref: datetime.date | None) -> DateDraft:
    """过去一年 / 过去五年: the last ``years`` years up to the year under review."""
    start, end = m.start(), m.end("relw")
    if ref is None:
        return _mention(text, start, end, "relative", None, None)
    last = _review_year(ref)
    first = _Point(last - years + 1)
    return _mention(text, start, end, "relative",
                    *_value_of(first, _Point(last) if years > 1 else None))  # fmt: skip


def _whole_year(folded: str, pos: int, ref: datetime.date | None) -> int | None:
    """全年 with no year before it in its paragraph: this year when a target verb precedes it
    in its clause (确保完成全年目标); else the year under review, which for a report dated in
    the first quarter is the year just ended (全年共召开全体会议17次)."""
    if ref is None:
        return None
    clause = pos
    while clause > 0 and pos - clause < 30 and folded[clause - 1] not in ",。;:\n":
        clause -= 1
    if _CUE_RE.search(folded, clause, pos):
        return ref.year
    return _review_year(ref)


def _named(kind: str, m: re.Match[str], text: str, ctx: _Context) -> DateDraft | None:
    """Holidays, Five-Year Plans, congresses and plenums (as since-anchors), anniversaries."""
    start, end = m.start(), m.end()
    if kind == "hol":
        rule, year = _HOLIDAYS[m["holw"]], _year_of(m["hy"])
        if year is None:
            return _mention(text, start, end, "named", None, None)
        ctx.note(start, year, explicit=True)
        if rule == "lunar":
            return _mention(text, start, end, "named", f"{year:04d}", "year")
        return _mention(text, start, end, "named", f"{year:04d}{rule[1:]}", "day")
    if kind == "fyp":
        first, last = _PERIODS[m["fq"] or m["fu"]]
        if m["fsince"]:
            return _mention(text, start, end, "since", first, "year")
        return _mention(text, start, end, "named", f"{first}/{last}", "year")
    if kind == "evt":
        value = _EVENTS[m["evtw"]]
        return _mention(text, start, end, "since", value, _precision_of(value))
    if kind == "ann":
        base = _ANNIVERSARIES[m["anw"]]
        years = _int_of(m["ann_n"]) if m["ann_n"] else 100
        if years is None or not 1 <= years <= 500:
            return None
        value = f"{int(base[:4]) + years:04d}{base[4:]}"
        if not m["ann_n"]:  # 中国共产党百年华诞: the date is the 百年华诞
            start = end - len("百年华诞")
        return _mention(text, start, end, "named", value, _precision_of(value))
    value = _NAMED[m["named"]]
    return _mention(text, start, end, "named", value, _precision_of(value))


# --- the document's own date ------------------------------------------------------------------


def implied_reference_date(source: SourceText) -> datetime.date | None:
    """The date the document implies for itself: its latest full (day-precision) date, leaving
    out dates announced as future (将于…) and deadlines (…前); None when it has none."""
    folded = source.folded
    best: datetime.date | None = None
    for m in _full_dates(folded):
        parts = (m["y"], m["m"], m["d"]) if m["y"] else (m["y2"], m["m2"], m["d2"])
        year, month, day = _year_of(parts[0]), _month_of(parts[1]), _day_of(parts[2])
        if year is None or month is None or day is None:
            continue
        start, end = m.span()
        if _future(folded[max(0, start - 4) : start]) or _deadline(folded[end : end + 3]):
            continue
        try:
            found = datetime.date(year, month, day)
        except ValueError:
            continue
        if best is None or found > best:
            best = found
    return best


def _full_dates(folded: str) -> list[re.Match[str]]:
    """What ``_FULL_DATE.finditer(folded)`` finds, trying it only 4 or 5 before a 年 followed by
    a month and day, and 4 before a separator."""
    starts: set[int] = set()
    for year in _YEAR_OF_FULL_DATE.finditer(folded, 4):
        at = year.start()
        starts.add(at - 4)
        if at >= 5:
            starts.add(at - 5)
    for separator in "./-":
        at = folded.find(separator, 4)
        while at >= 0:
            starts.add(at - 4)
            at = folded.find(separator, at + 1)
    matches: list[re.Match[str]] = []
    end = 0
    for position in sorted(starts):
        if position >= end:
            match = _FULL_DATE.match(folded, position)
            if match is not None:
                matches.append(match)
                end = match.end()
    return matches


def _future(before: str) -> bool:
    """True when ``before`` (the 4 characters before a date) ends with 将于, 拟, 距 …: as the
    pattern ``(?:将于|…)[ \\t]?$`` searched there would say (``$`` also before a final newline)."""
    for tail in (before, before[:-1]) if before.endswith("\n") else (before,):
        if tail.endswith(_FUTURE_WORDS):
            return True
        if tail[-1:] in (" ", "\t") and tail[:-1].endswith(_FUTURE_WORDS):
            return True
    return False


def _deadline(after: str) -> bool:
    """True when ``after`` (the 3 characters after a date) starts with 前, 之前, 以前, after an
    optional space."""
    if after[:1] in (" ", "\t"):
        after = after[1:]
    return after.startswith(_DEADLINE_WORDS)
