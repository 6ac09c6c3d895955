"""Text + sibling nodes -> Passage: the problems stated in running text, not in a heading.

- a paragraph that opens with 针对“P”问题 or 针对P的问题, and every later sentence or clause
  of it that opens so: each problem is answered by what follows it, up to the next;
- a paragraph that opens with a problem label (问题1：P, 【问题】P), with the record lines
  under it (整改措施：…, 完成时限：…, 完成情况：…), up to the next problem;
- the rows of a problem table copied as text (``tables``).

``rectifications`` makes each passage an item, under the nearest heading above it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..drafts import record
from ..models import Node
from .statements import Statement, record_field, space_trimmed, statements_of_paragraph, trim
from .tables import TableRow, find_table_rows

Region = tuple[int, int]


@record
class Passage:
    """One problem stated in running text, and where its answer, state and deadline stand."""

    node: Node  # the paragraph (or table cell) that states the problem
    statement: Statement
    span: Region  # the whole item: the statement, its answer and its record
    answer: Region | None  # where the measures are read
    answer_nodes: tuple[Node, ...]  # the nodes of the answer (their points are the measures)
    state: tuple[Region, ...] = ()  # what says the item's status (完成情况：…, a table cell)
    deadline: tuple[Region, ...] = ()  # what gives its deadline (完成时限：…, a table cell)


def read_passages(folded: str, nodes: Sequence[Node]) -> tuple[list[Passage], set[int]]:
    """The passages stated by a run of sibling nodes, in document order, and the starts of
    the nodes they take in besides the one that states each (record lines, table cells)."""
    if all(node.marker is not None for node in nodes):
        return [], set()  # only paragraphs state problems in running text or hold tables
    rows, taken = find_table_rows(folded, nodes)
    passages = [passage for row in rows if (passage := _row(folded, row)) is not None]
    record: _Record | None = None
    for node in nodes:
        if node.marker is not None or node.span.start in taken:
            _close(folded, record, passages)
            record = None
            continue
        field = record_field(folded, node.span.start, node.span.end) if record else None
        if record is not None and field is not None:
            record.lines.append((field[0], field[1], node))
            taken.add(node.span.start)
            continue
        _close(folded, record, passages)
        record = None
        if not _may_state(folded, node.span.start):
            continue
        statements = statements_of_paragraph(folded, node)
        if not statements:
            continue
        if statements[0].labelled:
            record = _Record(node, statements[0], [])
            continue
        passages.extend(_running(folded, node, statements))
    _close(folded, record, passages)
    passages.sort(key=lambda passage: passage.span[0])
    return passages, taken


def _may_state(folded: str, start: int) -> bool:
    """A paragraph can state a problem only if it opens with 针对 or with a problem label,
    which holds 问题 (问题1：, 【存在问题】, 巡察反馈问题：): a cheap test before the patterns."""
    return folded.find("针对", start, start + 4) >= 0 or folded.find("问题", start, start + 10) >= 0


def _running(folded: str, node: Node, statements: Sequence[Statement]) -> list[Passage]:
    """One passage per statement of a paragraph: each runs to the next statement's start."""
    found = []
    for i, statement in enumerate(statements):
        opens = statement.start if statement.start is not None else node.span.start
        closes = statements[i + 1].start if i + 1 < len(statements) else None
        end = space_trimmed(folded, opens, closes if closes is not None else node.span.end)[1]
        body = statement.body_start if statement.body_start is not None else end
        answer = (trim(folded, min(body, end), end)[0], end)
        found.append(
            Passage(
                node=node,
                statement=statement,
                span=(opens, end),
                answer=answer if answer[0] < answer[1] else None,
                answer_nodes=(node,),
            )
        )
    return found


def _row(folded: str, row: TableRow) -> Passage | None:
    """A table row: its problem cell states the problem, its first answer cell holds the
    measures, a second answer cell (整改措施, then 整改情况) or a state cell its status, a
    deadline cell its deadline."""
    problem_start, problem_end, held = row.cells["problem"][0]
    node = held[0]
    problem = trim(folded, problem_start, problem_end)
    if problem[1] - problem[0] < 2:
        return None
    answers = row.cells.get("answer", [])
    states = [(s, e) for s, e, _ in [*answers[1:], *row.cells.get("state", [])]]
    deadlines = [(s, e) for s, e, _ in row.cells.get("deadline", [])]
    answer_start, answer_end, answer_nodes = answers[0] if answers else (0, 0, held)
    return Passage(
        node=node,
        statement=Statement("item", problem, body_start=problem_end),
        span=row.span,
        answer=(answer_start, answer_end) if answer_start < answer_end else None,
        answer_nodes=answer_nodes,
        state=tuple(states),
        deadline=tuple(deadlines),
    )


@dataclass
class _Record:
    """A labelled problem and the record lines read under it so far: (field, content, node)."""

    node: Node
    statement: Statement
    lines: list[tuple[str, int, Node]]


def _close(folded: str, record: _Record | None, passages: list[Passage]) -> None:
    """The passage of a finished record (its lines read as ``record_regions`` reads them)."""
    if record is None:
        return
    node, statement = record.node, record.statement
    end = record.lines[-1][2].span.end if record.lines else node.span.end
    answer, states, deadlines = record_regions(record.lines)
    if answer is None:
        body = statement.body_start if statement.body_start is not None else node.span.end
        answer = (body, node.span.end, node)
    if not record.lines and not folded[answer[0] : answer[1]].strip():
        return  # 存在问题：… with nothing answering it names a problem that remains
    passages.append(
        Passage(
            node=node,
            statement=statement,
            span=(node.span.start, end),
            answer=answer[:2] if answer[0] < answer[1] else None,
            answer_nodes=(answer[2],),
            state=states,
            deadline=deadlines,
        )
    )


def record_lines(folded: str, nodes: Sequence[Node]) -> list[tuple[str, int, Node]]:
    """The unnumbered lines among ``nodes`` that open with a record label: (field, where the
    content starts, the line)."""
    lines = []
    for node in nodes:
        field = None if node.marker else record_field(folded, node.span.start, node.span.end)
        if field is not None:
            lines.append((field[0], field[1], node))
    return lines


def record_regions(
    lines: Sequence[tuple[str, int, Node]],
) -> tuple[tuple[int, int, Node] | None, tuple[Region, ...], tuple[Region, ...]]:
    """What a problem's record lines say: the first answer line holds the measures (its
    content and its line); a later answer line (整改措施：…, then 整改情况：…) and the state
    lines say the status; the deadline lines give the deadline."""
    answers = [(start, line) for field, start, line in lines if field == "answer"]
    states = tuple(
        (start, line.span.end)
        for field, start, line in lines
        if field == "state" or (field == "answer" and (start, line) != answers[0])
    )
    deadlines = tuple((start, line.span.end) for field, start, line in lines if field == "deadline")
    if not answers:
        return None, states, deadlines
    start, line = answers[0]
    return (start, line.span.end, line), states, deadlines
