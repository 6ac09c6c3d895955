"""PDF bytes -> report text: the text layer in reading order, page furniture left out, lines
wrapped at the page width joined back into their paragraphs (pdfplumber, the ``pdf`` extra).

pdfplumber (over pdfminer.six) gives each text line with its position on the page, which is
what the two jobs here need:

- **Page furniture.** A line in a page's top or bottom band that is a page number
  (``lexicon/page_furniture.txt``: — 3 —, - 3 -, 第3页, 第 3 页 共 9 页…) or that repeats, numbers
  aside, in the bands of at least half the pages (a running header or footer) is left out of
  the text; a ``page_furniture`` diagnostic at the page's first character says what was left out.
- **Wrapped lines.** A line that reaches the right edge of the text block was wrapped by the
  page, so the next line continues its paragraph, unless that next line is indented (a new
  paragraph in the 公文 layout), opens with a numbering marker, or, in a document that does not
  indent its paragraphs, the full line ends a sentence.
"""

from __future__ import annotations

import io
import re
import statistics
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any

from ..chars import SENTENCE_END
from ..errors import DecodeError
from ..lexicon import load_table
from ..models import Diagnostic
from ..normalise import fold
from ..outline import find_markers
from ..source import SourceText
from ..span import Span
from . import Extracted, require

BAND_LINES = 2  # lines at the top and at the bottom of a page where furniture may stand
_NUMBER = re.compile(r"\d+")
_RUN_IN_STYLES = frozenset({"cn_shi", "cn_di", "cn_qi"})
_METADATA_KEYS = {
    "Title": "title",
    "Author": "author",
    "Subject": "subject",
    "Keywords": "keywords",
    "Creator": "creator",
    "Producer": "producer",
    "CreationDate": "created",
    "ModDate": "modified",
}
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?")


@dataclass(frozen=True)
class Line:
    """One line of a page's text layer, with its box (PDF points, ``top`` from the page top)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@cache
def _page_number() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for _, pattern in load_table("page_furniture")))


def read_pdf(data: bytes, name: str) -> Extracted:
    """The report text of a PDF; ``DecodeError`` when it has no text layer (a scan)."""
    pdfplumber = require("pdfplumber", "pdf", "reading PDF files")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            metadata = _metadata(pdf.metadata)
            pages = [_lines(page) for page in pdf.pages]
            width = float(pdf.pages[0].width) if pdf.pages else 0.0
    except Exception as error:  # pdfminer raises its own and builtin errors on damaged files
        message = str(error) or type(error).__name__
        raise DecodeError(f"{name}: not a readable PDF ({message})") from None
    furniture = find_furniture(pages)
    if len(furniture) == sum(len(lines) for lines in pages):
        # no text at all, or only page numbers and headers stamped on scanned pages
        raise DecodeError(
            f"{name}: the PDF has no text layer (it looks scanned); run OCR on it first"
        )
    metadata["pages"] = str(len(pages))
    empty = [str(number) for number, lines in enumerate(pages, 1) if not lines]
    if empty:
        metadata["pages_without_text"] = ", ".join(empty)
    text, diagnostics = _assemble(pages, furniture, width)
    return Extracted(text, "pdf", None, metadata, diagnostics)


def _lines(page: Any) -> list[Line]:
    """The page's lines, top to bottom. Characters closer than half their size belong to one
    word: justified lines and the gap Word and Writer put between Chinese and Latin text
    (2023 年) are no spaces; spaces the PDF holds stay."""
    lines = []
    for line in page.extract_text_lines(return_chars=False, x_tolerance_ratio=0.5):
        text = line["text"].strip()
        if text:
            lines.append(Line(text, line["x0"], line["x1"], line["top"], line["bottom"]))
    return lines


def find_furniture(pages: list[list[Line]]) -> set[tuple[int, int]]:
    """(page index, line index) of each page number and running header or footer."""
    page_number = _page_number()
    bands: list[list[tuple[int, str]]] = []
    seen_on: dict[str, set[int]] = {}
    for page_index, lines in enumerate(pages):
        indices = sorted({*range(min(BAND_LINES, len(lines))), *range(len(lines))[-BAND_LINES:]})
        band = [(index, _NUMBER.sub("#", lines[index].text.replace(" ", ""))) for index in indices]
        bands.append(band)
        for _, key in band:
            seen_on.setdefault(key, set()).add(page_index)
    repeated = max(2, (len(pages) + 1) // 2)
    furniture = set()
    for page_index, band in enumerate(bands):
        for index, key in band:
            text = pages[page_index][index].text
            if page_number.fullmatch(text.strip()) or len(seen_on[key]) >= repeated:
                furniture.add((page_index, index))
    return furniture


@dataclass(frozen=True)
class _Layout:
    """The text block of a document: its left edge, right edge and character size."""

    left: float
    right: float
    char: float
    min_full_width: float
    indents_paragraphs: bool

    @classmethod
    def measure(cls, lines: list[Line], page_width: float) -> _Layout:
        char = statistics.median(line.bottom - line.top for line in lines)
        left = _quantile([line.x0 for line in lines], 0.05)
        right = _quantile([line.x1 for line in lines], 0.95)
        layout = cls(left, right, char, 0.5 * page_width, indents_paragraphs=False)
        # paragraph starts are the lines after a line that stops short of the right edge
        starts = [after for before, after in pairwise(lines) if not layout.full(before)]
        indented = sum(layout.indented(line) for line in starts)
        return cls(left, right, char, 0.5 * page_width, indented * 2 >= len(starts) > 0)

    def full(self, line: Line) -> bool:
        """Whether the line runs to the right edge: the page wrapped it."""
        return line.x1 >= self.right - 1.5 * self.char and line.x1 - line.x0 >= self.min_full_width

    def indented(self, line: Line) -> bool:
        return line.x0 >= self.left + 0.8 * self.char

    def continues(self, before: Line, line: Line) -> bool:
        """Whether ``line`` goes on with the paragraph of ``before`` (the line above it)."""
        if not self.full(before) or self.indented(line) or opens_with_marker(line.text):
            return False
        return self.indents_paragraphs or fold(before.text[-1]) not in SENTENCE_END


def opens_with_marker(text: str) -> bool:
    """Whether a line opens with a heading marker (一、 （一） 1. …), by the parser's own marker
    scan: such a line opens a node, so it is never joined to the line above. Enumerations
    written as words (一是, 第一，, 其一) run inside paragraphs and are as often wrapped onto
    a line's start as not, so they do not count."""
    return any(
        candidate.start == 0
        and candidate.strong
        and not candidate.doubtful
        and candidate.style not in _RUN_IN_STYLES
        for candidate in find_markers(SourceText.of(text))
    )


def _assemble(
    pages: list[list[Line]], furniture: set[tuple[int, int]], page_width: float
) -> tuple[str, list[Diagnostic]]:
    body = [
        [line for index, line in enumerate(lines) if (page_index, index) not in furniture]
        for page_index, lines in enumerate(pages)
    ]
    layout = _Layout.measure(
        [line for lines in body for line in lines] or [Line("", 0, 0, 0, 1)], page_width
    )
    pieces: list[str] = []
    length = 0
    before: Line | None = None
    diagnostics = []
    for page_index, lines in enumerate(body):
        page_start = length
        for position, line in enumerate(lines):
            if before is None:
                separator = ""
            elif layout.continues(before, line):
                separator = " " if _both_latin(before.text, line.text) else ""
            else:
                separator = "\n"
            if position == 0:
                page_start = length + len(separator)
            pieces.append(separator + line.text)
            length += len(separator) + len(line.text)
            before = line
        left_out = [
            pages[page_index][index].text
            for index in range(len(pages[page_index]))
            if (page_index, index) in furniture
        ]
        if left_out:
            at = min(page_start, length)
            diagnostics.append(
                Diagnostic(
                    code="page_furniture",
                    message=f"page {page_index + 1}: left out of the text: "
                    + ", ".join(repr(text) for text in left_out),
                    span=Span(at, at),
                )
            )
    return "".join(pieces), diagnostics


def _both_latin(before: str, after: str) -> bool:
    """Whether a wrap fell between two Latin words (joined by a space); Chinese text and digits
    (a number wrapped in the middle, 20|19年) join with nothing between."""
    last, first = before[-1:], after[:1]
    return last.isascii() and last.isalpha() and first.isascii() and first.isalpha()


def _quantile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def _metadata(raw: dict[str, Any]) -> dict[str, str]:
    metadata = {}
    for key, field in _METADATA_KEYS.items():
        value = raw.get(key)
        if isinstance(value, bytes):
            value = value.decode("utf-8", errors="replace")
        if not isinstance(value, str) or not value.strip():
            continue
        date = _PDF_DATE.match(value) if field in ("created", "modified") else None
        if date:
            year, month, day, hour, minute, second = (part or "" for part in date.groups())
            value = "-".join(part for part in (year, month, day) if part)
            if hour:
                value += f"T{hour}:{minute or '00'}:{second or '00'}"
        metadata[field] = value.strip()
    return metadata
