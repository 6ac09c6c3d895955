"""The dates grammar: the word tables of lexicon/date_*.txt and the one pattern built from them."""

from __future__ import annotations

import re
from functools import cache

import regex

from ...chars import ORDINAL_NUMERALS, alternation, first_chars
from ...lexicon import load_records, load_table, load_words

# --- data (lexicon/date_*.txt) ----------------------------------------------------------------

RELATIVE = {word: (mode, int(offset), not_preceded_by)
            for word, mode, offset, not_preceded_by in load_table("date_relative")}  # fmt: skip
HOLIDAYS = {row[0]: row[1] for row in load_table("date_holidays")}
PERIODS = {row[0]: (row[1], row[2]) for row in load_table("date_periods")}
EVENTS = {row[0]: row[1] for row in load_table("date_events")}
ANNIVERSARIES = {row[0]: row[1] for row in load_table("date_anniversaries")}
NAMED = {row[0]: row[1] for row in load_table("date_named")}
_SINCE = {word: not_followed_by for word, not_followed_by in load_table("date_since")}
CONNECTORS = load_words("date_connectors")
SEASONS = {row["season"]: int(row["month"]) if row["month"] else None
           for row in load_records("date_seasons")}  # fmt: skip
NAME_HEADS = load_words("date_name_heads")
CUES = load_words("date_cues")

LATIN_ZERO = str.maketrans("Oo", "〇〇")  # 二OO四: a Latin O (or a folded Ｏ) typed for 〇
MONTHS_OF_SUFFIX = {
    "年底": (12, 12), "年末": (12, 12), "年初": (1, 1), "底": (12, 12), "末": (12, 12),
    "初": (1, 1), "上半年": (1, 6), "下半年": (7, 12), "前三季度": (1, 9),
}  # fmt: skip
QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

# --- grammar ----------------------------------------------------------------------------------
# Patterns run over fold(text): full-width digits are ASCII there, at the same offsets.
# Every repetition is bounded, so hostile input (200,000 digits, 年 x 50,000) stays linear.

SP = r"[ \t]?"
YEAR = (
    r"(?:(?<![\d.])\d{4}(?!\d|\.\d)"
    r"|(?<![〇○零一二三四五六七八九十百千万])[〇○零Oo一二三四五六七八九]{4})"
)
MONTH = r"(?:(?<!\d)\d{1,2}(?!\d)|十[一二]?|[一二三四五六七八九])"
DAY = r"(?:(?<!\d)\d{1,2}(?!\d)|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_CONN = rf"{SP}(?:{alternation(CONNECTORS)}){SP}"
_YEAR_AFTER = r"(?![来间级龄代])"  # 2000年来 is a duration, 1990年代 a decade
# After 年: 2020年底, 2020年上半年, 2020年一季度 (初步, 初心 are words, not 年初).
# The suffix may repeat 年: 2020年年初, 去年年底.
_YEAR_SUFFIX = (
    r"年底|年末|年初(?!预算)|底|末|初(?![步心衷级期稿见始次])|上半年|下半年|第?[一二三四1-4]季度|前三季度|"
    + alternation(list(SEASONS))
)
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
        rf"(?P<{t}Y>(?P<{t}y>{YEAR}){SP}年{_YEAR_AFTER}度?)"
        rf"(?:{SP}(?P<{t}M>(?P<{t}m>{MONTH}){SP}(?:{_CONN}(?P<{t}m2>{MONTH}){SP})?月份?)"
        rf"(?:{SP}(?P<{t}D>(?P<{t}d>{DAY}){SP}[日号]))?(?P<{t}ms>{_MONTH_SUFFIX})?"
        rf"|(?P<{t}ys>{_YEAR_SUFFIX}))?"
    )


def _md(t: str) -> str:
    """Month with optional day, or a day alone: the far end of 5月8日至7月5日 / 8月11日至18日."""
    return (
        rf"(?:(?P<{t}M>(?P<{t}m>{MONTH}){SP}月份?)(?:{SP}(?P<{t}D>(?P<{t}d>{DAY}){SP}[日号]))?"
        rf"(?P<{t}ms>{_MONTH_SUFFIX})?"
        rf"|(?P<{t}D2>(?P<{t}d2>{DAY}){SP}[日号]))"
    )


def _relative_words() -> str:
    parts = []
    for word in sorted(RELATIVE, key=lambda w: -len(w)):
        guard = RELATIVE[word][2]
        behind = f"(?<![{regex.escape(guard)}])" if guard else ""
        parts.append(behind + regex.escape(word))
    return "|".join(parts)


_PERIOD_WORDS = alternation(list(PERIODS))
_NUM = rf"(?:\d{{1,3}}|[{ORDINAL_NUMERALS}]{{1,4}})"
# What must follow an event (it is a date only as a starting point: 十八届三中全会以来) and a
# founding (only with its anniversary: 建党100周年); the anchors ask for it too, the number of
# years as any one to four characters there (a character class in each of the 22 anniversary
# checks would make the anchor pattern slow to compile).
EVENT_TAIL = "(?:召开)?(?:以来|以后|至今)"
_ANNIVERSARY_TAIL = rf"的?(?:(?P<ann_n>{_NUM})周年|百年华诞)"
ANNIVERSARY_AHEAD = "的?(?:.{1,4}周年|百年华诞)"


def _starts(*words: str, extra: str = "") -> str:
    """A lookahead on the characters an alternative can start with: one set test rejects the
    alternative at most positions, which keeps the long alternation fast."""
    return f"(?=[{first_chars([*words, *extra])}])"


YEAR_START = "0123456789〇○零Oo一二三四五六七八九"


# The alternatives, tried in this order at each position; the group name says which fired.
# Compiled with the stdlib ``re`` (the same matches as ``regex``, tests/test_dates.py checks it;
# its Match accessors are much cheaper), on first use, not when reportparse is imported.
@cache
def date_pattern() -> re.Pattern[str]:
    return re.compile(_PATTERN_SOURCE, re.VERBOSE)


_PATTERN_SOURCE = rf"""
    (?:
    {_starts(*HOLIDAYS, extra=YEAR_START)}
    (?P<hol>(?:(?P<hy>{YEAR}){SP}年)?(?<!建)(?P<holw>{alternation(list(HOLIDAYS))}))
  | {_starts(*PERIODS, extra='“"')}
    (?P<fyp>(?:[“"](?P<fq>{_PERIOD_WORDS})[”"](?!普法)
              |(?<![一二三四五六七八九十百千第])(?P<fu>{_PERIOD_WORDS})
               (?=规划|时期|期间|计划|以来|末|初|开局|收官))
        (?P<fsince>以来)?)
  | {_starts(*EVENTS)}
    (?P<evt>(?<![委一二三四五六七八九十])(?P<evtw>{alternation(list(EVENTS))}){EVENT_TAIL})
  | {_starts(*ANNIVERSARIES)}
    (?P<ann>(?P<anw>{alternation(list(ANNIVERSARIES))}){_ANNIVERSARY_TAIL})
  | {_starts(*NAMED)}
    (?P<named>{alternation(list(NAMED))})
  | (?=\d)
    (?P<yr>(?<![\d.])(?P<ya>\d{{4}}){_CONN}(?P<yb>\d{{4}}){SP}学?年{_YEAR_AFTER}{_since_tail("ysince")}?)
  | (?=\d)
    (?P<dot>(?<![\d.])(?P<dy>\d{{4}})(?P<dsep>[./-])(?P<dm>\d{{1,2}})(?P=dsep)(?P<dd>\d{{1,2}})
        (?!\d|\.\d))
  | {_starts(extra=YEAR_START)}
    (?P<ex>{_ymd("a")}
        (?:(?P<conn>{_CONN})(?:(?P<now>今)|{_ymd("b")}|{_md("c")}))?
        {_since_tail("asince")}?)
  | {_starts(*RELATIVE)}
    (?P<rel>(?P<relw>{_relative_words()})(?![轻龄纪级鉴画薪])
        (?:{SP}(?P<rM>(?P<rm>{MONTH}){SP}月份?)(?:{SP}(?P<rD>(?P<rd>{DAY}){SP}[日号]))?
           (?P<rms>{_MONTH_SUFFIX})?
          |(?P<rys>{_YEAR_SUFFIX}))?
        {_since_tail("rsince")}?)
  | (?=\d)
    (?P<md>(?<![\d.个第每近约])(?P<xM>(?P<xm>\d{{1,2}}){SP}月份?)(?![余多来内间薪租息])
        (?:{SP}(?P<xD>(?P<xd>\d{{1,2}}){SP}[日号])|(?P<xms>{_MONTH_SUFFIX})|(?<=份)
          |(?=以来|起|至|到|—|-|前|中))
        (?:(?P<xconn>{_CONN}){_md("e")})?
        {_since_tail("xsince")}?)
  | (?=[一二三四五六七八九十])
    (?P<cmd>(?<![\d.个第每〇○零一二三四五六七八九十])(?P<km>十[一二]?|[一二三四五六七八九])月
        (?P<kd>[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号])
    )
    """

# The characters a match can start with (``\d`` is any decimal digit: ٢٠٢٠年 is a year to the
# pattern, so the starts allow any of them too).
_FIRST_CHARS = "".join(sorted(
    set(YEAR_START + '“"0123456789一二三四五六七八九十')
    | {w[0] for table in (HOLIDAYS, PERIODS, EVENTS, ANNIVERSARIES, NAMED, RELATIVE)
       for w in table if w}
))  # fmt: skip
FIRST_CHAR = re.compile(rf"[{re.escape(_FIRST_CHARS)}\d]")
