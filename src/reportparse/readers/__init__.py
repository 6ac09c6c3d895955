"""Report files -> text: the container formats reportparse reads, and the cap on what it reads.

``read_document(data, name)`` recognises the format by the bytes themselves (a PDF, a ZIP
holding ``word/document.xml``, HTML markup), then by the file name's suffix, and hands the
bytes to that format's reader (one module each: ``text``, ``docx``, ``pdf``, ``html``). Every
reader returns an :class:`Extracted`: the report's text, the encoding it was decoded from, what
the container says about the report (its metadata, without the placeholders document programs
write into empty fields: ``metadata.py``) and diagnostics about the reading itself.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path, PurePath
from types import ModuleType
from typing import IO

from ..errors import DecodeError, InputTooLargeError, MissingExtraError
from ..models import Diagnostic, SourceFormat
from .metadata import drop_placeholders

DEFAULT_MAX_BYTES = 100 * 2**20
"""Largest input read by default (100 MiB): far above any real report, below a runaway stream."""

_SUFFIX_FORMATS: dict[str, SourceFormat] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".docx": "docx",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".xhtml": "html",
}

SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_SUFFIX_FORMATS)
"""File name endings a folder walk picks up: the formats ``parse_file`` reads."""

# Files people send instead of a report, told apart by their first bytes, so the error names
# what the file is instead of failing to decode it as text.
_NOT_REPORTS: tuple[tuple[bytes, str], ...] = (
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "a legacy Office file (.doc/.wps/.xls): save it as .docx",
    ),
    (b"{\\rtf", "an RTF file: save it as .docx or plain text"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image: run OCR on it first"),
    (b"\xff\xd8\xff", "a JPEG image: run OCR on it first"),
    (b"GIF8", "a GIF image: run OCR on it first"),
    (b"\x1f\x8b", "a gzip archive: unpack it first"),
    (b"Rar!", "a RAR archive: unpack it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive: unpack it first"),
)
_HTML_START = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
_HTML_TAG = re.compile(rb"<(?:head|body|meta|title|div|p|br|table)\b[^>]*>", re.I)
_ANY_TAG = re.compile(rb"<(?:/?[a-z][a-z0-9]*[\s/>]|!--|!doctype)", re.I)


@dataclass
class Extracted:
    """What a reader got out of a file: the report's text and what the container says."""

    text: str
    format: SourceFormat
    encoding: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def read_bytes(path: str | os.PathLike[str], max_bytes: int | None = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file's bytes, refusing more than ``max_bytes`` (``None``: no cap).

    The file is read up to the cap and one byte more, so a device or a pipe that never ends
    (``/dev/zero``) is refused instead of filling memory."""
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be str or os.PathLike, not {type(path).__name__}")
    with Path(path).open("rb") as file:
        return read_capped(file, str(path), max_bytes)


def read_capped(stream: IO[bytes], name: str, max_bytes: int | None) -> bytes:
    """Read a binary stream to its end, or raise ``InputTooLargeError`` past ``max_bytes``."""
    if max_bytes is None:
        return stream.read()
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputTooLargeError(
            f"{name}: more than {max_bytes:,} bytes; raise the cap (max_bytes) to read it"
        )
    return data


def detect_format(data: bytes, name: str | None = None) -> SourceFormat:
    """The container format of a report's bytes: by content first, then by the name's suffix.

    Raises ``DecodeError`` for content that is surely no report (an image, an archive other
    than a Word file, a legacy .doc), naming what it is."""
    label = name or "<bytes>"
    if b"%PDF-" in data[:1024]:  # the header may follow a little junk
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if _zip_holds(data, "word/document.xml"):
            return "docx"
        raise DecodeError(
            f"{label}: a ZIP archive but not a Word document (no word/document.xml); "
            "reports are read from .docx, .pdf, web pages and text"
        )
    for magic, what in _NOT_REPORTS:
        if data.startswith(magic):
            raise DecodeError(f"{label}: {what}")
    if _looks_like_html(data):
        return "html"
    suffix = PurePath(name).suffix.lower() if name else ""
    by_suffix = _SUFFIX_FORMATS.get(suffix, "text")
    if by_suffix in ("pdf", "docx"):
        what = "a PDF (%PDF-)" if by_suffix == "pdf" else "a Word file (a ZIP archive)"
        raise DecodeError(f"{label}: named {suffix} but its bytes do not start like {what}")
    if by_suffix == "html" and not _holds_a_tag(data):
        return "text"  # a text saved as .html: read as a page, its line breaks would be lost
    return by_suffix


def read_document(
    data: bytes, name: str | None = None, *, format: SourceFormat | None = None
) -> Extracted:
    """The report's text from a file's bytes, by the reader of its format (``format`` given, or
    :func:`detect_format`). ``name`` names the file in errors and ``report.source``."""
    label = name or "<bytes>"
    if format is not None and format not in _READERS:
        raise ValueError(f"format must be one of {', '.join(_READERS)}, not {format!r}")
    chosen = format or detect_format(data, name)
    extracted = _READERS[chosen](data, label, chosen)
    extracted.metadata = drop_placeholders(extracted.metadata)
    return extracted


def require(module: str, extra: str, what: str, *, package: str | None = None) -> ModuleType:
    """Import an optional dependency, or raise ``MissingExtraError`` naming the extra and the
    package pip installs (``package``, when it is not the module's top name)."""
    try:
        return import_module(module)
    except ImportError:
        raise MissingExtraError(extra, module.split(".")[0], what, package=package) from None


def _zip_holds(data: bytes, member: str) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return member in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _ascii_view(data: bytes) -> bytes:
    """The bytes with the markup's ASCII as ASCII: UTF-16 (with its BOM) re-encoded as UTF-8,
    a UTF-8 BOM dropped."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="ignore").encode("utf-8")
    return data.removeprefix(b"\xef\xbb\xbf")


def _holds_a_tag(data: bytes) -> bool:
    return _ANY_TAG.search(_ascii_view(data)) is not None


def _looks_like_html(data: bytes) -> bool:
    head = _ascii_view(data[:4096])
    if _HTML_START.match(head):
        return True
    # a fragment without <html>: markup from its first character, with tags a page has
    return head.lstrip().startswith(b"<") and len(_HTML_TAG.findall(head)) >= 2


def _read_text(data: bytes, name: str, format: SourceFormat) -> Extracted:
    from .text import read_text_bytes

    return read_text_bytes(data, name, format)


def _read_docx(data: bytes, name: str, format: SourceFormat) -> Extracted:
    from .docx import read_docx

    return read_docx(data, name)


def _read_pdf(data: bytes, name: str, format: SourceFormat) -> Extracted:
    from .pdf import read_pdf

    return read_pdf(data, name)


def _read_html(data: bytes, name: str, format: SourceFormat) -> Extracted:
    from .html import read_html

    return read_html(data, name)


_READERS: dict[SourceFormat, Callable[[bytes, str, SourceFormat], Extracted]] = {
    "text": _read_text,
    "markdown": _read_text,
    "docx": _read_docx,
    "pdf": _read_pdf,
    "html": _read_html,
}
