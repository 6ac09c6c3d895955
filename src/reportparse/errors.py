"""The exceptions reportparse raises: bad arguments and undecodable files, nothing else."""

from __future__ import annotations


class ReportParseError(Exception):
    """Base class of every error reportparse raises on purpose."""


class DecodeError(ReportParseError, UnicodeError):
    """A file's bytes could not be read as a report: no encoding or container format fits,
    or the container holds no text (a scanned PDF)."""


class InputTooLargeError(ReportParseError):
    """An input is larger than the cap set for reading it (``max_bytes``)."""


class MissingExtraError(ReportParseError, ImportError):
    """Reading a format needs an optional dependency that is not installed; the message names
    the extra that brings it (``pip install "reportparse[docx]"``)."""

    def __init__(self, extra: str, module: str, what: str, *, package: str | None = None) -> None:
        # ``package`` is what pip installs when it is not the module's name (python-docx: docx)
        super().__init__(
            f"{what} needs the optional package {package or module!r}: "
            f'pip install "reportparse[{extra}]"'
        )
        self.extra = extra
        self.module = module
