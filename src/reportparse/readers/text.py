"""Bytes -> str for plain-text reports: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from ..errors import DecodeError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, source: str = "input") -> str:
    """Decode report bytes; a BOM decides, else strict UTF-8, else GB18030 (a superset of GBK).

    The BOM is removed; newlines are kept exactly as they are (offsets index the decoded text).
    """
    return decode_with_encoding(data, source)[0]


def decode_with_encoding(data: bytes, source: str = "input") -> tuple[str, str]:
    """Decode report bytes as :func:`decode_bytes` does; also name the encoding that was used."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise DecodeError(f"{source}: starts with a {encoding} BOM but {error}") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as error:
        raise DecodeError(
            f"{source}: not UTF-8, UTF-16 (with BOM) or GB18030 text "
            f"(byte {error.start}: {data[error.start : error.start + 4]!r})"
        ) from None


def read_text(path: str | os.PathLike[str]) -> str:
    """Read and decode a report file."""
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be str or os.PathLike, not {type(path).__name__}")
    file = Path(path)
    return decode_bytes(file.read_bytes(), str(file))
