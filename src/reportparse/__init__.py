"""reportparse: Chinese inspection-rectification and work reports as a typed, lossless tree.

>>> import reportparse
>>> report = reportparse.parse("一、总体情况\\n召开会议3次。")
>>> [node.marker.text for node in report.children]
['一、']
"""

from __future__ import annotations

from .batch import parse_many
from .chunks import Chunk, chunk
from .errors import DecodeError, InputTooLargeError, MissingExtraError, ReportParseError
from .files import parse_bytes, parse_file
from .models import (
    SCHEMA_VERSION,
    BaseNode,
    Contact,
    Count,
    DateMention,
    Diagnostic,
    DocumentRef,
    Marker,
    Measure,
    Mention,
    Node,
    Paragraph,
    ParseFailure,
    Point,
    Rectification,
    Report,
    ReportMeta,
    Section,
    Slogan,
    Source,
    Title,
)
from .pipeline import parse
from .span import Span

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "BaseNode",
    "Chunk",
    "Contact",
    "Count",
    "DateMention",
    "DecodeError",
    "Diagnostic",
    "DocumentRef",
    "InputTooLargeError",
    "Marker",
    "Measure",
    "Mention",
    "MissingExtraError",
    "Node",
    "Paragraph",
    "ParseFailure",
    "Point",
    "Rectification",
    "Report",
    "ReportMeta",
    "ReportParseError",
    "Section",
    "Slogan",
    "Source",
    "Span",
    "Title",
    "__version__",
    "chunk",
    "parse",
    "parse_bytes",
    "parse_file",
    "parse_many",
]
