"""Report -> other shapes: an indented outline, tables for pandas and spreadsheets, JSON Lines,
Markdown, HTML, and the short ``repr`` of reports and nodes."""

from __future__ import annotations

import calendar
import datetime
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeGuard

from .errors import MissingExtraError
from .models import (
    BaseNode,
    Count,
    DateMention,
    DocumentRef,
    Mention,
    Node,
    ParseFailure,
    Report,
    Slogan,
)

if TYPE_CHECKING:
    from .models import Diagnostic

Row = dict[str, Any]


@dataclass(frozen=True)
class Table:
    """One table of a report: its columns, in order, and the rows it gives (``file`` excluded;
    every table gets a ``file`` column first)."""

    name: str
    columns: tuple[str, ...]
    rows: Callable[[Report], Iterator[Row]]
    integer_columns: tuple[str, ...] = field(default=())  # nullable integers (pandas Int64)
    date_columns: tuple[str, ...] = field(default=())  # ISO dates (pandas datetime64)


def node_text(report: Report, node: BaseNode, *, children: bool = True) -> str:
    """A node's text as written; ``children=False`` leaves out its children's text, keeping
    its marker, heading and body (trailing whitespace removed)."""
    text = report.text
    start, end = node.span.start, node.span.end
    if children or not node.children:
        return text[start:end]
    pieces = []
    for child in node.children:
        pieces.append(text[start : child.span.start])
        start = child.span.end
    pieces.append(text[start:end])
    return "".join(pieces).rstrip()


def _nodes_with_parents(report: Report) -> Iterator[tuple[Node, str | None]]:
    stack: list[tuple[Iterator[Node], str | None]] = [(iter(report.children), None)]
    while stack:
        children, parent = stack[-1]
        node = next(children, None)
        if node is None:
            stack.pop()
            continue
        yield node, parent
        if node.children:
            stack.append((iter(node.children), node.path))


def _node_rows(report: Report) -> Iterator[Row]:
    for node, parent in _nodes_with_parents(report):
        marker = node.marker
        yield {
            "path": node.path,
            "parent": parent,
            "kind": node.kind,
            "level": node.level,
            "style": marker.style if marker else None,
            "marker": marker.text if marker else None,
            "ordinal": marker.ordinal if marker else None,
            "heading": node.heading,
            "char_start": node.span.start,
            "char_end": node.span.end,
            "text": node_text(report, node, children=False),
        }


def _diagnostic_rows(report: Report) -> Iterator[Row]:
    diagnostic: Diagnostic
    for diagnostic in report.diagnostics:
        yield {
            "code": diagnostic.code,
            "message": diagnostic.message,
            "char_start": diagnostic.span.start,
            "char_end": diagnostic.span.end,
        }


def _first_day(value: str) -> datetime.date:
    parts = [int(part) for part in value.split("-")]
    return datetime.date(*parts, *[1] * (3 - len(parts)))


def _last_day(value: str) -> datetime.date:
    parts = [int(part) for part in value.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]
    return datetime.date(year, month, day)


def date_bounds(mention: DateMention) -> tuple[str | None, str | None]:
    """First and last day a date mention covers, as ISO dates: a year or a month runs from its
    first to its last day, a range from its first end's first day to its second end's last day.
    A since-date is open: its start is its starting point's first day, its end ``None``.
    ``(None, None)`` when the value is ``None``."""
    if mention.value is None:
        return None, None
    first, _, last = mention.value.partition("/")
    try:
        start = _first_day(first).isoformat()
        end = None if mention.kind == "since" else _last_day(last or first).isoformat()
    except (ValueError, IndexError):
        return None, None
    return start, end


def _mention_table(
    name: str,
    model: type[Mention],
    extra: Callable[[Any], dict[str, Any]] | None = None,
    extra_columns: tuple[str, ...] = (),
    date_columns: tuple[str, ...] = (),
) -> Table:
    """A table with one row per mention: the model's fields (its span as char_start/char_end)."""
    fields = tuple(field_name for field_name in model.model_fields if field_name != "span")

    def rows(report: Report) -> Iterator[Row]:
        for mention in getattr(report, name):
            row = mention.model_dump(exclude={"span"})
            if extra is not None:
                row.update(extra(mention))
            row["char_start"] = mention.span.start
            row["char_end"] = mention.span.end
            yield row

    return Table(name, (*fields, *extra_columns, "char_start", "char_end"), rows, (), date_columns)


def _date_extra(mention: DateMention) -> dict[str, Any]:
    start, end = date_bounds(mention)
    return {"date_start": start, "date_end": end}


META_COLUMNS = (
    "issuer",
    "subject",
    "inspection",
    "inspection_kind",
    "inspector_level",
    "term",
    "round",
    "batch",
    "team",
    "period",
    "feedback_date",
    "date",
)
CONTACT_KINDS = ("phone", "address", "postcode", "email", "website", "mailbox")


def _meta_rows(report: Report) -> Iterator[Row]:
    """One row per report: its title, the metadata fields, the contacts by kind (several of a
    kind joined by "; "), and how many items and measures it has."""
    meta = report.meta
    row: Row = {"title": report.title.text.replace("\n", "") if report.title else None}
    row.update({name: getattr(meta, name) for name in META_COLUMNS})
    for contact_kind in CONTACT_KINDS:
        found = [c.text for c in meta.contacts if c.kind == contact_kind]
        row[contact_kind] = "; ".join(found) if found else None
    row["rectifications"] = len(report.rectifications)
    row["measures"] = sum(len(item.measures) for item in report.rectifications)
    yield row


def _rectification_rows(report: Report) -> Iterator[Row]:
    """One row per measure (an item without measures gives one row with measure None), each
    carrying its item's problem, opinion, group, status, deadline and the counts inside it."""
    for number, item in enumerate(report.rectifications):
        inside = [c for c in report.counts if item.span.start <= c.span.start < item.span.end]
        base: Row = {
            "item": number,
            "node_path": item.node_path,
            "problem": item.problem,
            "opinion": item.opinion,
            "group": item.group,
            "status": item.status,
            "deadline": item.deadline,
            "item_counts": [c.text for c in inside],
            "item_indicators": {c.indicator: c.value for c in inside if c.indicator},
            "problem_char_start": item.problem_span.start,
            "problem_char_end": item.problem_span.end,
        }
        if not item.measures:
            yield {
                **base,
                "measure_index": None,
                "measure": None,
                "measure_path": None,
                "char_start": item.span.start,
                "char_end": item.span.end,
            }
        for index, measure in enumerate(item.measures):
            yield {
                **base,
                "measure_index": index,
                "measure": measure.text,
                "measure_path": measure.node_path,
                "char_start": measure.span.start,
                "char_end": measure.span.end,
            }


def _indicator_rows(report: Report) -> Iterator[Row]:
    """One row per headline figure, with the innermost rectification item it sits in (None for
    the report's own summary figures)."""
    items = [(item.span.start, item.span.end, item.node_path) for item in report.rectifications]
    for count in report.indicators:
        start = count.span.start
        yield {
            "indicator": count.indicator,
            "value": count.value,
            "value_max": count.value_max,
            "unit": count.unit,
            "object": count.object,
            "approx": count.approx,
            "text": count.text,
            "node_path": count.node_path,
            "item_path": next((p for s, e, p in reversed(items) if s <= start < e), None),
            "char_start": start,
            "char_end": count.span.end,
        }


TABLES: dict[str, Table] = {
    spec.name: spec
    for spec in (
        Table(
            "nodes",
            (
                "path",
                "parent",
                "kind",
                "level",
                "style",
                "marker",
                "ordinal",
                "heading",
                "char_start",
                "char_end",
                "text",
            ),
            _node_rows,
            integer_columns=("ordinal",),
        ),
        _mention_table("counts", Count),
        _mention_table(
            "dates",
            DateMention,
            _date_extra,
            ("date_start", "date_end"),
            ("date_start", "date_end"),
        ),
        _mention_table("documents", DocumentRef),
        _mention_table("slogans", Slogan),
        Table("diagnostics", ("code", "message", "char_start", "char_end"), _diagnostic_rows),
        Table(
            "meta",
            ("title", *META_COLUMNS, *CONTACT_KINDS, "rectifications", "measures"),
            _meta_rows,
            integer_columns=("round", "batch"),
        ),
        Table(
            "rectifications",
            (
                "item",
                "node_path",
                "problem",
                "opinion",
                "group",
                "status",
                "deadline",
                "item_counts",
                "item_indicators",
                "problem_char_start",
                "problem_char_end",
                "measure_index",
                "measure",
                "measure_path",
                "char_start",
                "char_end",
            ),
            _rectification_rows,
            integer_columns=("measure_index",),
        ),
        Table(
            "indicators",
            (
                "indicator",
                "value",
                "value_max",
                "unit",
                "object",
                "approx",
                "text",
                "node_path",
                "item_path",
                "char_start",
                "char_end",
            ),
            _indicator_rows,
        ),
    )
}
"""Every table a report gives, by name: add one entry here and the exports and the CLI have it."""

RECORD_KINDS: tuple[str, ...] = tuple(TABLES)
"""The table names, in order."""


def _one_line(text: str) -> str:
    """Text shown on one line: its lines (ended by \\n, \\r\\n or any other line break) joined
    by a space."""
    return " ".join(text.splitlines())


def _label(node: Node) -> str:
    if node.marker is not None:
        heading = f" {node.heading}" if node.heading else ""
        return f"{node.marker.text}{heading}"
    return "¶"


def to_outline_text(
    report: Report, *, paragraphs: bool = False, width: int = 60, show_paths: bool = True
) -> str:
    """An indented tree of the numbered nodes: marker, heading (cut to ``width``), path."""
    lines = []
    if report.title is not None:
        lines.append(_one_line(report.title.text))
    for node in report.walk():
        if node.marker is None and not paragraphs:
            continue
        if node.marker is None:
            body = _one_line(report.text[node.span.start : node.span.end])
            label = f"¶ {body}"
        else:
            label = _label(node)
        if len(label) > width:
            label = label[: width - 1] + "…"
        path = f"  [{node.path}]" if show_paths else ""
        lines.append(f"{'  ' * (node.level - 1)}{label}{path}")
    return "\n".join(lines)


def table(kind: str) -> Table:
    """The table of that name, or ``ValueError`` naming the tables there are."""
    try:
        return TABLES[kind]
    except (KeyError, TypeError):
        raise ValueError(f"kind must be one of {', '.join(TABLES)}, not {kind!r}") from None


def table_columns(kind: str) -> tuple[str, ...]:
    """The columns of a table, ``file`` first, as ``to_records`` gives them."""
    return ("file", *table(kind).columns)


def to_records(report: Report, kind: str = "nodes", *, file: str | None = None) -> list[Row]:
    """Flat rows (one dict per node or mention) ready for ``pandas.DataFrame`` or ``csv``.

    Every row starts with ``file``: ``file`` if given, else the report's source path (``None``
    for a parsed string), so rows of many reports can be traced back to their file."""
    rows = table(kind).rows
    if file is None and report.source is not None:
        file = report.source.path
    return [{"file": file, **row} for row in rows(report)]


def to_dataframe(
    reports: Report | Mapping[str, Report | ParseFailure] | Iterable[Report | ParseFailure],
    kind: str = "nodes",
) -> Any:
    """A pandas DataFrame of one table over one report or many, with a ``file`` column.

    ``reports`` is a report, a dict of name -> report (the name fills ``file``), or an iterable of
    reports (``file`` is each report's source path; a ``report`` column numbers them in order).
    ``ParseFailure`` items (from ``parse_many``) give no rows; anything else (a text, a path) is
    a ``TypeError``. Ordinals are nullable integers
    (``Int64``); the dates table's ``date_start``/``date_end`` are ``datetime64``.
    Needs pandas (``pip install "reportparse[pandas]"``)."""
    try:
        import pandas as pd
    except ImportError as error:
        raise MissingExtraError("pandas", "pandas", "to_dataframe") from error
    spec = table(kind)
    columns = list(table_columns(kind))
    rows: list[Row] = []
    if isinstance(reports, Report):
        rows = to_records(reports, kind)
    elif isinstance(reports, ParseFailure):
        pass
    elif isinstance(reports, Mapping):
        for name, report in reports.items():
            if _is_report(report):
                rows.extend(to_records(report, kind, file=str(name)))
    elif isinstance(reports, (str, bytes)):
        _is_report(reports)  # raises: a text is no report
    else:
        columns.insert(1, "report")
        for number, report in enumerate(reports):
            if _is_report(report):
                rows.extend({"report": number, **row} for row in to_records(report, kind))
    frame = pd.DataFrame(rows, columns=columns)
    for column in spec.integer_columns:
        frame[column] = frame[column].astype("Int64")
    for column in spec.date_columns:
        frame[column] = pd.to_datetime(frame[column], errors="coerce")
    return frame


def _is_report(item: object) -> TypeGuard[Report]:
    """Whether an item of ``to_dataframe`` gives rows: ``True`` for a report, ``False`` for a
    ``ParseFailure``; anything else (a text, a path) is a ``TypeError`` rather than no rows."""
    if isinstance(item, Report):
        return True
    if isinstance(item, ParseFailure):
        return False
    raise TypeError(
        f"to_dataframe takes reports (or ParseFailures), not {type(item).__name__}: "
        "parse texts and files first (parse, parse_file, parse_many)"
    )


def to_json(report: Report, *, indent: int | None = 2) -> str:
    """The whole Report as JSON (the same as ``report.model_dump_json``), its source included."""
    return report.model_dump_json(indent=indent)


def to_jsonl(reports: Iterable[Report]) -> str:
    """One compact JSON object per report, one per line, each with its ``source``."""
    return "".join(report.model_dump_json() + "\n" for report in reports)


def to_markdown(report: Report) -> str:
    """The report as Markdown: numbered nodes become headings (up to ######), text as written."""
    out = []
    if report.title is not None:
        out.append(f"# {_one_line(report.title.text)}\n")
    for node in report.walk():
        if node.marker is not None and node.kind == "section":
            depth = min(node.level + 1, 6)
            heading_end = node.heading_span.end if node.heading_span else node.marker.span.end
            out.append(f"{'#' * depth} {report.text[node.span.start : heading_end].strip()}\n")
            rest_end = node.children[0].span.start if node.children else node.span.end
            rest = report.text[heading_end:rest_end].strip()
            if rest:
                out.append(rest + "\n")
        elif not node.children:
            out.append(report.text[node.span.start : node.span.end].strip() + "\n")
        elif node.marker is None or node.kind == "point":
            first = node.children[0].span.start
            lead = report.text[node.span.start : first].strip()
            if lead:
                out.append(lead + "\n")
    return "\n".join(out)


def to_html(report: Report) -> str:
    """The report as one self-contained HTML fragment (no JavaScript): a collapsible outline
    with counts, dates, documents and slogans highlighted (their values on hover), and the
    diagnostics. Jupyter shows it for a report (``Report._repr_html_``)."""
    from .export_html import render_report

    return render_report(report)


def cell_text(value: Any) -> str:
    """A value as a table cell: ``None`` empty, lists and dicts as JSON, the rest as ``str``."""
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
"""What a TSV cell cannot hold as is: a tab, a line break (\\n, and \\r, at which many readers
end a line too) and the backslash that escapes them."""


def records_to_tsv(
    rows: list[Row], columns: Iterable[str] | None = None, *, header: bool = True
) -> str:
    """Rows as tab-separated text with a header line (tabs, line breaks and backslashes escaped).

    ``columns`` defaults to the first row's keys; with no rows and no columns the text is empty."""
    names = list(columns) if columns is not None else list(rows[0]) if rows else []
    if not names:
        return ""

    def cell(value: Any) -> str:
        return cell_text(value).translate(_TSV_ESCAPES)

    lines = ["\t".join(names)] if header else []
    lines.extend("\t".join(cell(row.get(column)) for column in names) for row in rows)
    return "\n".join(lines) + "\n" if lines else ""


def report_repr(report: Report) -> str:
    """A one-line summary of a report: its title and sizes, never its text."""
    title = _one_line(report.title.text) if report.title is not None else None
    parts = [
        f"title={_cut(title)!r}",
        f"chars={len(report.text)}",
        f"nodes={sum(1 for _ in report.walk())}",
        *(f"{name}={len(getattr(report, name))}" for name in _MENTION_LISTS),
        f"diagnostics={len(report.diagnostics)}",
    ]
    if report.source is not None and report.source.path is not None:
        parts.append(f"source={report.source.path!r}")
    return f"Report({', '.join(parts)})"


def node_repr(node: BaseNode) -> str:
    """A one-line summary of a node: path, marker, heading (cut), span and child count.
    Nodes do not hold their text: ``report.node_text(node)`` gives it."""
    parts = [f"path={node.path!r}"]
    if node.marker is not None:
        parts.append(f"marker={node.marker.text!r}")
    if node.heading is not None:
        parts.append(f"heading={_cut(node.heading)!r}")
    parts.append(f"span={node.span.start}:{node.span.end}")
    parts.append(f"children={len(node.children)}")
    return f"{type(node).__name__}({', '.join(parts)})"


_MENTION_LISTS = ("counts", "dates", "documents", "slogans")


def _cut(text: str | None, width: int = 40) -> str | None:
    if text is None or len(text) <= width:
        return text
    return text[: width - 1] + "…"
