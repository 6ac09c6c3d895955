"""Stage 5: marker candidates -> outline tree (title, nested nodes, numbering diagnostics).

Levels are not fixed per style: they come from the order in which styles nest in *this*
document, folded with a stack, and are confirmed by the ordinal sequence.

- A marker whose style is open on the stack and whose ordinal continues it (k after k-1)
  closes everything above that entry and becomes its sibling.
- A marker of a style not open becomes a child of the top, unless the document has already
  shown that style *above* the top's style (then the top is closed first).
- Line-start markers are strong and always accepted (odd numbers become diagnostics). Markers
  inside a line are weak: accepted only when they continue a sequence, or open one at 1 that a
  later 2 confirms. Inline nodes close at the end of their line; unnumbered lines become
  paragraph nodes.
- A node spans from its marker to the next node that is not its descendant, minus trailing
  whitespace, so siblings tile their parent.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from typing import Any, NamedTuple, cast

import regex

from .markers import Candidate, quoted_regions
from .models import (
    Diagnostic,
    DiagnosticCode,
    Marker,
    Node,
    Paragraph,
    Point,
    Section,
    Title,
)
from .span import Span, builder, trusted

# Styles that number items inside running text; found inline they make Point nodes.
ENUMERATION_STYLES = frozenset({"cn_shi", "cn_di", "cn_qi", "circled"})
# A heading's leading spaces and * skipped, then its text up to where it ends: see _heading
_HEADING_BODY = re.compile("[ \t*]*([^。!?\n]*)")
# It matches at every position (both its parts may be empty): its match is never None.
_heading_body = cast(Callable[[str, int, int], "re.Match[str]"], _HEADING_BODY.match)
# Lines that end a title: sentence or clause punctuation, a 〔2018〕 document number, a ——
# byline, a (dated) note in parentheses, a bare date or number line.
_NOT_TITLE = regex.compile(
    r"[。,;:!?、]|^[—\-]{2}|〔|\[\d{4}\]|^\(|^[\d〇零一二三四五六七八九十]{2,4}年[^ ]{0,8}日$|^\d+$"
)
MAX_TITLE_LINE = 60
MAX_TITLE_LINES = 4
TITLE_WINDOW = 400
MAX_HEADING = 1000  # characters scanned for a heading's end
MAX_DEPTH = 24  # deeper nesting is treated as a restart: real reports nest five or six deep
DEFAULT_MAX_NODES = 100_000
"""Nodes the outline opens at most (``parse(max_nodes=...)``): the longest real reports have a
few thousand; at this limit a parse peaks at about 300 MB, whatever the input."""
_NEW_MARKER = builder(Marker)
_NEW_SECTION = builder(Section)
_NEW_POINT = builder(Point)
_NEW_PARAGRAPH = builder(Paragraph)


class _Build:
    """A node under construction (plain and mutable; turned into a model at the end)."""

    __slots__ = (
        "cand",
        "children",
        "heading",
        "key",
        "ordinal",
        "start",
        "transient",
    )

    def __init__(
        self,
        start: int,
        cand: Candidate | None,
        transient: bool,
        heading: tuple[int, int] | None = None,
        key: str | None = None,
        ordinal: int = 0,
    ) -> None:
        self.start = start
        self.cand = cand
        self.transient = transient  # closes at its line's end: a paragraph or an inline Point
        self.heading = heading
        self.children: list[_Build] = []
        self.key = key  # the candidate's key and ordinal (None and 0 for a paragraph)
        self.ordinal = ordinal


# A line's text without its outer whitespace (``\S`` and ``str.isspace`` agree on every character).
_CONTENT_LINE = re.compile(r"\S(?:[^\n]*\S)?")


def _content_lines(folded: str, begin: int) -> list[tuple[int, int]]:
    """``(start, end)`` of every non-blank line from ``begin``, outer whitespace trimmed."""
    return [line.span() for line in _CONTENT_LINE.finditer(folded, begin)]


def find_title(text: str, folded: str, first_marker: int) -> Title | None:
    """The leading short line(s) before any marker that read as a title, if there are any."""
    window_end = min(len(folded), TITLE_WINDOW, first_marker)
    title_lines: list[tuple[int, int]] = []
    for start, end in _content_lines(folded[:window_end], 0):
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
    start, end = title_lines[0][0], title_lines[-1][1]
    return trusted(Title, text=text[start:end], span=Span.of(start, end))


class _OutlineBuilder:
    """Folds candidates into a tree with a stack; see the module docstring for the rules."""

    def __init__(
        self,
        text: str,
        folded: str,
        candidates: list[Candidate],
        regions: list[tuple[int, int]],
        max_nodes: int,
    ):
        self.text = text
        self.folded = folded
        self.candidates = candidates
        self.root = _Build(0, None, False)
        self.stack: list[_Build] = [self.root]
        self.last_seen: dict[str, int] = {}
        self.above: set[tuple[str, str]] = set()
        self.diagnostics: list[Diagnostic] = []
        self.region_starts = [start for start, _ in regions]
        self.region_ends = [end for _, end in regions]
        self.next_ordinal = self._next_same_key_ordinals()
        self.length = len(folded)
        self.max_nodes = self.nodes_left = max_nodes

    def _next_same_key_ordinals(self) -> list[int | None]:
        """For each candidate, the ordinal of the next candidate of the same key (or None)."""
        following: list[int | None] = []
        seen: dict[str, int] = {}
        for cand in reversed(self.candidates):
            key = cand.key
            following.append(seen.get(key))
            seen[key] = cand.ordinal
        following.reverse()
        return following

    def _runs_on_inline(self, index: int, line_end: int) -> bool:
        """True for an enumeration marker whose next number follows on the same line."""
        cand = self.candidates[index]
        if cand.style not in ENUMERATION_STYLES:
            return False
        for position in range(index + 1, len(self.candidates)):
            later = self.candidates[position]
            if later.start >= line_end:
                return False
            if later.key == cand.key:
                return later.ordinal == cand.ordinal + 1
        return False

    # -- placing markers -------------------------------------------------------------------

    def _open_entries(self, key: str, ordinal: int) -> tuple[int, int]:
        """Where ``key`` is open on the stack, as ``(same, continued)``: the topmost stack index
        holding ``key`` and the topmost one whose ordinal ``ordinal`` continues (0 for none;
        index 0 is the root). One walk down the stack, shared by acceptance and placing."""
        stack = self.stack
        same = 0
        i = len(stack) - 1
        while i:  # (a counted while loop: twice as fast as a reversed range on shallow stacks)
            entry = stack[i]
            if entry.key == key:
                if entry.ordinal + 1 == ordinal:
                    return (same or i), i
                if not same:
                    same = i
            i -= 1
        return same, 0

    def _continues(self, cand: Candidate, continued: int) -> bool:
        """True when ``cand`` is the next number of an open list (``continued``, from
        ``_open_entries``) or, for heading styles, of the last list of its kind (items 1-14
        running on across sections). Enumerations (一是…) restart in every paragraph, so for
        them only an open list counts."""
        if continued:
            return True
        if cand.style in ENUMERATION_STYLES:
            return False
        return self.last_seen.get(cand.key) == cand.ordinal - 1

    def _accepts_weak(self, index: int, same: int, continued: int) -> bool:
        """Whether an inline candidate is a marker: it continues a list, or opens one at 1 that
        the next number of its kind (2) confirms."""
        cand = self.candidates[index]
        if cand.ordinal == 1 and self.next_ordinal[index] == 2:
            return True
        if cand.ordinal == 1 and not same:
            return False
        return self._continues(cand, continued)

    def _diagnose(self, code: DiagnosticCode, cand: Candidate, message: str) -> None:
        self.diagnostics.append(
            trusted(Diagnostic, code=code, message=message, span=Span.of(cand.start, cand.end))
        )

    def _place(self, cand: Candidate, same: int, continued: int, strong: bool, start: int) -> None:
        """Put ``cand`` in the tree; its node begins at ``start`` (before a line's ``**``).

        ``same`` and ``continued`` are ``_open_entries(cand.key, cand.ordinal)``, taken before
        any transient paragraph is closed here (a paragraph has no key, so they stay valid).
        """
        key, ordinal = cand.key, cand.ordinal
        stack = self.stack
        is_new_pair = True  # (parent's key, key) may not be in ``above`` yet
        if not strong and cand.style not in ENUMERATION_STYLES:
            top = stack[-1]
            if top.cand is None and top.transient:
                # a heading marker inside a paragraph's line (a page that lost its line breaks)
                # ends that paragraph rather than nesting in it; 一是-style points stay inside
                stack.pop()
        if continued:
            # its parent is its predecessor's: their pair of keys is in ``above`` already
            del stack[continued:]
            is_new_pair = False
        elif (
            same and ordinal == 1 and (strong or same == len(stack) - 1 or len(stack) >= MAX_DEPTH)
        ):
            # A line-start 1 of an open style restarts that level (an appendix, a second
            # list); only an inline 1 opens a nested list of the same style.
            written = self.text[cand.start : cand.end]
            self._diagnose("numbering_restart", cand, f"{written} restarts the list it follows")
            del stack[same:]
        elif same and ordinal != 1:
            written = self.text[cand.start : cand.end]
            previous = stack[same].ordinal
            if ordinal == previous:
                self._diagnose("numbering_repeat", cand, f"{written} repeats number {previous}")
            elif ordinal < previous:
                self._diagnose(
                    "numbering_out_of_order", cand, f"{written} comes after number {previous}"
                )
            else:
                self._diagnose(
                    "numbering_gap", cand, f"{written} follows {previous}: numbers are missing"
                )
            del stack[same:]
        else:
            # A new list (or a nested restart at 1): close levels this style sits above.
            above = self.above
            while len(stack) > 1:
                top_key = stack[-1].key
                if top_key is None and stack[-1].transient:
                    break
                if (
                    top_key is not None
                    and (key, top_key) in above
                    and ((top_key, key) not in above)
                ):
                    stack.pop()
                    continue
                break
            if ordinal != 1 and self.last_seen.get(key) != ordinal - 1:
                written = self.text[cand.start : cand.end]
                self._diagnose(
                    "numbering_unexpected_start", cand, f"a list opens at {written} without 1"
                )
        parent = stack[-1]
        node = _Build(start, cand, not strong, self._heading(cand.end), key, ordinal)
        parent.children.append(node)
        stack.append(node)
        if is_new_pair and parent.key is not None:
            self.above.add((parent.key, key))
        self.last_seen[key] = ordinal

    def _heading(self, after: int) -> tuple[int, int] | None:
        """From ``after`` (a marker's end) to the line end or the first sentence end outside
        quotes.

        One match skips the marker's trailing spaces and ``*`` and runs to whichever comes
        first, the line break or a sentence end; a sentence end inside a quote sends it on. A
        stop never opens a quote, so the region that starts last before it holds it exactly when
        that region ends after it.
        """
        folded = self.folded
        scan_end = after + MAX_HEADING  # bounded, so a 500,000-character line stays linear
        if scan_end > self.length:
            scan_end = self.length
        start, stop = _heading_body(folded, after, scan_end).span(1)
        while stop < scan_end and folded[stop] != "\n":
            index = bisect_right(self.region_starts, stop) - 1
            if index < 0 or self.region_ends[index] <= stop:
                return start, stop + 1  # the sentence end belongs to the heading
            stop = _heading_body(folded, stop + 1, scan_end).end()  # a 。 inside a quote
        # a line break or the end of the scan: the heading's trailing spaces, * and # are dropped
        end = stop
        while end > start and folded[end - 1] in " \t*#":
            end -= 1
        return (start, end) if end > start else None

    # -- the fold ----------------------------------------------------------------------------

    def _stop(self, position: int) -> None:
        """No more nodes: the text from ``position`` on stays inside the last node opened (a
        last child runs on to its parent's end, and the parent to the text's end)."""
        self.diagnostics.append(
            trusted(
                Diagnostic,
                code="limit_reached",
                message=f"the outline stops at its limit of {self.max_nodes} nodes "
                "(max_nodes): the text from here on stays inside the last node",
                span=Span.of(position, len(self.folded.rstrip())),
            )
        )

    def build(self, begin: int) -> list[_Build]:
        """The top-level nodes: each content line from ``begin`` is a node opened by its strong
        first marker or a paragraph, and its inline markers follow where they are accepted.
        At most ``nodes_left`` nodes are opened (see ``_stop``)."""
        candidates = self.candidates
        count = len(candidates)
        stack = self.stack
        open_entries = self._open_entries
        accepts_weak = self._accepts_weak
        continues = self._continues
        next_ordinal = self.next_ordinal
        place = self._place
        index = 0
        while index < count and candidates[index].start < begin:
            index += 1
        for line_start, line_end in _content_lines(self.folded, begin):
            if not self.nodes_left:
                self._stop(line_start)
                break
            while stack[-1].transient:
                stack.pop()
            while index < count and candidates[index].start < line_start:
                index += 1  # candidates in skipped text (none expected)
            first = candidates[index] if index < count else None
            placed = False
            self.nodes_left -= 1  # the line's node: its first marker's or a paragraph
            if first is not None and first.strong and first.start < line_end:
                # the line's first candidate, after any ** or #
                same, continued = open_entries(first.key, first.ordinal)
                if not first.doubtful or continues(first, continued):
                    # 一是…二是… that merely starts a line is inline (only enumerations can be)
                    strong = True
                    if first.style in ENUMERATION_STYLES:
                        strong = not self._runs_on_inline(index, line_end)
                    place(first, same, continued, strong, line_start)
                    index += 1
                    placed = True
            if not placed:
                paragraph = _Build(line_start, None, True)
                stack[-1].children.append(paragraph)
                stack.append(paragraph)
            while index < count:
                cand = candidates[index]
                if cand.start >= line_end:
                    break
                same, continued = open_entries(cand.key, cand.ordinal)
                if (
                    # 。3．10种 on a flattened page: item 3 only if 3 is next and no other 3.
                    # follows (。2.45万名 while 1. is open is a number: the real 2. comes later).
                    # Otherwise an open list's next number needs no call: accepts_weak says yes.
                    continues(cand, continued) and next_ordinal[index] != cand.ordinal
                    if cand.doubtful
                    else continued or accepts_weak(index, same, continued)
                ):
                    if not self.nodes_left:
                        self._stop(cand.start)
                        return self.root.children
                    self.nodes_left -= 1
                    place(cand, same, continued, False, cand.start)
                index += 1
        return self.root.children


NodeSpan = tuple[int, int, str]  # a node's start, end and path


class Outline(NamedTuple):
    """What stage 5 hands on: the tree, and what later stages read from every node (collected
    while the models are built, so no later stage walks the tree again)."""

    title: Title | None
    children: list[Node]
    diagnostics: list[Diagnostic]
    marker_spans: list[Span]  # where every node's marker stands, in document order
    node_spans: list[NodeSpan]  # every node, in document (pre)order


def _finish(
    builds: list[_Build], text: str, folded: str, body_end: int
) -> tuple[list[Node], list[Span], list[NodeSpan]]:
    """Turn builder nodes into models (spans, headings, markers, levels and paths), and list
    the marker spans and node spans on the way.

    The report's hot path (one model per node and marker): models are built by each class's
    ``builder`` from dict literals in declaration order, and names used per node are locals.
    A node's raw end is where the next node that is not its descendant starts: its next
    sibling, or for a last child the raw end of its parent (so one recursive pass does it all);
    its end is the raw end without the whitespace before it (a last child's is its parent's).
    """
    span_of = Span.of
    marker_spans: list[Span] = []
    node_spans: list[NodeSpan] = []

    def convert(
        nodes: list[_Build], level: int, prefix: str, outer_end: int, outer_trimmed: int
    ) -> list[Node]:
        used: dict[int, int] = {}
        paragraphs = 0
        result: list[Node] = []
        last = len(nodes) - 1
        for position, node in enumerate(nodes):
            start = node.start
            if position < last:
                raw_end = trimmed = nodes[position + 1].start
                while trimmed > 0 and folded[trimmed - 1].isspace():
                    trimmed -= 1
            else:
                raw_end, trimmed = outer_end, outer_trimmed
            end = trimmed
            cand = node.cand
            inner = node.children
            if cand is None:
                if end <= start:
                    end = start + 1  # a node holds at least its marker, a paragraph one character
                paragraphs += 1
                path = f"{prefix}p{paragraphs}"
                marker = heading = heading_span = None
                new_node: Callable[[dict[str, Any]], Node] = _NEW_PARAGRAPH
                kind = "paragraph"
            else:
                ordinal = cand.ordinal
                mark_start = cand.start
                mark_end = cand.end  # a marker ends in a non-space: end >= mark_end already
                if ordinal in used:
                    seen = used[ordinal] = used[ordinal] + 1
                    path = f"{prefix}{ordinal}~{seen}"
                else:
                    used[ordinal] = 1
                    path = f"{prefix}{ordinal}"
                marker_span = span_of(mark_start, mark_end)
                marker_spans.append(marker_span)
                marker = _NEW_MARKER(
                    {
                        "style": cand.style,
                        "text": text[mark_start:mark_end],
                        "ordinal": ordinal,
                        "span": marker_span,
                    },
                )
                if node.transient:
                    new_node, kind = _NEW_POINT, "point"
                else:
                    new_node, kind = _NEW_SECTION, "section"
                heading = heading_span = None
                if node.heading is not None:
                    # a heading stops where the next node starts (an inline marker before its 。)
                    head_start, head_end = node.heading
                    stop = inner[0].start if inner else end
                    if stop < head_end:
                        head_end = stop
                    while head_end > head_start and folded[head_end - 1].isspace():
                        head_end -= 1
                    if head_end > head_start:
                        heading_span = span_of(head_start, head_end)
                        heading = text[head_start:head_end]
            node_spans.append((start, end, path))  # before the children: preorder
            children = convert(inner, level + 1, path + ".", raw_end, trimmed) if inner else []
            result.append(
                new_node(
                    {
                        "span": span_of(start, end),
                        "marker": marker,
                        "heading": heading,
                        "heading_span": heading_span,
                        "level": level,
                        "path": path,
                        "children": children,
                        "kind": kind,
                    },
                )
            )
        return result

    # body_end is already trimmed: the text has no whitespace at its end
    return convert(builds, 1, "", body_end, body_end), marker_spans, node_spans


def build_outline(
    text: str,
    folded: str,
    candidates: list[Candidate],
    regions: list[tuple[int, int]] | None = None,
    *,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> Outline:
    """The title, the top-level nodes and the numbering diagnostics of ``text`` (with the
    marker and node spans of the tree).

    ``regions`` are the quoted regions of ``folded`` (computed here when not given). Past
    ``max_nodes`` nodes no node is opened, and a ``limit_reached`` diagnostic says where.
    """
    if regions is None:
        regions = quoted_regions(folded)
    first_marker = next((c.start for c in candidates if c.strong), len(text))
    title = find_title(text, folded, first_marker)
    begin = title.span.end if title else 0
    builder = _OutlineBuilder(text, folded, candidates, regions, max_nodes)
    builds = builder.build(begin)
    body_end = len(folded.rstrip())
    children, marker_spans, node_spans = _finish(builds, text, folded, body_end)
    return Outline(title, children, builder.diagnostics, marker_spans, node_spans)
