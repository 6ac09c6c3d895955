"""Named documents: the source -> a DocumentDraft per 《…》 with its kind, verb and issuer.

A title is one line, or a title wrapped over up to two line breaks (text from PDF and Word
files breaks long titles where the line is full)."""

from __future__ import annotations

import re
from functools import cache

from ..chars import alternation
from ..drafts import DocumentDraft
from ..lexicon import load_table
from ..models import DocumentKind
from ..normalise import fold
from ..outline.markers import marker_pattern
from ..source import SourceText
from ..span import Span
from .document_context import context_before

MAX_NAME = 100
"""Longest title kept: an unclosed 《 must not swallow the rest of the document."""

MAX_BREAKS = 2
"""Most line breaks in one title: a page's line width wraps a long title once, rarely twice."""

CONTEXT_WINDOW = 40
"""How far left of 《 the verb and issuer are looked for (a clause, not a paragraph)."""

_KINDS: tuple[DocumentKind, ...] = ("regulation", "periodical", "article", "other")
_KIND_OF_SUFFIX: dict[str, DocumentKind] = {
    row[0]: kind for row in load_table("document_kinds") for kind in _KINDS if row[1:] == (kind,)
}
# The kind suffixes by their last character, longest first: a title is looked up by its own last
# character, then tested against those few (not sliced once per suffix length).
_SUFFIXES_ENDING_IN: dict[str, tuple[tuple[str, DocumentKind], ...]] = {
    last: tuple(sorted(((w, k) for w, k in _KIND_OF_SUFFIX.items() if w[-1] == last),
                       key=lambda pair: -len(pair[0])))
    for last in {w[-1] for w in _KIND_OF_SUFFIX}
}  # fmt: skip
_PUBLISHING = tuple(r[0] for r in load_table("document_actions") if r[1:] == ("publish",))

# One level of nesting is enough for the genre (《<天津政法报>社…》, 《…印发〈…〉的通知》 use other
# brackets; a nested 《》 is rare). Every repetition is bounded, and the inner title cannot
# contain 《, so 50,000 nested 《 fail in constant time each. The first branch is the common
# title without a nested one, matched as one run instead of one branch per character; where it
# matches, the second would match the same. Stdlib ``re``: its literal-prefix scan skips to the
# next 《 at C speed. The last branch matches a 《 alone where its line ends (within MAX_NAME
# characters, no 《 or 》 on the way) before any closer: a title that may wrap (_wrapped_title).
_TITLE = re.compile(
    rf"《(?:[^《》\n]{{1,{MAX_NAME}}}|(?:[^《》\n]|《[^《》\n]{{1,{MAX_NAME}}}》){{1,{MAX_NAME}}})》"
    rf"|《(?=[^《》\n]{{0,{MAX_NAME}}}\n)"
)

# A wrapped title: what ends a piece of it (its closer, a line break), or ends the search (a
# new 《, a full stop: a title holds no sentence). Each line is searched over at most
# 2 * MAX_NAME characters (the name, and the spaces around the break), its indentation skipped
# over at most MAX_NAME, so a 《 costs a bounded number of steps whatever follows it.
_WRAP_STOP = re.compile("[《》\n。]")
_INDENT = re.compile(rf"[ \t]{{0,{MAX_NAME}}}")
# Markdown that opens a line (a heading, a quotation, bold): a block of its own, no fragment.
_BLOCK_LEADS = ("#", ">", "**")

# What may stand between two titles that share the verb before the first: 《A》《B》, 《A》和《B》,
# 《A》、《B》, 《A》和市委《B》 (the issuer is matched separately).
_COORDINATION = frozenset(("", "和", "及", "以及", "与", "、", "或"))
# Trailing parentheticals and quotes of a title, for the REVERSED title: (试行) reads )试行(.
_TRAILING_NOISE_REVERSED = re.compile(r"(?:\)[^()]{0,30}\(|[”’\"」』 ]){1,8}")
_NOISE_LAST = frozenset(')”’"」』 ')


@cache
def _kind_after() -> re.Pattern[str]:
    """A kind word right after 》 (《求是》杂志, 《决胜…》报告, 《…》一文). Single characters (表,
    法, 单) are left out: 《…》表示 is a verb, not a form."""
    return re.compile(alternation([w for w in _KIND_OF_SUFFIX if len(w) > 1]))


def kind_of_name(name: str) -> DocumentKind | None:
    """The kind a title's last word gives it, or None when no known suffix ends it.

    Trailing parentheticals and quotes are ignored:
    《…办法(试行)》 is a 办法, 《…“两个清单”》 a 清单.
    """
    folded = fold(name)
    return _kind_of_folded(folded, 0, len(folded))


def _kind_of_folded(folded: str, start: int, end: int) -> DocumentKind | None:
    """:func:`kind_of_name` of the title ``folded[start:end]`` (folded text, not sliced)."""
    if end == start:
        return None
    if folded[end - 1] in _NOISE_LAST:
        noise = _TRAILING_NOISE_REVERSED.match(folded[start:end][::-1])
        if noise is not None and noise.end() < end - start:
            end -= noise.end()
    for suffix, kind in _SUFFIXES_ENDING_IN.get(folded[end - 1], ()):
        if folded.endswith(suffix, start, end):
            return kind
    return None


def extract_documents(source: SourceText) -> list[DocumentDraft]:
    """Every outermost 《…》, on one line or wrapped over up to MAX_BREAKS line breaks, sorted
    by start, with name, kind, action and issuer."""
    text, folded = source.text, source.folded
    found: list[DocumentDraft] = []
    prev_end = 0
    prev_action: str | None = None
    position = 0
    while (title := _TITLE.search(folded, position)) is not None:
        start, end = title.span()
        position = end
        if end - start == 1:  # a 《 whose line ends before its 》
            wrapped = _wrapped_title(text, folded, start)
            if wrapped is None:
                continue  # unclosed: no title, and the scan goes on right after the 《
            end, name = wrapped
            position = end
            kind = kind_of_name(name)
        else:
            name = text[start + 1 : end - 1]
            kind = _kind_of_folded(folded, start + 1, end - 1)
        action, issuer, context_start = context_before(
            text, folded, max(prev_end, start - CONTEXT_WINDOW), start
        )
        if action is None and found and folded[prev_end:context_start] in _COORDINATION:
            action = prev_action
        if kind is None:
            after = _kind_after().match(folded, end)
            kind = _KIND_OF_SUFFIX[after.group()] if after is not None else None
        if kind is None:
            kind = "article" if action is not None and action.endswith(_PUBLISHING) else "other"
        found.append(
            DocumentDraft(
                Span.of(start, end),
                text[start:end],
                name,
                kind,
                action,
                issuer,
            )
        )
        prev_end, prev_action = end, action
    return found


def _wrapped_title(text: str, folded: str, start: int) -> tuple[int, str] | None:
    """``(end, name)`` of the title whose 《 at ``start`` is not closed on its line: its closer
    on one of the next MAX_BREAKS lines, each a fragment of the title; None when it has none.

    The name is the title without its line breaks and the spaces around them (the indentation
    of the next line, the spaces that ended the last). A blank line, a line that opens with an
    outline marker or a Markdown block, a new 《, a full stop, or a name longer than MAX_NAME
    ends the search: the 《 is unclosed, as on one line.
    """
    pieces: list[str] = []
    length = 0
    piece_start = start + 1
    for _ in range(MAX_BREAKS + 1):  # the line of the 《, then each line it may wrap onto
        stop = _WRAP_STOP.search(folded, piece_start, piece_start + 2 * MAX_NAME)
        if stop is None or stop.group() in "《。":
            return None
        piece_end = stop.start()
        if stop.group() == "》":
            pieces.append(text[piece_start:piece_end])
            name = "".join(pieces)
            if length + piece_end - piece_start > MAX_NAME or not name.strip():
                return None
            return stop.end(), name
        piece_end = len(folded[piece_start:piece_end].rstrip(" \t")) + piece_start
        pieces.append(text[piece_start:piece_end])
        length += piece_end - piece_start
        if length > MAX_NAME:
            return None
        line_start = stop.end()
        if text.startswith("\r\n", stop.start()):
            line_start += 1  # \r\n is one line break (folded, it reads \n\n)
        indent = _INDENT.match(folded, line_start)
        piece_start = indent.end() if indent is not None else line_start
        if piece_start == len(folded) or folded[piece_start] in "\n \t":
            return None  # a blank line, the end of the text, or a line indented past reason
        if folded.startswith(_BLOCK_LEADS, piece_start) or marker_pattern().match(
            folded, piece_start
        ):
            return None
    return None  # a line break more than MAX_BREAKS
