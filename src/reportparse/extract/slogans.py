"""Slogans: text -> a Slogan per short quoted numbered formula (“四个意识”, “1+3”)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..chars import CLAUSE_END, alternation
from ..drafts import SloganDraft
from ..lexicon import load_words
from ..source import SourceText
from ..span import Span

MAX_SLOGAN = 15
"""Longest content kept: formulas are short; longer quotes are problem statements or names."""

MAX_STRAIGHT = 300
"""Straight quotes open and close alike, so they are paired over a longer reach (then filtered)."""

# Curly and corner quotes open and close differently, so a quote that is too long fails at its
# opener and the scan goes on inside it, where a nested ‘三个规定’ is found. The content of “…”
# excludes ‘’ so that “落实‘三个规定’” yields the inner formula, not the outer phrase.
_DOUBLE = rf"“([^“”‘’\n]{{1,{MAX_SLOGAN}}})”"
_SINGLE = rf"‘([^‘’“”\n]{{1,{MAX_SLOGAN}}})’"
_QUOTE = re.compile(
    rf"{_DOUBLE}|{_SINGLE}"
    rf"|「([^「」\n]{{1,{MAX_SLOGAN}}})」"
    rf"|『([^『』\n]{{1,{MAX_SLOGAN}}})』"
    rf"|\"([^\"\n]{{1,{MAX_STRAIGHT}}})\""
)  # stdlib ``re``: it skips to the next opening quote at C speed; one group per kind of quote
# The numerals, one character each (is_formula and _HAS_NUMERAL rely on it; a test checks the
# lexicon).
_NUMERAL_WORDS = load_words("slogan_numerals")
_NUMERAL = re.compile(rf"[0-9]|{alternation(_NUMERAL_WORDS)}")
# A “…” and a ‘…’ never overlap (neither may hold a curly quote), so in a text with no other
# kind of quote, which is most, each kind is found by its own pattern: one led by a literal,
# which `re` finds by a plain character search, not a class test at every character. It also
# looks ahead for a numeral in the content, as _quotes tests on its other path, so the quotes
# without one (most) are never returned: such a quote holds no opener of either kind, so failing
# it finds nothing inside it either. Their only group is the content, as in _QUOTE, where it is
# also the last group that matched.
_HAS_NUMERAL = rf"(?=[^“”‘’\n]{{0,{MAX_SLOGAN - 1}}}?[0-9{re.escape(''.join(_NUMERAL_WORDS))}])"
_CURLY_QUOTES = (
    re.compile(_DOUBLE.replace("“", "“" + _HAS_NUMERAL, 1)),
    re.compile(_SINGLE.replace("‘", "‘" + _HAS_NUMERAL, 1)),
)
_by_start = re.Match.start
_LEXICAL = re.compile(alternation(load_words("slogan_lexical")))
# Quotes that are sentences or clauses are not formulas (、 is allowed: “双随机、一公开”).
_SENTENCE = re.compile(f"[{re.escape(CLAUSE_END)}]")
# Quoted dates and periods belong to the dates extractor: “十四五” (a five-year plan), “12·21”
# (an incident named by its date), “2020年”.
_DATE_LIKE = re.compile(
    r"(?:十[一二三四五六七八九]?|[一二三四五六七八九])五"
    r"|\d{1,2}[·.]\d{1,2}"
    r"|(?:\d{2,4}|[一二三四五六七八九〇零]{2,4})年(?:\d{1,2}月(?:\d{1,2}日)?)?"
)


def is_formula(content: str) -> bool:
    """True for the content of a quote that reads as a numbered formula (folded text)."""
    # One character (“1”是…, “零”) is a part of a formula being explained, not a formula. The
    # numerals are single characters, so a quote without one has none once words are removed:
    # that cheap test rejects most quotes first.
    if not 1 < len(content) <= MAX_SLOGAN or _NUMERAL.search(content) is None:
        return False
    return _numbered_formula(content)


def _numbered_formula(content: str) -> bool:
    """:func:`is_formula` of a content of a fitting length known to hold a numeral."""
    if _SENTENCE.search(content) or _DATE_LIKE.fullmatch(content):
        return False
    return _NUMERAL.search(_LEXICAL.sub("", content)) is not None


def extract_slogans(source: SourceText) -> list[SloganDraft]:
    """Every quoted numbered formula, quotes included in the span, sorted by start."""
    text, folded = source.text, source.folded
    found: list[SloganDraft] = []
    for quote in _quotes(folded):
        c_start, c_end = quote.span(quote.lastindex or 0)
        content = folded[c_start:c_end].strip()
        if not 1 < len(content) <= MAX_SLOGAN or not _numbered_formula(content):
            continue
        start, end = quote.span()
        found.append(SloganDraft(Span.of(start, end), text[start:end], text[c_start:c_end].strip()))
    return found


def _quotes(folded: str) -> Iterable[re.Match[str]]:
    """What ``_QUOTE.finditer(folded)`` yields with a numeral in the content (most quotes hold
    none), from one pass per curly kind where it can."""
    if "「" in folded or "『" in folded or '"' in folded:
        return [
            quote
            for quote in _QUOTE.finditer(folded)
            if _NUMERAL.search(folded, *quote.span(quote.lastindex or 0)) is not None
        ]
    double, single = _CURLY_QUOTES
    quotes = [*double.finditer(folded), *single.finditer(folded)]
    quotes.sort(key=_by_start)  # two sorted runs: one merge
    return quotes
