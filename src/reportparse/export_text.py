"""Report -> text: an indented outline, JSON and JSON Lines, Markdown, HTML, the cells of
tab-separated tables, and the short ``repr`` of reports and nodes. ``reportparse.export``
re-exports every public name here."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from .models import BaseNode, Node, Report

Row = dict[str, Any]


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
