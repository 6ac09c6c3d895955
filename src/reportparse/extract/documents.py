"""Named documents: text -> a DocumentRef per 《…》 with its kind, verb and issuer."""

from __future__ import annotations

import regex

from ..lexicon import alternation, load_table, load_words
from ..models import DocumentKind, DocumentRef
from ..normalise import fold
from ..span import Span, trusted

MAX_NAME = 100
"""Longest title kept: an unclosed 《 must not swallow the rest of the document."""

CONTEXT_WINDOW = 40
"""How far left of 《 the verb and issuer are looked for (a clause, not a paragraph)."""

_KINDS: tuple[DocumentKind, ...] = ("regulation", "periodical", "article", "other")
_KIND_OF_SUFFIX: dict[str, DocumentKind] = {
    row[0]: kind for row in load_table("document_kinds") for kind in _KINDS if row[1:] == (kind,)
}
_PUBLISHED = regex.compile(
    rf"(?:{alternation([r[0] for r in load_table('document_actions') if r[1:] == ('publish',)])})$"
)

# One level of nesting is enough for the genre (《<天津政法报>社…》, 《…印发〈…〉的通知》 use other
# brackets; a nested 《》 is rare). Every repetition is bounded, and the inner title cannot
# contain 《, so 50,000 nested 《 fail in constant time each.
_TITLE = regex.compile(
    rf"《(?P<name>(?:[^《》\n]|《[^《》\n]{{1,{MAX_NAME}}}》){{1,{MAX_NAME}}})》"
)

_VERB = alternation(load_words("document_actions"))
_BODY_ANY = alternation(load_words("document_issuer_bodies"))
_BODY_WORD = alternation([w for w in load_words("document_issuer_bodies") if len(w) > 1])
_PLACE = alternation(load_words("document_issuer_places"))
_LEVEL = alternation(load_words("document_issuer_levels"))
_OFFICE_END = alternation(load_words("document_issuer_suffixes"))
_MODIFIER = alternation(load_words("document_modifiers"))
# The field of an office (财政 in 县财政局): Han characters, not function words that would let
# an issuer run across a clause (市里要对局).
_FIELD = r"(?:(?![的了在和与及要将对把被并各等])\p{Han})"


def _acts(n: int) -> str:
    """Up to three verbs (制定印发, 制定和完善) kept as written; a trailing 了 is dropped."""
    return rf"(?P<act{n}>(?:{_VERB})(?:(?:和|并|及|与)?(?:{_VERB})){{0,2}})(?:了|好)?"


_UNIT = (
    rf"(?:{_PLACE})?(?:(?:{_LEVEL})(?:{_BODY_ANY}){{1,3}}"
    rf"|(?:{_LEVEL}){_FIELD}{{1,8}}?(?:{_OFFICE_END})(?:{_BODY_ANY}){{0,2}}"
    rf"|(?:{_BODY_ANY})?(?:{_BODY_WORD})(?:{_BODY_ANY}){{0,2}})"
)  # the last: 政法委, 国务院, and the short self-reference 局党组 / 委机关党委


def _issuer(n: int) -> str:
    """One to three bodies, each [place] level body{1,3} (市委政法委), [place] level field
    office (县财政局) or a body word of its own (政法委, 国务院); joint issuers are written
    together (省委省政府) or with 、/和 (中共中央办公厅、国务院办公厅)."""
    return rf"(?P<iss{n}>{_UNIT}(?:[、和与]?{_UNIT}){{0,2}})"


# Matched right to left from the 《: the issuer as subject (市委出台《), the verb before the
# issuer (研究制定市委政法委《), a bare verb (制定《) or a bare issuer (中央政法委《).
_CONTEXT = regex.compile(
    rf"(?r){_issuer(1)}(?:{_MODIFIER}){{0,2}}{_acts(1)}|{_acts(2)}{_issuer(2)}|{_acts(3)}"
    rf"|{_issuer(3)}"
)
# What may stand between two titles that share the verb before the first: 《A》《B》, 《A》和《B》,
# 《A》、《B》, 《A》和市委《B》 (the issuer is matched separately).
_COORDINATION = regex.compile(r"(?:和|及|以及|与|、|或)?")
_SPACES = regex.compile(r"(?r)[ \t]{1,4}")
_TRAILING_NOISE = regex.compile(r"(?r)(?:\([^()]{0,30}\)|[”’\"」』 ]){1,8}")
_SUFFIX = regex.compile(rf"(?r)(?:{alternation(list(_KIND_OF_SUFFIX))})")
# A title without a kind word is often followed by one: 《求是》杂志, 《决胜…》报告, 《…》一文.
# Single characters (表, 法, 单) are left out there: 《…》表示 is a verb, not a form.
_KIND_AFTER = regex.compile(alternation([w for w in _KIND_OF_SUFFIX if len(w) > 1]))


def kind_of_name(name: str) -> DocumentKind | None:
    """The kind a title's last word gives it, or None when no known suffix ends it.

    Trailing parentheticals and quotes are ignored:
    《…办法(试行)》 is a 办法, 《…“两个清单”》 a 清单.
    """
    folded = fold(name)
    end = len(folded)
    noise = _TRAILING_NOISE.match(folded, 0, end)
    if noise is not None and noise.start() > 0:
        end = noise.start()
    suffix = _SUFFIX.match(folded, 0, end)
    return _KIND_OF_SUFFIX[suffix.group()] if suffix is not None else None


def extract_documents(text: str, folded: str | None = None) -> list[DocumentRef]:
    """Every outermost 《…》 in ``text``, sorted by start, with name, kind, action and issuer."""
    if folded is None or len(folded) != len(text):  # the pipeline may pass fold(text)
        folded = fold(text)
    found: list[DocumentRef] = []
    prev_end = 0
    prev_action: str | None = None
    for title in _TITLE.finditer(folded):
        start, end = title.span()
        action, issuer, context_start = _context_before(
            text, folded, max(prev_end, start - CONTEXT_WINDOW), start
        )
        if action is None and found and _COORDINATION.fullmatch(folded, prev_end, context_start):
            action = prev_action
        name = text[title.start("name") : title.end("name")]
        kind = kind_of_name(name)
        if kind is None:
            after = _KIND_AFTER.match(folded, end)
            kind = _KIND_OF_SUFFIX[after.group()] if after is not None else None
        if kind is None:
            kind = "article" if _is_published(action) else "other"
        found.append(
            trusted(
                DocumentRef,
                span=Span.of(start, end),
                text=text[start:end],
                node_path=None,
                name=name,
                kind=kind,
                action=action,
                issuer=issuer,
            )
        )
        prev_end, prev_action = end, action
    return found


def _context_before(
    text: str, folded: str, lo: int, start: int
) -> tuple[str | None, str | None, int]:
    """(action, issuer, where the context starts) for the title opening at ``start``."""
    gap = _SPACES.match(folded, lo, start)  # 印发 《…》: text copied from web pages
    m = _CONTEXT.match(folded, lo, gap.start() if gap is not None else start)
    if m is None:
        return None, None, start
    action = issuer = None
    for n in "123":
        a, i = m.span(f"act{n}"), m.span(f"iss{n}")
        if a[0] >= 0:
            action = text[a[0] : a[1]]
        if i[0] >= 0:
            issuer = text[i[0] : i[1]]
    return action, issuer, m.start()


def _is_published(action: str | None) -> bool:
    """True when the verb publishes a text (编发了《…》): a title without suffix is an article."""
    return action is not None and _PUBLISHED.search(action) is not None
