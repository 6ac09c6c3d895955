"""Word (.docx) bytes -> report text: one line per paragraph, Word's numbering written out,
table rows as lines, the core properties as metadata (python-docx, the ``docx`` extra).

python-docx opens the package and gives the body, the styles, numbering.xml and the core
properties. The body's text is read here from the XML, in document order: python-docx's
``paragraph.text`` and ``iter_inner_content()`` see only runs and paragraphs that are direct
children, and would drop the text Word wraps in smart tags (the 2020年9月22日 of Chinese
documents is often a ``chsdate`` smart tag), tracked insertions, content controls and custom XML.

A numbered paragraph gets the marker Word shows before it (一、 （一） 1.), rendered from
numbering.xml by :class:`WordNumbering`; without it the outline would see headings with no
numbers. A table row is a line, its cells separated by tabs. Headers, footers, footnotes,
comments, text boxes and deleted text are not read.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Iterator
from typing import Any

from ..errors import DecodeError
from . import Extracted, require
from .word_numbering import WordNumbering

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NAMESPACES = {
    "w": _W[1:-1],
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
}
# The text-bearing children of the runs of a paragraph, wherever Word wrapped the runs (smart
# tags, insertions, hyperlinks, fields, content controls), except deleted runs, text boxes and
# the fallback copy of a drawing (its text is also in the drawing itself).
_RUN_CONTENT = (
    ".//w:r[not(ancestor::w:del) and not(ancestor::w:txbxContent) and not(ancestor::mc:Fallback)]"
    "/*[self::w:t or self::w:tab or self::w:ptab or self::w:br or self::w:cr"
    " or self::w:noBreakHyphen]"
)
_WRAPPERS = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins"})
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
    docx = require("docx", "docx", "reading Word (.docx) files", package="python-docx")
    try:
        document = docx.Document(io.BytesIO(data))
    except (ValueError, KeyError, zipfile.BadZipFile, OSError) as error:
        raise DecodeError(f"{name}: not a readable Word document ({error})") from None
    except Exception as error:  # lxml's XMLSyntaxError and kin: a damaged part
        raise DecodeError(f"{name}: a damaged Word document ({type(error).__name__})") from None
    from lxml import etree

    reader = _BodyReader(
        WordNumbering(_numbering_element(document), document.styles.element),
        etree.XPath(_RUN_CONTENT, namespaces=_NAMESPACES),
    )
    lines = list(reader.lines(document.element.body))
    return Extracted("\n".join(lines), "docx", None, _metadata(document.core_properties))


def _numbering_element(document: Any) -> Any | None:
    try:
        return document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return None


class _BodyReader:
    """Lines of a body or a table cell: paragraphs, and table rows; content controls and other
    wrappers are read through."""

    def __init__(self, numbering: WordNumbering, run_content: Any) -> None:
        self._numbering = numbering
        self._run_content = run_content

    def lines(self, container: Any) -> Iterator[str]:
        for element in container.iterchildren():
            tag = element.tag
            if tag == f"{_W}p":
                yield self._numbering.marker(element) + self.paragraph_text(element)
            elif tag == f"{_W}tbl":
                for row in element.iterchildren(f"{_W}tr"):
                    yield self.row_line(row)
            elif tag in _WRAPPERS:
                yield from self.lines(element)

    def paragraph_text(self, paragraph: Any) -> str:
        parts = []
        for node in self._run_content(paragraph):
            tag = node.tag[len(_W) :]
            if tag == "t":
                parts.append(node.text or "")
            elif tag in ("tab", "ptab"):
                parts.append("\t")
            elif tag in ("br", "cr"):
                parts.append("\n")
            else:  # a non-breaking hyphen
                parts.append("-")
        return "".join(parts)

    def row_line(self, row: Any) -> str:
        """A table row as one line: each cell's paragraphs joined by spaces, cells by tabs; a
        cell merged down from the row above is empty here (its text is said there)."""
        cells = []
        for cell in row.iterchildren(f"{_W}tc"):
            merge = cell.find(f"{_W}tcPr/{_W}vMerge")
            if merge is not None and merge.get(f"{_W}val", "continue") == "continue":
                cells.append("")
                continue
            text = " ".join(line for line in self.lines(cell) if line.strip())
            cells.append(text.replace("\t", " ").replace("\n", " "))
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
