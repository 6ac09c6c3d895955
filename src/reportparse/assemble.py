"""The last stage: the outline draft and the extractors' drafts -> the pydantic ``Report``.

Everything that needs the whole tree is decided here, in one preorder walk of the outline draft:
each node's end, level and path, its heading clipped to the node, and the models themselves.
Then every mention gets the path of its innermost node and becomes its model. Models are built
once, complete, and never changed.
"""

from __future__ import annotations

import datetime
from bisect import bisect_right
from collections.abc import Callable, Iterable
from typing import Any

from .domain import read_domain
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
    recorded: list[tuple[int, int, str, int]] = []
    children = _nodes(source, outline.nodes, recorded)
    nodes = _NodeIndex(recorded)
    title = None
    if outline.title is not None:
        start, end = outline.title
        title = trusted(Title, text=text[start:end], span=Span.of(start, end))
    # the coding sheet reads the built tree (paths, ends) and the drafts; counts take their role
    domain = read_domain(source, title, children, findings.counts, findings.dates)
    return trusted(
        Report,
        text=text,
        title=title,
        children=children,
        diagnostics=diagnostics + outline.diagnostics,
        counts=_counts(findings.counts, nodes, domain.roles),
        dates=_dates(findings.dates, nodes),
        documents=_documents(findings.documents, nodes),
        slogans=_slogans(findings.slogans, nodes),
        reference_date=reference_date,
        source=origin,
        meta=domain.meta,
        rectifications=domain.rectifications,
    )


# --- the tree ------------------------------------------------------------------------------


class _NodeIndex:
    """Every node's start, end, path and parent (its index here, -1 for none), in preorder:
    where each mention's innermost node is looked up."""

    def __init__(self, nodes: list[tuple[int, int, str, int]]) -> None:
        self.starts = [start for start, _, _, _ in nodes]
        self.nodes = nodes

    def paths_of(self, mentions: Iterable[MentionDraft]) -> list[str | None]:
        """The path of the innermost node holding each mention (None where no node does).

        Nodes nest: the nodes around the last one that starts at or before a span are its
        ancestors, and the innermost of them that reaches past the span's start and to its end
        holds it.
        """
        starts, nodes = self.starts, self.nodes
        paths: list[str | None] = []
        for mention in mentions:
            start, end = mention.span.start, mention.span.end
            i = bisect_right(starts, start) - 1
            while i >= 0:
                _, node_end, path, parent = nodes[i]
                if node_end > start and node_end >= end:
                    paths.append(path)
                    break
                i = parent
            else:
                paths.append(None)
        return paths


def _nodes(
    source: SourceText, drafts: list[NodeDraft], recorded: list[tuple[int, int, str, int]]
) -> list[Node]:
    """The models of the top-level nodes (and, through them, of the whole tree); every node's
    start, end, path and parent (its index in ``recorded``) is recorded in preorder on the way.

    A node's raw end is where the next node that is not its descendant starts: its next
    sibling, or for a last child the raw end of its parent. Its end is the raw end without the
    whitespace before it (a paragraph holds at least one character).
    """
    text, folded = source.text, source.folded

    def convert(
        nodes: list[NodeDraft],
        level: int,
        prefix: str,
        parent: int,
        outer_end: int,
        outer_trimmed: int,
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
                # a marker ends in a non-space, so end >= its end already
                mark_start, mark_end, ordinal = cand.start, cand.end, cand.ordinal
                if ordinal in seen:
                    seen[ordinal] += 1
                    path = f"{prefix}{ordinal}~{seen[ordinal]}"
                else:
                    seen[ordinal] = 1
                    path = f"{prefix}{ordinal}"
                marker = _NEW_MARKER(
                    {
                        "style": cand.style,
                        "text": text[mark_start:mark_end],
                        "ordinal": ordinal,
                        "span": Span.of(mark_start, mark_end),
                    }
                )
                if node.inline:
                    new_node, kind = _NEW_POINT, "point"
                else:
                    new_node, kind = _NEW_SECTION, "section"
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
            recorded.append((start, end, path, parent))  # before the children: preorder
            here = len(recorded) - 1  # the parent of its children
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
                            convert(children, level + 1, path + ".", here, raw_end, trimmed)
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
    return convert(drafts, 1, "", -1, body_end, body_end)


# --- the mentions ----------------------------------------------------------------------------
# One function per mention model: where a field that the assembly decides for each mention (its
# node path, a count's role) is set.


def _counts(drafts: list[CountDraft], nodes: _NodeIndex, roles: dict[Span, str]) -> list[Count]:
    return [
        _NEW_COUNT(
            {
                "span": d.span,
                "text": d.text,
                "node_path": path,
                "kind": "count",
                "value": d.value,
                "value_max": d.value_max,
                "unit": d.unit,
                "object": d.object,
                "approx": d.approx,
                "duration": d.duration,
                "indicator": roles.get(d.span),
            }
        )
        for d, path in zip(drafts, nodes.paths_of(drafts), strict=True)
    ]


def _dates(drafts: list[DateDraft], nodes: _NodeIndex) -> list[DateMention]:
    return [
        _NEW_DATE(
            {
                "span": d.span,
                "text": d.text,
                "node_path": path,
                "kind": d.kind,
                "value": d.value,
                "precision": d.precision,
            }
        )
        for d, path in zip(drafts, nodes.paths_of(drafts), strict=True)
    ]


def _documents(drafts: list[DocumentDraft], nodes: _NodeIndex) -> list[DocumentRef]:
    return [
        _NEW_DOCUMENT(
            {
                "span": d.span,
                "text": d.text,
                "node_path": path,
                "name": d.name,
                "kind": d.kind,
                "action": d.action,
                "issuer": d.issuer,
            }
        )
        for d, path in zip(drafts, nodes.paths_of(drafts), strict=True)
    ]


def _slogans(drafts: list[SloganDraft], nodes: _NodeIndex) -> list[Slogan]:
    return [
        _NEW_SLOGAN({"span": d.span, "text": d.text, "node_path": path, "name": d.name})
        for d, path in zip(drafts, nodes.paths_of(drafts), strict=True)
    ]
