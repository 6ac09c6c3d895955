"""Counts: the source (and spans known not to be counts) -> a CountDraft per quantity, by start.

``words`` holds the word tables and patterns, ``match`` decides whether a hit is a count and
reads its value, ``objects`` finds what is counted."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ...drafts import CountDraft
from ...source import SourceText, SpanIndex
from ...span import Span
from .match import CountMatch, read_candidate, shared_unit_members
from .objects import QUOTES, object_span, unquote
from .words import count_lexicon

# Windows around a count: where a counted object may stand.
_BEFORE_MAX = 24
_AFTER_MAX = 36  # room for a relative clause before its head noun


def count_hits(folded: str) -> Iterator[tuple[int, int, tuple[str | None, ...]]]:
    """The hits of the count pattern (``count_lexicon().count.finditer``), found by its
    class-led scan: each hit's start, end and groups."""
    hit_end = 0
    for hit in count_lexicon().count_scan.finditer(folded):
        if hit.start() < hit_end:
            continue  # inside the count before (the pattern's finditer never starts there)
        hit_end = hit.end("count_end")
        yield hit.start(), hit_end, hit.groups()[:-1]


def extract_counts(
    source: SourceText, *, exclude: Iterable[tuple[int, int]] = ()
) -> list[CountDraft]:
    """Quantities (召开会议17次, 2.45万名网格员, 近90万人, 降幅21%), by start.

    A count overlapping a span of ``exclude`` (outline markers, dates, quoted formulas) is
    dropped. The unquoted ones also bound the search for the counted object; a quoted one
    (“十四五”, “两个维护”) may stand inside an object (投产习酒“十四五”技改一期).
    """
    text, folded = source.text, source.folded
    excluded = SpanIndex(exclude)
    # a span that opens with a quotation mark does not bound the object search
    fences = SpanIndex(s for s in excluded.spans if s[0] >= len(text) or text[s[0]] not in QUOTES)
    lx = count_lexicon()
    candidates: list[CountMatch] = []
    for start, end, groups in count_hits(folded):
        # a hit whose first character is excluded (a year in a date, a number in a quoted
        # formula) is not looked at: every count it could give would overlap that span
        if excluded.covers(start):
            continue
        cand = read_candidate(folded, start, end, groups, lx)
        if cand is None or excluded.overlaps(cand.start, cand.end):
            continue
        while candidates and candidates[-1].start >= cand.start:
            candidates.pop()  # 15万 of 15万至30万元: the lower end of this range
        if cand.start and folded[cand.start - 1] == "、":  # 0.55、0.5个百分点
            members = shared_unit_members(folded, cand, groups[1] or "", groups[3] or "")
            candidates += [m for m in members if not excluded.overlaps(m.start, m.end)]
        candidates.append(cand)
    counts: list[CountDraft] = []
    prev_end = 0
    for index, cand in enumerate(candidates):
        start, end, kind = cand.start, cand.end, cand.kind
        next_start = candidates[index + 1].start if index + 1 < len(candidates) else len(text)
        lo = max(prev_end, fences.end_before(start), start - _BEFORE_MAX)
        hi = min(next_start, fences.start_after(end), end + _AFTER_MAX)
        obj = object_span(folded, start, end, kind, lo, hi, lx, listed=lo == prev_end > 0)
        obj_text = None
        if obj is not None:
            obj_start, obj_end = obj
            obj_text = text[obj_start:obj_end]
            if len(obj_text) > 2 and obj_text[0] in QUOTES:
                obj_text = unquote(obj_text)
            start = min(start, obj_start)
            end = max(end, obj_end)
        counts.append(
            CountDraft(
                Span.of(start, end),
                text[start:end],
                cand.value,
                cand.value_max,
                cand.unit,
                obj_text,
                cand.approx,
                kind == "duration",
            )
        )
        prev_end = end
    return counts
