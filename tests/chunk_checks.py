"""The contract of ``reportparse.chunk``, checked on any report: written apart from the chunker,
with its own simple reading of sentences, quotes and numbers."""

from __future__ import annotations

import json
import re

from reportparse import Report
from reportparse.chunks import Chunk
from reportparse.models import Node
from reportparse.normalise import fold

SENTENCE_END = re.compile(r"[。！？；!?;][”’」』）)\]]*$")
SENTENCE_ENDS = re.compile(r"[。！？；!?;\n][”’」』）)\]]*")
# a pair closed on its own line, in the text as written (full-width or folded)
PAIRS = re.compile(r"“[^“”\n]*”|‘[^‘’\n]*’|《[^\n]*?》|「[^「」\n]*」")
DIGITS = re.compile(r"\d")


def blank(text: str) -> bool:
    return not fold(text).strip()


def crumb(node: Node, text: str) -> str | None:
    if node.marker is None:
        return None
    end = node.heading_span.end if node.heading_span is not None else node.marker.span.end
    return text[node.marker.span.start : end]


def sentence_around(text: str, position: int, max_chars: int) -> tuple[int, int]:
    """The sentence holding ``position``: from the sentence end before it to the one after,
    leaving out the ends inside a quote or title (unless that is too long to keep whole)."""
    ends = [
        hit.end()
        for hit in SENTENCE_ENDS.finditer(text)
        if (pair := pair_around(text, hit.end())) is None or pair[1] - pair[0] > max_chars
    ]
    start = max([end for end in ends if end <= position], default=0)
    end = min([end for end in ends if end > position], default=len(text))
    return start, end


def pair_around(text: str, position: int) -> tuple[int, int] | None:
    """The quote or 《…》 (closed on its line) that ``position`` falls strictly inside."""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line_end = len(text) if line_end < 0 else line_end
    for hit in PAIRS.finditer(text, line_start, line_end):
        if hit.start() < position < hit.end():
            return hit.span()
    return None


def inside_number(text: str, position: int) -> bool:
    folded = fold(text)
    left, right = folded[position - 1 : position], folded[position : position + 1]
    if DIGITS.match(left) and re.match(r"[\d.,%]", right):
        return True
    before = folded[position - 2 : position - 1]
    return left in ".,:" and bool(DIGITS.match(before)) and bool(DIGITS.match(right))


def check_chunks(report: Report, chunks: list[Chunk], max_chars: int) -> None:
    text = report.text
    nodes = list(report.walk())
    node_starts = {node.span.start for node in nodes}
    node_ends = {node.span.end for node in nodes}
    if report.title is not None:
        node_ends.add(report.title.span.end)
    position = 0
    for number, one in enumerate(chunks):
        start, end = one.span.start, one.span.end
        where = f"chunk {number} [{start}, {end})"
        assert one.index == number
        assert one.text == text[start:end], where
        assert one.text and not blank(one.text[0]) and not blank(one.text[-1]), where
        # tiling: in order, no overlap, only whitespace between
        assert start >= position, f"{where} overlaps what precedes it"
        assert blank(text[position:start]), f"text lost before {where}"
        position = end
        # size: within max_chars, or one sentence (no sentence end before its last character)
        if len(one.text) > max_chars:
            assert not SENTENCE_ENDS.search(one.text.rstrip()[:-1]), f"{where} too long"
        # the end: a node boundary, or a sentence end, or inside a sentence that cannot fit
        if number + 1 < len(chunks):
            following = chunks[number + 1].span.start
            if one.ends_at == "node":
                assert end in node_ends or following in node_starts, f"{where} ends in a node"
            elif one.ends_at == "sentence":
                assert SENTENCE_END.search(one.text) or "\n" in fold(text[end:following]), where
            else:
                sentence_start, sentence_end = sentence_around(text, end, max_chars)
                assert len(text[sentence_start:sentence_end].strip()) > max_chars, (
                    f"{where} cuts a sentence that fits"
                )
            if one.ends_at != "hard" and (pair := pair_around(text, end)) is not None:
                assert pair[1] - pair[0] > max_chars, f"{where} ends inside a quote or 《》"
                assert not inside_number(text, end), f"{where} ends inside a number"
        # top-level sections: a numbered top-level node shares its chunk with no other one
        touched = [n for n in report.children if n.span.start < end and start < n.span.end]
        if any(n.marker is not None for n in touched):
            assert len(touched) == 1, f"{where} mixes top-level nodes {[n.path for n in touched]}"
        # breadcrumbs: the numbered nodes enclosing the chunk and starting before it
        enclosing = [n for n in nodes if n.span.start < start and end <= n.span.end]
        expected = [c for n in enclosing if (c := crumb(n, text)) is not None]
        assert one.breadcrumbs == expected, where
        for node in nodes:  # no node is cut across chunks unless it is too long
            if node.span.start < start < node.span.end or node.span.start < end < node.span.end:
                assert len(node.span) > max_chars, f"{where} cuts node {node.path}, which fits"
        # mentions: exactly those inside
        for name in ("counts", "dates", "documents"):
            inside = [
                m for m in getattr(report, name) if start <= m.span.start and m.span.end <= end
            ]
            assert sorted(getattr(one, name), key=lambda m: m.span.start) == sorted(
                inside, key=lambda m: m.span.start
            ), f"{where}: {name}"
        json.dumps(one.as_document())
    assert blank(text[position:]), "text lost after the last chunk"
