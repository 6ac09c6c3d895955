"""A container's metadata -> the values that say something about the report: the placeholders
document programs write into empty fields dropped, the program's name before a title cut off
(``lexicon/metadata_placeholders.txt``)."""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import load_table

_NUMBERED = re.compile(r"[_\-－(（]*\d+$")  # of a key: 文档1, Document 12, Untitled-3, 文档 (2)
_BRACKETS = "()（）[]【】<>《》「」\"'“”"


def _key(value: str) -> str:
    """How values are compared: case, spaces and the brackets around them aside."""
    return "".join(value.split()).strip(_BRACKETS).casefold()


@cache
def _rules() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """The placeholders (as keys), the prefixes and the suffixes of the table."""
    rows = load_table("metadata_placeholders")
    placeholders = frozenset(_key(text) for kind, text in rows if kind == "placeholder")
    prefixes = tuple(text.casefold() for kind, text in rows if kind == "prefix")
    suffixes = tuple(text.casefold() for kind, text in rows if kind == "suffix")
    return placeholders, prefixes, suffixes


def meaningful(value: str) -> str | None:
    """The value as the report's own, or ``None`` when it is a placeholder or empty:
    ``"Microsoft Word - 整改方案.docx"`` gives ``"整改方案"``, ``"(anonymous)"`` and ``"文档1"``
    give ``None``."""
    placeholders, prefixes, suffixes = _rules()
    value = value.strip()
    for prefix in prefixes:
        if value[: len(prefix)].casefold() == prefix:
            value = value[len(prefix) :].strip()
            break
    for suffix in suffixes:
        if value[-len(suffix) :].casefold() == suffix:
            value = value[: -len(suffix)].strip()
            break
    key = _key(value)
    if not key or key in placeholders or _NUMBERED.sub("", key) in placeholders:
        return None
    return value


def drop_placeholders(metadata: dict[str, str]) -> dict[str, str]:
    """The metadata without its placeholder values, the others as :func:`meaningful` gives them."""
    kept = {}
    for field, value in metadata.items():
        cleaned = meaningful(value)
        if cleaned is not None:
            kept[field] = cleaned
    return kept
