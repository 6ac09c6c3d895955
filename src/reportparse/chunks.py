"""Report -> chunks for retrieval: pieces of the text cut along its outline, each with the
headings above it, the nodes it covers and the mentions inside it.

How the text is cut (``docs/chunks.md`` has examples):

- a node that fits ``max_chars`` is never cut; a node too long is opened: its lead (marker,
  heading, text before its first child) and its children are chunked in turn;
- a lead or an unnumbered text that is still too long is cut at sentence ends (。！？； or a line
  break), never inside a number, nor inside “…” or 《…》 unless the quote itself is longer than
  ``max_chars``; only a sentence longer than ``max_chars`` is cut inside, at a comma (，：、),
  else hard at ``max_chars``;
- pieces shorter than ``min_chars`` are *small*: a small piece is joined to the pieces beside it
  under the same parent while the result fits ``max_chars``; a small lead (a heading) is carried
  into the first chunk of a child too long to stay whole; the short tail of a cut text is evened
  out with the piece before it. Pieces of ``min_chars`` or more keep a chunk of their own;
- a numbered top-level node shares its chunk with no other top-level node (the title may lead
  into the first chunk).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .models import Count, DateMention, DocumentRef, Mention, Node, Report
from .normalise import fold
from .source import quoted_regions
from .span import Span

ChunkEnd = Literal["node", "sentence", "clause", "hard"]

# Matched on fold(text), where ！？；，： are already ASCII. A sentence end takes the closing
# quotes and brackets after it (。” ends the sentence after the quote).
_SENTENCE_END = re.compile(r"[。!?;\n][”’」』)\]]*")
_CLAUSE_END = re.compile(r"[,:、][”’」』)\]]*")
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*%?")


class Chunk(BaseModel):
    """A piece of a report for retrieval: a span of its text and where that stands in it."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    index: int = Field(description="Position of the chunk in the report's list of chunks.")
    text: str = Field(description="Exactly report.text[span.start:span.end].")
    span: Span
    node_paths: list[str] = Field(
        description="Paths of the node the chunk starts in and of every node starting inside "
        "it, in document order."
    )
    breadcrumbs: list[str] = Field(
        description="Marker and heading, as written, of each numbered node that encloses the "
        "chunk and starts before it, outermost first."
    )
    title: str | None = Field(description="The report's title, as written.")
    source: str | None = Field(default=None, description="report.source.path, when there is one.")
    ends_at: ChunkEnd = Field(
        description="Where the chunk ends: 'node' (a node boundary), 'sentence' (a sentence end "
        "inside a node too long to keep whole), 'clause' (a comma inside a sentence longer than "
        "max_chars) or 'hard' (inside such a sentence, with no comma in reach)."
    )
    counts: list[Count] = Field(default_factory=list, description="Counts inside the chunk.")
    dates: list[DateMention] = Field(default_factory=list, description="Dates inside the chunk.")
    documents: list[DocumentRef] = Field(
        default_factory=list, description="Named documents inside the chunk."
    )

    def embed_text(self) -> str:
        """The text to embed: the breadcrumbs, one a line, then the chunk's text, so a piece
        deep in a section still says which section it belongs to."""
        return "\n".join([*self.breadcrumbs, self.text])

    def as_document(self) -> dict[str, Any]:
        """``{"page_content": ..., "metadata": {...}}``, as LangChain's ``Document(**...)``
        takes it; the metadata holds only JSON types (str, int, float, bool, None, lists, dicts)."""
        return {
            "page_content": self.text,
            "metadata": {
                "index": self.index,
                "start": self.span.start,
                "end": self.span.end,
                "title": self.title,
                "source": self.source,
                "breadcrumbs": list(self.breadcrumbs),
                "node_paths": list(self.node_paths),
                "ends_at": self.ends_at,
                "counts": [_mention_record(m) for m in self.counts],
                "dates": [_mention_record(m) for m in self.dates],
                "documents": [_mention_record(m) for m in self.documents],
            },
        }


def _mention_record(mention: Mention) -> dict[str, Any]:
    record: dict[str, Any] = mention.model_dump(mode="json", exclude={"span"})
    record["start"], record["end"] = mention.span.start, mention.span.end
    return record


def chunk(report: Report, *, max_chars: int = 800, min_chars: int = 200) -> list[Chunk]:
    """Cut ``report.text`` into chunks of at most ``max_chars`` characters along its outline.

    The chunks tile the text in order (only whitespace lies between them). ``min_chars`` is
    the size below which a piece is joined to its neighbours when the result still fits
    (0: every node that fits is a chunk of its own; ``max_chars``: pack as full as possible).
    """
    if not isinstance(report, Report):
        raise TypeError(f"chunk() takes a Report, not {type(report).__name__}")
    if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1:
        raise ValueError(f"max_chars must be a positive int, not {max_chars!r}")
    if isinstance(min_chars, bool) or not isinstance(min_chars, int) or min_chars < 0:
        raise ValueError(f"min_chars must be an int >= 0, not {min_chars!r}")
    spans = _Cutter(report.text, max_chars, min_chars).cut(report)
    return _describe(report, spans)


@dataclass
class _Piece:
    """A span to place in a chunk, with what the joining rules need to know about it."""

    start: int
    end: int
    ends_at: ChunkEnd = "node"
    lead: bool = False  # a heading lead or the title: may be carried into what follows
    alone: bool = False  # a numbered top-level node: shares its chunk with no other node

    def __len__(self) -> int:
        return self.end - self.start


@dataclass
class _Long:
    """A node too long to keep whole: it is opened and chunked from the inside."""

    node: Node


class _Cutter:
    """Chunk spans of one text: the boundaries where it may be cut, and the joining rules."""

    def __init__(self, text: str, max_chars: int, min_chars: int) -> None:
        self.folded = folded = fold(text)
        self.max_chars = max_chars
        self.min_chars = min_chars
        # quotes and titles that fit in a piece are never cut; a longer one must be, and its
        # own sentence ends are used for it like any others
        quotes = [(s, e) for s, e in quoted_regions(folded) if e - s <= max_chars]
        numbers = [hit.span() for hit in _NUMBER.finditer(folded)]
        self.protected = _merged(sorted([*quotes, *numbers]))
        self.protected_starts = [start for start, _ in self.protected]
        self.sentence_ends = self._boundaries(_SENTENCE_END)
        self.clause_ends = self._boundaries(_CLAUSE_END)
        self.spans: list[tuple[int, int, ChunkEnd]] = []

    def cut(self, report: Report) -> list[tuple[int, int, ChunkEnd]]:
        """The chunk spans of the report: ``(start, end, ends_at)`` in document order."""
        items: list[_Piece | _Long] = []
        if report.title is not None:
            title = report.title.span
            start, end = self._lstrip(title.start, title.end), self._rstrip(title.start, title.end)
            if start < end:
                items.extend(self._pieces(start, end, lead=True))
        items.extend(self._item(node, alone=node.marker is not None) for node in report.children)
        self._join(items)
        return self.spans

    def _item(self, node: Node, *, alone: bool = False) -> _Piece | _Long:
        span = node.span
        if span.end - span.start <= self.max_chars:
            return _Piece(span.start, span.end, alone=alone)
        return _Long(node)

    def _open(self, node: Node, carried: _Piece | None) -> None:
        """Chunk a node too long to keep whole, ``carried`` (small leads above it) in front."""
        start = carried.start if carried is not None else node.span.start
        if not node.children:
            for piece in self._pieces(start, node.span.end):
                self._emit(piece)
            return
        items: list[_Piece | _Long] = []
        lead_end = self._rstrip(node.span.start, node.children[0].span.start)
        if lead_end > node.span.start:
            items.extend(self._pieces(start, lead_end, lead=True))
        elif carried is not None:
            items.append(carried)
        items.extend(self._item(child) for child in node.children)
        self._join(items)

    def _join(self, items: list[_Piece | _Long]) -> None:
        """Emit the items of one parent, joining small ones to their neighbours."""
        group: _Piece | None = None
        for item in items:
            if isinstance(item, _Long):
                carried = None
                if group is not None and group.lead and len(group) < self.min_chars:
                    carried = group
                elif group is not None:
                    self._emit(group)
                group = None
                self._open(item.node, carried)
            elif group is None:
                group = replace(item)
            elif self._joins(group, item):
                group.end, group.ends_at = item.end, item.ends_at
                group.lead = group.lead and item.lead
                group.alone = group.alone or item.alone
            else:
                self._emit(group)
                group = replace(item)
        if group is not None:
            self._emit(group)

    def _joins(self, group: _Piece, item: _Piece) -> bool:
        if item.end - group.start > self.max_chars:
            return False
        if len(group) >= self.min_chars and len(item) >= self.min_chars:
            return False
        if group.alone:
            return False
        return not item.alone or group.lead

    def _emit(self, piece: _Piece) -> None:
        self.spans.append((piece.start, piece.end, piece.ends_at))

    def _pieces(self, start: int, end: int, *, lead: bool = False) -> list[_Piece]:
        """``[start, end)`` cut at sentence ends into pieces of at most ``max_chars``: each
        piece as long as it can be; a short last piece is evened out with the one before."""
        pieces = []
        while end - start > self.max_chars:
            cut, kind = self._cut(start, start + self.max_chars)
            pieces.append(_Piece(start, self._rstrip(start, cut), kind, lead))
            start = self._lstrip(cut, end)
        pieces.append(_Piece(start, end, "node", lead))
        if (
            len(pieces) > 1
            and len(pieces[-1]) < self.min_chars
            and pieces[-2].ends_at == "sentence"
        ):
            self._even_out(pieces[-2], pieces[-1])
        return pieces

    def _cut(self, start: int, limit: int) -> tuple[int, ChunkEnd]:
        """Where to end a piece that starts at ``start`` and may run to ``limit``: the last
        sentence end in reach, else the last comma, else ``limit`` (moved back to the start of
        a quote or number it would fall into, when that leaves something before it)."""
        for boundaries, kind in ((self.sentence_ends, "sentence"), (self.clause_ends, "clause")):
            index = bisect_right(boundaries, limit)
            if index and boundaries[index - 1] > start:
                return boundaries[index - 1], kind  # type: ignore[return-value]
        inside = self._protected_around(limit)
        if inside is not None and inside[0] > start:
            return inside[0], "hard"
        return limit, "hard"

    def _even_out(self, left: _Piece, right: _Piece) -> None:
        """Move the sentence end between two pieces to the one that splits them most evenly."""
        start, end = left.start, right.end
        low, high = bisect_right(self.sentence_ends, start), bisect_left(self.sentence_ends, end)
        best, best_gap = None, abs(len(left) - len(right))
        for boundary in self.sentence_ends[low:high]:
            left_end, right_start = self._rstrip(start, boundary), self._lstrip(boundary, end)
            if left_end - start > self.max_chars or end - right_start > self.max_chars:
                continue
            gap = abs((left_end - start) - (end - right_start))
            if gap < best_gap:
                best, best_gap = (left_end, right_start), gap
        if best is not None:
            left.end, right.start = best

    def _boundaries(self, pattern: re.Pattern[str]) -> list[int]:
        """Sorted offsets just after each match of ``pattern`` outside the protected regions."""
        ends = []
        for hit in pattern.finditer(self.folded):
            end = hit.end() if hit.group() != "\n" else hit.start()  # a line ends before its break
            if self._protected_around(end) is None:
                ends.append(end)
        return ends

    def _protected_around(self, position: int) -> tuple[int, int] | None:
        """The protected region that ``position`` falls strictly inside, if any."""
        index = bisect_right(self.protected_starts, position) - 1
        if index >= 0:
            region = self.protected[index]
            if region[0] < position < region[1]:
                return region
        return None

    def _lstrip(self, start: int, end: int) -> int:
        folded = self.folded
        while start < end and folded[start].isspace():
            start += 1
        return start

    def _rstrip(self, start: int, end: int) -> int:
        folded = self.folded
        while end > start and folded[end - 1].isspace():
            end -= 1
        return end


def _merged(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted regions with the overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for start, end in regions:
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _breadcrumb(node: Node, text: str) -> str | None:
    """The node's marker and heading as written, or None for an unnumbered paragraph."""
    if node.marker is None:
        return None
    end = node.heading_span.end if node.heading_span is not None else node.marker.span.end
    return text[node.marker.span.start : end]


def _describe(report: Report, spans: list[tuple[int, int, ChunkEnd]]) -> list[Chunk]:
    """The chunks of the spans: one sweep over the nodes (in document order) finds for each
    span the nodes that enclose it and those that start inside it."""
    text = report.text
    nodes = list(report.walk())
    title = report.title.text if report.title is not None else None
    source = report.source.path if report.source is not None else None
    counts = _Mentions(report.counts)
    dates = _Mentions(report.dates)
    documents = _Mentions(report.documents)
    open_nodes: list[Node] = []  # the nodes containing the current position, outermost first
    next_node = 0
    chunks = []
    for index, (start, end, ends_at) in enumerate(spans):
        while next_node < len(nodes) and nodes[next_node].span.start < start:
            node = nodes[next_node]
            while open_nodes and open_nodes[-1].span.end <= node.span.start:
                open_nodes.pop()
            open_nodes.append(node)
            next_node += 1
        while open_nodes and open_nodes[-1].span.end <= start:
            open_nodes.pop()
        paths = [open_nodes[-1].path] if open_nodes else []
        inside = next_node
        while inside < len(nodes) and nodes[inside].span.start < end:
            paths.append(nodes[inside].path)
            inside += 1
        crumbs = [crumb for node in open_nodes if (crumb := _breadcrumb(node, text)) is not None]
        chunks.append(
            Chunk(
                index=index,
                text=text[start:end],
                span=Span(start, end),
                node_paths=paths,
                breadcrumbs=crumbs,
                title=title,
                source=source,
                ends_at=ends_at,
                counts=counts.within(start, end),
                dates=dates.within(start, end),
                documents=documents.within(start, end),
            )
        )
    return chunks


class _Mentions:
    """Mentions sorted by start, to list those inside a span."""

    def __init__(self, mentions: list[Any]) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.span.start, m.span.end))
        self.starts = [m.span.start for m in self.mentions]

    def within(self, start: int, end: int) -> list[Any]:
        low = bisect_left(self.starts, start)
        high = bisect_left(self.starts, end)
        return [m for m in self.mentions[low:high] if m.span.end <= end]
