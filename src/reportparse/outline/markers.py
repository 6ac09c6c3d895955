"""Marker candidates: every place that looks like a numbering marker, with its strength.

One compiled alternation, assembled from the style table in ``lexicon/marker_styles.txt``, runs
over the folded text once. Each hit is then judged by its left context (line start = strong;
after sentence or clause punctuation = weak) and dropped inside “…” quotes and 《…》 titles.
Whether a weak candidate really is a marker is decided later, by the outline stage, from the
numbering sequence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..chars import CIRCLED, CLAUSE_END, ORDINAL_NUMERALS, SENTENCE_END, class_led_scan
from ..drafts import Candidate
from ..numerals import circled_to_int, cn_to_int
from ..source import LineIndex, SourceText
from .styles import BARE_STYLES, STYLE_RULES

_WHERE = {rule.style: rule.where for rule in STYLE_RULES}

# Every marker starts with one of these; the leading lookahead lets `re` skip all other
# positions at C speed (tests/test_markers.py checks that it drops no candidate).
# Each style's only group is its numeral, named after the style (so ``lastgroup`` is the
# style): with no wrapping group, a branch that opens with a literal (第, (, 其) is skipped by
# `re` on its first character (one named group per style around the numeral would hide it).
MARKER_FIRST_CHARS = "0123456789" + ORDINAL_NUMERALS + "第其(" + CIRCLED
# How every marker opens, tested (second) before the fourteen styles are tried at a position.
# It drops the 一 of 统一 and 进一步 and the digits of 2020年 without trying every style.
MARKER_OPENING = "|".join(
    (
        f"[{CIRCLED}]",  # a circled number is a marker by itself
        r"\d{1,3}[.、。) \t]",  # an Arabic number ends in its sign: 1. 12、 3) 1.2 1 标题
        rf"\D[\d{ORDINAL_NUMERALS}零〇、是 \t]",  # 第一 第1 其一 (一 ( 1 十一 一、 一是
    )
)


@cache
def marker_pattern() -> re.Pattern[str]:
    """Every marker as one pattern: each style's numeral is a group named after the style, so
    ``lastgroup`` is the style. The reference that find_markers' scan is tested against."""
    return re.compile(
        f"(?=[{re.escape(MARKER_FIRST_CHARS)}])(?={MARKER_OPENING})(?:"
        + "|".join(rule.pattern.replace("(?P<n>", f"(?P<{rule.style}>") for rule in STYLE_RULES)
        + ")"
    )


@cache
def _marker_scan() -> tuple[re.Pattern[str], dict[str, int]]:
    """What find_markers runs: the hits of ``marker_pattern()`` by a scan that skips to the
    first characters of markers (see ``class_led_scan``), and for each style the index of its
    numeral group. Compiled on first use, not at import.

    In each style the numeral group is unnamed and an empty group named after the style closes
    it: ``lastgroup`` is the style, its end the marker's end, and the group just before it the
    numeral. A hit consumes what is surely inside the marker: a decimal's digits and dots (a
    space follows them), else the digits after a first digit (the styles that start with a digit
    take them all: 12、, not 2、). Where the scan still fires inside a marker (the 一 of 第一、),
    find_markers drops the hit.
    """
    styles = "|".join(
        rule.pattern.replace("(?P<n>", "(") + f"(?P<{rule.style}>)" for rule in STYLE_RULES
    )
    scan = class_led_scan(
        re.escape(MARKER_FIRST_CHARS),
        f"(?={MARKER_OPENING})(?:{styles})",
        r"(?(decimal)[\d.]*|(?:(?<=[0-9])\d*)?)",
    )
    if scan.groups != 2 * len(STYLE_RULES):
        raise ValueError("each marker style's pattern must have one group, its numeral (?P<n>...)")
    return scan, {style: index - 1 for style, index in scan.groupindex.items()}


# What may stand between the start of a line and a strong marker.
_LINE_LEAD = re.compile(r"[ \t]*(?:\*\*|#{1,6}[ \t]*|>[ \t]*)?")
_SKIPPABLE_BEFORE = frozenset(" \t”’」』\"'")  # closing quotes and spaces after 。

# A page copied from the web may lose its line breaks: a heading without 。 then runs straight
# into the next marker (…整改情况(一)关于…问题1。针对…). On such very long lines these styles
# (BARE_STYLES) are also candidates right after a character; the outline still demands a
# confirmed sequence.
FLATTENED_LINE = 3000
_NOT_BEFORE_BARE = frozenset("第共计约近超达至和及或、统之唯")
_DIGIT_AFTER_DOT = frozenset("0123456789%")
_SENTENCE_END = frozenset(SENTENCE_END)


def _is_line_start(folded: str, pos: int) -> bool:
    line_start = folded.rfind("\n", max(0, pos - 12), pos) + 1
    if line_start == 0 and pos > 12:
        return False
    lead = _LINE_LEAD.match(folded, line_start, pos)
    return lead is not None and lead.end() == pos


def _char_before(folded: str, pos: int) -> str:
    """The nearest character before ``pos`` that is not a space or closing quote ('' at start)."""
    limit = max(0, pos - 16)  # a flattened page may join paragraphs with runs of spaces
    while pos > limit and folded[pos - 1] in _SKIPPABLE_BEFORE:
        pos -= 1
    return folded[pos - 1] if pos > 0 else ""


@cache  # the same few numerals (一, 二, 1, 2…) come back thousands of times
def _ordinal(numeral: str) -> int | None:
    """The number a marker's numeral stands for. The numeral alone decides it (only the circled
    style writes ①, only the decimal style writes a dot), so one cache entry serves all styles."""
    circled = circled_to_int(numeral)
    if circled is not None:
        return circled
    if "." in numeral:
        return int(numeral.rsplit(".", 1)[-1])  # 1.2.3 is item 3 of its level
    if numeral.isdigit():
        return int(numeral)
    return cn_to_int(numeral)


def _context_allows(style: str, before: str, start: int, lines: LineIndex) -> bool:
    """Whether a marker of ``style`` may stand inside a line right after ``before``, when
    ``before`` is none of the punctuation marks of ``_ALWAYS_AFTER[style]`` (tested first)."""
    if _WHERE[style] == "line":
        return False
    if style == "circled":
        return bool(before)
    return (
        style in BARE_STYLES
        and bool(before)
        and (before == ")" or not before.isascii())  # …（XX负责）二、 / （共130项）1.
        and before not in _NOT_BEFORE_BARE
        and lines.length_at(start) >= FLATTENED_LINE
    )


# The last character of a non-empty _LINE_LEAD; after any other character no line starts.
_LEAD_LAST = frozenset(" \t*#>")
# Per style, the characters after which it may stand inside a line in any case: the common
# inline case, answered by one set lookup before _context_allows runs for the rest.
_ALWAYS_AFTER = {
    rule.style: (
        frozenset()
        if rule.where == "line"
        else frozenset(CLAUSE_END)
        if rule.where == "clause"
        else _SENTENCE_END
    )
    for rule in STYLE_RULES
}


def marker_hits(folded: str) -> Iterator[tuple[int, int, str, str]]:
    """The hits of ``marker_pattern()``, found by its class-led scan: each hit's start, end,
    style and numeral."""
    scan, numeral_group = _marker_scan()
    marker_end = 0
    for hit in scan.finditer(folded):
        start, style = hit.start(), hit.lastgroup
        if start < marker_end or style is None:
            continue  # inside the marker before (marker_pattern() never starts there)
        marker_end = hit.end(style)
        yield start, marker_end, style, hit[numeral_group[style]]


def find_markers(source: SourceText) -> list[Candidate]:
    """Every marker candidate in document order, with its strength; traps already removed.

    The loop runs once per hit (a hundred or so per report): the character before the hit
    settles most checks at once, so the line-start and look-behind helpers run only when it is
    ambiguous.
    """
    folded, quoted, lines = source.folded, source.quoted, source.lines
    length = len(folded)
    candidates: list[Candidate] = []
    bare_decimal = False  # a decimal without a dot (2　组织机构) found: it needs confirming
    for start, end, style, numeral in marker_hits(folded):
        previous = folded[start - 1] if start else "\n"
        if previous == "\n":
            strong = True
        elif previous in _LEAD_LAST:
            strong = _is_line_start(folded, start)
        else:
            strong = False
        if not strong:
            before = _char_before(folded, start) if previous in _SKIPPABLE_BEFORE else previous
            if before not in _ALWAYS_AFTER[style] and not _context_allows(
                style, before, start, lines
            ):
                continue
        if quoted.covers(start):
            continue  # inside “…” or 《…》
        ordinal = _ordinal(numeral)
        if ordinal is None or ordinal <= 0:
            continue
        doubtful = False
        if style == "arabic_dot" and end < length and folded[end] in _DIGIT_AFTER_DOT:
            if not strong and (
                _char_before(folded, start) not in _SENTENCE_END
                or lines.length_at(start) < FLATTENED_LINE
            ):
                continue  # 2.45万, 1.2倍: a decimal number inside a sentence
            # at a line start, or right after 。 on a page that lost its line breaks (…。3．10种)
            doubtful = True
        if style == "decimal":
            depth = numeral.count(".") + 1
            key = style if depth == 1 else f"{style}/{depth}"
            bare_decimal = bare_decimal or depth == 1
        else:
            depth, key = 1, style
        candidates.append(Candidate(style, ordinal, start, end, strong, depth, doubtful, key))
    return _confirm_bare_decimals(candidates, folded) if bare_decimal else candidates


def _confirm_bare_decimals(candidates: list[Candidate], folded: str) -> list[Candidate]:
    """Keep a bare ``2　组织机构`` heading only where ``2.1``-style numbers confirm the scheme."""
    parents = {
        folded[c.start : c.end].split(".", 1)[0]
        for c in candidates
        if c.style == "decimal" and c.depth == 2
    }
    return [
        c
        for c in candidates
        if not (c.style == "decimal" and c.depth == 1 and folded[c.start : c.end] not in parents)
    ]
