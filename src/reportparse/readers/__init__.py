"""Report files -> text: the container formats reportparse reads, and the cap on what it reads."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

from ..errors import InputTooLargeError

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".md")
"""File name endings a folder walk picks up: the formats ``parse_file`` reads."""

DEFAULT_MAX_BYTES = 100 * 2**20
"""Largest input read by default (100 MiB): far above any real report, below a runaway stream."""


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
