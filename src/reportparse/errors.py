"""The exceptions reportparse raises: bad arguments and undecodable files, nothing else."""

from __future__ import annotations


class ReportParseError(Exception):
    """Base class of every error reportparse raises on purpose."""


class DecodeError(ReportParseError, UnicodeError):
    """A file's bytes could not be decoded as UTF-8, UTF-16 (with BOM) or GB18030."""


class InputTooLargeError(ReportParseError):
    """An input is larger than the cap set for reading it (``max_bytes``)."""
