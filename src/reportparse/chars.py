"""The genre's character classes and the pattern tricks built on them, kept in one place.

Every pattern of the library runs over ``fold(text)``, so these classes list folded characters
only (ASCII punctuation, not its full-width forms).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import regex

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
"""Circled numbers ① to ⑳, in order (``CIRCLED.index(ch) + 1`` is the value)."""
ORDINAL_NUMERALS = "一二三四五六七八九十百"
"""The Chinese numerals a numbering marker is written with (一、 (十二) 第一百条)."""
COUNT_NUMERALS = "零〇一二两三四五六七八九十百千万亿"
"""The Chinese numerals a quantity is written with (两万, 一百二十, 三千)."""
SENTENCE_END = "。;:!?"
"""Punctuation that ends a sentence (or a clause introducing a list) in folded text."""
CLAUSE_END = SENTENCE_END + ","
QUOTE_PAIRS = {"“": "”", "‘": "’", "《": "》", "「": "」", "『": "』", "〈": "〉"}
"""Opening quote or title bracket -> its closer."""


def longest_first(words: Iterable[str]) -> tuple[str, ...]:
    """``words`` without repeats, longest first (ties in code-point order): the order in which
    :func:`alternation` tries them, so a string test in this order finds what it would."""
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, escaped and longest first (so 人次 wins over 人)."""
    return "|".join(regex.escape(w) for w in longest_first(words))


def first_chars(words: Iterable[str]) -> str:
    """The body of a character class holding the first character of each of ``words``."""
    return re.escape("".join(sorted({w[0] for w in words if w})))


def words_pattern(words: Iterable[str], repeat: str = "") -> re.Pattern[str]:
    """An ``re`` alternation of ``words`` behind a lookahead on their first characters.

    ``re`` has no trie: it tries the words one by one. The lookahead rejects most positions with
    one set test at C speed first. ``repeat`` is a quantifier for the whole alternation.
    """
    words = list(words)
    return re.compile(f"(?=[{first_chars(words)}])(?:{alternation(words)}){repeat}")


def class_led_scan(first: str, pattern: str, consume: str = "") -> re.Pattern[str]:
    """A stdlib ``re`` scan for the hits of ``pattern`` that the engine can skip ahead in.

    ``re`` skips to the next possible start at C speed only in a pattern that opens with a
    character class; one that opens with a lookahead it enters at every position. The scan opens
    with the class ``first`` (a class body: every hit's first character), then looks back over
    that one character for the whole ``pattern`` (a look-behind of width one holding a
    lookahead), whose groups it keeps. It consumes that character and then ``consume``, which
    must match only what is surely inside the hit, so that the scan does not fire again there.
    Where it still does, the caller drops a hit that starts before the end of the one before
    (an empty group at the end of ``pattern`` marks that end).
    """
    return re.compile(f"[{first}](?<=(?={pattern}).){consume}")
