"""What the domain stages read of the mentions: small protocols that the extractors' drafts and
the built models both satisfy, and the dates with a value listed for look-ups by range."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from itertools import islice
from typing import Protocol

from ..span import Span


class CountLike(Protocol):
    """What the indicator stage reads of a count."""

    @property
    def span(self) -> Span: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def object(self) -> str | None: ...
    @property
    def duration(self) -> bool: ...


class DateLike(Protocol):
    """What the meta and rectification stages read of a date mention."""

    @property
    def span(self) -> Span: ...
    @property
    def kind(self) -> str: ...
    @property
    def value(self) -> str | None: ...
    @property
    def precision(self) -> str | None: ...


class ValuedDates:
    """A report's dates that have a value, in order, with their starts: listed once, then
    looked up by range (the rectification items look up their deadlines)."""

    def __init__(self, dates: Sequence[DateLike]) -> None:
        self.dates = [mention for mention in dates if mention.value is not None]
        self.starts = [mention.span.start for mention in self.dates]

    def within(self, lo: int, hi: int) -> Iterator[DateLike]:
        """The dates wholly inside [lo, hi), in order."""
        for mention in islice(self.dates, bisect_left(self.starts, lo), None):
            if mention.span.start >= hi:
                return
            if mention.span.end <= hi:
                yield mention
