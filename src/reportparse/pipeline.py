"""parse(): the stages in order. Read this file as the table of contents of the library."""

from __future__ import annotations

import datetime
import hashlib
import os

from .attach import attach_node_paths
from .collector import collector_paused
from .domain.indicators import find_indicator_roles
from .domain.meta import extract_meta
from .domain.rectifications import find_rectifications
from .extract.counts import extract_counts
from .extract.dates import extract_dates, implied_reference_date
from .extract.documents import extract_documents
from .extract.slogans import extract_slogans
from .markers import find_markers, quoted_regions
from .models import Diagnostic, Report, Source, SourceFormat
from .normalise import fold
from .outline import DEFAULT_MAX_NODES, build_outline
from .readers import DEFAULT_MAX_BYTES, read_bytes, read_document
from .sanity import find_input_problems
from .span import trusted


def parse(
    text: str,
    reference_date: datetime.date | None = None,
    *,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> Report:
    """Parse a report into its outline tree and mentions, every span an index into ``text``.

    ``reference_date`` resolves 今年/去年/明年; without it they are resolved against the date
    the document itself implies (its latest full date), or left ``None``. ``max_nodes`` bounds
    the tree (and so the memory) on hostile input: past it no node is opened, the rest of the
    text stays inside the last node, and a ``limit_reached`` diagnostic says where.
    """
    _check_arguments(text, reference_date, max_nodes)
    return _parse(text, reference_date, None, max_nodes)


def _parse(
    text: str,
    reference_date: datetime.date | None,
    source: Source | None,
    max_nodes: int,
    read_diagnostics: list[Diagnostic] | None = None,
) -> Report:
    with collector_paused():  # one burst of allocations, none of them garbage until it returns
        return _stages(text, reference_date, source, max_nodes, read_diagnostics)


def _stages(
    text: str,
    reference_date: datetime.date | None,
    source: Source | None,
    max_nodes: int,
    read_diagnostics: list[Diagnostic] | None,
) -> Report:
    folded = fold(text)  # 1. one-to-one folding: same length, same offsets
    problems = find_input_problems(text, folded)  # 2. empty input, control characters
    if read_diagnostics:  # what reading the file found (a repaired tail, page furniture)
        problems = read_diagnostics + problems
    regions = quoted_regions(folded)  # 3. “…” and 《…》, where markers cannot stand
    candidates = find_markers(folded, regions)  # 4. every place that looks like a marker
    outline = build_outline(text, folded, candidates, regions, max_nodes=max_nodes)  # 5. tree
    reference = reference_date or implied_reference_date(text, folded=folded)
    dates = extract_dates(text, reference, folded=folded, infer_reference=False)  # 6. mentions
    documents = extract_documents(text, folded)
    slogans = extract_slogans(text, folded)
    not_counts = [*outline.marker_spans, *(d.span for d in dates), *(s.span for s in slogans)]
    counts = extract_counts(text, exclude=not_counts, folded=folded)
    attach_node_paths(outline.node_spans, counts, dates, documents, slogans)  # 7. each to its node
    roles = find_indicator_roles(folded, counts)  # 8. the coding sheet: headline figures,
    counts = [
        c.model_copy(update={"indicator": roles[c.span]}) if c.span in roles else c for c in counts
    ]
    meta = extract_meta(text, folded, outline.title, outline.children, dates)  # who and what,
    rectifications = find_rectifications(text, folded, outline.children, dates)  # the items
    return trusted(
        Report,
        text=text,
        title=outline.title,
        children=outline.children,
        diagnostics=problems + outline.diagnostics,
        counts=counts,
        dates=dates,
        documents=documents,
        slogans=slogans,
        reference_date=reference,
        source=source,
        meta=meta,
        rectifications=rectifications,
    )


def parse_file(
    path: str | os.PathLike[str],
    reference_date: datetime.date | None = None,
    *,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    format: SourceFormat | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> Report:
    """Read a report file and parse it: text (UTF-8, BOM, GB18030, detected), .docx, .pdf or
    a web page, recognised by content, else by suffix, unless ``format`` names it.

    Files larger than ``max_bytes`` raise ``InputTooLargeError`` (``None`` lifts the cap);
    ``max_nodes`` is ``parse``'s."""
    data = read_bytes(path, max_bytes)
    return parse_bytes(
        data, name=str(path), reference_date=reference_date, format=format, max_nodes=max_nodes
    )


def parse_bytes(
    data: bytes,
    *,
    name: str | None = None,
    reference_date: datetime.date | None = None,
    format: SourceFormat | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> Report:
    """Read a report's bytes (any format ``parse_file`` reads) and parse the text; ``report.source``
    records the name, format, encoding, the bytes' SHA-256 and what the container says.
    ``max_nodes`` is ``parse``'s."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"parse_bytes() takes bytes, not {type(data).__name__}")
    data = bytes(data)
    _check_arguments("", reference_date, max_nodes)
    extracted = read_document(data, name, format=format)
    source = Source(
        path=name,
        format=extracted.format,
        encoding=extracted.encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        metadata=extracted.metadata,
    )
    return _parse(extracted.text, reference_date, source, max_nodes, extracted.diagnostics)


def _check_arguments(text: object, reference_date: object, max_nodes: object) -> None:
    if not isinstance(text, str):
        raise TypeError(
            f"reportparse.parse() takes the report as str, not {type(text).__name__}; "
            "decode bytes first or use reportparse.parse_file(path)"
        )
    if reference_date is not None and (
        not isinstance(reference_date, datetime.date)
        or isinstance(reference_date, datetime.datetime)
    ):
        raise TypeError(
            f"reference_date must be a datetime.date or None, not {type(reference_date).__name__}"
        )
    if not isinstance(max_nodes, int) or isinstance(max_nodes, bool):
        raise TypeError(f"max_nodes must be an int, not {type(max_nodes).__name__}")
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1, not {max_nodes}")
