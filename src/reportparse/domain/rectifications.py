"""Text + outline + dates -> Rectification items: the problems named and the measures answering.

An item is a node whose heading states a problem in one of the genre's formulas:

- 针对“P”问题和“O”整改意见 (an item with its opinion), 针对“P”问题, 针对“P”的整改情况;
- 巡视指出“P” / 巡察发现…; （问题）P（整改情况）…;
- 关于“P”问题(的整改), 关于…的问题: an item, unless its children state narrower problems, in
  which case it is their group (the seed's (一)…(九) over 1。–14。);
- under a category heading (关于…方面) or the part that answers the feedback (巡察反馈问题整改
  落实情况), a node whose own heading names a shortfall (…不到位, 缺乏…); under a heading that
  sorts items by state (已整改完成的问题), every numbered section.

A heading that sorts items by state is neither item nor group: it gives its items a status.
Measures are the numbered points under the item (reached through unnumbered paragraphs), or
the item's own body as one measure when it has none.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import regex

from ..models import Measure, Node, Rectification, RectificationStatus
from ..source import SourceText
from ..span import Span
from .mentions import DateLike
from .statements import (
    Statement,
    heading_region,
    names_problem,
    patterns,
    state_of_heading,
    state_of_paragraph,
    status_of,
    trim,
)

_INLINE_STYLES = frozenset({"cn_shi", "cn_di", "cn_qi", "circled"})


@dataclass
class _Entry:
    node: Node
    statement: Statement | None
    parent: _Entry | None
    children: list[_Entry] = field(default_factory=list)
    is_item: bool = False
    is_group: bool = False


def _numbered_tree(nodes: Sequence[Node], parent: _Entry | None, folded: str) -> list[_Entry]:
    """The nodes with a marker, and the paragraphs that open by stating a problem, each under
    its nearest such ancestor (other paragraphs are skipped)."""
    entries: list[_Entry] = []
    for node in nodes:
        statement = (
            state_of_heading(folded, node) if node.marker else state_of_paragraph(folded, node)
        )
        if node.marker is None and statement is None:
            entries.extend(_numbered_tree(node.children, parent, folded))
            continue
        entry = _Entry(node, statement, parent)
        entry.children = _numbered_tree(node.children, entry, folded)
        entries.append(entry)
    return entries


def _walk(entries: Sequence[_Entry]) -> Iterator[_Entry]:
    for entry in entries:
        yield entry
        yield from _walk(entry.children)


def find_rectifications(
    source: SourceText, children: Sequence[Node], dates: Sequence[DateLike]
) -> list[Rectification]:
    """Every rectification item of the outline, in document order."""
    text, folded = source.text, source.folded
    roots = _numbered_tree(children, None, folded)
    entries = list(_walk(roots))
    for entry in entries:
        form = entry.statement.form if entry.statement else None
        if form == "item":
            entry.is_item = True
        elif form is None and _implicit_item(folded, entry):
            entry.is_item = True
            entry.statement = Statement("item", trim(folded, *_heading_span(entry.node)))
    for entry in reversed(entries):  # children before parents
        form = entry.statement.form if entry.statement else None
        below = any(e.is_item or e.is_group for e in entry.children)
        if form == "category" or (form == "either" and below):
            entry.is_group = True
        elif form == "either":
            entry.is_item = True
    quotes = source.quoted.spans
    return [
        _rectification(text, folded, entry, dates, quotes) for entry in entries if entry.is_item
    ]


def _heading_span(node: Node) -> tuple[int, int]:
    if node.heading_span is not None:
        return node.heading_span.start, node.heading_span.end
    return heading_region(node)


def _implicit_item(folded: str, entry: _Entry) -> bool:
    """A section under a status heading, or under a category heading or the part that answers
    the feedback when its own heading names a shortfall."""
    node = entry.node
    if node.marker is None or node.marker.style in _INLINE_STYLES or node.heading_span is None:
        return False
    ancestor = entry.parent
    if ancestor is None or ancestor.statement is None:
        return False
    if ancestor.statement.form == "status":
        return True  # a heading that sorts items by state has nothing but items under it
    if ancestor.statement.form not in ("category", "either", "section"):
        return False
    start, end = trim(folded, *_heading_span(node))
    first_clause = regex.search(r"[,，;；]", folded[start:end])
    clause_end = start + first_clause.start() if first_clause else end
    strict = ancestor.statement.form == "either" and not ancestor.statement.aspect
    return names_problem(folded, start, clause_end, strict=strict)


def _rectification(
    text: str,
    folded: str,
    entry: _Entry,
    dates: Sequence[DateLike],
    quotes: Sequence[tuple[int, int]],
) -> Rectification:
    node = entry.node
    statement = entry.statement
    assert statement is not None and statement.problem is not None
    problem_start, problem_end = statement.problem
    opinion = statement.opinion
    group = _group_of(entry)
    group_span = trim(folded, *_heading_span(group.node)) if group is not None else None
    measures = _measures(text, folded, entry)
    own = _own_text_regions(folded, entry, measures, quotes)
    body = [m for m in measures if m.node_path == node.path]
    status, status_span = _status(folded, own, entry, body)
    return Rectification(
        problem=text[problem_start:problem_end],
        problem_span=Span.of(problem_start, problem_end),
        opinion=text[opinion[0] : opinion[1]] if opinion else None,
        opinion_span=Span.of(*opinion) if opinion else None,
        group=text[group_span[0] : group_span[1]] if group_span else None,
        group_span=Span.of(*group_span) if group_span else None,
        measures=measures,
        status=status,
        status_span=status_span,
        deadline=_deadline(folded, [*own, *((m.span.start, m.span.end) for m in body)], dates),
        node_path=node.path,
        span=node.span,
    )


def _group_of(entry: _Entry) -> _Entry | None:
    ancestor = entry.parent
    while ancestor is not None and not ancestor.is_group:
        ancestor = ancestor.parent
    return ancestor


def _measures(text: str, folded: str, entry: _Entry) -> list[Measure]:
    """The numbered answers under the item, one run of ordinals; else its body as one measure."""
    if any(child.is_item for child in _walk(entry.children)):
        return []
    run: list[Node] = []
    for child in entry.children:
        marker = child.node.marker
        assert marker is not None
        if run:
            last = run[-1].marker
            assert last is not None
            if marker.style != last.style or marker.ordinal != last.ordinal + 1:
                break
        run.append(child.node)
    if run:
        return [
            Measure(text=text[n.span.start : n.span.end], span=n.span, node_path=n.path)
            for n in run
        ]
    node = entry.node
    assert entry.statement is not None
    p = patterns()
    if node.marker is None and entry.statement.body_start is not None:
        start = entry.statement.body_start  # a paragraph item: its answer follows its statement
    else:
        start = max(entry.statement.body_start or 0, _heading_span(node)[1])
    label = p.answer_label.match(folded, start, node.span.end)
    start = trim(folded, label.end() if label else start, node.span.end)[0]
    closing = p.closing_line.search(folded, start, node.span.end)
    end = closing.start() if closing else node.span.end
    while end > start and folded[end - 1].isspace():
        end -= 1
    if end - start < 2:
        return []
    return [Measure(text=text[start:end], span=Span.of(start, end), node_path=node.path)]


def _own_text_regions(
    folded: str,
    entry: _Entry,
    measures: Sequence[Measure],
    quotes: Sequence[tuple[int, int]],
) -> list[tuple[int, int]]:
    """The item's text that speaks of the item itself: outside quotes, measures and child
    items (the heading and a lead-in such as 进行了以下整改)."""
    node = entry.node
    first = bisect_left(quotes, (node.span.start, -1))
    last = bisect_left(quotes, (node.span.end, -1))
    holes = list(quotes[first:last])
    numbered = {(m.span.start, m.span.end) for m in measures if m.node_path != node.path}
    holes += [(m.span.start, m.span.end) for m in measures]
    holes += [(c.node.span.start, c.node.span.end) for c in entry.children]
    holes.sort()
    # numbered measures end the item's own words: what follows a finished run of points is a
    # paragraph the outline left inside the item, not a statement about it
    limit = max((h1 for h0, h1 in holes if (h0, h1) in numbered), default=node.span.end)
    regions = []
    pos = node.marker.span.end if node.marker else node.span.start
    for h0, h1 in holes:
        if h0 > pos:
            regions.append((pos, min(h0, limit)))
        pos = max(pos, h1)
    if pos < limit:
        regions.append((pos, limit))
    return [(r0, r1) for r0, r1 in regions if r0 < r1]


def _status(
    folded: str,
    regions: Sequence[tuple[int, int]],
    entry: _Entry,
    body_measures: Sequence[Measure],
) -> tuple[RectificationStatus | None, Span | None]:
    """The item's own words first, then a heading that sorts items by state, then the item's
    body when that body is its one measure (该问题已整改到位)."""
    p = patterns()
    for start, end in regions:
        hit = p.status_word.search(folded, start, end)
        if hit is not None:
            return status_of(hit.group()), Span.of(*hit.span())
    ancestor = entry.parent
    while ancestor is not None:
        if ancestor.statement is not None and ancestor.statement.form == "status":
            hit = p.status_word.search(folded, *_heading_span(ancestor.node))
            return ancestor.statement.status, Span.of(*hit.span()) if hit else None
        ancestor = ancestor.parent
    for measure in body_measures:
        hit = p.status_word.search(folded, measure.span.start, measure.span.end)
        if hit is not None:
            return status_of(hit.group()), Span.of(*hit.span())
    return None, None


def _deadline(
    folded: str, regions: Sequence[tuple[int, int]], dates: Sequence[DateLike]
) -> str | None:
    p = patterns()
    if not regions:
        return None
    lo, hi = regions[0][0], regions[-1][1]
    first = bisect_left(dates, lo, key=lambda mention: mention.span.start)
    for mention in dates[first:]:
        start, end = mention.span.start, mention.span.end
        if start >= hi:
            break
        if end > hi or mention.value is None:
            continue
        if not any(r0 <= start and end <= r1 for r0, r1 in regions):
            continue
        if p.deadline_after.match(folded, end) or p.deadline_before.search(
            folded, max(0, start - 8), start
        ):
            return mention.value
    return None
