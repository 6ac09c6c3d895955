"""The input of every stage: the text, its folded twin, its quoted regions and its lines.

A :class:`SourceText` is made once per parse and handed first to every stage, so no stage folds
the text again or scans for quotes of its own. :class:`SpanIndex` answers the questions stages
ask about sorted ``[start, end)`` spans (is a position covered, does a range overlap one, where
is the nearest span on either side).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

from .chars import QUOTE_PAIRS
from .normalise import fold

MAX_QUOTE = 400
"""A quote or title longer than this is treated as unclosed."""

# An opener, then on the same line and within MAX_QUOTE characters its closer, with no second
# opener of the same kind between them. Matches of different kinds nest inside each other
# (“…‘…’…”), so the outermost quote is what finditer returns.
_QUOTED = re.compile(
    "|".join(
        f"{re.escape(opener)}[^{re.escape(opener + closer)}\n]{{0,{MAX_QUOTE - 1}}}"
        f"{re.escape(closer)}"
        for opener, closer in QUOTE_PAIRS.items()
    )
)
_LINE_BREAK = re.compile("\n")
NOWHERE = 1 << 62
"""What :meth:`SpanIndex.start_after` returns when no span starts after the position."""


def quoted_regions(folded: str) -> list[tuple[int, int]]:
    """Sorted, disjoint ``[start, end)`` regions inside “…”, ‘…’, 《…》 (and kin).

    Quotes do not run across line breaks; an opener never closed on its line, or closed more
    than MAX_QUOTE characters later, protects nothing (so one stray “ cannot hide a document).
    """
    return [hit.span() for hit in _QUOTED.finditer(folded)]


class SpanIndex:
    """Half-open spans sorted by start (they may nest or overlap), with bisection queries."""

    __slots__ = ("_max_ends", "_starts", "spans")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self._starts = [start for start, _ in self.spans]
        ends = [end for _, end in self.spans]
        # the furthest end among the spans up to each one (the ends themselves when sorted)
        self._max_ends = ends if ends == sorted(ends) else list(accumulate(ends, max))

    def overlaps(self, start: int, end: int) -> bool:
        """True when some span shares a character with ``[start, end)``."""
        i = bisect_left(self._starts, end)
        return i > 0 and self._max_ends[i - 1] > start

    def covers(self, position: int) -> bool:
        """True when ``position`` lies inside some span (``overlaps(position, position + 1)``)."""
        i = bisect_right(self._starts, position)
        return i > 0 and self._max_ends[i - 1] > position

    def end_before(self, position: int) -> int:
        """The furthest end of a span that starts before ``position``, at most ``position``
        (0 when there is none)."""
        i = bisect_left(self._starts, position)
        return min(self._max_ends[i - 1], position) if i > 0 else 0

    def start_after(self, position: int) -> int:
        """The first start at or after ``position`` (``NOWHERE`` when there is none)."""
        i = bisect_left(self._starts, position)
        return self._starts[i] if i < len(self._starts) else NOWHERE


class LineIndex:
    """Lengths of lines by position; the line breaks are found on the first question only
    (most texts never ask: only a bare marker on a very long line does)."""

    __slots__ = ("_breaks", "folded")

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self._breaks: list[int] | None = None

    def length_at(self, position: int) -> int:
        """Length of the line holding ``position`` (without its line break)."""
        if self._breaks is None:
            self._breaks = [hit.start() for hit in _LINE_BREAK.finditer(self.folded)]
        breaks = self._breaks
        index = bisect_right(breaks, position)
        start = breaks[index - 1] + 1 if index else 0
        end = breaks[index] if index < len(breaks) else len(self.folded)
        return end - start


@dataclass(frozen=True, slots=True)
class SourceText:
    """One report's text as every stage reads it.

    ``folded`` is ``fold(text)``: the same length, so an offset found in it is an offset into
    ``text``. ``quoted`` holds the quoted regions of ``folded`` (:func:`quoted_regions`), where
    markers cannot stand and headings do not end.
    """

    text: str
    folded: str
    quoted: SpanIndex
    lines: LineIndex

    @classmethod
    def of(cls, text: str) -> SourceText:
        folded = fold(text)
        return cls(text, folded, SpanIndex(quoted_regions(folded)), LineIndex(folded))
