"""The last stage: the outline draft and the extractors' drafts -> the pydantic ``Report``.

Everything that needs the whole tree is decided here, in one preorder walk of the outline draft:
each node's end, level and path, its heading clipped to the node, and the models themselves.
Then every mention gets the path of its innermost node and becomes its model. Models are built
once, complete, and never changed.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Sequence
from typing import Any

from .drafts import (
    CountDraft,
    DateDraft,
    DocumentDraft,
    Findings,
    MentionDraft,
    NodeDraft,
    OutlineDraft,
    SloganDraft,
)
from .models import (
    Count,
    DateMention,
    Diagnostic,
    DocumentRef,
    Marker,
    Node,
    Paragraph,
    Point,
    Report,
    Section,
    Slogan,
    Source,
    Title,
)
from .source import SourceText
from .span import Span, builder, trusted

NodeSpan = tuple[int, int, str]  # a node's start, end and path

_NEW_MARKER = builder(Marker)
_NEW_SECTION = builder(Section)
_NEW_POINT = builder(Point)
_NEW_PARAGRAPH = builder(Paragraph)
_NEW_COUNT = builder(Count)
_NEW_DATE = builder(DateMention)
_NEW_DOCUMENT = builder(DocumentRef)
_NEW_SLOGAN = builder(Slogan)


def assemble(
    source: SourceText,
    outline: OutlineDraft,
    findings: Findings,
    diagnostics: list[Diagnostic],
    reference_date: datetime.date | None,
    origin: Source | None,
) -> Report:
    """The report: nodes from ``outline``, mentions from ``findings``, each mention under the
    innermost node that holds it; ``diagnostics`` (the input's) come before the outline's."""
    text = source.text
    node_spans: list[NodeSpan] = []
    children = _nodes(source, outline.nodes, node_spans)
    title = None
    if outline.title is not None:
        start, end = outline.title
        title = trusted(Title, text=text[start:end], span=Span.of(start, end))
    paths = _Paths(node_spans)
    return trusted(
        Report,
        text=text,
        title=title,
        children=children,
        diagnostics=diagnostics + outline.diagnostics,
        counts=list(map(_count, findings.counts, paths.of(findings.counts))),
        dates=list(map(_date, findings.dates, paths.of(findings.dates))),
        documents=list(map(_document, findings.documents, paths.of(findings.documents))),
        slogans=list(map(_slogan, findings.slogans, paths.of(findings.slogans))),
        reference_date=reference_date,
        source=origin,
    )


# --- the tree ------------------------------------------------------------------------------


def _nodes(source: SourceText, drafts: list[NodeDraft], node_spans: list[NodeSpan]) -> list[Node]:
    """The models of the top-level nodes (and, through them, of the whole tree); the span and
    path of every node is listed in ``node_spans`` in preorder on the way.

    A node's raw end is where the next node that is not its descendant starts: its next
    sibling, or for a last child the raw end of its parent. Its end is the raw end without the
    whitespace before it (a node holds at least its marker; a paragraph one character).
    """
    text, folded = source.text, source.folded

    def convert(
        nodes: list[NodeDraft], level: int, prefix: str, outer_end: int, outer_trimmed: int
    ) -> list[Node]:
        seen: dict[int, int] = {}  # how often each ordinal has come among these siblings
        paragraphs = 0
        result: list[Node] = []
        last = len(nodes) - 1
        for position, node in enumerate(nodes):
            start, cand, children = node.start, node.marker, node.children
            if position < last:
                raw_end = trimmed = nodes[position + 1].start
                while trimmed > 0 and folded[trimmed - 1].isspace():
                    trimmed -= 1
            else:
                raw_end, trimmed = outer_end, outer_trimmed
            end = trimmed
            marker = heading = heading_span = None
            new_node: Callable[[dict[str, Any]], Node]
            if cand is None:
                if end <= start:
                    end = start + 1
                paragraphs += 1
                path = f"{prefix}p{paragraphs}"
                new_node, kind = _NEW_PARAGRAPH, "paragraph"
            else:
                if end < cand.end:
                    end = cand.end
                if cand.ordinal in seen:
                    seen[cand.ordinal] += 1
                    path = f"{prefix}{cand.ordinal}~{seen[cand.ordinal]}"
                else:
                    seen[cand.ordinal] = 1
                    path = f"{prefix}{cand.ordinal}"
                marker = _NEW_MARKER(
                    {
                        "style": cand.style,
                        "text": text[cand.start : cand.end],
                        "ordinal": cand.ordinal,
                        "span": Span.of(cand.start, cand.end),
                    }
                )
                new_node, kind = (_NEW_POINT, "point") if node.inline else (_NEW_SECTION, "section")
                if node.heading is not None:
                    # a heading stops at the node's first child (an inline marker before its 。)
                    # and at the node's end
                    head_start, head_end = node.heading
                    stop = children[0].start if children else end
                    if stop < head_end:
                        head_end = stop
                    while head_end > head_start and folded[head_end - 1].isspace():
                        head_end -= 1
                    if head_end > head_start:
                        heading_span = Span.of(head_start, head_end)
                        heading = text[head_start:head_end]
            node_spans.append((start, end, path))  # before the children: preorder
            result.append(
                new_node(
                    {
                        "span": Span.of(start, end),
                        "marker": marker,
                        "heading": heading,
                        "heading_span": heading_span,
                        "level": level,
                        "path": path,
                        "children": (
                            convert(children, level + 1, path + ".", raw_end, trimmed)
                            if children
                            else []
                        ),
                        "kind": kind,
                    }
                )
            )
        return result

    # the text's trailing whitespace is in no node
    body_end = len(folded.rstrip())
    return convert(drafts, 1, "", body_end, body_end)


# --- the mentions ----------------------------------------------------------------------------

_BEYOND = (math.inf, math.inf, "")  # after the last node: no mention reaches its start
_AROUND = (-math.inf, math.inf, None)  # around everything: never closed, holds every mention


class _Paths:
    """The path of the innermost node holding each mention, by one sweep over the nodes.

    Spans nest, so walking the nodes in preorder with a stack of open ones leaves exactly the
    ancestors of the current position on the stack; the innermost one that also covers the
    mention's end is its node. A mention outside every node has no path (None).
    """

    def __init__(self, node_spans: list[NodeSpan]) -> None:
        self.node_spans = node_spans

    def of(self, drafts: Sequence[MentionDraft]) -> list[str | None]:
        """The path of each of ``drafts`` (sorted by start), in their order."""
        paths: list[str | None] = []
        upcoming_nodes = iter(self.node_spans)
        upcoming: tuple[float, float, str | None] = next(upcoming_nodes, _BEYOND)
        # _AROUND at the bottom: the stack is never empty and every search outward ends
        open_nodes: list[tuple[float, float, str | None]] = [_AROUND]
        for draft in drafts:
            start, end = draft.span.start, draft.span.end
            while upcoming[0] <= start:
                while open_nodes[-1][1] <= upcoming[0]:
                    open_nodes.pop()
                open_nodes.append(upcoming)
                upcoming = next(upcoming_nodes, _BEYOND)
            while open_nodes[-1][1] <= start:
                open_nodes.pop()
            node = open_nodes[-1]
            if node[1] < end:  # it runs past its innermost node (rare): look outward
                node = next(outer for outer in reversed(open_nodes) if outer[1] >= end)
            paths.append(node[2])
        return paths


# One function per mention model: where a field that the assembly decides (such as a count's
# role) is set, beside the node path.


def _count(draft: CountDraft, path: str | None) -> Count:
    return _NEW_COUNT(
        {
            "span": draft.span,
            "text": draft.text,
            "node_path": path,
            "kind": "count",
            "value": draft.value,
            "unit": draft.unit,
            "object": draft.object,
            "approx": draft.approx,
            "duration": draft.duration,
        }
    )


def _date(draft: DateDraft, path: str | None) -> DateMention:
    return _NEW_DATE(
        {
            "span": draft.span,
            "text": draft.text,
            "node_path": path,
            "kind": draft.kind,
            "value": draft.value,
            "precision": draft.precision,
        }
    )


def _document(draft: DocumentDraft, path: str | None) -> DocumentRef:
    return _NEW_DOCUMENT(
        {
            "span": draft.span,
            "text": draft.text,
            "node_path": path,
            "name": draft.name,
            "kind": draft.kind,
            "action": draft.action,
            "issuer": draft.issuer,
        }
    )


def _slogan(draft: SloganDraft, path: str | None) -> Slogan:
    return _NEW_SLOGAN(
        {"span": draft.span, "text": draft.text, "node_path": path, "name": draft.name}
    )
