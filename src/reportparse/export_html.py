"""Report -> one self-contained HTML fragment for notebooks: a collapsible outline (``<details>``),
the mentions highlighted with their values on hover, the diagnostics. HTML and CSS only (no
JavaScript); every piece of the report's text is escaped."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from html import escape

from .export import date_bounds
from .models import BaseNode, Count, DateMention, DocumentRef, Mention, Report, Slogan

MAX_NODES = 3000
"""Nodes shown at most; a longer report says how many more there are (the tables have them)."""

MAX_CHARS = 300_000
"""Characters of body text shown at most, so that a huge input cannot freeze the notebook."""

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

_CSS = """
.rp-report{font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",
 "Noto Sans CJK SC",sans-serif;line-height:1.6;max-width:60em}
.rp-report .rp-title{font-size:1.25em;font-weight:600;margin:.2em 0}
.rp-report .rp-meta{color:#666;font-size:.85em}
.rp-report .rp-stats span{margin-right:.9em;white-space:nowrap}
.rp-report details{margin:.15em 0 .15em .4em;padding-left:.6em;border-left:2px solid #ddd}
.rp-report summary{cursor:pointer}
.rp-report .rp-marker{font-weight:600;margin-right:.25em}
.rp-report .rp-path{color:#888;font-size:.8em;margin-left:.6em;font-family:monospace}
.rp-report .rp-text{white-space:pre-wrap;margin:.2em 0 .2em .4em}
.rp-report mark{color:#111;padding:0 .1em;border-radius:2px;border-bottom:2px solid}
.rp-report .rp-count{background:#dbeafe;border-color:#2563eb}
.rp-report .rp-date{background:#dcfce7;border-color:#16a34a}
.rp-report .rp-document{background:#fef3c7;border-color:#d97706}
.rp-report .rp-slogan{background:#fce7f3;border-color:#db2777}
.rp-report .rp-diagnostics li code{color:#b91c1c}
""".replace("\n", "")


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    css: str
    hover: str


def _hover(mention: Mention) -> tuple[str, str]:
    """The CSS class of a mention and what its tooltip says: the normalised value first."""
    if isinstance(mention, Count):
        parts = [f"count: {mention.value}{mention.unit or ''}"]
        parts += [f"{label}: {value}" for label, value in
                  (("object", mention.object), ("approx", mention.approx)) if value]  # fmt: skip
        if mention.duration:
            parts.append("duration")
        return "rp-count", " · ".join(parts)
    if isinstance(mention, DateMention):
        start, end = date_bounds(mention)
        span = f" ({start} to {end or '…'})" if start else ""
        return "rp-date", f"date, {mention.kind}: {mention.value}{span}"
    if isinstance(mention, DocumentRef):
        parts = [f"document, {mention.kind}: {mention.name}"]
        parts += [f"{label}: {value}" for label, value in
                  (("action", mention.action), ("issuer", mention.issuer)) if value]  # fmt: skip
        return "rp-document", " · ".join(parts)
    if isinstance(mention, Slogan):
        return "rp-slogan", f"slogan: {mention.name}"
    return "rp-mention", type(mention).__name__  # pragma: no cover - every mention kind above


class _Renderer:
    def __init__(self, report: Report) -> None:
        self.text = report.text
        mentions: list[Mention] = [
            *report.counts, *report.dates, *report.documents, *report.slogans
        ]  # fmt: skip
        marks = []
        for mention in mentions:
            css, hover = _hover(mention)
            if mention.node_path:
                hover += f" · node {mention.node_path}"
            marks.append(_Mark(mention.span.start, mention.span.end, css, hover))
        marks.sort(key=lambda mark: (mark.start, -mark.end))
        self.marks = marks
        self.starts = [mark.start for mark in marks]
        self.nodes_left = MAX_NODES
        self.chars_left = MAX_CHARS

    def highlight(self, start: int, end: int) -> str:
        """``text[start:end]``, escaped, each mention in it a ``<mark>`` with its tooltip.

        Mentions nest (a date inside a document's title); one that crosses the end of another
        is left unmarked, and one that crosses the range's end is cut there."""
        text, marks = self.text, self.marks
        out: list[str] = []
        open_ends: list[int] = []
        position = start
        index = bisect_left(self.starts, start)
        while index < len(marks) and marks[index].start < end:
            mark = marks[index]
            index += 1
            while open_ends and open_ends[-1] <= mark.start:
                out.append(escape(text[position : open_ends[-1]]) + "</mark>")
                position = open_ends.pop()
            mark_end = min(mark.end, end)
            if open_ends and mark_end > open_ends[-1]:
                continue
            out.append(escape(text[position : mark.start]))
            out.append(f'<mark class="{mark.css}" title="{escape(mark.hover)}">')
            open_ends.append(mark_end)
            position = mark.start
        while open_ends:
            out.append(escape(text[position : open_ends[-1]]) + "</mark>")
            position = open_ends.pop()
        out.append(escape(text[position:end]))
        return "".join(out)

    def block(self, start: int, end: int) -> str:
        """A run of body text as a block, surrounding whitespace trimmed; empty if blank."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if start == end or self.chars_left <= 0:
            return ""
        cut = end - start > self.chars_left
        end = min(end, start + self.chars_left)
        self.chars_left -= end - start
        more = "…" if cut else ""
        return f'<div class="rp-text">{self.highlight(start, end)}{more}</div>'

    def node(self, node: BaseNode) -> str:
        self.nodes_left -= 1
        marker = node.marker
        body_start = node.span.start
        out = []
        if marker is not None:
            body_start = node.heading_span.end if node.heading_span else marker.span.end
            opened = any(child.marker is not None for child in node.children)
            out.append(
                f"<details{' open' if opened else ''}><summary>"
                f'<span class="rp-marker">{escape(marker.text)}</span>'
                f"{self.highlight(marker.span.end, body_start)}"
                f'<span class="rp-path">{escape(node.path)}</span></summary>'
            )
        for child in node.children:
            out.append(self.block(body_start, child.span.start))
            out.append(self.node(child) if self.nodes_left > 0 else "")
            body_start = max(body_start, child.span.end)
        out.append(self.block(body_start, node.span.end))
        if marker is not None:
            out.append("</details>")
        return "".join(out)


def render_report(report: Report) -> str:
    """The report as an HTML fragment (see the module's docstring)."""
    renderer = _Renderer(report)
    out = [f'<div class="rp-report"><style>{_CSS}</style>']
    if report.title is not None:
        span = report.title.span
        out.append(f'<div class="rp-title">{renderer.highlight(span.start, span.end)}</div>')
    source = report.source
    if source is not None:
        details = [source.path or "", source.format, source.encoding or ""]
        if source.sha256:
            details.append(f"sha256 {source.sha256[:12]}…")
        out.append(f'<div class="rp-meta">{escape(" · ".join(d for d in details if d))}</div>')
    nodes = sum(1 for _ in report.walk())
    out.append(
        '<div class="rp-meta rp-stats">'
        f"<span>{len(report.text):,} characters</span><span>{nodes:,} nodes</span>"
        f'<span><mark class="rp-count">{len(report.counts):,} counts</mark></span>'
        f'<span><mark class="rp-date">{len(report.dates):,} dates</mark></span>'
        f'<span><mark class="rp-document">{len(report.documents):,} documents</mark></span>'
        f'<span><mark class="rp-slogan">{len(report.slogans):,} slogans</mark></span>'
        f"<span>{len(report.diagnostics):,} diagnostics</span></div>"
    )
    body_start = report.title.span.end if report.title is not None else 0
    for child in report.children:
        if renderer.nodes_left <= 0:
            break
        out.append(renderer.block(body_start, child.span.start))
        out.append(renderer.node(child))
        body_start = child.span.end
    if renderer.nodes_left > 0:
        out.append(renderer.block(body_start, len(report.text)))
    else:
        out.append(
            f'<div class="rp-meta">{nodes - MAX_NODES:,} more nodes not shown '
            "(report.walk() and the tables have them all)</div>"
        )
    out.append(_diagnostics(report))
    out.append("</div>")
    # Lone surrogates (from badly decoded input) cannot travel as UTF-8 to the notebook: one
    # U+FFFD each, as in the JSON.
    return _LONE_SURROGATE.sub("\ufffd", "".join(out))


def _diagnostics(report: Report) -> str:
    if not report.diagnostics:
        return ""
    items = []
    for diagnostic in report.diagnostics:
        where = report.text[diagnostic.span.start : diagnostic.span.end][:40]
        items.append(
            f"<li><code>{escape(diagnostic.code)}</code> {escape(diagnostic.message)}"
            f' <span class="rp-path">at {diagnostic.span.start}</span>'
            + (f" <q>{escape(where)}</q>" if where.strip() else "")
            + "</li>"
        )
    heading = f"{len(items)} diagnostic{'s' if len(items) > 1 else ''}"
    return (
        f'<details class="rp-diagnostics" open><summary>{heading}</summary>'
        f"<ul>{''.join(items)}</ul></details>"
    )
