"""Stage 7: mentions + outline -> the same mentions, each with the path of its innermost node."""

from __future__ import annotations

from collections.abc import Sequence

from .models import Mention, Node


def _node_spans(nodes: Sequence[Node]) -> list[tuple[int, int, str]]:
    """``(start, end, path)`` of every node, in document (pre)order."""
    order: list[tuple[int, int, str]] = []
    pending = list(reversed(nodes))
    while pending:
        node = pending.pop()
        order.append((node.span.start, node.span.end, node.path))
        pending.extend(reversed(node.children))
    return order


def attach_node_paths(nodes: Sequence[Node], *mention_lists: Sequence[Mention]) -> None:
    """Set ``node_path`` on every mention of every list, in one sweep over the document.

    Spans nest, so walking nodes in document order with a stack of open ones leaves exactly the
    ancestors of the current position on the stack; the innermost one that also covers the
    mention's end is its node. A mention outside every node keeps ``node_path=None``.

    The mentions are the extractors' fresh objects, not yet handed to anyone: the path is
    written into them in place (a copy per mention would cost more than the sweep itself).
    """
    order = _node_spans(nodes)
    mentions = sorted(
        (m for mention_list in mention_lists for m in mention_list),
        key=lambda m: (m.span.start, m.span.end),
    )
    open_nodes: list[tuple[int, int, str]] = []
    next_node = 0
    for mention in mentions:
        start, end = mention.span.start, mention.span.end
        while next_node < len(order) and order[next_node][0] <= start:
            node = order[next_node]
            while open_nodes and open_nodes[-1][1] <= node[0]:
                open_nodes.pop()
            open_nodes.append(node)
            next_node += 1
        while open_nodes and open_nodes[-1][1] <= start:
            open_nodes.pop()
        depth = len(open_nodes) - 1
        while depth >= 0 and open_nodes[depth][1] < end:
            depth -= 1
        if depth >= 0:
            mention.__dict__["node_path"] = open_nodes[depth][2]
