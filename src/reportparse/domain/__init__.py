"""The domain layer: report metadata, rectification items and headline figures, read from the
text, the built outline and the mentions (see docs/domain.md).

The stages read mentions through the small protocols below, so they take the extractors'
results whether or not these are models yet.
"""

from __future__ import annotations

from typing import Protocol

from ..span import Span


class CountLike(Protocol):
    """What the indicator stage reads of a count."""

    @property
    def span(self) -> Span: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def object(self) -> str | None: ...
    @property
    def duration(self) -> bool: ...


class DateLike(Protocol):
    """What the meta and rectification stages read of a date mention."""

    @property
    def span(self) -> Span: ...
    @property
    def kind(self) -> str: ...
    @property
    def value(self) -> str | None: ...
    @property
    def precision(self) -> str | None: ...
