"""The seed in other clothes: the formatting variants of issue 2 (point 5) give the same outline.

Each variant is made from the seed by a mechanical change (line breaks lost, CRLF, full-width
punctuation, indents, blank lines, Markdown bold, a space after markers…); the outline's shape
(style, ordinal, parent) must stay exactly that of the original, which matches the gold.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

import reportparse
from reportparse.models import Node

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
