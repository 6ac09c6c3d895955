"""Models built by the fast internal constructor equal validated ones, and serialise alike."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from reportparse import Count, DateMention, Diagnostic, DocumentRef, Marker, Slogan, Span, Title
from reportparse.models import Paragraph, Section
from reportparse.span import builder, trusted

SPAN = {"start": 3, "end": 7}

CASES: list[tuple[type[BaseModel], dict[str, Any]]] = [
    (Marker, {"style": "cn_dun", "text": "一、", "ordinal": 1, "span": Span(**SPAN)}),
    (Title, {"text": "标题", "span": Span(**SPAN)}),
    (Diagnostic, {"code": "numbering_gap", "message": "m", "span": Span(**SPAN)}),
    (
        Count,
        {"span": Span(**SPAN), "text": "17次", "value": 17, "unit": "次", "node_path": "1"},
    ),
    (DateMention, {"span": Span(**SPAN), "text": "2020年", "kind": "point", "value": "2020"}),
    (DocumentRef, {"span": Span(**SPAN), "text": "《规定》", "name": "规定", "kind": "regulation"}),
    (Slogan, {"span": Span(**SPAN), "text": "“两个维护”", "name": "两个维护"}),
    (Paragraph, {"span": Span(**SPAN), "level": 1, "path": "p1", "children": []}),
    (Section, {"span": Span(**SPAN), "level": 1, "path": "1", "children": []}),
]


@pytest.mark.parametrize(("cls", "fields"), CASES, ids=[cls.__name__ for cls, _ in CASES])
def test_trusted_equals_validated(cls: type[BaseModel], fields: dict[str, Any]) -> None:
    fast = trusted(cls, **fields)
    slow = cls.model_validate(fields)
    assert fast == slow
    assert fast.model_dump() == slow.model_dump()
    assert fast.model_dump_json() == slow.model_dump_json()


@pytest.mark.parametrize(("cls", "fields"), CASES, ids=[cls.__name__ for cls, _ in CASES])
def test_builder_equals_validated(cls: type[BaseModel], fields: dict[str, Any]) -> None:
    slow = cls.model_validate(fields)
    build = builder(cls)
    every_field = {name: getattr(slow, name) for name in cls.model_fields}
    fast, again = build(dict(every_field)), build(dict(every_field))
    assert fast == slow
    assert fast.model_dump_json() == slow.model_dump_json()
    # every field is set; the models of a class share that one set (memory: one per node)
    assert fast.model_fields_set == again.model_fields_set == set(cls.model_fields)
    assert fast.model_dump(exclude_unset=True) == slow.model_dump()


def test_assigning_a_field_of_a_built_node_keeps_the_others_whole() -> None:
    build = builder(Section)
    fields = {"span": Span(**SPAN), "marker": None, "heading": None, "heading_span": None}
    rest = {"level": 1, "path": "1", "children": [], "kind": "section"}
    first, second = build({**fields, **rest}), build({**fields, **rest})
    first.heading = "总体情况"
    assert second.heading is None
    assert second.model_fields_set == first.model_fields_set == set(Section.model_fields)


def test_span_of_equals_checked_span() -> None:
    assert Span.of(3, 7) == Span(start=3, end=7)
    assert Span.of(3, 7).model_dump() == SPAN


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (5, 4), ("1", 2)])
def test_span_rejects_bad_offsets(start: Any, end: Any) -> None:
    with pytest.raises((ValueError, TypeError)):
        Span(start=start, end=end)


def test_span_is_frozen_and_hashable() -> None:
    span = Span.of(1, 2)
    with pytest.raises(AttributeError):
        span.start = 0  # type: ignore[misc]
    assert {span, Span(start=1, end=2)} == {span}
    assert bool(Span.of(4, 4))  # an empty span is a position, not "nothing"


def test_span_helpers() -> None:
    outer, inner = Span.of(0, 10), Span.of(2, 5)
    assert outer.contains(inner) and not inner.contains(outer)
    assert outer.overlaps(inner) and not Span.of(0, 2).overlaps(Span.of(2, 4))
    assert len(inner) == 3 and inner.slice("0123456789") == "234"
    assert hash(Span.of(1, 2)) == hash(Span(start=1, end=2))
