"""The outline: marker candidates -> the tree of node drafts, its title and its diagnostics.

``markers`` finds the candidates, ``title`` the leading title lines, ``levels`` folds the
candidates into nodes (levels learnt from the document) and ``headings`` says where each
heading ends. Ends and paths are set when the report is assembled.
"""

from __future__ import annotations

from ..drafts import Candidate, OutlineDraft
from ..source import SourceText
from .levels import DEFAULT_MAX_NODES, OutlineBuilder
from .markers import find_markers
from .title import find_title

__all__ = ["DEFAULT_MAX_NODES", "build_outline", "find_markers"]


def build_outline(
    source: SourceText, candidates: list[Candidate], *, max_nodes: int = DEFAULT_MAX_NODES
) -> OutlineDraft:
    """The title, the node drafts and the numbering diagnostics of ``source``, and the markers
    the tree holds (counts must not read them as numbers). Past ``max_nodes`` nodes no node is
    opened, and a ``limit_reached`` diagnostic says where."""
    first_marker = next((c.start for c in candidates if c.strong), len(source.text))
    title = find_title(source, first_marker)
    builder = OutlineBuilder(source, candidates, max_nodes)
    nodes = builder.build(title[1] if title else 0)
    return OutlineDraft(title, nodes, builder.diagnostics, builder.placed)
