"""The verb and the issuer written left of a 《 (制定《…》, 市委印发《…》), read in one pass over
the reversed window."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from ..chars import first_chars
from ..lexicon import load_words

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


_Trie = dict[str, "_Trie"]  # next character -> node; "" marks a word's end


def _reversed_trie(name: str, longer_than: int = 0) -> _Trie:
    """The words of lexicon ``name`` spelled backwards (for a reversed text), as a trie."""
    root: _Trie = {}
    for word in load_words(name):
        if len(word) > longer_than:
            node = root
            for ch in reversed(word):
                node = node.setdefault(ch, {})
            node[""] = {}
    return root


def _trie_pattern(node: _Trie) -> str:
    """A regex of the words of a trie: one character per branch point, longer words first."""
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in node.items() if ch]
    if not branches:
        return ""
    body = f"(?:{'|'.join(branches)})"
    return body + "?" if "" in node else body


# -- the context left of a title, read over the reversed window -------------------------------
#
# The window left of a 《 is reversed (read from the 《 leftwards) and read as the pattern of
# issuer and verb would read it leftmost-first (repeats greedy, the office field lazy), without
# its backtracking: each word is the longest of its table, found by one walk of a trie of the
# words spelled backwards, and each part lists the positions where it can end, in the order the
# pattern would reach them (it would also try shorter words where a longer one leads nowhere; no
# tested context needs that). An issuer unit's ends are found once per position of the window; an
# issuer is at most three units, listed position by position, never path by path. So a title
# costs a bounded number of short trie walks whatever its window holds (the backtracking pattern
# took milliseconds on runs of issuer words and verbs). tests/test_documents.py checks that the
# readings are the pattern's, on every position of the dev corpus and on runs of lexicon words.


class _Tables(NamedTuple):
    """The word tables of the context, spelled backwards, as tries."""

    verb: _Trie
    modifier: _Trie
    body: _Trie
    body_word: _Trie  # bodies of more than one character: an issuer of their own
    place: _Trie
    level: _Trie
    office_end: _Trie


@cache
def _tables() -> _Tables:
    return _Tables(
        _reversed_trie("document_actions"),
        _reversed_trie("document_modifiers"),
        _reversed_trie("document_issuer_bodies"),
        _reversed_trie("document_issuer_bodies", longer_than=1),
        _reversed_trie("document_issuer_places"),
        _reversed_trie("document_issuer_levels"),
        _reversed_trie("document_issuer_suffixes"),
    )


def _longest(trie: _Trie, w: str, i: int) -> int:
    """Where the longest word of ``trie`` that starts at ``i`` ends (-1: none starts there)."""
    end, length = -1, len(w)
    if i >= length or w[i] not in trie:
        return -1  # the common case, answered before the walk
    while i < length:
        child = trie.get(w[i])
        if child is None:
            break
        trie = child
        i += 1
        if "" in trie:
            end = i
    return end


def _chain(trie: _Trie, w: str, i: int, most: int) -> list[int]:
    """Where each of up to ``most`` longest words in a row ends, from ``i``."""
    ends: list[int] = []
    while len(ends) < most:
        i = _longest(trie, w, i)
        if i < 0:
            break
        ends.append(i)
    return ends


# The field of an office (财政 in 县财政局): Han characters, not function words that would let
# an issuer run across a clause (市里要对局).
_NOT_FIELD = frozenset("的了在和与及要将对把被并各等")
_HAN_CHAR = re.compile(f"[{HAN}]")
MAX_FIELD = 8


def _acts(w: str, i: int) -> tuple[int, int] | None:
    """Up to three verbs from ``i`` (制定印发, 制定和完善), after a 了 or 好 that is dropped:
    ``(start, end)`` of the verbs."""
    verb = _tables().verb
    if i < len(w) and w[i] in "了好" and _longest(verb, w, i + 1) > 0:
        i += 1
    end = _longest(verb, w, i)
    if end < 0:
        return None
    for _ in range(2):
        joined = end + 1 if end < len(w) and w[end] in "和并及与" else end
        after = _longest(verb, w, joined)
        if after < 0 and joined != end:
            after = _longest(verb, w, end)
        if after < 0:
            break
        end = after
    return i, end


def _unit_ends(w: str, i: int, memo: dict[int, tuple[int, ...]]) -> tuple[int, ...]:
    """Where one issuer unit from ``i`` can end, in the order a backtracking pattern would
    reach them: level body{1,3} (市委政法委), level field office (县财政局), or a body word of
    its own (政法委, 国务院, 局党组) with one more body; each then with its province (甘肃省委)
    or without. Words are the longest; repeats as many as there are, then fewer."""
    found = memo.get(i)
    if found is not None:
        return found
    t = _tables()
    length = len(w)
    if i >= length or (w[i] not in t.body and w[i] not in t.office_end):
        memo[i] = ()  # every unit opens (read backwards) with a body or an office ending
        return ()
    bodies = _chain(t.body, w, i, 3)
    cores: list[int] = []
    for after in reversed(bodies):  # level body{1,3}
        level = _longest(t.level, w, after)
        if level >= 0:
            cores.append(level)
    up_to_two = [*reversed(bodies[:2]), i]
    levels = t.level
    for after in up_to_two:  # level field office, after up to two bodies (the field lazy)
        office = _longest(t.office_end, w, after)
        if office >= 0:
            for field_end in range(office + 1, min(office + MAX_FIELD, length) + 1):
                ch = w[field_end - 1]
                if ch in _NOT_FIELD or not ("\u4e00" <= ch <= "\u9fff" or _HAN_CHAR.match(ch)):
                    break
                if field_end < length and w[field_end] in levels:  # (most characters are not)
                    level = _longest(levels, w, field_end)
                    if level >= 0:
                        cores.append(level)
    for after in up_to_two:  # a body word, after up to two bodies, then one more body or not
        word = _longest(t.body_word, w, after)
        if word >= 0:
            more = _longest(t.body, w, word)
            if more >= 0:
                cores.append(more)
            cores.append(word)
    ends: list[int] = []
    for core in cores:
        place = _longest(t.place, w, core)
        if place >= 0:
            ends.append(place)
        ends.append(core)
    found = memo[i] = tuple(dict.fromkeys(ends))
    return found


def _issuer_ends(w: str, i: int, memo: dict[int, tuple[int, ...]]) -> tuple[int, ...]:
    """Where an issuer of up to three units from ``i`` can end (省委省政府, 中共中央办公厅、国务院
    办公厅), in the order a backtracking pattern would reach them: three units, then two, then
    one. Positions, not paths: at most one entry per character of the window."""

    def unit_and_joiner(start: int) -> list[int]:
        ends = []
        for end in _unit_ends(w, start, memo):
            if end < len(w) and w[end] in "、和与":
                ends.append(end + 1)
            ends.append(end)
        return ends

    repeats: dict[int, None] = {}
    for first in unit_and_joiner(i):
        repeats.update(dict.fromkeys(unit_and_joiner(first)))
        repeats[first] = None
    repeats[i] = None
    return tuple(dict.fromkeys(end for start in repeats for end in _unit_ends(w, start, memo)))


# A reading: (action span, issuer span, end), spans in the reversed window.
_Reading = tuple["tuple[int, int] | None", "tuple[int, int] | None", int]


def _issuer_then_verb(w: str, i: int, memo: dict[int, tuple[int, ...]]) -> _Reading | None:
    """In reading order issuer [modifiers] verb: 市委出台《 (the verb is read first, from 《)."""
    act = _acts(w, i)
    if act is None:
        return None
    for start in [*reversed(_chain(_tables().modifier, w, act[1], 2)), act[1]]:
        ends = _issuer_ends(w, start, memo)
        if ends:
            return act, (start, ends[0]), ends[0]
    return None


def _verb_then_issuer(w: str, i: int, memo: dict[int, tuple[int, ...]]) -> _Reading | None:
    """In reading order verb issuer: 研究制定市委政法委《 (the issuer is read first, and ends
    where a verb begins)."""
    for end in _issuer_ends(w, i, memo):
        act = _acts(w, end)
        if act is not None:
            return act, (i, end), act[1]
    return None


@cache
def _prefilters() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Where the second part of the first two shapes could begin, over the reversed window: a
    verb right after a character that may begin an issuer, a body word right after one that may
    begin a verb or modifier. A shape without one is not tried."""
    verb = _trie_pattern(_reversed_trie("document_actions"))
    body_any = _trie_pattern(_reversed_trie("document_issuer_bodies"))
    office_end = _trie_pattern(_reversed_trie("document_issuer_suffixes"))
    return (
        re.compile(rf"[{first_chars(_ISSUER_STARTS)}](?:了|好)?(?:{verb})"),
        re.compile(rf"[{first_chars(_VERB_STARTS)}](?:{body_any}|{office_end})"),
    )


def context_before(
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
    verb_after_issuer, issuer_after_verb = _prefilters()
    reading: _Reading | None = None
    memo: dict[int, tuple[int, ...]] = {}  # the unit ends at each position, found once
    if verb_last and issuer_after_verb.search(window, skipped) is not None:
        reading = _issuer_then_verb(window, skipped, memo)
    if reading is None and issuer_last and verb_after_issuer.search(window, skipped) is not None:
        reading = _verb_then_issuer(window, skipped, memo)
    if reading is None and verb_last:
        act = _acts(window, skipped)
        reading = (act, None, act[1]) if act is not None else None
    if reading is None and issuer_last:
        ends = _issuer_ends(window, skipped, memo)
        reading = (None, (skipped, ends[0]), ends[0]) if ends else None
    if reading is None:
        return None, None, start
    # a span (a, b) in the reversed window is [start - b, start - a) in the text
    act_span, issuer_span, end = reading
    action = text[start - act_span[1] : start - act_span[0]] if act_span else None
    issuer = text[start - issuer_span[1] : start - issuer_span[0]] if issuer_span else None
    return action, issuer, start - end
