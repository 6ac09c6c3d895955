"""parse(): the stages in order (placeholder while the outline stage is written)."""

from __future__ import annotations

import datetime
import os

from .models import Report


def parse(text: str, reference_date: datetime.date | None = None) -> Report:
    raise NotImplementedError


def parse_file(path: str | os.PathLike[str]) -> Report:
    raise NotImplementedError
