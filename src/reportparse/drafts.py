"""What the stages hand on: light, immutable records of what they found, in offsets of the text.

Stages never build the pydantic models of the report; :func:`reportparse.assemble.assemble`
turns these drafts into the :class:`~reportparse.models.Report` in one step, once every stage
has run, so no model is changed after it is built.

Every draft is a :func:`record`: a slotted dataclass whose fields the type checker treats as
frozen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from .models import DateKind, DatePrecision, Diagnostic, DocumentKind
from .span import Span

RecordT = TypeVar("RecordT")

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform

    @dataclass_transform(frozen_default=True)
    def record(cls: type[RecordT]) -> type[RecordT]: ...

else:

    def record(cls: Any) -> Any:
        """A slotted dataclass that is frozen to the type checker: ``mypy --strict`` refuses
        any assignment to a field. At run time it is not frozen, since a frozen dataclass sets
        each field through ``object.__setattr__``, which doubles the cost of the thousands of
        drafts and words a parse makes; it is hashed by its fields, as a frozen one would be.
        """
        return dataclass(slots=True, unsafe_hash=True)(cls)


@record
class Candidate:
    """A place that looks like a numbering marker."""

    style: str
    ordinal: int
    start: int
    end: int
    strong: bool  # at the start of a line (after indentation, ``**`` or ``#``)
    depth: int  # sub-level within a style: 1.2.3 has depth 3 (decimal style only)
    doubtful: bool  # reads as a number too (3.10种): a marker only if it continues a list
    key: str  # the nesting identity: the style, and for decimals also the depth ("decimal/2")


@record
class NodeDraft:
    """A node of the outline: where it starts, its marker (None for a paragraph) and heading.

    ``children`` is filled while the outline is folded; its end, level and path are set by the
    assembly, which sees the whole tree.
    """

    start: int
    marker: Candidate | None
    key: str | None  # the marker's nesting key (None for a paragraph): what the fold compares
    inline: bool  # closes at its line's end: an inline Point, or a paragraph
    heading: tuple[int, int] | None
    children: list[NodeDraft]


@record
class OutlineDraft:
    """The outline stage's result: the title's span, the top-level nodes, the numbering
    diagnostics and the markers the tree holds (in document order)."""

    title: tuple[int, int] | None
    nodes: list[NodeDraft]
    diagnostics: list[Diagnostic]
    markers: list[Candidate]


@record
class CountDraft:
    span: Span
    text: str
    value: int | float
    value_max: int | float | None
    unit: str | None
    object: str | None
    approx: str | None
    duration: bool


@record
class DateDraft:
    span: Span
    text: str
    kind: DateKind
    value: str | None
    precision: DatePrecision | None


@record
class DocumentDraft:
    span: Span
    text: str
    name: str
    kind: DocumentKind
    action: str | None
    issuer: str | None


@record
class SloganDraft:
    span: Span
    text: str
    name: str


MentionDraft = CountDraft | DateDraft | DocumentDraft | SloganDraft


@record
class Findings:
    """The extractors' drafts, each list sorted by start."""

    counts: list[CountDraft]
    dates: list[DateDraft]
    documents: list[DocumentDraft]
    slogans: list[SloganDraft]
