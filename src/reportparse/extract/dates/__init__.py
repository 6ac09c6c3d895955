"""Dates: the source -> a DateDraft per date, range, since-date, relative year or named period.

``grammar`` builds the one pattern from the word tables, ``scan`` tries it where its anchors
allow, ``values`` turns numerals into points and ISO-like values, ``resolve`` turns each match
into a draft (resolving 今年 against the reference date) and ``reference`` finds the date the
document implies for itself.
"""

from __future__ import annotations

from .reference import implied_reference_date
from .resolve import extract_dates

__all__ = ["extract_dates", "implied_reference_date"]
