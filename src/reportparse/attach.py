"""Stage 7: mentions + node spans -> the same mentions, each with the path of its innermost node."""

from __future__ import annotations

import math
from collections.abc import Sequence
from operator import attrgetter

from .models import Mention
from .outline import NodeSpan

_START = attrgetter("span.start")
_BEYOND = (math.inf, math.inf, "")  # after the last node: no mention reaches its start


def attach_node_paths(node_spans: Sequence[NodeSpan], *mention_lists: Sequence[Mention]) -> None:
    """Set ``node_path`` on every mention of every list, in one sweep over the document.

    ``node_spans`` are ``(start, end, path)`` of every node in document (pre)order, as
    ``build_outline`` lists them.

    Spans nest, so walking nodes in document order with a stack of open ones leaves exactly the
    ancestors of the current position on the stack; the innermost one that also covers the
    mention's end is its node. A mention outside every node keeps ``node_path=None``.

    The mentions are the extractors' fresh objects, not yet handed to anyone: the path is
    written into them in place (a copy per mention would cost more than the sweep itself).
    Mentions are taken by start only: how the sweep treats one depends on nothing else.
    """
    order = [*node_spans, _BEYOND]
    mentions = [mention for mention_list in mention_lists for mention in mention_list]
    mentions.sort(key=_START)
    open_nodes: list[tuple[float, float, str]] = []
    next_node = 0
    upcoming = order[0]
    for mention in mentions:
        span = mention.span
        start = span.start
        while upcoming[0] <= start:
            while open_nodes and open_nodes[-1][1] <= upcoming[0]:
                open_nodes.pop()
            open_nodes.append(upcoming)
            next_node += 1
            upcoming = order[next_node]
        while open_nodes and open_nodes[-1][1] <= start:
            open_nodes.pop()
        end = span.end
        for node in reversed(open_nodes):
            if node[1] >= end:
                mention.__dict__["node_path"] = node[2]
                break
