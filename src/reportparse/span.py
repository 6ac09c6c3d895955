"""Span (a frozen, half-open ``[start, end)`` range of ``str`` indices), and ``trusted`` and
``builder``, the constructors of models from data the parser itself produced."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel

ModelT = TypeVar("ModelT", bound=BaseModel)
_new = object.__new__
# The slot setters of BaseModel, called directly (object.__setattr__ would look the descriptor
# up by name on every call).
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


class _Layout(NamedTuple):
    """What ``trusted`` needs to know about a model class, read once per class."""

    names: tuple[str, ...]  # field names in declaration order
    defaults: dict[str, Any]  # the plain defaults
    build: Callable[[dict[str, Any]], Any]  # a complete ``__dict__`` -> the model


_LAYOUTS: dict[type[BaseModel], _Layout] = {}


def trusted(cls: type[ModelT], **values: Any) -> ModelT:
    """Build a model from internal, already-correct data: what ``model_construct`` does, without
    its per-call alias and default bookkeeping (the parse builds thousands of these).

    Fields left out take their plain default; fields whose default is a factory must be given.
    Pass fields in declaration order to skip the reordering (the JSON follows ``__dict__``).
    ``tests/test_models.py`` checks that the result equals a validated model.
    """
    layout = _LAYOUTS.get(cls) or _layout(cls)
    names = layout.names
    if len(values) != len(names) or tuple(values) != names:
        defaults = layout.defaults
        values = {name: values[name] if name in values else defaults[name] for name in names}
    return layout.build(values)  # type: ignore[no-any-return]


def builder(cls: type[ModelT]) -> Callable[[dict[str, Any]], ModelT]:
    """The constructor of ``cls`` from internal data, for the loops that build many models of
    it: the returned function takes a fresh dict holding every field of ``cls`` in declaration
    order (not checked here: ``tests/test_assemble.py`` checks every model of parsed reports),
    and the dict becomes the model's ``__dict__``."""
    return (_LAYOUTS.get(cls) or _layout(cls)).build


def _layout(cls: type[BaseModel]) -> _Layout:
    """Field names in declaration order, the plain defaults and the constructor of ``cls``."""
    fields = cls.model_fields  # a deprecation-wrapped property on instances: read it once
    defaults = {
        name: field.default
        for name, field in fields.items()
        if not field.is_required() and field.default_factory is None
    }
    new = cls.__new__
    # Every field is set, so the models of a class share one set of all the names: pydantic
    # only reads it, or adds a name that is already in it when a field is assigned. (A set of
    # eight names takes 728 bytes: a copy per model was a third of a node's memory.)
    name_set = set(fields)

    def build(values: dict[str, Any]) -> BaseModel:
        model = new(cls)
        _set_dict(model, values)
        _set_fields_set(model, name_set)
        _set_extra(model, None)
        _set_private(model, None)
        return model

    _LAYOUTS[cls] = layout = _Layout(tuple(fields), defaults, build)
    return layout


@dataclass(frozen=True, slots=True)
class Span:
    """Where something stands in the input: ``text[span.start:span.end]`` is exactly it.

    A frozen dataclass rather than a model: a report holds thousands of spans, and pydantic
    validates and serialises a dataclass field natively (JSON ``{"start": 3, "end": 7}``).
    """

    start: int = field(metadata={"description": "Index of the first character (inclusive)."})
    end: int = field(metadata={"description": "Index one past the last character (exclusive)."})

    def __post_init__(self) -> None:
        if not (isinstance(self.start, int) and isinstance(self.end, int)):
            raise TypeError(f"Span offsets must be int, not {self.start!r}, {self.end!r}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"Span needs 0 <= start <= end, not [{self.start}, {self.end})")

    @classmethod
    def of(cls, start: int, end: int) -> Span:
        """Build a span from trusted internal offsets, skipping the checks (hot path)."""
        span = _new(cls)
        _set_start(span, start)
        _set_end(span, end)
        return span

    def __len__(self) -> int:
        return self.end - self.start

    def __bool__(self) -> bool:
        return True  # an empty span (a position) is still a span, not "nothing"

    def contains(self, other: Span) -> bool:
        """True when ``other`` lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def slice(self, text: str) -> str:
        """The text this span covers."""
        return text[self.start : self.end]

    def model_dump(self) -> dict[str, int]:
        """``{"start": …, "end": …}``, as the models around it dump it."""
        return {"start": self.start, "end": self.end}


# The slot setters of the frozen Span, called directly (see ``Span.of``).
_set_start = Span.__dict__["start"].__set__
_set_end = Span.__dict__["end"].__set__
