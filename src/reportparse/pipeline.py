"""parse(): the stages in order. Read this file as the table of contents of the library."""

from __future__ import annotations

import datetime

from .assemble import assemble
from .collector import collector_paused
from .drafts import Findings
from .extract.counts import extract_counts
from .extract.dates import extract_dates, implied_reference_date
from .extract.documents import extract_documents
from .extract.slogans import extract_slogans
from .models import Diagnostic, Report, Source
from .outline import DEFAULT_MAX_NODES, build_outline, find_markers
from .sanity import find_input_problems
from .source import SourceText


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
    check_arguments(text, reference_date, max_nodes)
    return run_stages(text, reference_date, None, max_nodes)


def run_stages(
    text: str,
    reference_date: datetime.date | None,
    origin: Source | None,
    max_nodes: int,
    read_diagnostics: list[Diagnostic] | None = None,
) -> Report:
    """The report of ``text``; ``origin`` and ``read_diagnostics`` come from reading a file.

    A parse is one burst of allocations, none of them garbage until it returns: the cyclic
    collector is paused around it, and resumed only once the stages' drafts are freed (see
    collector.py)."""
    with collector_paused():
        return _stages(text, reference_date, origin, max_nodes, read_diagnostics)


def _stages(
    text: str,
    reference_date: datetime.date | None,
    origin: Source | None,
    max_nodes: int,
    read_diagnostics: list[Diagnostic] | None,
) -> Report:
    """The stages in order."""
    source = SourceText.of(text)  # 1. the text, its one-to-one fold, its quotes and lines
    problems = find_input_problems(source)  # 2. empty input, control characters
    if read_diagnostics:  # what reading the file found (a repaired tail, page furniture)
        problems = read_diagnostics + problems
    candidates = find_markers(source)  # 3. every place that looks like a marker
    outline = build_outline(source, candidates, max_nodes=max_nodes)  # 4. the tree, drafted
    reference = reference_date or implied_reference_date(source)
    dates = extract_dates(source, reference)  # 5. the mentions, drafted
    slogans = extract_slogans(source)
    not_counts = [(m.start, m.end) for m in outline.markers]
    not_counts += [(d.span.start, d.span.end) for d in dates]
    not_counts += [(s.span.start, s.span.end) for s in slogans]
    counts = extract_counts(source, exclude=not_counts)
    findings = Findings(counts, dates, extract_documents(source), slogans)
    # the domain stages run inside assemble, once node paths are known (stage 6a)
    return assemble(source, outline, findings, problems, reference, origin)  # 6. the Report


def check_arguments(text: object, reference_date: object, max_nodes: object) -> None:
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
