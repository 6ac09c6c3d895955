"""Span: a frozen, half-open ``[start, end)`` range of ``str`` indices into the parsed text."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field

ModelT = TypeVar("ModelT", bound=BaseModel)
_set = object.__setattr__
_STATIC_DEFAULTS: dict[type[BaseModel], dict[str, Any]] = {}


def trusted(cls: type[ModelT], **values: Any) -> ModelT:
    """Build a model from internal, already-correct data: what ``model_construct`` does, without
    its per-call alias and default bookkeeping (the parse builds thousands of these).

    Fields left out take their plain default; fields whose default is a factory must be given.
    ``tests/test_models.py`` checks that the result equals a validated model.
    """
    defaults = _STATIC_DEFAULTS.get(cls)
    if defaults is None:
        defaults = {
            name: field.default
            for name, field in cls.model_fields.items()
            if not field.is_required() and field.default_factory is None
        }
        _STATIC_DEFAULTS[cls] = defaults
    # in declaration order, so the JSON has the same field order as a validated model's
    fields = {name: values[name] if name in values else defaults[name] for name in cls.model_fields}
    model = cls.__new__(cls)
    _set(model, "__dict__", fields)
    _set(model, "__pydantic_fields_set__", set(values))
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


class Span(BaseModel):
    """Where something stands in the input: ``text[span.start:span.end]`` is exactly it."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0, description="Index of the first character (inclusive).")
    end: int = Field(ge=0, description="Index one past the last character (exclusive).")

    @classmethod
    def of(cls, start: int, end: int) -> Span:
        """Build a span from trusted internal offsets, skipping validation (hot path)."""
        return trusted(cls, start=start, end=end)

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        """True when ``other`` lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def slice(self, text: str) -> str:
        """The text this span covers."""
        return text[self.start : self.end]
