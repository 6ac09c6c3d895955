"""Stage 4: mentions + outline -> the same mentions, each with the path of its innermost node."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from .models import Mention, Node
from .span import trusted

M = TypeVar("M", bound=Mention)


def _preorder(nodes: Sequence[Node]) -> list[Node]:
    order: list[Node] = []
    pending = list(reversed(nodes))
    while pending:
        node = pending.pop()
        order.append(node)
        pending.extend(reversed(node.children))
    return order


def attach_node_paths(mentions: Sequence[M], nodes: Sequence[Node]) -> list[M]:
    """Copies of ``mentions`` (sorted by start) with ``node_path`` set, in one sweep.

    Spans nest, so walking nodes in document order with a stack of open ones leaves exactly the
    ancestors of the current position on the stack; the innermost one that also covers the
    mention's end is its node. A mention outside every node keeps ``node_path=None``.
    """
    order = _preorder(nodes)
    ordered = sorted(mentions, key=lambda m: (m.span.start, m.span.end))
    result: list[M] = []
    open_nodes: list[Node] = []
    next_node = 0
    for mention in ordered:
        start, end = mention.span.start, mention.span.end
        while next_node < len(order) and order[next_node].span.start <= start:
            node = order[next_node]
            while open_nodes and open_nodes[-1].span.end <= node.span.start:
                open_nodes.pop()
            open_nodes.append(node)
            next_node += 1
        while open_nodes and open_nodes[-1].span.end <= start:
            open_nodes.pop()
        depth = len(open_nodes) - 1
        while depth >= 0 and open_nodes[depth].span.end < end:
            depth -= 1
        path = open_nodes[depth].path if depth >= 0 else None
        # a trusted copy: model_copy(update=...) costs several µs a mention
        result.append(
            trusted(type(mention), **{**mention.__dict__, "node_path": path}) if path else mention
        )
    return result
