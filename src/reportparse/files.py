"""parse_file and parse_bytes: a report's file or bytes read (any format) and parsed."""

from __future__ import annotations

import datetime
import hashlib
import os

from .models import Report, Source, SourceFormat
from .outline import DEFAULT_MAX_NODES
from .pipeline import check_arguments, run_stages
from .readers import DEFAULT_MAX_BYTES, read_bytes, read_document


def parse_file(
    path: str | os.PathLike[str],
    reference_date: datetime.date | None = None,
    *,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    format: SourceFormat | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> Report:
    """Read a report file and parse it: text (UTF-8, BOM, GB18030, detected), .docx, .pdf or
    a web page, recognised by content, else by suffix, unless ``format`` names it.

    Files larger than ``max_bytes`` raise ``InputTooLargeError`` (``None`` lifts the cap);
    ``max_nodes`` is ``parse``'s."""
    data = read_bytes(path, max_bytes)
    return parse_bytes(
        data, name=str(path), reference_date=reference_date, format=format, max_nodes=max_nodes
    )


def parse_bytes(
    data: bytes,
    *,
    name: str | None = None,
    reference_date: datetime.date | None = None,
    format: SourceFormat | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> Report:
    """Read a report's bytes (any format ``parse_file`` reads) and parse the text; ``report.source``
    records the name, format, encoding, the bytes' SHA-256 and what the container says.
    ``max_nodes`` is ``parse``'s."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"parse_bytes() takes bytes, not {type(data).__name__}")
    data = bytes(data)
    check_arguments("", reference_date, max_nodes)
    extracted = read_document(data, name, format=format)
    source = Source(
        path=name,
        format=extracted.format,
        encoding=extracted.encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        metadata=extracted.metadata,
    )
    return run_stages(extracted.text, reference_date, source, max_nodes, extracted.diagnostics)
