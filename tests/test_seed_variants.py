"""The seed in other clothes: its formatting variants give the same outline.

Each variant is made from the seed by a mechanical change (line breaks lost, CRLF, full-width
punctuation, indents, blank lines, Markdown bold, a space after markers…); the outline's shape
(style, ordinal, parent) must stay exactly that of the original, which matches the gold.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import reportparse
from reportparse.models import Node

from .conftest import SAMPLES, corpus_files, read_exact
from .invariants import check_report

Shape = list[tuple[str, int, "tuple[str, int] | None"]]

FULL_WIDTH = str.maketrans({",": "，", "(": "（", ")": "）", ":": "：", ";": "；", "%": "％"})
PART_HEADS = ("一、", "二、", "三、", "四、")


def shape(report: reportparse.Report) -> Shape:
    out: Shape = []

    def visit(nodes: list[Node], parent: tuple[str, int] | None) -> None:
        for node in nodes:
            if node.marker is None:
                visit(node.children, parent)
            else:
                out.append((node.marker.style, node.marker.ordinal, parent))
                visit(node.children, (node.marker.style, node.marker.ordinal))

    visit(report.children, None)
    return out


def _lines(change: Callable[[str], str]) -> Callable[[str], str]:
    return lambda text: "\n".join(change(line) for line in text.split("\n"))


VARIANTS: dict[str, Callable[[str], str]] = {
    "flattened": lambda t: t.replace("\n", ""),
    "flattened_with_spaces": lambda t: t.replace("\n", " "),
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "cr_only": lambda t: t.replace("\n", "\r"),
    "full_width_punctuation": lambda t: t.translate(FULL_WIDTH),
    "ideographic_indent": _lines(lambda line: "\u3000\u3000" + line),
    "blank_lines_between": lambda t: t.replace("\n", "\n\n"),
    "markdown_bold_parts": _lines(lambda s: f"**{s}**" if s.startswith(PART_HEADS) else s),
    "markdown_heading_parts": _lines(lambda s: f"## {s}" if s.startswith(PART_HEADS) else s),
    "space_after_markers": lambda t: t.replace("、", "、 ").replace(")", ") "),
    "ascii_dot_items": lambda t: t.replace("。针对", ".针对"),
    "full_width_dot_items": lambda t: t.replace("。针对", "．针对"),
    "headings_end_with_full_stop": _lines(
        lambda s: s + "。" if s.startswith(("(一)", "(二)", "(三)", "(四)")) and len(s) < 20 else s
    ),
}


@pytest.fixture(scope="module")
def seed_shape(seed_text: str) -> Shape:
    return shape(reportparse.parse(seed_text))


@pytest.mark.parametrize("name", VARIANTS)
def test_variant_keeps_the_outline(name: str, seed_text: str, seed_shape: Shape) -> None:
    text = VARIANTS[name](seed_text)
    report = reportparse.parse(text)
    check_report(report, text)
    assert shape(report) == seed_shape


# -- every real report and sample keeps its outline under the line-preserving variants --------

LINE_PRESERVING = [
    name
    for name in VARIANTS
    if not name.startswith("flattened")
    and name not in ("ascii_dot_items", "full_width_dot_items", "headings_end_with_full_stop")
]


def _documents() -> list[Path]:
    return [*corpus_files(), *sorted(SAMPLES.glob("*.txt"))]


@pytest.mark.parametrize("path", _documents(), ids=lambda p: p.name)
def test_every_document_keeps_its_outline_when_reformatted(path: Path) -> None:
    text = read_exact(path)
    expected = shape(reportparse.parse(text))
    for name in LINE_PRESERVING:
        variant = VARIANTS[name](text)
        assert shape(reportparse.parse(variant)) == expected, name


# -- a page that lost its line breaks: numbers that look like items -----------------------------

FILLER = "甲" * 3000  # a flattened page is one very long line


def test_flattened_decimal_after_full_stop_is_not_an_item() -> None:
    text = f"一、总体。1.开展培训。{FILLER}。2.45万名网格员参训。{FILLER}。2.完善制度。3.加强督查。"
    markers = [(n.marker.text, n.path) for n in reportparse.parse(text).walk() if n.marker]
    assert markers == [("一、", "1"), ("1.", "1.1"), ("2.", "1.2"), ("3.", "1.3")]


def test_flattened_item_followed_by_a_number_is_an_item() -> None:
    text = f"一、总体情况。1.开展培训。{FILLER}。2.完善制度。3．10种金属。{FILLER}。4.加强督查。"
    markers = [n.marker.text for n in reportparse.parse(text).walk() if n.marker]
    assert markers == ["一、", "1.", "2.", "3．", "4."]


def test_flattened_items_after_a_closing_parenthesis() -> None:
    text = f"（共3项）1.甲项目{FILLER}。2.乙项目。3.丙项目（市局负责）二、下步打算"
    markers = [n.marker.text for n in reportparse.parse(text).walk() if n.marker]
    assert markers == ["1.", "2.", "3."]  # 二、 alone, with no 一、 before it, stays text
