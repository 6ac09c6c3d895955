"""Headings: where the heading after a marker ends."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import cast

from ..source import SourceText

# A heading's leading spaces and * skipped, then its text up to where it ends: see heading_after
_HEADING_BODY = re.compile("[ \t*]*([^。!?\n]*)")
# It matches at every position (both its parts may be empty): its match is never None.
_heading_body = cast(Callable[[str, int, int], "re.Match[str]"], _HEADING_BODY.match)
MAX_HEADING = 1000  # characters scanned for a heading's end


def heading_after(source: SourceText, after: int) -> tuple[int, int] | None:
    """From ``after`` (a marker's end) to the line end or the first sentence end outside
    quotes.

    One match skips the marker's trailing spaces and ``*`` and runs to whichever comes
    first, the line break or a sentence end; a sentence end inside a quote sends it on.
    """
    folded = source.folded
    scan_end = min(after + MAX_HEADING, len(folded))  # a 500,000-character line stays linear
    start, stop = _heading_body(folded, after, scan_end).span(1)
    while stop < scan_end and folded[stop] != "\n":
        if not source.quoted.covers(stop):
            return start, stop + 1  # the sentence end belongs to the heading
        stop = _heading_body(folded, stop + 1, scan_end).end()  # a 。 inside a quote
    # a line break or the end of the scan: the heading's trailing spaces, * and # are dropped
    end = stop
    while end > start and folded[end - 1] in " \t*#":
        end -= 1
    return (start, end) if end > start else None
