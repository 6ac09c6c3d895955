"""Word tables kept as data: ``<name>.txt`` beside this file, one row a line.

A table opens with comment lines (``#``) saying what it holds, then a header row naming its
tab-separated columns; every row after it has those columns (a missing last field reads as
the empty string). Blank lines and comment lines are ignored everywhere.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def _read(name: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """The header and the rows of ``lexicon/<name>.txt``."""
    raw = resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    lines = [line.strip() for line in raw.splitlines()]
    rows = [
        tuple(field.strip() for field in line.split("\t"))
        for line in lines
        if line and not line.startswith("#")
    ]
    if not rows:
        raise ValueError(f"lexicon/{name}.txt has no header row")
    header, body = rows[0], rows[1:]
    for row in body:
        if len(row) > len(header):
            raise ValueError(f"lexicon/{name}.txt: {row} has more fields than {header}")
    width = len(header)
    return header, tuple(row + ("",) * (width - len(row)) for row in body)


def table_header(name: str) -> tuple[str, ...]:
    """The column names of ``lexicon/<name>.txt``."""
    return _read(name)[0]


def load_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of ``lexicon/<name>.txt`` (after its header), each with one field per column."""
    return _read(name)[1]


@cache
def load_words(name: str) -> tuple[str, ...]:
    """First field of every row of ``lexicon/<name>.txt``, in file order."""
    return tuple(row[0] for row in load_table(name))


@cache
def load_records(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``lexicon/<name>.txt`` as {column: field} dicts."""
    header = table_header(name)
    return tuple(dict(zip(header, row, strict=True)) for row in load_table(name))
