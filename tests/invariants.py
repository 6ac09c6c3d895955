"""Checks every parse must pass, whatever the input: the lossless contract of the API."""

from __future__ import annotations

from reportparse import Report
from reportparse.models import Node
from reportparse.normalise import fold


def _blank(text: str) -> bool:
    """Whitespace as the library reads it: what folds to whitespace (BOM and ZWSP included)."""
    return not fold(text).strip()


def _check_node(node: Node, text: str, parent_start: int, parent_end: int, level: int) -> None:
    span = node.span
    assert 0 <= span.start < span.end <= len(text), f"{node.path}: bad span {span}"
    assert parent_start <= span.start and span.end <= parent_end, f"{node.path} leaves its parent"
    assert not _blank(text[span.end - 1]), f"{node.path} ends in whitespace"
    assert node.level == level, f"{node.path}: level {node.level} at depth {level}"
    if node.marker is not None:
        marker = node.marker
        assert text[marker.span.start : marker.span.end] == marker.text
        assert not _blank(marker.text[-1]), f"{node.path}: marker ends in whitespace"
        assert span.start <= marker.span.start < span.end, f"{node.path}: marker outside node"
        # only a line's Markdown lead may stand before a line-start marker: **, # or > (quote)
        lead = text[span.start : marker.span.start]
        assert _blank(lead.replace("*", "").replace("#", "").replace(">", "")), (
            f"{node.path}: text between node start and marker"
        )
        assert marker.ordinal >= 1
    if node.heading_span is not None:
        assert text[node.heading_span.start : node.heading_span.end] == node.heading
        assert span.start <= node.heading_span.start and node.heading_span.end <= span.end
    previous_end = span.start
    for child in node.children:
        assert child.span.start >= previous_end, f"{child.path} overlaps its previous sibling"
        _check_node(child, text, span.start, span.end, level + 1)
        previous_end = child.span.end


def check_report(report: Report, text: str) -> None:
    """Assert the lossless invariants (every node and mention is what its span says, nothing of
    the input is dropped) and the mention contract."""
    assert report.text == text
    previous_end = 0
    covered = []
    if report.title is not None:
        t = report.title.span
        assert text[t.start : t.end] == report.title.text
        covered.append((t.start, t.end))
        previous_end = t.end
    for node in report.children:
        assert node.span.start >= previous_end, f"{node.path} overlaps what precedes it"
        _check_node(node, text, 0, len(text), 1)
        covered.append((node.span.start, node.span.end))
        previous_end = node.span.end
    # every non-space character lies in the title or a top-level node
    position = 0
    for start, end in covered:
        gap = text[position:start]
        assert _blank(gap), f"text outside every node at {position}: {gap.strip()[:30]!r}"
        position = end
    assert _blank(text[position:]), f"text after the last node: {text[position:][:30]!r}"
    paths = {node.path for node in report.walk()}
    assert len(paths) == sum(1 for _ in report.walk()), "node paths are not unique"
    for mention in [*report.counts, *report.dates, *report.documents, *report.slogans]:
        assert text[mention.span.start : mention.span.end] == mention.text
        assert mention.node_path is None or mention.node_path in paths
    for diagnostic in report.diagnostics:
        assert 0 <= diagnostic.span.start <= diagnostic.span.end <= len(text)
