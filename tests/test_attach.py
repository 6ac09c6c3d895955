"""Stage 7 alone: each mention gets the path of the innermost node that holds all of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportparse import parse
from reportparse.attach import attach_node_paths
from reportparse.markers import find_markers, quoted_regions
from reportparse.models import DateMention, Node
from reportparse.normalise import fold
from reportparse.outline import build_outline
from reportparse.span import Span

from .conftest import SAMPLES, corpus_files, read_exact

# 1 [0, 100) holds 1.1 [10, 50) (which holds 1.1.1 [20, 30)) and 1.2 [60, 90); nothing after 100.
NODE_SPANS = [(0, 100, "1"), (10, 50, "1.1"), (20, 30, "1.1.1"), (60, 90, "1.2")]


def _mention(start: int, end: int) -> DateMention:
    return DateMention.model_construct(
        span=Span.of(start, end), text="x" * (end - start), node_path=None,
        kind="point", value=None, precision=None,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("start", "end", "path"),
    [
        (22, 25, "1.1.1"),
        (20, 30, "1.1.1"),  # exactly the node
        (22, 35, "1.1"),  # runs past the end of 1.1.1
        (22, 55, "1"),  # runs past the end of 1.1 too
        (5, 8, "1"),  # before the first child
        (50, 55, "1"),  # starts where 1.1 ends
        (95, 105, None),  # runs past the last node
        (100, 105, None),  # after every node
    ],
    ids=lambda x: str(x),
)
def test_innermost_node_holding_the_mention(start: int, end: int, path: str | None) -> None:
    mention = _mention(start, end)
    attach_node_paths(NODE_SPANS, [mention])
    assert mention.node_path == path


def test_mentions_with_one_start_are_placed_by_their_own_end() -> None:
    """Lists arrive unsorted, and mentions sharing a start may come in either order."""
    wide, narrow, first = _mention(20, 45), _mention(20, 30), _mention(12, 14)
    attach_node_paths(NODE_SPANS, [wide], [narrow, first])
    assert (wide.node_path, narrow.node_path, first.node_path) == ("1.1", "1.1.1", "1.1")


def _preorder(nodes: list[Node]) -> list[Node]:
    return [n for node in nodes for n in (node, *_preorder(node.children))]


def _innermost_path(nodes: list[Node], start: int, end: int) -> str | None:
    """Deepest node with ``start`` inside it and ``end`` not past it, by a walk of the tree."""
    for node in nodes:
        if node.span.start <= start < node.span.end and end <= node.span.end:
            return _innermost_path(node.children, start, end) or node.path
    return None


TEXTS = [*corpus_files(), *sorted(SAMPLES.glob("*.txt"))]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_outline_lists_every_node_and_marker_in_document_order(path: Path) -> None:
    text = read_exact(path)
    folded = fold(text)
    regions = quoted_regions(folded)
    outline = build_outline(text, folded, find_markers(folded, regions), regions)
    nodes = _preorder(outline.children)
    assert outline.node_spans == [(n.span.start, n.span.end, n.path) for n in nodes]
    assert outline.marker_spans == [n.marker.span for n in nodes if n.marker is not None]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_paths_agree_with_a_walk_of_the_tree(path: Path) -> None:
    report = parse(read_exact(path))
    mentions = [*report.counts, *report.dates, *report.documents, *report.slogans]
    assert mentions
    for m in mentions:
        assert m.node_path == _innermost_path(report.children, m.span.start, m.span.end), m.text
