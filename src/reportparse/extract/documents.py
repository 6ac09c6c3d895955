"""Named documents: text -> a DocumentRef per 《…》 with its kind, verb and issuer."""

from __future__ import annotations

import re
from functools import cache

from ..chars import alternation, first_chars
from ..drafts import DocumentDraft
from ..lexicon import load_table, load_words
from ..models import DocumentKind
from ..normalise import fold
from ..source import SourceText
from ..span import Span

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
# The last characters of verbs (and the 了/好 after them) and of issuers: what may stand right
# before a 《 (or the spaces before it) when a verb or an issuer is written there.
_VERB_ENDS = frozenset([w[-1] for w in load_words("document_actions")] + ["了", "好"])
_ISSUER_ENDS = frozenset(
    w[-1]
    for name in ("document_issuer_bodies", "document_issuer_suffixes")
    for w in load_words(name)
)
# The first characters of what may stand right after an issuer (a verb, or a modifier before the
# verb), and of what an issuer may begin with (a place, a level or a body word).
_VERB_STARTS = frozenset(
    w[0] for name in ("document_actions", "document_modifiers") for w in load_words(name)
)
_ISSUER_STARTS = frozenset(
    w[0]
    for name in ("document_issuer_places", "document_issuer_levels", "document_issuer_bodies")
    for w in load_words(name)
)

# What ``regex`` calls \p{Han} (Unicode 15), spelled out for ``re``; a test checks they agree.
HAN = (
    "\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9\U00016fe2-\U00016fe3"
    "\U00016ff0-\U00016ff6\U00020000-\U0002a6df\U0002a700-\U0002b81e\U0002b820-\U0002cead"
    "\U0002ceb0-\U0002ebe0\U0002ebf0-\U0002ee5d\U0002f800-\U0002fa1d\U00030000-\U0003134a"
    "\U00031350-\U00033479"
)


_Node = dict[str, "_Node"]  # a trie node: next character -> node; "" marks a word's end


def _reversed_words(name: str, longer_than: int = 0) -> str:
    """The words of lexicon ``name`` spelled backwards (for a reversed text), as a trie.

    ``re`` tries the branches of an alternation one by one; a trie (委(?:法政|党)?) tests one
    character per branch point, behind a lookahead for the first characters. The words that match
    at one place are prefixes of one another, and the trie tries the longer first: the same
    matches, in the same order, as the longest-first alternation.
    """
    words = sorted({w[::-1] for w in load_words(name) if len(w) > longer_than})
    root: _Node = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return rf"(?=[{re.escape(''.join(root))}]){_trie(root)}"


def _trie(node: _Node) -> str:
    """The regex of a trie node: its branches, optional when a word ends there."""
    branches = [re.escape(ch) + _trie(child) for ch, child in node.items() if ch]
    if not branches:
        return ""
    body = f"(?:{'|'.join(branches)})"
    return body + "?" if "" in node else body


@cache
def _kind_after() -> re.Pattern[str]:
    """A kind word right after 》 (《求是》杂志, 《决胜…》报告, 《…》一文). Single characters (表,
    法, 单) are left out: 《…》表示 is a verb, not a form."""
    return re.compile(alternation([w for w in _KIND_OF_SUFFIX if len(w) > 1]))


# A shape: its pattern, the group of the verb and the group of the issuer (0: none).
_Shape = tuple[re.Pattern[str], int, int]


@cache
def _shapes() -> tuple[_Shape, _Shape, _Shape, _Shape, re.Pattern[str], re.Pattern[str]]:
    """The four shapes of the verb and issuer left of a 《, and two prefilters; compiled on first
    use (together 12,000 characters).

    They are matched FORWARD over the reversed window (the text read right to left from the 《)
    so that stdlib ``re`` can do it: every sequence is written last part first and every word
    backwards. In reading order the shapes, tried in this order, are: issuer [modifiers] verb
    (市委出台《), verb issuer (研究制定市委政法委《), verb (制定《), issuer (中央政法委《).
    The prefilters look for the second part of the first two shapes where it could begin: a verb
    right after a character that may begin an issuer, a body word right after one that may begin
    a verb or modifier. A shape without one is not tried (its backtracking is the expensive part).
    They consume that character rather than look behind at it: ``re`` then skips to it by its
    first-character set at C speed instead of entering the pattern at every position.
    """
    verb = _reversed_words("document_actions")
    body_any = _reversed_words("document_issuer_bodies")
    body_word = _reversed_words("document_issuer_bodies", longer_than=1)
    place = _reversed_words("document_issuer_places")
    level = _reversed_words("document_issuer_levels")
    office_end = _reversed_words("document_issuer_suffixes")
    modifier = _reversed_words("document_modifiers")
    # The field of an office (财政 in 县财政局): Han characters, not function words that would
    # let an issuer run across a clause (市里要对局).
    field = rf"(?:(?![的了在和与及要将对把被并各等])[{HAN}])"
    # Up to three verbs (制定印发, 制定和完善) kept as written; a trailing 了 / 好 is dropped.
    acts = rf"(?:了|好)?((?:(?:{verb})(?:和|并|及|与)?){{0,2}}(?:{verb}))"
    # [place] level body{1,3} (市委政法委), [place] level field office (县财政局), or a body word
    # of its own (政法委, 国务院, and the short self-reference 局党组 / 委机关党委).
    unit = (
        rf"(?:(?:(?:{body_any}){{1,3}}(?:{level})"
        rf"|(?:{body_any}){{0,2}}(?:{office_end}){field}{{1,8}}?(?:{level})"
        rf"|(?:{body_any}){{0,2}}(?:{body_word})(?:{body_any})?)(?:{place})?)"
    )
    # One to three bodies; joint issuers are written together (省委省政府) or with 、/和/与.
    issuer = rf"((?:{unit}[、和与]?){{0,2}}{unit})"
    return (
        (re.compile(rf"{acts}(?:{modifier}){{0,2}}{issuer}"), 1, 2),
        (re.compile(rf"{issuer}{acts}"), 2, 1),
        (re.compile(acts), 1, 0),
        (re.compile(issuer), 0, 1),
        re.compile(rf"[{first_chars(_ISSUER_STARTS)}](?:了|好)?(?:{verb})"),
        re.compile(rf"[{first_chars(_VERB_STARTS)}](?:{body_any}|{office_end})"),
    )


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
        action, issuer, context_start = _context_before(
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


def _context_before(
    text: str, folded: str, lo: int, start: int
) -> tuple[str | None, str | None, int]:
    """(action, issuer, where the context starts) for the title opening at ``start``.

    Up to four spaces before the 《 are skipped (印发 《…》: text copied from web pages). The
    character before decides which shapes can match: one that ends a verb (or 了/好) starts the
    verb-last shapes, one that ends a body word the issuer-last ones (署 ends both).
    """
    window = folded[lo:start][::-1]
    rest = window.lstrip(" \t")
    skipped = len(window) - len(rest)
    if not rest or skipped > 4:
        return None, None, start
    first = rest[0]
    verb_last, issuer_last = first in _VERB_ENDS, first in _ISSUER_ENDS
    if not (verb_last or issuer_last):
        return None, None, start
    p1, p2, p3, p4, verb_after_issuer, issuer_after_verb = _shapes()
    m = None
    if verb_last and issuer_after_verb.search(window, skipped) is not None:
        shape, m = p1, p1[0].match(window, skipped)
    if m is None and issuer_last and verb_after_issuer.search(window, skipped) is not None:
        shape, m = p2, p2[0].match(window, skipped)
    if m is None and verb_last:
        shape, m = p3, p3[0].match(window, skipped)
    if m is None and issuer_last:
        shape, m = p4, p4[0].match(window, skipped)
    if m is None:
        return None, None, start
    # a span (a, b) in the reversed window is [start - b, start - a) in the text
    _, act, iss = shape
    regs = m.regs
    action = text[start - regs[act][1] : start - regs[act][0]] if act else None
    issuer = text[start - regs[iss][1] : start - regs[iss][0]] if iss else None
    return action, issuer, start - m.end()
