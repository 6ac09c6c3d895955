"""The document's own date: its latest full date, not announced as future or a deadline."""

from __future__ import annotations

import datetime
import re

from ...source import SourceText
from .grammar import DAY, MONTH, SP, YEAR, YEAR_START
from .values import day_of, month_of, year_of

# A date announced as future (将于2021年3月1日) or a deadline (2021年3月1日前) is not the
# document's own date; string tests decide it (a regex call per date cost more).
_FUTURE_WORDS = ("将于", "将在", "将", "拟于", "拟", "预计", "计划于", "计划", "离", "距离", "距")
_DEADLINE_WORDS = ("前", "之前", "以前")
# A full date has 年 4 or 5 characters after its start (2021 年) or a separator 4 after it
# (2021.1.25): implied_reference_date tries the pattern only there.
_MONTH_DAY = rf"{SP}(?P<m>{MONTH}){SP}月{SP}(?P<d>{DAY}){SP}[日号]"
_FULL_DATE = re.compile(
    rf"(?=[{re.escape(YEAR_START)}])"
    rf"(?:(?P<y>{YEAR}){SP}年{_MONTH_DAY}"
    r"|(?<![\d.])(?P<y2>\d{4})(?P<sep>[./-])(?P<m2>\d{1,2})(?P=sep)(?P<d2>\d{1,2})(?!\d|\.\d))"
)
# Most 年 end a year written alone (2020年): only a 年 with a month and day after it can be the
# 年 of a full date. A `re` pass with a literal prefix finds those few at C speed.
_YEAR_OF_FULL_DATE = re.compile(rf"年(?={_MONTH_DAY})")


# --- the document's own date ------------------------------------------------------------------


def implied_reference_date(source: SourceText) -> datetime.date | None:
    """The date the document implies for itself: its latest full (day-precision) date, leaving
    out dates announced as future (将于…) and deadlines (…前); None when it has none."""
    folded = source.folded
    best: datetime.date | None = None
    for m in _full_dates(folded):
        parts = (m["y"], m["m"], m["d"]) if m["y"] else (m["y2"], m["m2"], m["d2"])
        year, month, day = year_of(parts[0]), month_of(parts[1]), day_of(parts[2])
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
