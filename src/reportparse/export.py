"""Report -> tables for pandas and spreadsheets: one registry, ``TABLES``, from table name to its
columns and rows. The text shapes (outline, JSON, JSON Lines, Markdown, HTML, TSV, the short
``repr`` of reports and nodes) live in ``export_text`` and are re-exported here."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeGuard, get_args

from .errors import MissingExtraError
from .export_text import Row
from .export_text import cell_text as cell_text
from .export_text import node_repr as node_repr
from .export_text import records_to_tsv as records_to_tsv
from .export_text import report_repr as report_repr
from .export_text import to_html as to_html
from .export_text import to_json as to_json
from .export_text import to_jsonl as to_jsonl
from .export_text import to_markdown as to_markdown
from .export_text import to_outline_text as to_outline_text
from .models import (
    BaseNode,
    ContactKind,
    Count,
    DateMention,
    DocumentRef,
    Mention,
    Node,
    ParseFailure,
    Report,
    ReportMeta,
    Slogan,
)

if TYPE_CHECKING:
    from .models import Diagnostic


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


# the metadata's scalar fields, in the model's order; its contacts get a column per kind
META_COLUMNS = tuple(name for name in ReportMeta.model_fields if name not in ("contacts", "spans"))
CONTACT_KINDS: tuple[str, ...] = get_args(ContactKind)


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
