"""Resolution: each match of the dates pattern -> a DateDraft, with what earlier matches
tell later ones (the year of the paragraph, the last year written)."""

from __future__ import annotations

import datetime
import re

import regex

from ...chars import alternation
from ...drafts import DateDraft
from ...models import DateKind
from ...source import SourceText
from .grammar import (
    ANNIVERSARIES,
    CUES,
    EVENTS,
    HOLIDAYS,
    NAME_HEADS,
    NAMED,
    PERIODS,
    RELATIVE,
    SEASONS,
)
from .scan import date_matches
from .values import (
    DatePoint,
    day_of,
    draft,
    int_of,
    month_of,
    precision_of,
    suffix_months,
    value_of,
    year_of,
)

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
        self.day_year: int | None = None  # the year of the last date written to the day

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


_CUE_RE = regex.compile(alternation(CUES))


# --- the extractor ----------------------------------------------------------------------------


def extract_dates(source: SourceText, reference_date: datetime.date | None) -> list[DateDraft]:
    """Every date, range, since-date, relative year and named period, by position.

    Relative words (今年, 明年) resolve against ``reference_date`` (the pipeline passes the
    caller's, else :func:`implied_reference_date`); their value is None without one.
    """
    text, folded = source.text, source.folded
    ctx = _Context(folded, reference_date)
    out: list[DateDraft] = []
    for match in date_matches(folded):
        mention = _mention_of(match, text, ctx)
        if mention is not None:
            if mention.precision == "year" and folded[match.start() - 1 : match.start()] == "、":
                out += _listed_years(text, folded, match.start(), mention.kind)
            out.append(mention)
    return out


_LISTED_YEAR = re.compile(r"(?<![\d.])(\d{4})、$")


def _listed_years(text: str, folded: str, start: int, kind: DateKind) -> list[DateDraft]:
    """The years listed before a year that shares their 年 (2018、2019年): one date each."""
    found: list[DateDraft] = []
    while kind == "point" and (year := _LISTED_YEAR.search(folded, max(0, start - 5), start)):
        value = year_of(year.group(1))
        if value is None:
            break
        start = year.start()
        found.append(draft(text, start, start + 4, "point", f"{value:04d}", "year"))
    return found[::-1]


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
        first, last = year_of(m["ya"]), year_of(m["yb"])
        if first is None or last is None or last <= first:
            return None
        ctx.note(m.start(), last, explicit=True)
        if m["ysince"]:
            return draft(text, m.start(), m.end(), "since", str(first), "year")
        return draft(text, m.start(), m.end(), "range", f"{first}/{last}", "year")
    if kind == "dot":
        point = DatePoint(year_of(m["dy"]), month_of(m["dm"]), day_of(m["dd"]))
        if point.year is None or point.month is None or point.day is None:
            return None
        ctx.note(m.start(), point.year, explicit=True)
        return draft(text, m.start(), m.end(), "point", *value_of(point, None))
    return _named(kind, m, text, ctx)


def _ymd_point(m: re.Match[str], t: str) -> tuple[DatePoint, DatePoint | None, int]:
    """The date in groups ``t*``: its first point, its last point when it covers several months
    (1至9月, 上半年), and where its valid part ends (an impossible 13月 is left out)."""
    year = year_of(m[f"{t}y"])
    point, stop = DatePoint(year), m.end(f"{t}Y")
    if m[f"{t}ys"] in SEASONS:  # 2021年暑期, 2021年全年: one date
        return DatePoint(year, SEASONS[m[f"{t}ys"]]), None, m.end(f"{t}ys")
    if m[f"{t}ys"]:
        months = suffix_months(m[f"{t}ys"])
        if months is None:
            return point, None, stop
        last = DatePoint(year, months[1]) if months[1] != months[0] else None
        return DatePoint(year, months[0]), last, m.end(f"{t}ys")
    if m[f"{t}M"] is None:
        return point, None, stop
    month = month_of(m[f"{t}m"])
    if month is None:
        return point, None, stop
    if m[f"{t}m2"] is not None:
        month2 = month_of(m[f"{t}m2"])
        if month2 is None or month2 <= month:
            return point, None, stop
        return DatePoint(year, month), DatePoint(year, month2), m.end(f"{t}M")
    point.month, stop = month, m.end(f"{t}M")
    if m[f"{t}D"] is not None:
        day = day_of(m[f"{t}d"])
        if day is None:
            return point, None, stop
        point.day, stop = day, m.end(f"{t}D")
    if m[f"{t}ms"]:  # 2月底, 12月下旬: still that month
        stop = m.end(f"{t}ms")
    return point, None, stop


def _md_point(m: re.Match[str], t: str, first: DatePoint) -> tuple[DatePoint | None, int]:
    """The far end of a range written without its year (7月5日, 18日), carried from ``first``."""
    if m[f"{t}M"] is not None:
        month = month_of(m[f"{t}m"])
        if month is None:
            return None, -1
        if m[f"{t}D"] is not None:
            day = day_of(m[f"{t}d"])
            if day is None or first.day is None:
                return None, -1
            return DatePoint(first.year, month, day), m.end(f"{t}D")
        end = m.end(f"{t}ms") if m[f"{t}ms"] else m.end(f"{t}M")
        return DatePoint(first.year, month), end
    day = day_of(m[f"{t}d2"])
    if day is None or first.day is None:
        return None, -1
    return DatePoint(first.year, first.month, day), m.end(f"{t}D2")


def _ranged(
    m: re.Match[str],
    text: str,
    start: int,
    first: DatePoint,
    last: DatePoint | None,
    stop: int,
) -> DateDraft:
    """Point, range or since from the parts found: ``since`` counts only right after the date."""
    if last is not None and last.key() <= first.key():
        last = None
    since = "asince" if m.lastgroup == "ex" else "xsince"
    if m[since] and m.start(since) == stop:  # 2023年下半年以来: since its first month
        return draft(text, start, m.end(since), "since", *value_of(first, None))
    kind: DateKind = "range" if last is not None else "point"
    return draft(text, start, stop, kind, *value_of(first, last))


def _explicit(m: re.Match[str], text: str, ctx: _Context) -> DateDraft | None:
    """A date with its year written: point, range (year carried over) or since (以来, 至今)."""
    if m.end() == m.end("aY"):  # the year alone (2020年, 2020年度), the commonest date
        year = year_of(m["ay"])
        if year is None:
            return None
        ctx.note(m.start(), year, explicit=True, aside=_aside(m.string, m.start()))
        return draft(text, m.start(), m.end(), "point", f"{year:04d}", "year")
    first, last, stop = _ymd_point(m, "a")
    if first.year is None:
        return None
    aside = _aside(m.string, m.start())
    ctx.note(m.start(), first.year, explicit=True, aside=aside)
    if first.day is not None and not aside:
        ctx.day_year = first.year
    if m["now"] and stop == m.start("conn") and last is None:
        return draft(text, m.start(), m.end("now"), "since", *value_of(first, None))
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
    month = month_of(m["km"] if chinese else m["xm"])
    day_text = m["kd"] if chinese else m["xd"]
    day = day_of(day_text)
    if month is None or (day_text and day is None) or _recurring(m.string, m.start()):
        return None
    year = ctx.anchor(m.start())
    if year is None:
        year = ctx.day_year  # 5月9日 among 5月3日, 5月17日: the year of the dates around it
    if year is None and ctx.reference is not None:
        ref = ctx.reference
        year = ref.year - 1 if (month, day or 1) > (ref.month, ref.day) else ref.year
    if year is None:
        year = ctx.last_year
    first = DatePoint(year, month, day)
    if day is not None:
        ctx.day_year = year
    if chinese:
        return draft(text, m.start(), m.end(), "point", *value_of(first, None))
    stop = m.end("xD") if day is not None else m.end("xms") if m["xms"] else m.end("xM")
    last: DatePoint | None = None
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
    mode, offset, _ = RELATIVE[m["relw"]]
    start, ref = m.start(), ctx.reference
    anchor = ctx.anchor(start)
    year: int | None = None
    if mode == "past":  # 过去五年 counts back from the year under review, whatever came before
        return _past_years(text, m, offset, ref)
    if mode == "ref":
        year = ref.year + offset if ref is not None else None
        ctx.note(start, year, explicit=False)
    elif anchor is not None:
        year = anchor + offset
    elif mode == "ana_ref":
        year = ref.year + offset if ref is not None else None
    elif mode == "whole":
        year = _whole_year(m.string, start, ref)
    first, last, stop = DatePoint(year), None, m.end("relw")
    own = suffix_months(m["relw"])  # 上半年, 一季度 written without a year
    if own is not None:
        first.month = own[0]
        last = DatePoint(year, own[1]) if own[1] != own[0] else None
    if m["rM"] is not None and month_of(m["rm"]) is not None:
        first.month, stop = month_of(m["rm"]), m.end("rM")
        if m["rD"] is not None and day_of(m["rd"]) is not None:
            first.day, stop = day_of(m["rd"]), m.end("rD")
        elif m["rms"]:
            stop = m.end("rms")
    elif m["rys"]:
        months = suffix_months(m["rys"])
        stop = m.end("rys")
        if m["rys"] in SEASONS:  # 去年暑期
            first.month = SEASONS[m["rys"]]
        elif months is not None:
            first.month = months[0]
            last = DatePoint(year, months[1]) if months[1] != months[0] else None
    if m["rsince"] and m.start("rsince") == stop:
        return draft(text, start, m.end("rsince"), "since", *value_of(first, None))
    return draft(text, start, stop, "relative", *value_of(first, last))


def _review_year(ref: datetime.date) -> int:
    """The year a report looks back on: the year just ended for one written in the first
    quarter (the annual work report, 过去一年), else the year it is written in."""
    return ref.year - 1 if ref.month <= 3 else ref.year


def _past_years(text: str, m: re.Match[str], years: int, ref: datetime.date | None) -> DateDraft:
    """过去一年 / 过去五年: the last ``years`` years up to the year under review."""
    start, end = m.start(), m.end("relw")
    if ref is None:
        return draft(text, start, end, "relative", None, None)
    last = _review_year(ref)
    first = DatePoint(last - years + 1)
    return draft(text, start, end, "relative",
                    *value_of(first, DatePoint(last) if years > 1 else None))  # fmt: skip


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
        rule, year = HOLIDAYS[m["holw"]], year_of(m["hy"])
        if year is None:
            return draft(text, start, end, "named", None, None)
        ctx.note(start, year, explicit=True)
        if rule == "lunar":
            return draft(text, start, end, "named", f"{year:04d}", "year")
        return draft(text, start, end, "named", f"{year:04d}{rule[1:]}", "day")
    if kind == "fyp":
        first, last = PERIODS[m["fq"] or m["fu"]]
        if m["fsince"]:
            return draft(text, start, end, "since", first, "year")
        return draft(text, start, end, "named", f"{first}/{last}", "year")
    if kind == "evt":
        value = EVENTS[m["evtw"]]
        return draft(text, start, end, "since", value, precision_of(value))
    if kind in ("ann", "named") and m.string.startswith(NAME_HEADS, end):
        return None  # 纪念辛亥革命110周年大会, 建党百年重大研究项目: part of a name
    if kind == "ann":
        base = ANNIVERSARIES[m["anw"]]
        years = int_of(m["ann_n"]) if m["ann_n"] else 100
        if years is None or not 1 <= years <= 500:
            return None
        value = f"{int(base[:4]) + years:04d}{base[4:]}"
        if not m["ann_n"]:  # 中国共产党百年华诞: the date is the 百年华诞
            start = end - len("百年华诞")
        return draft(text, start, end, "named", value, precision_of(value))
    value = NAMED[m["named"]]
    return draft(text, start, end, "named", value, precision_of(value))
