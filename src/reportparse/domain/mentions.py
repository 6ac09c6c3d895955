"""What the domain stages read of the mentions: small protocols that the extractors' drafts and
the built models both satisfy."""

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
