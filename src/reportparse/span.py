"""Span: a frozen, half-open ``[start, end)`` range of ``str`` indices into the parsed text."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Span(BaseModel):
    """Where something stands in the input: ``text[span.start:span.end]`` is exactly it."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0, description="Index of the first character (inclusive).")
    end: int = Field(ge=0, description="Index one past the last character (exclusive).")

    @classmethod
    def of(cls, start: int, end: int) -> Span:
        """Build a span from trusted internal offsets, skipping validation (hot path)."""
        return cls.model_construct(start=start, end=end)

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
