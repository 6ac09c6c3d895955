"""Report -> other shapes: an indented outline, flat records for pandas, JSON Lines, Markdown."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, Literal

from .models import Node, Report

RecordKind = Literal[
    "nodes",
    "counts",
    "dates",
    "documents",
    "slogans",
    "diagnostics",
    "meta",
    "rectifications",
    "indicators",
]
RECORD_KINDS: tuple[RecordKind, ...] = (
    "nodes",
    "counts",
    "dates",
    "documents",
    "slogans",
    "diagnostics",
    "meta",
    "rectifications",
    "indicators",
)
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
        lines.append(report.title.text.replace("\n", " "))
    for node in report.walk():
        if node.marker is None and not paragraphs:
            continue
        if node.marker is None:
            body = report.text[node.span.start : node.span.end].replace("\n", " ")
            label = f"¶ {body}"
        else:
            label = _label(node)
        if len(label) > width:
            label = label[: width - 1] + "…"
        path = f"  [{node.path}]" if show_paths else ""
        lines.append(f"{'  ' * (node.level - 1)}{label}{path}")
    return "\n".join(lines)


def to_records(report: Report, kind: RecordKind = "nodes") -> list[dict[str, Any]]:
    """Flat rows ready for ``pandas.DataFrame``: one per node or mention; for the coding sheet,
    one ``meta`` row per report, one ``rectifications`` row per measure, one ``indicators`` row
    per headline figure."""
    if kind == "nodes":
        return [
            {
                "path": node.path,
                "kind": node.kind,
                "level": node.level,
                "style": node.marker.style if node.marker else None,
                "marker": node.marker.text if node.marker else None,
                "ordinal": node.marker.ordinal if node.marker else None,
                "heading": node.heading,
                **node.span.model_dump(),
                "text": report.text[node.span.start : node.span.end],
            }
            for node in report.walk()
        ]
    if kind == "meta":
        return [_meta_row(report)]
    if kind == "rectifications":
        return _rectification_rows(report)
    if kind == "indicators":
        items = [(item.span.start, item.span.end, item.node_path) for item in report.rectifications]
        return [
            {
                "indicator": count.indicator,
                # the innermost rectification item the figure sits in; None for the report's
                # own summary figures
                "item_path": next(
                    (
                        path
                        for start, end, path in reversed(items)
                        if start <= count.span.start < end
                    ),
                    None,
                ),
                "value": count.value,
                "unit": count.unit,
                "object": count.object,
                "approx": count.approx,
                "text": count.text,
                "node_path": count.node_path,
                **count.span.model_dump(),
            }
            for count in report.indicators
        ]
    if kind == "diagnostics":
        return [
            {"code": d.code, "message": d.message, **d.span.model_dump()}
            for d in report.diagnostics
        ]
    if kind not in RECORD_KINDS:
        raise ValueError(f"kind must be one of {', '.join(RECORD_KINDS)}, not {kind!r}")
    mentions = getattr(report, kind)
    rows = []
    for mention in mentions:
        row = mention.model_dump(exclude={"span"})
        row.update(mention.span.model_dump())
        rows.append(row)
    return rows


def _meta_row(report: Report) -> dict[str, Any]:
    """One row per report: its source and title, the metadata fields, the contacts by kind
    (several of a kind joined by "; "), and how many items and measures it has."""
    meta = report.meta
    row: dict[str, Any] = {
        "source": report.source.path if report.source is not None else None,
        "title": report.title.text.replace("\n", "") if report.title is not None else None,
    }
    row.update({name: getattr(meta, name) for name in META_COLUMNS})
    for contact_kind in CONTACT_KINDS:
        found = [c.text for c in meta.contacts if c.kind == contact_kind]
        row[contact_kind] = "; ".join(found) if found else None
    row["rectifications"] = len(report.rectifications)
    row["measures"] = sum(len(item.measures) for item in report.rectifications)
    return row


def _rectification_rows(report: Report) -> list[dict[str, Any]]:
    """One row per measure (an item without measures gives one row with measure None), each
    carrying its item's problem, opinion, group, status, deadline and the counts inside it."""
    rows: list[dict[str, Any]] = []
    for number, item in enumerate(report.rectifications):
        inside = [c for c in report.counts if item.span.start <= c.span.start < item.span.end]
        base = {
            "item": number,
            "node_path": item.node_path,
            "problem": item.problem,
            "opinion": item.opinion,
            "group": item.group,
            "status": item.status,
            "deadline": item.deadline,
            "item_counts": [c.text for c in inside],
            "item_indicators": {c.indicator: c.value for c in inside if c.indicator},
            "problem_start": item.problem_span.start,
            "problem_end": item.problem_span.end,
        }
        if not item.measures:
            rows.append(
                {
                    **base,
                    "measure_index": None,
                    "measure": None,
                    "measure_path": None,
                    "start": item.span.start,
                    "end": item.span.end,
                }
            )
        for index, measure in enumerate(item.measures):
            rows.append(
                {
                    **base,
                    "measure_index": index,
                    "measure": measure.text,
                    "measure_path": measure.node_path,
                    **measure.span.model_dump(),
                }
            )
    return rows


def to_dataframe(report: Report | Iterable[Report], kind: RecordKind = "nodes") -> Any:
    """A pandas DataFrame of ``to_records``; several reports get a ``report`` index column.

    Needs pandas (``pip install "reportparse[pandas]"``).
    """
    try:
        import pandas as pd
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ImportError('to_dataframe needs pandas: pip install "reportparse[pandas]"') from error
    if isinstance(report, Report):
        return pd.DataFrame(to_records(report, kind))
    rows: list[dict[str, Any]] = []
    for number, one in enumerate(report):
        rows.extend({"report": number, **row} for row in to_records(one, kind))
    return pd.DataFrame(rows)


def to_json(report: Report, *, indent: int | None = 2) -> str:
    """The whole Report as JSON (the same as ``report.model_dump_json``)."""
    return report.model_dump_json(indent=indent)


def to_jsonl(reports: Iterable[Report]) -> str:
    """One compact JSON object per report, one per line."""
    return "".join(report.model_dump_json() + "\n" for report in reports)


def to_markdown(report: Report) -> str:
    """The report as Markdown: numbered nodes become headings (up to ######), text as written."""
    out = []
    if report.title is not None:
        out.append(f"# {report.title.text.replace(chr(10), ' ')}\n")
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


def records_to_tsv(rows: list[dict[str, Any]]) -> str:
    """Rows as tab-separated text with a header line (tabs and newlines in values escaped)."""
    if not rows:
        return ""
    columns = list(rows[0])

    def cell(value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, (dict, list)):
            value = json.dumps(value, ensure_ascii=False)
        return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")

    lines = ["\t".join(columns)]
    lines.extend("\t".join(cell(row.get(column)) for column in columns) for row in rows)
    return "\n".join(lines) + "\n"
