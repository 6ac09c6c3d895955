"""Word tables kept as data: one entry per line in ``<name>.txt`` beside this file.

Lines are stripped; blank lines and lines starting with ``#`` are ignored. A line may carry
tab-separated fields (``word<TAB>field``); :func:`load_table` returns them split.
"""

from __future__ import annotations

import re
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


def class_led_scan(first_chars: str, pattern: str, consume: str = "") -> re.Pattern[str]:
    """A stdlib ``re`` scan for the hits of ``pattern`` that the engine can skip ahead in.

    ``re`` skips to the next possible start at C speed only in a pattern that opens with a
    character class; one that opens with a lookahead it enters at every position. The scan opens
    with the class ``first_chars`` (a class body: every hit's first character), then looks back
    over that one character for the whole ``pattern`` (a look-behind of width one holding a
    lookahead), whose groups it keeps. It consumes that character and then ``consume``, which
    must match only what is surely inside the hit, so that the scan does not fire again there.
    Where it still does, the caller drops a hit that starts before the end of the one before
    (an empty group at the end of ``pattern`` marks that end).
    """
    return re.compile(f"[{first_chars}](?<=(?={pattern}).){consume}")


@cache
def load_records(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a table whose first row names its columns, as {column: field} dicts; a row
    shorter than the header has "" in its missing (trailing) columns."""
    header, *rows = load_table(name)
    padding = ("",) * len(header)
    return tuple(dict(zip(header, row + padding[len(row) :], strict=True)) for row in rows)
