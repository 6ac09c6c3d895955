"""Drafts are records: slotted, compared and hashed by their fields, and typed as frozen."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from reportparse import drafts, segment
from reportparse.extract.counts.match import CountMatch
from reportparse.span import Span

RECORDS = [
    cls
    for _, cls in inspect.getmembers(drafts, inspect.isclass)
    if cls.__module__ == drafts.__name__
] + [segment.Token, CountMatch]


def test_every_class_of_the_drafts_module_is_a_record() -> None:
    assert {cls.__name__ for cls in RECORDS} >= {
        "Candidate",
        "NodeDraft",
        "OutlineDraft",
        "CountDraft",
        "DateDraft",
        "DocumentDraft",
        "SloganDraft",
        "Findings",
        "Token",
        "CountMatch",
    }
    for cls in RECORDS:
        assert dataclasses.is_dataclass(cls), cls
        assert "__slots__" in cls.__dict__, cls  # no per-instance __dict__


def test_a_record_is_equal_and_hashed_by_its_fields() -> None:
    one = drafts.SloganDraft(Span.of(3, 9), "“四个意识”", "四个意识")
    same = drafts.SloganDraft(Span.of(3, 9), "“四个意识”", "四个意识")
    other = drafts.SloganDraft(Span.of(3, 9), "“两个维护”", "两个维护")
    assert one == same and hash(one) == hash(same)
    assert one != other
    assert len({one, same, other}) == 2
    with pytest.raises(AttributeError):
        one.extra = 1  # type: ignore[attr-defined]


def test_the_words_of_a_window_can_be_cached_and_compared() -> None:
    """segment.tokens is cached: its words are hashable values, equal across calls."""
    words = segment.tokens("召开市委政法委全体会议")
    assert [w.word for w in words] == ["召开", "市委", "政法委", "全体会议"]
    assert segment.tokens.__wrapped__("召开市委政法委全体会议") == words
    assert len(set(words)) == len(words)
