"""Guards on the word tables in src/reportparse/lexicon: well-formed, used, and compiled."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from reportparse.lexicon import alternation, load_table, load_words

LEXICON = Path(__file__).resolve().parents[1] / "src" / "reportparse" / "lexicon"
SOURCES = "\n".join(path.read_text(encoding="utf-8") for path in (LEXICON.parent).rglob("*.py"))
TABLES = sorted(path.stem for path in LEXICON.glob("*.txt"))


def test_there_are_tables() -> None:
    assert "marker_styles" in TABLES and len(TABLES) >= 10


@pytest.mark.parametrize("name", TABLES)
def test_table_is_well_formed(name: str) -> None:
    rows = load_table(name)
    assert rows, f"{name}.txt has no entries"
    assert len(set(rows)) == len(rows), f"{name}.txt repeats a row"
    for row in rows:
        assert all(field for field in row[:1]), f"{name}.txt: empty first field in {row}"
        assert all(field == field.strip() for field in row), f"{name}.txt: stray spaces in {row}"


@pytest.mark.parametrize("name", TABLES)
def test_table_is_used_by_the_code(name: str) -> None:
    assert f'"{name}"' in SOURCES or f"'{name}'" in SOURCES, f"{name}.txt is read by no module"


def test_marker_styles_compile_and_name_their_ordinal() -> None:
    for style, where, pattern in load_table("marker_styles"):
        assert where in {"line", "inline", "clause"}, style
        assert "(?P<n>" in pattern, style
        regex.compile(pattern)


def test_alternation_is_longest_first_and_escaped() -> None:
    pattern = regex.compile(alternation(["人", "人次", "a.b"]))
    assert pattern.match("人次").group() == "人次"
    assert pattern.match("axb") is None
    assert load_words("marker_styles")[0] == load_table("marker_styles")[0][0]
