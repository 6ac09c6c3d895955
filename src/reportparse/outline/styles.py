"""The marker styles and what is known about each, read from ``lexicon/marker_styles.txt``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, cast

from ..lexicon import load_table

Where = Literal["line", "inline", "clause"]


@dataclass(frozen=True, slots=True)
class MarkerStyleRule:
    """One row of the style table (its columns are explained at the top of the file)."""

    style: str
    where: Where
    enumeration: bool  # numbers items inside running text: inline, it makes Point nodes
    bare: bool  # may follow a character directly on a very long (flattened) line
    pattern: str


def _yes(field: str) -> bool:
    if field not in ("yes", "no"):
        raise ValueError(f"lexicon/marker_styles.txt: yes or no, not {field!r}")
    return field == "yes"


STYLE_RULES = tuple(
    MarkerStyleRule(style, cast(Where, where), _yes(enumeration), _yes(bare), pattern)
    for style, where, enumeration, bare, pattern in load_table("marker_styles")
)
ENUMERATION_STYLES = frozenset(rule.style for rule in STYLE_RULES if rule.enumeration)
BARE_STYLES = frozenset(rule.style for rule in STYLE_RULES if rule.bare)
