"""The title: the leading short line(s) of a report, before its first marker."""

from __future__ import annotations

import re

import regex

from ..source import SourceText

# Lines that end a title: sentence or clause punctuation, a 〔2018〕 document number, a ——
# byline, a (dated) note in parentheses, a bare date or number line.
_NOT_TITLE = regex.compile(
    r"[。,;:!?、]|^[—\-]{2}|〔|\[\d{4}\]|^\(|^[\d〇零一二三四五六七八九十]{2,4}年[^ ]{0,8}日$|^\d+$"
)
MAX_TITLE_LINE = 60
MAX_TITLE_LINES = 4
TITLE_WINDOW = 400

# A line's text without its outer whitespace (``\S`` and ``str.isspace`` agree on every character).
_CONTENT_LINE = re.compile(r"\S(?:[^\n]*\S)?")


def content_lines(folded: str, begin: int) -> list[tuple[int, int]]:
    """``(start, end)`` of every non-blank line from ``begin``, outer whitespace trimmed."""
    return [line.span() for line in _CONTENT_LINE.finditer(folded, begin)]


def find_title(source: SourceText, first_marker: int) -> tuple[int, int] | None:
    """Where the leading short line(s) before any marker that read as a title stand, if any."""
    folded = source.folded
    window_end = min(len(folded), TITLE_WINDOW, first_marker)
    title_lines: list[tuple[int, int]] = []
    for start, end in content_lines(folded[:window_end], 0):
        line = folded[start:end]
        if end - start > MAX_TITLE_LINE or _NOT_TITLE.search(line):
            break
        if end == window_end and window_end < len(folded) and folded[window_end] != "\n":
            break  # the line runs on past the window: it is not a short line
        title_lines.append((start, end))
        if len(title_lines) == MAX_TITLE_LINES:
            break
    if not title_lines:
        return None
    return title_lines[0][0], title_lines[-1][1]
