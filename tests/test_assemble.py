"""The assembly alone: node ends and paths, and each mention under the innermost node holding it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from reportparse import Report, parse
from reportparse.assemble import assemble
from reportparse.drafts import DateDraft, Findings
from reportparse.models import Node
from reportparse.outline import build_outline
from reportparse.outline.markers import find_markers
from reportparse.source import SourceText
from reportparse.span import Span

from .conftest import SAMPLES, corpus_files, read_exact

# 1 [0, 29) holds 1.1 [7, 21) (which holds 1.1.1 [15, 21)) and 1.2 [22, 29).
TEXT = "一、总体情况\n（一）主要做法\n1.开会三次\n（二）下步打算"


def _assembled(*spans: tuple[int, int]) -> list[str | None]:
    """The node path of a date draft at each of ``spans`` in the assembled report of TEXT."""
    source = SourceText.of(TEXT)
    outline = build_outline(source, find_markers(source))
    dates = [DateDraft(Span.of(s, e), TEXT[s:e], "point", None, None) for s, e in spans]
    report = assemble(source, outline, Findings([], dates, [], []), [], None, None)
    return [d.node_path for d in report.dates]


def test_node_spans_and_paths() -> None:
    report = parse(TEXT)
    found = [(n.path, n.span.start, n.span.end) for n in report.walk()]
    assert found == [("1", 0, 29), ("1.1", 7, 21), ("1.1.1", 15, 21), ("1.2", 22, 29)]


@pytest.mark.parametrize(
    ("start", "end", "path"),
    [
        (16, 18, "1.1.1"),
        (15, 21, "1.1.1"),  # exactly the node
        (16, 23, "1"),  # runs past the end of 1.1.1 and of 1.1
        (8, 10, "1.1"),  # before the first child of 1.1
        (2, 4, "1"),  # before the first child of 1
        (21, 22, "1"),  # starts where 1.1 ends
        (23, 25, "1.2"),
        (29, 29, None),  # after every node
    ],
    ids=lambda x: str(x),
)
def test_innermost_node_holding_the_mention(start: int, end: int, path: str | None) -> None:
    assert _assembled((start, end)) == [path]


def test_mentions_with_one_start_are_placed_by_their_own_end() -> None:
    assert _assembled((8, 10), (16, 18), (16, 23)) == ["1.1", "1.1.1", "1"]


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
def test_outline_lists_the_markers_of_its_nodes_in_document_order(path: Path) -> None:
    source = SourceText.of(read_exact(path))
    outline = build_outline(source, find_markers(source))
    report = parse(source.text)
    markers = [n.marker.span for n in _preorder(report.children) if n.marker is not None]
    assert [Span.of(m.start, m.end) for m in outline.markers] == markers


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_paths_agree_with_a_walk_of_the_tree(path: Path) -> None:
    report = parse(read_exact(path))
    mentions = [*report.counts, *report.dates, *report.documents, *report.slogans]
    assert mentions
    for m in mentions:
        assert m.node_path == _innermost_path(report.children, m.span.start, m.span.end), m.text


def _models(report: object) -> list[BaseModel]:
    """Every model inside ``report`` (itself included), depth first."""
    found: list[BaseModel] = []

    def visit(value: object) -> None:
        if isinstance(value, BaseModel):
            found.append(value)
            for name in type(value).model_fields:
                visit(getattr(value, name))
        elif isinstance(value, list):
            for item in value:
                visit(item)

    visit(report)
    return found


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_every_model_is_complete_and_valid(path: Path) -> None:
    """The assembly builds models without validation: each must hold exactly its fields, in
    declaration order, and the report must equal the one pydantic validates from its JSON."""
    report = parse(read_exact(path))
    for model in _models(report):
        assert list(model.__dict__) == list(type(model).model_fields), type(model).__name__
    assert Report.model_validate_json(report.model_dump_json()) == report
