"""Word (.docx) bytes -> report text: one line per paragraph, Word's numbering written out,
table rows as lines, the core properties as metadata (python-docx, the ``docx`` extra).

The body is read in document order: paragraphs, and tables as one line per row with the cells
separated by a tab. A numbered paragraph gets the marker Word shows before it (一、 （一） 1.),
rendered from numbering.xml by :class:`WordNumbering`; without it the outline would see
headings with no numbers. Headers, footers, footnotes, comments and text boxes are not read.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from typing import Any

from ..errors import DecodeError
from . import Extracted, require
from .word_numbering import WordNumbering

_CORE_PROPERTIES = (
    "title",
    "subject",
    "author",
    "keywords",
    "category",
    "comments",
    "last_modified_by",
    "created",
    "modified",
    "revision",
)


def read_docx(data: bytes, name: str) -> Extracted:
    """The text of a Word document's body, with the markers of its automatic numbering."""
    docx = require("docx", "docx", "reading Word (.docx) files")
    try:
        document = docx.Document(io.BytesIO(data))
    except (
        ValueError,
        KeyError,
        zipfile.BadZipFile,
        OSError,
        docx.opc.exceptions.OpcError,
    ) as error:
        raise DecodeError(f"{name}: not a readable Word document ({error})") from None
    except Exception as error:  # lxml's XMLSyntaxError and kin: a damaged part
        raise DecodeError(f"{name}: a damaged Word document ({type(error).__name__})") from None
    numbering = WordNumbering(_numbering_element(document), document.styles.element)
    lines: list[str] = []
    for block in document.iter_inner_content():
        lines.extend(_block_lines(block, numbering))
    return Extracted("\n".join(lines), "docx", None, _metadata(document.core_properties))


def _numbering_element(document: Any) -> Any | None:
    try:
        return document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return None


def _block_lines(block: Any, numbering: WordNumbering) -> list[str]:
    """A paragraph's one line (marker + text), or a table's lines (one per row)."""
    if hasattr(block, "rows"):
        return [_row_line(row, block, numbering) for row in block.rows]
    return [numbering.marker(block._p) + block.text]


def _row_line(row: Any, table: Any, numbering: WordNumbering) -> str:
    """A table row as one line: its cells' text separated by tabs, each cell once (python-docx's
    ``row.cells`` repeats a merged cell in every column and row it covers)."""
    from docx.table import _Cell

    cells: list[str] = []
    for tc in row._tr.tc_lst:
        if tc.vMerge == "continue":  # merged down from the row above: its text is said there
            cells.append("")
            continue
        cell = _Cell(tc, table)
        parts: list[str] = []
        for block in cell.iter_inner_content():
            parts.extend(_block_lines(block, numbering))
        cells.append(" ".join(part.replace("\t", " ") for part in parts if part.strip()))
    return "\t".join(cells)


def _metadata(properties: Any) -> dict[str, str]:
    metadata: dict[str, str] = {}
    for field in _CORE_PROPERTIES:
        value = getattr(properties, field, None)
        if isinstance(value, datetime.datetime):
            metadata[field] = value.isoformat()
        elif value not in (None, "", 0):
            metadata[field] = str(value)
    return metadata
