"""The count scan extract_counts runs finds exactly the hits of the count pattern it wraps."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportparse.extract.counts import count_hits
from reportparse.extract.counts.words import count_lexicon
from reportparse.normalise import fold

from .conftest import SAMPLES, corpus_files, read_exact

Hit = tuple[int, int, tuple[str | None, ...]]


def _scan_hits(text: str) -> list[Hit]:
    return list(count_hits(text))


def _pattern_hits(text: str) -> list[Hit]:
    return [(m.start(), m.end(), m.groups()) for m in count_lexicon().count.finditer(text)]


def test_scan_finds_what_the_pattern_finds_on_real_text() -> None:
    for path in [*corpus_files(), *sorted(SAMPLES.glob("*.txt"))]:
        folded = fold(read_exact(path))
        assert _scan_hits(folded) == _pattern_hits(folded), path.name


NUMBERS_AND_UNITS = "0123456789,.一二两三十百千万亿零余多近个次项条人名元年%百分之约共 、"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=NUMBERS_AND_UNITS, max_size=60))
def test_scan_finds_what_the_pattern_finds_on_random_text(text: str) -> None:
    assert _scan_hits(text) == _pattern_hits(text)


@pytest.mark.parametrize(
    "text",
    ["1,000元", "2020年召开3次", "12345678901234人", "百分之二十", "3300万", "1.39万亿元", "两三"],
)
def test_scan_does_not_fire_again_inside_a_count(text: str) -> None:
    assert _scan_hits(text) == _pattern_hits(text)
