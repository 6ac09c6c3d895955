"""Text + outline + dates -> Rectification items: the problems named and the measures answering.

An item is a node whose heading states a problem in one of the genre's formulas:

- 针对“P”问题和“O”整改意见 (an item with its opinion), 针对“P”问题, 针对“P”的整改情况;
- 巡视指出“P” / 巡察发现…; （问题）P（整改情况）…;
- 关于“P”问题(的整改), 关于…的问题: an item, unless its children state narrower problems, in
  which case it is their group (the seed's (一)…(九) over 1。–14。);
- under a category heading (关于…方面) or the part that answers the feedback (巡察反馈问题整改
  落实情况), a node whose own heading names a shortfall (…不到位, 缺乏…); under a heading that
  sorts items by state (已整改完成的问题), every numbered section.

A heading that sorts items by state is neither item nor group: it gives its items a status,
as a note closing an item's own heading does (…不到位（已完成）). A problem may also be stated
outside headings, in running text, a record of label lines or a table row (``passages``): it is
an item under the nearest heading above it. Measures are the numbered points under the item
(reached through unnumbered paragraphs), or the item's own body as one measure when it has none.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from ..models import Measure, Node, Rectification, RectificationStatus
from ..source import SourceText
from ..span import Span, builder
from .mentions import DateLike, ValuedDates
from .passages import Passage, Region, read_passages, record_lines, record_regions
from .statements import (
    Statement,
    heading_region,
    names_problem,
    patterns,
    space_trimmed,
    state_of_heading,
    status_of,
    trim,
    without_note,
)

_INLINE_STYLES = frozenset({"cn_shi", "cn_di", "cn_qi", "circled"})
_NEW_MEASURE = builder(Measure)
_NEW_RECTIFICATION = builder(Rectification)


@dataclass(slots=True)
class _Entry:
    node: Node
    statement: Statement | None
    parent: _Entry | None
    children: list[_Entry] = field(default_factory=list)
    is_item: bool = False
    is_group: bool = False
    # learnt from its children, which are decided first
    over_items: bool = False  # a child is an item or a group
    holds_items: bool = False  # an item stands somewhere below it
    passage: Passage | None = None  # a problem stated in running text, not in a heading


def _numbered_tree(
    nodes: Sequence[Node], parent: _Entry | None, folded: str, every: list[_Entry]
) -> list[_Entry]:
    """The nodes with a marker, and the problems stated in running text (``passages``), each
    under its nearest numbered ancestor (other paragraphs are skipped); ``every`` collects
    all the entries in document order."""
    entries: list[_Entry] = []
    passages, taken = read_passages(folded, nodes)
    stated: dict[int, list[Passage]] = {}
    for passage in passages:
        stated.setdefault(passage.node.span.start, []).append(passage)
    for node in nodes:
        if node.span.start in stated:
            found = [
                _Entry(node, passage.statement, parent, passage=passage)
                for passage in stated[node.span.start]
            ]
            entries += found
            every += found
            continue
        if node.span.start in taken:
            continue
        if node.marker is None:
            if node.children:
                entries += _numbered_tree(node.children, parent, folded, every)
            continue
        entry = _Entry(node, state_of_heading(folded, node), parent)
        every.append(entry)  # before its children: document order
        if node.children:
            entry.children = _numbered_tree(node.children, entry, folded, every)
        entries.append(entry)
    return entries


def find_rectifications(
    source: SourceText, children: Sequence[Node], dates: Sequence[DateLike]
) -> list[Rectification]:
    """Every rectification item of the outline, in document order."""
    text, folded = source.text, source.folded
    entries: list[_Entry] = []
    _numbered_tree(children, None, folded, entries)
    for entry in entries:
        form = entry.statement.form if entry.statement else None
        if form == "item":
            entry.is_item = True
        elif form is None and _implicit_item(folded, entry):
            entry.is_item = True
            entry.statement = Statement("item", trim(folded, *_heading_span(entry.node, folded)))
    for entry in reversed(entries):  # children before parents
        form = entry.statement.form if entry.statement else None
        if form == "category" or (form == "either" and entry.over_items):
            entry.is_group = True
        elif form == "either":
            entry.is_item = True
        parent = entry.parent
        if parent is not None:
            parent.over_items |= entry.is_item or entry.is_group
            parent.holds_items |= entry.is_item or entry.holds_items
    quotes = source.quoted.spans
    valued = ValuedDates(dates)
    return [
        _rectification(text, folded, entry, valued, quotes) for entry in entries if entry.is_item
    ]


def _heading_span(node: Node, folded: str) -> tuple[int, int]:
    """The node's heading, without a closing status note (…不到位（已完成）)."""
    start, end = (
        (node.heading_span.start, node.heading_span.end)
        if node.heading_span is not None
        else heading_region(node)
    )
    return start, without_note(folded, start, end)


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
    start, end = trim(folded, *_heading_span(node, folded))
    first_clause = regex.search(r"[,，;；]", folded[start:end])
    clause_end = start + first_clause.start() if first_clause else end
    strict = ancestor.statement.form == "either" and not ancestor.statement.aspect
    return names_problem(folded, start, clause_end, strict=strict)


def _rectification(
    text: str,
    folded: str,
    entry: _Entry,
    dates: ValuedDates,
    quotes: Sequence[tuple[int, int]],
) -> Rectification:
    node = entry.node
    statement = entry.statement
    assert statement is not None and statement.problem is not None
    problem_start, problem_end = statement.problem
    opinion = statement.opinion
    group = _group_of(entry)
    group_span = trim(folded, *_heading_span(group.node, folded)) if group is not None else None
    passage = entry.passage
    if passage is not None:
        span = passage.span
        measures, body = _answer(text, folded, passage.answer, passage.answer_nodes)
        said = passage.answer[0] if passage.answer else span[1]
        own = _outside(quotes, span[0], said)
        states, deadlines = passage.state, passage.deadline
    else:
        span = (node.span.start, node.span.end)
        lines = record_lines(folded, node.children)
        _, states, deadlines = record_regions(lines)
        measures, body = _measures(text, folded, entry, lines)
        own = _own_text_regions(folded, entry, measures, quotes)
    body_regions = [(m.span.start, m.span.end) for m in measures] if body else []
    status, status_span = _status(folded, [*own, *states], span, entry, body_regions)
    return _NEW_RECTIFICATION(
        {
            "problem": text[problem_start:problem_end],
            "problem_span": Span.of(problem_start, problem_end),
            "opinion": text[opinion[0] : opinion[1]] if opinion else None,
            "opinion_span": Span.of(*opinion) if opinion else None,
            "group": text[group_span[0] : group_span[1]] if group_span else None,
            "group_span": Span.of(*group_span) if group_span else None,
            "measures": measures,
            "status": status,
            "status_span": status_span,
            "deadline": _deadline(folded, sorted([*own, *states, *body_regions]), deadlines, dates),
            "node_path": node.path,
            "span": Span.of(*span),
        }
    )


def _group_of(entry: _Entry) -> _Entry | None:
    ancestor = entry.parent
    while ancestor is not None and not ancestor.is_group:
        ancestor = ancestor.parent
    return ancestor


def _measures(
    text: str, folded: str, entry: _Entry, lines: Sequence[tuple[str, int, Node]]
) -> tuple[list[Measure], bool]:
    """The numbered answers under the item, one run of ordinals; else its body as one measure
    (the second value says so), up to the first line of its record that is no answer
    (完成时限：…, 整改进展：…)."""
    if entry.holds_items:
        return [], False
    run = _run([child.node for child in entry.children])
    if run:
        return [_measure(text, folded, n, n.span.end) for n in run], False
    node = entry.node
    assert entry.statement is not None
    start = max(entry.statement.body_start or 0, _raw_heading_end(node))
    answers = [line for field, _, line in lines if field == "answer"]
    stops = [line.span.start for field, _, line in lines if field != "answer"]
    stops += [line.span.start for line in answers[1:]]
    end = min((stop for stop in stops if stop > start), default=node.span.end)
    return _body(text, folded, start, end, node), True


def _answer(
    text: str, folded: str, answer: Region | None, holders: Sequence[Node]
) -> tuple[list[Measure], bool]:
    """The measures of a problem stated in running text: the numbered points that open inside
    its answer (the answer's own nodes, or their children; one run of ordinals, each cut at
    the answer's end), else the answer as one measure (the second value says so)."""
    if answer is None:
        return [], False
    start, end = answer
    points = [n for h in holders for n in (h, *h.children) if n.marker]
    run = _run([n for n in points if start <= n.span.start < end])
    if run:
        return [_measure(text, folded, n, end) for n in run], False
    return _body(text, folded, start, end, holders[0]), True


def _run(nodes: Sequence[Node]) -> list[Node]:
    """The first run of consecutive ordinals of one style among ``nodes``."""
    run: list[Node] = []
    for node in nodes:
        marker = node.marker
        assert marker is not None
        if run:
            last = run[-1].marker
            assert last is not None
            if marker.style != last.style or marker.ordinal != last.ordinal + 1:
                break
        run.append(node)
    return run


def _measure(text: str, folded: str, node: Node, end: int) -> Measure:
    """A numbered answer, cut at ``end`` (the next problem of the same paragraph)."""
    start = node.span.start
    if end >= node.span.end:
        return _NEW_MEASURE(
            {"text": text[start : node.span.end], "span": node.span, "node_path": node.path}
        )
    end = space_trimmed(folded, start, end)[1]
    return _NEW_MEASURE(
        {"text": text[start:end], "span": Span.of(start, end), "node_path": node.path}
    )


def _body(text: str, folded: str, start: int, end: int, holder: Node) -> list[Measure]:
    """The answer [start, end) as one measure, after an answer label (整改情况：) and before
    the report's closing lines."""
    p = patterns()
    label = p.answer_label.match(folded, start, end)
    start = trim(folded, label.end() if label else start, end)[0]
    closing = p.closing_line.search(folded, start, end)
    end = closing.start() if closing else end
    while end > start and folded[end - 1].isspace():
        end -= 1
    if end - start < 2:
        return []
    return [
        _NEW_MEASURE(
            {"text": text[start:end], "span": Span.of(start, end), "node_path": holder.path}
        )
    ]


def _raw_heading_end(node: Node) -> int:
    return node.heading_span.end if node.heading_span is not None else heading_region(node)[1]


def _outside(quotes: Sequence[tuple[int, int]], start: int, end: int) -> list[Region]:
    """[start, end) less the quotes in it."""
    regions, pos = [], start
    for q0, q1 in quotes[bisect_left(quotes, (start, -1)) :]:
        if q0 >= end:
            break
        if q0 > pos:
            regions.append((pos, q0))
        pos = max(pos, q1)
    if pos < end:
        regions.append((pos, end))
    return regions


def _own_text_regions(
    folded: str,
    entry: _Entry,
    measures: Sequence[Measure],
    quotes: Sequence[tuple[int, int]],
) -> list[tuple[int, int]]:
    """The item's text that speaks of the item itself: outside quotes, measures and child
    items (the heading and a lead-in such as 进行了以下整改)."""
    node = entry.node
    # numbered measures end the item's own words: what follows a finished run of points is a
    # paragraph the outline left inside the item, not a statement about it
    limit = max((m.span.end for m in measures if m.node_path != node.path), default=node.span.end)
    holes = [(m.span.start, m.span.end) for m in measures]
    holes += [(c.node.span.start, c.node.span.end) for c in entry.children]
    holes += quotes[bisect_left(quotes, (node.span.start, -1)) : bisect_left(quotes, (limit, -1))]
    holes.sort()
    regions = []
    pos = node.marker.span.end if node.marker else node.span.start
    for h0, h1 in holes:
        if h0 >= limit:
            break
        if h0 > pos:
            regions.append((pos, h0))
        if h1 > pos:
            pos = h1
    if pos < limit:
        regions.append((pos, limit))
    return regions


def _status(
    folded: str,
    regions: Sequence[Region],
    span: Region,
    entry: _Entry,
    body: Sequence[Region],
) -> tuple[RectificationStatus | None, Span | None]:
    """The item's own words and its record's state lines first, then a sentence in which the
    item speaks of itself wherever it stands (该问题已整改到位), then a heading that sorts
    items by state, then the item's body when that body is its one measure."""
    p = patterns()
    for start, end in regions:
        hit = p.status_word.search(folded, start, end)
        if hit is not None:
            return status_of(hit.group()), Span.of(*hit.span())
    hit = p.item_state.search(folded, *span)
    if hit is not None:
        return status_of(hit.group("w")), Span.of(*hit.span("w"))
    ancestor = entry.parent
    while ancestor is not None:
        if ancestor.statement is not None and ancestor.statement.form == "status":
            hit = p.status_word.search(folded, *_heading_span(ancestor.node, folded))
            return ancestor.statement.status, Span.of(*hit.span()) if hit else None
        ancestor = ancestor.parent
    for start, end in body:
        hit = p.status_word.search(folded, start, end)
        if hit is not None:
            return status_of(hit.group()), Span.of(*hit.span())
    return None, None


def _deadline(
    folded: str,
    regions: Sequence[Region],
    deadlines: Sequence[Region],
    dates: ValuedDates,
) -> str | None:
    """A date in a deadline line or cell (完成时限：2024年4月); else a date in the item's own
    words, record or body that says it is a deadline (2024年6月底前, 时限：…)."""
    p = patterns()
    for lo, hi in deadlines:
        for mention in dates.within(lo, hi):
            return mention.value
    if not regions:
        return None
    for mention in dates.within(regions[0][0], max(r1 for _, r1 in regions)):
        start, end = mention.span.start, mention.span.end
        if not any(r0 <= start and end <= r1 for r0, r1 in regions):
            continue
        if p.deadline_after.match(folded, end) or p.deadline_before.search(
            folded, max(0, start - 8), start
        ):
            return mention.value
    return None
