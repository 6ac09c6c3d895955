"""The levels: marker candidates folded into a tree of node drafts with a stack.

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

from ..drafts import Candidate, NodeDraft
from ..models import Diagnostic, DiagnosticCode
from ..source import SourceText
from ..span import Span, trusted
from .headings import heading_after
from .styles import ENUMERATION_STYLES
from .title import content_lines

MAX_DEPTH = 24  # deeper nesting is treated as a restart: real reports nest five or six deep
DEFAULT_MAX_NODES = 100_000
"""Nodes the outline opens at most (``parse(max_nodes=...)``): the longest real reports have a
few thousand; at this limit a parse peaks at about 300 MB, whatever the input."""


class OutlineBuilder:
    """Folds candidates into a tree with a stack; see the module docstring for the rules."""

    def __init__(
        self, source: SourceText, candidates: list[Candidate], max_nodes: int = DEFAULT_MAX_NODES
    ):
        self.source = source
        self.text = source.text
        self.folded = source.folded
        self.candidates = candidates
        self.root = NodeDraft(0, None, None, False, None, [])
        self.stack: list[NodeDraft] = [self.root]
        self.last_seen: dict[str, int] = {}
        self.above: set[tuple[str, str]] = set()
        self.diagnostics: list[Diagnostic] = []
        self.placed: list[Candidate] = []  # the markers of the tree, in document order
        self.next_ordinal = self._next_same_key_ordinals()
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
        for i in range(len(stack) - 1, 0, -1):
            entry = stack[i]
            if entry.key == key:
                assert entry.marker is not None  # a node with a key has a marker
                if entry.marker.ordinal + 1 == ordinal:
                    return (same or i), i
                if not same:
                    same = i
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
            if top.marker is None and top.inline:
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
            previous = stack[same].marker.ordinal  # type: ignore[union-attr]
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
                if top_key is None and stack[-1].inline:
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
        node = NodeDraft(start, cand, key, not strong, heading_after(self.source, cand.end), [])
        parent.children.append(node)
        stack.append(node)
        if is_new_pair and parent.key is not None:
            self.above.add((parent.key, key))
        self.last_seen[key] = ordinal
        self.placed.append(cand)

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

    def build(self, begin: int) -> list[NodeDraft]:
        """The top-level nodes: each content line from ``begin`` is a node opened by its strong
        first marker or a paragraph, and its inline markers follow where they are accepted.
        At most ``nodes_left`` nodes are opened (see ``_stop``)."""
        candidates = self.candidates
        count = len(candidates)
        stack = self.stack
        index = 0
        while index < count and candidates[index].start < begin:
            index += 1
        for line_start, line_end in content_lines(self.folded, begin):
            if not self.nodes_left:
                self._stop(line_start)
                break
            while stack[-1].inline:
                stack.pop()
            while index < count and candidates[index].start < line_start:
                index += 1  # candidates in skipped text (none expected)
            first = candidates[index] if index < count else None
            placed = False
            self.nodes_left -= 1  # the line's node: its first marker's or a paragraph
            if first is not None and first.strong and first.start < line_end:
                # the line's first candidate, after any ** or #
                same, continued = self._open_entries(first.key, first.ordinal)
                if not first.doubtful or self._continues(first, continued):
                    # 一是…二是… that merely starts a line is inline (only enumerations can be)
                    strong = True
                    if first.style in ENUMERATION_STYLES:
                        strong = not self._runs_on_inline(index, line_end)
                    self._place(first, same, continued, strong, line_start)
                    index += 1
                    placed = True
            if not placed:
                paragraph = NodeDraft(line_start, None, None, True, None, [])
                stack[-1].children.append(paragraph)
                stack.append(paragraph)
            while index < count:
                cand = candidates[index]
                if cand.start >= line_end:
                    break
                same, continued = self._open_entries(cand.key, cand.ordinal)
                if (
                    # 。3．10种 on a flattened page: item 3 only if 3 is next and no other 3.
                    # follows (。2.45万名 while 1. is open is a number: the real 2. comes later).
                    # Otherwise an open list's next number is accepted at once.
                    self._continues(cand, continued) and self.next_ordinal[index] != cand.ordinal
                    if cand.doubtful
                    else continued or self._accepts_weak(index, same, continued)
                ):
                    if not self.nodes_left:
                        self._stop(cand.start)
                        return self.root.children
                    self.nodes_left -= 1
                    self._place(cand, same, continued, False, cand.start)
                index += 1
        return self.root.children
