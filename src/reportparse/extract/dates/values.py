"""Date values: numerals to years, months and days, points and ranges to ISO-like strings."""

from __future__ import annotations

from dataclasses import dataclass

from ...drafts import DateDraft
from ...models import DateKind, DatePrecision
from ...numerals import cn_to_int
from ...span import Span
from .grammar import LATIN_ZERO, MONTHS_OF_SUFFIX, QUARTER

# --- values -----------------------------------------------------------------------------------


def int_of(numeral: str | None) -> int | None:
    """ASCII digits, digit-by-digit Chinese (二〇〇四, 二OO四) or a small Chinese numeral (十一)."""
    if not numeral:
        return None
    if numeral.isascii() and numeral.isdigit():
        return int(numeral)
    return cn_to_int(numeral.translate(LATIN_ZERO))


def _in_range(numeral: str | None, low: int, high: int) -> int | None:
    value = int_of(numeral)
    return value if value is not None and low <= value <= high else None


def year_of(numeral: str | None) -> int | None:
    return _in_range(numeral, 1000, 2199)


def month_of(numeral: str | None) -> int | None:
    return _in_range(numeral, 1, 12)


def day_of(numeral: str | None) -> int | None:
    return _in_range(numeral, 1, 31)


def suffix_months(suffix: str | None) -> tuple[int, int] | None:
    """Months a suffix covers: 年底 -> (12, 12), 上半年 -> (1, 6), 一季度 -> (1, 3)."""
    if not suffix:
        return None
    if suffix.endswith("季度") and suffix != "前三季度":
        quarter = QUARTER[suffix[-3]]
        return (quarter * 3 - 2, quarter * 3)
    return MONTHS_OF_SUFFIX.get(suffix)


@dataclass(slots=True)
class DatePoint:
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


def value_of(first: DatePoint, last: DatePoint | None) -> tuple[str | None, DatePrecision | None]:
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


def draft(
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


def precision_of(value: str) -> DatePrecision:
    """Precision of an ISO-like value by its length: 2013 / 2013-11 / 2021-07-01."""
    return "year" if len(value) == 4 else "month" if len(value) == 7 else "day"
