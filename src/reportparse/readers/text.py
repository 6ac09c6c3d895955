"""Bytes -> str for plain-text reports: a BOM, UTF-8, GB18030, else charset detection.

The order keeps the common cases exact and cheap: a BOM decides; strict UTF-8 (the encoding of
almost every report published today); GB18030 (a superset of GBK and GB2312, the encoding of
files saved by older Chinese Windows), accepted only when the decoded text reads like Chinese,
since Big5 bytes decode as GB18030 too; anything else goes to ``charset-normalizer`` (the
``encodings`` extra), whose guess is accepted only when it reads as Chinese text.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import DecodeError
from ..models import Diagnostic, SourceFormat
from ..span import Span
from . import Extracted

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
REPLACEMENT = "\ufffd"
_CUT_SHORT = frozenset({"unexpected end of data", "truncated data"})  # what a cut tail raises

# What Big5 (or another legacy encoding) decoded as GB18030 is full of and a Chinese report is
# not: the user-defined area GBK maps unassigned codes to, and the kana, Greek, Cyrillic, pinyin
# and box-drawing rows of GB2312 that Big5's common lead bytes fall on.
_UNLIKELY_IN_GB_TEXT = re.compile(
    "[\ue000-\uf8ff\u3040-\u30ff\u0370-\u03ff\u0400-\u04ff\u2500-\u257f\u0100-\u024f]"
)
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class DecodedText:
    """A report's text, the encoding it was read in, and where a broken tail was replaced."""

    text: str
    encoding: str
    repaired_at: int | None = None  # offset of the U+FFFD that replaced a cut last character
    repaired_bytes: int = 0  # how many bytes that broken tail had


def decode_bytes(data: bytes, source: str = "input") -> str:
    """Decode report bytes; a BOM decides, else strict UTF-8, else GB18030 (a superset of GBK),
    else the encoding ``charset-normalizer`` detects.

    The BOM is removed; newlines are kept exactly as they are (offsets index the decoded text).
    """
    return decode_text(data, source).text


def decode_with_encoding(data: bytes, source: str = "input") -> tuple[str, str]:
    """Decode report bytes as :func:`decode_bytes` does; also name the encoding that was used."""
    decoded = decode_text(data, source)
    return decoded.text, decoded.encoding


def decode_text(data: bytes, source: str = "input") -> DecodedText:
    """Decode report bytes (see the module docstring for the order of the encodings tried).

    A file cut inside its last character (UTF-8, or UTF-16 after a BOM) keeps its text: the
    broken tail becomes one U+FFFD and ``repaired_at`` says where. Raises ``DecodeError``
    naming ``source``, where UTF-8 failed and what else was tried."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(encoding), encoding)
            except UnicodeDecodeError as error:
                repaired = _repaired_tail(data, encoding)
                if repaired is not None:
                    return repaired
                raise DecodeError(f"{source}: starts with a {encoding} BOM but {error}") from None
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    repaired = _repaired_tail(data, "utf-8")
    if repaired is not None:
        return repaired
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    else:
        if reads_as_chinese(text):
            return DecodedText(text, "gb18030")
    return _detected(data, source, utf8_error)


def _repaired_tail(data: bytes, encoding: str) -> DecodedText | None:
    """The text of bytes that are ``encoding`` but for a character cut short at their end (a
    truncated download or copy), the broken tail replaced by one U+FFFD; else None."""
    try:
        data.decode(encoding)
    except UnicodeDecodeError as error:
        if error.reason not in _CUT_SHORT or error.end < len(data) - len(_bom_of(data)):
            return None
    else:
        return None
    text = data.decode(encoding, errors="replace")
    for cut in (1, 2, 3):
        try:
            if data[:-cut].decode(encoding) == text[:-1]:
                return DecodedText(text, encoding, len(text) - 1, repaired_bytes=cut)
        except UnicodeDecodeError:
            continue
    return None


def _bom_of(data: bytes) -> bytes:
    return next((bom for bom, _ in _BOMS if data.startswith(bom)), b"")


def reads_as_chinese(text: str) -> bool:
    """Whether decoded text looks like a Chinese report rather than bytes read in the wrong
    encoding: at most one character in a hundred of its non-ASCII ones is of a kind such
    misreadings produce (private-use, kana, Greek, Cyrillic, box drawing)."""
    unlikely = _count(_UNLIKELY_IN_GB_TEXT, text)
    return unlikely * 100 <= _non_ascii(text)


def _count(pattern: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` the one-character ``pattern`` matches (no list of them)."""
    return pattern.subn("", text)[1]


def _non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", "ignore"))


def _detected(data: bytes, source: str, utf8_error: UnicodeDecodeError) -> DecodedText:
    where = (
        f"not UTF-8 (byte {utf8_error.start}: "
        f"{data[utf8_error.start : utf8_error.start + 4]!r}), UTF-16 (with BOM) or GB18030"
    )
    try:
        import charset_normalizer
    except ImportError:
        raise DecodeError(
            f"{source}: {where}; other encodings are detected with "
            'pip install "reportparse[encodings]"'
        ) from None
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise DecodeError(f"{source}: {where}, and charset-normalizer finds no encoding")
    text = str(best)
    han = _count(_HAN, text)
    if han * 2 < _non_ascii(text) or not han:
        raise DecodeError(
            f"{source}: {where}; charset-normalizer's best guess ({best.encoding}) "
            "does not read as Chinese text"
        )
    return DecodedText(text, codecs.lookup(best.encoding).name)


def read_text_bytes(data: bytes, name: str, format: SourceFormat = "text") -> Extracted:
    """The reader of plain-text and Markdown files: the decoded text as it stands."""
    decoded = decode_text(data, name)
    diagnostics = []
    if decoded.repaired_at is not None:
        at = decoded.repaired_at
        diagnostics.append(
            Diagnostic(
                code="decode_repaired",
                message=f"the file ends inside a character (cut short?): its last "
                f"{decoded.repaired_bytes} byte(s) became U+FFFD",
                span=Span(at, at + 1),
            )
        )
    return Extracted(decoded.text, format, decoded.encoding, diagnostics=diagnostics)


def read_text(path: str | os.PathLike[str]) -> str:
    """Read and decode a report file."""
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be str or os.PathLike, not {type(path).__name__}")
    file = Path(path)
    return decode_bytes(file.read_bytes(), str(file))
