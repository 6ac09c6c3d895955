"""The domain layer: report metadata, rectification items and headline figures, read from the
text, the built outline and the mentions (see docs/domain.md)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Node, Rectification, ReportMeta, Title
from ..source import SourceText
from ..span import Span
from .indicators import find_indicator_roles
from .mentions import CountLike, DateLike
from .meta import extract_meta
from .rectifications import find_rectifications


@dataclass(frozen=True, slots=True)
class DomainReading:
    """What the domain layer reads from one report: each headline count's role (by the
    count's span), the metadata and the rectification items."""

    roles: dict[Span, str]
    meta: ReportMeta
    rectifications: list[Rectification]


def read_domain(
    source: SourceText,
    title: Title | None,
    children: Sequence[Node],
    counts: Sequence[CountLike],
    dates: Sequence[DateLike],
) -> DomainReading:
    """The coding sheet of one report, from its text, its built outline and its mentions."""
    return DomainReading(
        roles=find_indicator_roles(source, counts),
        meta=extract_meta(source, title, children, dates),
        rectifications=find_rectifications(source, children, dates),
    )
