"""Guards on the word tables in src/reportparse/lexicon: well-formed, used, and compiled."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest
import regex

from reportparse.chars import alternation
from reportparse.lexicon import load_table, load_words, table_header
from reportparse.models import MarkerStyle
from reportparse.outline.styles import BARE_STYLES, ENUMERATION_STYLES, STYLE_RULES

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
def test_table_has_a_header_and_one_row_shape(name: str) -> None:
    """The first row that is not a comment names the columns; no row has more fields."""
    header = table_header(name)
    assert all(column.isidentifier() for column in header), f"{name}.txt: header {header}"
    lines = (LEXICON / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    rows = [line for line in lines if line.strip() and not line.startswith("#")]
    assert tuple(rows[0].split("\t")) == header
    assert all(len(row.split("\t")) <= len(header) for row in rows), name
    assert all(len(row) == len(header) for row in load_table(name)), name


@pytest.mark.parametrize("name", TABLES)
def test_table_is_used_by_the_code(name: str) -> None:
    assert f'"{name}"' in SOURCES or f"'{name}'" in SOURCES, f"{name}.txt is read by no module"


def test_marker_styles_compile_and_name_their_ordinal() -> None:
    for rule in STYLE_RULES:
        assert rule.where in {"line", "inline", "clause"}, rule.style
        assert "(?P<n>" in rule.pattern, rule.style
        regex.compile(rule.pattern)


def test_style_table_lists_exactly_the_marker_styles_of_the_model() -> None:
    styles = [rule.style for rule in STYLE_RULES]
    assert len(set(styles)) == len(styles)
    assert set(styles) == set(get_args(MarkerStyle))


def test_style_table_facts() -> None:
    """Checked by hand against the genre: 一是/第一，/其一，/① run inside sentences; the bare
    styles are those a flattened web page runs into a heading."""
    assert {"cn_shi", "cn_di", "cn_qi", "circled"} == ENUMERATION_STYLES
    assert {"cn_dun", "cn_paren", "arabic_paren", "arabic_dot", "cn_shi"} == BARE_STYLES


def test_alternation_is_longest_first_and_escaped() -> None:
    pattern = regex.compile(alternation(["人", "人次", "a.b"]))
    assert pattern.match("人次").group() == "人次"
    assert pattern.match("axb") is None
    assert load_words("marker_styles")[0] == load_table("marker_styles")[0][0]
