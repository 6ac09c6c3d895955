"""Slogans: text -> a Slogan per short quoted numbered formula (“四个意识”, “1+3”)."""

from __future__ import annotations

import regex

from ..lexicon import alternation, load_words
from ..models import Slogan
from ..normalise import fold
from ..span import Span, trusted

MAX_SLOGAN = 15
"""Longest content kept: formulas are short; longer quotes are problem statements or names."""

MAX_STRAIGHT = 300
"""Straight quotes open and close alike, so they are paired over a longer reach (then filtered)."""

# Curly and corner quotes open and close differently, so a quote that is too long fails at its
# opener and the scan goes on inside it, where a nested ‘三个规定’ is found. The content of “…”
# excludes ‘’ so that “落实‘三个规定’” yields the inner formula, not the outer phrase.
_QUOTE = regex.compile(
    rf"“(?P<c>[^“”‘’\n]{{1,{MAX_SLOGAN}}})”"
    rf"|‘(?P<c>[^‘’“”\n]{{1,{MAX_SLOGAN}}})’"
    rf"|「(?P<c>[^「」\n]{{1,{MAX_SLOGAN}}})」"
    rf"|『(?P<c>[^『』\n]{{1,{MAX_SLOGAN}}})』"
    rf"|\"(?P<c>[^\"\n]{{1,{MAX_STRAIGHT}}})\""
)
_NUMERAL = regex.compile(rf"[0-9]|{alternation(load_words('slogan_numerals'))}")
_LEXICAL = regex.compile(alternation(load_words("slogan_lexical")))
# Quotes that are sentences or clauses are not formulas (、 is allowed: “双随机、一公开”).
_SENTENCE = regex.compile(r"[,，。;；:：!！?？]")
# Quoted dates and periods belong to the dates extractor: “十四五” (a five-year plan), “12·21”
# (an incident named by its date), “2020年”.
_DATE_LIKE = regex.compile(
    r"(?:十[一二三四五六七八九]?|[一二三四五六七八九])五"
    r"|\d{1,2}[·.]\d{1,2}"
    r"|(?:\d{2,4}|[一二三四五六七八九〇零]{2,4})年(?:\d{1,2}月(?:\d{1,2}日)?)?"
)


def is_formula(content: str) -> bool:
    """True for the content of a quote that reads as a numbered formula (folded text)."""
    if len(content) > MAX_SLOGAN or _SENTENCE.search(content) or _DATE_LIKE.fullmatch(content):
        return False
    if len(content) == 1:  # “1”是…, “零”: a part of a formula being explained, not a formula
        return False
    return _NUMERAL.search(_LEXICAL.sub("", content)) is not None


def extract_slogans(text: str, folded: str | None = None) -> list[Slogan]:
    """Every quoted numbered formula in ``text``, quotes included in the span, sorted by start."""
    if folded is None or len(folded) != len(text):  # the pipeline may pass fold(text)
        folded = fold(text)
    found: list[Slogan] = []
    for quote in _QUOTE.finditer(folded):
        if not is_formula(quote.group("c").strip()):
            continue
        start, end = quote.span()
        name = text[quote.start("c") : quote.end("c")]
        found.append(
            trusted(
                Slogan,
                span=Span.of(start, end),
                text=text[start:end],
                node_path=None,
                name=name.strip(),
            )
        )
    return found
