"""Named documents: the source -> a DocumentDraft per 《…》 with its kind, verb and issuer."""

from __future__ import annotations

import re
from functools import cache

from ..chars import alternation
from ..drafts import DocumentDraft
from ..lexicon import load_table
from ..models import DocumentKind
from ..normalise import fold
from ..source import SourceText
from ..span import Span
from .document_context import context_before

MAX_NAME = 100
"""Longest title kept: an unclosed 《 must not swallow the rest of the document."""

CONTEXT_WINDOW = 40
"""How far left of 《 the verb and issuer are looked for (a clause, not a paragraph)."""

_KINDS: tuple[DocumentKind, ...] = ("regulation", "periodical", "article", "other")
_KIND_OF_SUFFIX: dict[str, DocumentKind] = {
    row[0]: kind for row in load_table("document_kinds") for kind in _KINDS if row[1:] == (kind,)
}
# The kind suffixes by their last character, longest first: a title is looked up by its own last
# character, then tested against those few (not sliced once per suffix length).
_SUFFIXES_ENDING_IN: dict[str, tuple[tuple[str, DocumentKind], ...]] = {
    last: tuple(sorted(((w, k) for w, k in _KIND_OF_SUFFIX.items() if w[-1] == last),
                       key=lambda pair: -len(pair[0])))
    for last in {w[-1] for w in _KIND_OF_SUFFIX}
}  # fmt: skip
_PUBLISHING = tuple(r[0] for r in load_table("document_actions") if r[1:] == ("publish",))

# One level of nesting is enough for the genre (《<天津政法报>社…》, 《…印发〈…〉的通知》 use other
# brackets; a nested 《》 is rare). Every repetition is bounded, and the inner title cannot
# contain 《, so 50,000 nested 《 fail in constant time each. The first branch is the common
# title without a nested one, matched as one run instead of one branch per character; where it
# matches, the second would match the same. Stdlib ``re``: its literal-prefix scan skips to the
# next 《 at C speed.
_TITLE = re.compile(
    rf"《(?:[^《》\n]{{1,{MAX_NAME}}}|(?:[^《》\n]|《[^《》\n]{{1,{MAX_NAME}}}》){{1,{MAX_NAME}}})》"
)

# What may stand between two titles that share the verb before the first: 《A》《B》, 《A》和《B》,
# 《A》、《B》, 《A》和市委《B》 (the issuer is matched separately).
_COORDINATION = frozenset(("", "和", "及", "以及", "与", "、", "或"))
# Trailing parentheticals and quotes of a title, for the REVERSED title: (试行) reads )试行(.
_TRAILING_NOISE_REVERSED = re.compile(r"(?:\)[^()]{0,30}\(|[”’\"」』 ]){1,8}")
_NOISE_LAST = frozenset(')”’"」』 ')


@cache
def _kind_after() -> re.Pattern[str]:
    """A kind word right after 》 (《求是》杂志, 《决胜…》报告, 《…》一文). Single characters (表,
    法, 单) are left out: 《…》表示 is a verb, not a form."""
    return re.compile(alternation([w for w in _KIND_OF_SUFFIX if len(w) > 1]))


def kind_of_name(name: str) -> DocumentKind | None:
    """The kind a title's last word gives it, or None when no known suffix ends it.

    Trailing parentheticals and quotes are ignored:
    《…办法(试行)》 is a 办法, 《…“两个清单”》 a 清单.
    """
    folded = fold(name)
    return _kind_of_folded(folded, 0, len(folded))


def _kind_of_folded(folded: str, start: int, end: int) -> DocumentKind | None:
    """:func:`kind_of_name` of the title ``folded[start:end]`` (folded text, not sliced)."""
    if end == start:
        return None
    if folded[end - 1] in _NOISE_LAST:
        noise = _TRAILING_NOISE_REVERSED.match(folded[start:end][::-1])
        if noise is not None and noise.end() < end - start:
            end -= noise.end()
    for suffix, kind in _SUFFIXES_ENDING_IN.get(folded[end - 1], ()):
        if folded.endswith(suffix, start, end):
            return kind
    return None


def extract_documents(source: SourceText) -> list[DocumentDraft]:
    """Every outermost 《…》, sorted by start, with name, kind, action and issuer."""
    text, folded = source.text, source.folded
    found: list[DocumentDraft] = []
    prev_end = 0
    prev_action: str | None = None
    for title in _TITLE.finditer(folded):
        start, end = title.span()
        action, issuer, context_start = context_before(
            text, folded, max(prev_end, start - CONTEXT_WINDOW), start
        )
        if action is None and found and folded[prev_end:context_start] in _COORDINATION:
            action = prev_action
        kind = _kind_of_folded(folded, start + 1, end - 1)
        if kind is None:
            after = _kind_after().match(folded, end)
            kind = _KIND_OF_SUFFIX[after.group()] if after is not None else None
        if kind is None:
            kind = "article" if action is not None and action.endswith(_PUBLISHING) else "other"
        found.append(
            DocumentDraft(
                Span.of(start, end),
                text[start:end],
                text[start + 1 : end - 1],
                kind,
                action,
                issuer,
            )
        )
        prev_end, prev_action = end, action
    return found
