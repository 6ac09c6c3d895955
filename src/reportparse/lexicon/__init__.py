"""Word tables kept as data: one entry per line in ``<name>.txt`` beside this file.

Lines are stripped; blank lines and lines starting with ``#`` are ignored. A line may carry
tab-separated fields (``word<TAB>field``); :func:`load_table` returns them split.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources

import regex


@cache
def load_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of ``lexicon/<name>.txt`` as tuples of tab-separated fields."""
    raw = resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    rows = []
    for line in raw.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append(tuple(field.strip() for field in line.split("\t")))
    return tuple(rows)


@cache
def load_words(name: str) -> tuple[str, ...]:
    """First field of every row of ``lexicon/<name>.txt``, in file order."""
    return tuple(row[0] for row in load_table(name))


def longest_first(words: Iterable[str]) -> tuple[str, ...]:
    """``words`` without repeats, longest first (ties in code-point order): the order in which
    :func:`alternation` tries them, so a string test in this order finds what it would."""
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of ``words``, escaped and longest first (so 人次 wins over 人)."""
    return "|".join(regex.escape(w) for w in longest_first(words))
