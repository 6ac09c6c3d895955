"""Stage 2: text -> diagnostics about the input itself (empty, control characters)."""

from __future__ import annotations

import re

from .models import Diagnostic
from .source import SourceText
from .span import Span, trusted

# C0 controls other than tab and line breaks, DEL, and lone surrogates (from bad decoding)
_ODD_CHARACTER = "[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff]"
# One character, not a run, for the search over a clean text: ``re`` skips ahead by its first-
# character set only when the pattern is that set alone (with a trailing ``+`` it would enter
# the pattern at every position).
_FIRST_ODD = re.compile(_ODD_CHARACTER)
_ODD_RUN = re.compile(_ODD_CHARACTER + "+")


def find_input_problems(source: SourceText) -> list[Diagnostic]:
    """Diagnostics for an empty text or one carrying control characters (kept, not removed)."""
    text = source.text
    if not source.folded.strip():  # BOM, ZWSP are blank too
        return [
            trusted(
                Diagnostic,
                code="empty_input",
                message="the text is empty or only whitespace",
                span=Span.of(0, len(text)),
            )
        ]
    odd = _FIRST_ODD.search(text)
    if odd is None:
        return []
    runs = list(_ODD_RUN.finditer(text, odd.start()))  # the first run starts at ``odd``
    first = runs[0]
    total = sum(len(run.group()) for run in runs)
    return [
        trusted(
            Diagnostic,
            code="control_characters",
            message=f"{total} control or surrogate character(s), the first at {first.start()}; "
            "they are kept in the text and treated as ordinary characters",
            span=Span.of(first.start(), first.end()),
        )
    ]
