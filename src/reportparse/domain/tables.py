"""Text + sibling nodes -> TableRow: the rows of a problem table (问题清单) copied as text.

A table copied from a page or a Word file reaches the text in one of two shapes:

- one cell a line: the column headings on consecutive lines (序号 / 问题 / 整改措施 / 责任单位 /
  完成时限 / 整改情况), then each row's cells, the row's number first (1 / …problem… / …);
- one row a line, its cells separated by tabs.

The headings are the labels of ``lexicon/rectification_labels.txt``; a table needs a problem
column and two more. One cell a line needs the 序号 column, whose numbers (1, 2, 3…) mark where
each row starts, so a row whose cells do not fit ends the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

import regex

from ..models import Node
from .statements import label_fields, space_trimmed, trim

Cell = tuple[int, int, tuple[Node, ...]]  # start, end, and the nodes of its line
_HEADING_LINE = 8  # the 序号 heading line, indentation included
_ROW_NUMBER = regex.compile(r"\s*(?P<n>\d{1,3})\s*[.．、]?\s*")


@dataclass(frozen=True)
class TableRow:
    """One row of a problem table: its cells by field, in column order."""

    cells: dict[str, list[Cell]]
    span: tuple[int, int]
    nodes: tuple[Node, ...]  # every node of the row's lines


def find_table_rows(folded: str, nodes: Sequence[Node]) -> tuple[list[TableRow], set[int]]:
    """Every row of every problem table in a run of sibling nodes, and the starts of the
    nodes the tables hold (headings and cells alike)."""
    rows: list[TableRow] = []
    taken: set[int] = set()
    if len(nodes) < 3 or not any(node.marker is None and _may_head(folded, node) for node in nodes):
        return rows, taken
    lines = _lines(folded, nodes)
    i = 0
    while i < len(lines):
        header, width = _header(folded, lines, i)
        found = _rows(folded, lines, i + width, header, one_cell_a_line=width > 1) if header else []
        if not found:
            i += 1
            continue
        rows.extend(found)
        end = found[-1].span[1]
        while i < len(lines) and lines[i][0] < end:
            taken.update(node.span.start for node in lines[i][2])
            i += 1
    return rows, taken


def _may_head(folded: str, node: Node) -> bool:
    """A line that can open a table: the 序号 heading, or a line with tabs."""
    if node.span.end - node.span.start > _HEADING_LINE:
        return folded.find("\t", node.span.start, node.span.end) >= 0  # no copy of a long line
    text = folded[node.span.start : node.span.end].strip()
    return label_fields().get(text) == "number" or "\t" in text


def _lines(folded: str, nodes: Sequence[Node]) -> list[Cell]:
    """The sibling nodes grouped by the line they open on (a line of 一是…；二是… is several
    points), each line with its trimmed text."""
    lines: list[Cell] = []
    for node in nodes:
        if lines and "\n" not in folded[lines[-1][0] : node.span.start]:
            start, _, held = lines[-1]
            lines[-1] = (*space_trimmed(folded, start, node.span.end), (*held, node))
            continue
        lines.append((*space_trimmed(folded, node.span.start, node.span.end), (node,)))
    return lines


def _header(folded: str, lines: Sequence[Cell], i: int) -> tuple[list[str] | None, int]:
    """The fields of a table's headings starting at line i, and how many lines they take."""
    fields = label_fields()
    start, end, _ = lines[i]
    if "\t" in folded[start:end]:
        header = [fields.get(cell.strip(), "") for cell in folded[start:end].split("\t")]
        return (header if _is_header(header) else None), 1
    if fields.get(folded[start:end]) != "number":
        return None, 0  # one cell a line opens with the 序号 column
    header = []
    for start, end, _ in islice(lines, i, None):
        field = fields.get(folded[start:end])
        if field is None:
            break
        header.append(field)
    return (header if _is_header(header) else None), len(header)


def _is_header(header: list[str]) -> bool:
    return "problem" in header and len([f for f in header if f]) >= 3


def _rows(
    folded: str, lines: Sequence[Cell], i: int, header: list[str], *, one_cell_a_line: bool
) -> list[TableRow]:
    rows: list[TableRow] = []
    width = len(header)
    while i < len(lines):
        cells = list(lines[i : i + width]) if one_cell_a_line else _split(folded, lines[i])
        if len(cells) != width:
            break
        if header[0] == "number":
            number = _ROW_NUMBER.fullmatch(folded, cells[0][0], cells[0][1])
            if number is None or int(number.group("n")) != len(rows) + 1:
                break
        by_field: dict[str, list[Cell]] = {}
        for field, cell in zip(header, cells, strict=True):
            if field:
                by_field.setdefault(field, []).append(cell)
        held = lines[i : i + width] if one_cell_a_line else [lines[i]]
        nodes = tuple(node for line in held for node in line[2])
        rows.append(TableRow(by_field, (cells[0][0], cells[-1][1]), nodes))
        i += len(held)
    return rows


def _split(folded: str, line: Cell) -> list[Cell]:
    """The tab-separated cells of one line, each trimmed."""
    start, end, nodes = line
    cells, pos = [], start
    while True:
        tab = folded.find("\t", pos, end)
        stop = end if tab < 0 else tab
        cells.append((*trim(folded, pos, stop), nodes))
        if tab < 0:
            return cells
        pos = tab + 1
