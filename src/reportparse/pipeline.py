"""parse(): the stages in order. Read this file as the table of contents of the library."""

from __future__ import annotations

import datetime
import os

from .decode import read_text
from .markers import find_markers
from .models import Report
from .normalise import fold
from .outline import build_outline
from .sanity import find_input_problems


def parse(text: str, reference_date: datetime.date | None = None) -> Report:
    """Parse a report into its outline tree, with every span an index into ``text``."""
    if not isinstance(text, str):
        raise TypeError(
            f"reportparse.parse() takes the report as str, not {type(text).__name__}; "
            "decode bytes first or use reportparse.parse_file(path)"
        )
    if reference_date is not None and not isinstance(reference_date, datetime.date):
        raise TypeError(
            f"reference_date must be a datetime.date or None, not {type(reference_date).__name__}"
        )
    problems = find_input_problems(text)  # 0. empty input, control characters
    folded = fold(text)  # 1. one-to-one folding: same length, same offsets
    candidates = find_markers(folded)  # 2. every place that looks like a marker
    title, children, numbering = build_outline(text, folded, candidates)  # 3. the tree
    diagnostics = problems + numbering
    return Report.model_construct(
        text=text,
        title=title,
        children=children,
        diagnostics=diagnostics,
        counts=[],
        dates=[],
        documents=[],
        slogans=[],
        reference_date=reference_date,
    )


def parse_file(path: str | os.PathLike[str], reference_date: datetime.date | None = None) -> Report:
    """Read a report file (UTF-8, UTF-8 with BOM, UTF-16 with BOM or GB18030) and parse it."""
    return parse(read_text(path), reference_date=reference_date)
