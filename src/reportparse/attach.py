"""Stage 7: mentions + node spans -> the same mentions, each with the path of its innermost node."""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import chain
from operator import attrgetter

from .models import Mention
from .outline import NodeSpan

_START = attrgetter("span.start")
_BEYOND = (math.inf, math.inf, "")  # after the last node: no mention reaches its start
_AROUND = (-math.inf, math.inf, None)  # around everything: never closed, holds every mention


def attach_node_paths(node_spans: Sequence[NodeSpan], *mention_lists: Sequence[Mention]) -> None:
    """Set ``node_path`` on every mention of every list, in one sweep over the document.

    ``node_spans`` are ``(start, end, path)`` of every node in document (pre)order, as
    ``build_outline`` lists them.

    Spans nest, so walking nodes in document order with a stack of open ones leaves exactly the
    ancestors of the current position on the stack; the innermost one that also covers the
    mention's end is its node. A mention outside every node gets ``node_path=None``.

    The mentions are the extractors' fresh objects, not yet handed to anyone: the path is
    written into them in place (a copy per mention would cost more than the sweep itself).
    Mentions are taken by start only: how the sweep treats one depends on nothing else.
    """
    order = [*node_spans, _BEYOND]
    mentions = sorted(chain.from_iterable(mention_lists), key=_START)
    # _AROUND at the bottom: the stack is never empty and every search outward ends
    open_nodes: list[tuple[float, float, str | None]] = [_AROUND]
    next_node = 0
    upcoming = order[0]
    for mention in mentions:
        span = mention.span
        start = span.start
        while upcoming[0] <= start:
            while open_nodes[-1][1] <= upcoming[0]:
                open_nodes.pop()
            open_nodes.append(upcoming)
            next_node += 1
            upcoming = order[next_node]
        while open_nodes[-1][1] <= start:
            open_nodes.pop()
        node = open_nodes[-1]
        end = span.end
        if node[1] < end:  # it runs past its innermost node (rare): look outward
            node = next(outer for outer in reversed(open_nodes) if outer[1] >= end)
        mention.__dict__["node_path"] = node[2]
