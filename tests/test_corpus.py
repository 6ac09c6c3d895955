"""Every real report in ../shared/corpus/dev parses losslessly, and its headings become markers."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

import reportparse

from .conftest import corpus_files, needs_shared, read_exact
from .invariants import check_report

pytestmark = needs_shared

# A line-initial 一、 or (一)/（一） heading, after any indentation.
LINE_HEADING = regex.compile(
    r"(?m)^[ \t\u3000\u00a0]*([一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])"
)

FILES = corpus_files()


@pytest.fixture(scope="module", params=FILES, ids=[path.name for path in FILES])
def corpus_file(request: pytest.FixtureRequest) -> tuple[Path, str, reportparse.Report]:
    path: Path = request.param
    text = read_exact(path)
    return path, text, reportparse.parse(text)


def test_corpus_is_present() -> None:
    assert len(FILES) >= 10


def test_parses_losslessly(corpus_file: tuple[Path, str, reportparse.Report]) -> None:
    _, text, report = corpus_file
    check_report(report, text)


def test_every_line_initial_heading_is_a_marker(
    corpus_file: tuple[Path, str, reportparse.Report],
) -> None:
    _, text, report = corpus_file
    starts = {node.marker.span.start for node in report.walk() if node.marker}
    missing = [
        (hit.start(1), hit.group(1))
        for hit in LINE_HEADING.finditer(text)
        if hit.start(1) not in starts
    ]
    assert missing == []


def test_parse_file_gives_the_same_tree(corpus_file: tuple[Path, str, reportparse.Report]) -> None:
    path, _, report = corpus_file
    again = reportparse.parse_file(path)
    assert again.model_dump(exclude={"source"}) == report.model_dump(exclude={"source"})
    assert again.source is not None and again.source.path == str(path)


INVISIBLE = ["\u200b", "\u2060", "\ufeff"]


@pytest.mark.parametrize("char", INVISIBLE, ids=["zwsp", "word-joiner", "bom"])
def test_invisible_characters_sprinkled_in_keep_the_contract(
    corpus_file: tuple[Path, str, reportparse.Report], char: str
) -> None:
    """One invisible character after every seventh character (inside words, markers, dates)."""
    _, text, _ = corpus_file
    sprinkled = "".join(ch + char if i % 7 == 6 else ch for i, ch in enumerate(text))
    check_report(reportparse.parse(sprinkled), sprinkled)


@pytest.mark.parametrize("char", INVISIBLE, ids=["zwsp", "word-joiner", "bom"])
def test_invisible_characters_around_lines_leave_the_outline_as_it_was(
    corpus_file: tuple[Path, str, reportparse.Report], char: str
) -> None:
    """Where web pages leave them, at line starts and ends, they change no node and no title."""
    _, text, report = corpus_file
    framed = regex.sub(r"(?m)$", char, regex.sub(r"(?m)^", char, text))
    again = reportparse.parse(framed)
    check_report(again, framed)
    assert [(n.path, n.marker and n.marker.text) for n in again.walk()] == [
        (n.path, n.marker and n.marker.text) for n in report.walk()
    ]
    titles = [r.title.text.replace(char, "") if r.title else None for r in (report, again)]
    assert titles[0] == titles[1]
