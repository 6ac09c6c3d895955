"""Web page bytes -> report text: the article body, one line per block, table rows as lines;
the page's title and publication line as metadata (selectolax, the ``html`` extra).

Government sites are built on a few content-management systems that keep an article's body in
a container with a known name (``TRS_Editor``, ``zoom``, ``UCAP-CONTENT``…, listed in
``lexicon/html_body_selectors.txt``); the body is read from the first such container that holds
Chinese text. Chrome that may sit inside it (share buttons, print links, related articles:
``lexicon/html_chrome_selectors.txt``) and every script, style, form and navigation element are
removed first. A page with no known container goes to readability's main-content extraction
(readability-lxml), whose result is rendered the same way.

The text is rendered from the parsed tree: block elements and ``<br>`` end lines, table rows
become lines with their cells separated by tabs, runs of whitespace inside a line become one
space, entities are decoded by the parser. The page's ``<title>``, the article's headline (the
h1-h3 above the body), ``<meta>`` tags of content systems (PubDate, ContentSource) and the
publication line (发布时间：… 来源：…, ``lexicon/html_meta_labels.txt``) go to the metadata;
none of them is put in the text.
"""

from __future__ import annotations

import codecs
import re
from functools import cache
from typing import Any

from ..chars import longest_first
from ..errors import DecodeError
from ..lexicon import load_table
from . import Extracted, require
from .text import decode_text

_SKIPPED = (
    "script, style, noscript, template, iframe, svg, math, object, embed, canvas, form, button, "
    "select, textarea, input, nav"
)
_BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "caption", "center", "dd", "details"),
        *("div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "header", "hr"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "li", "main", "ol", "p", "pre", "section"),
        *("summary", "table", "tbody", "tfoot", "thead", "ul"),
    }
)
_CELLS = frozenset({"td", "th"})
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HAN = re.compile(r"[\u3400-\u9fff]")
MIN_BODY_HAN = 20  # a container with fewer Chinese characters holds no article
MAX_CANDIDATES = 50  # matches of one selector weighed (nested look-alikes cannot go quadratic)
MAX_PUBLICATION_LINE = 200
_VALUE_END = re.compile(r"[ \u3000\xa0]{2,}|[\[【|｜]")
_CELL_BREAK = "\x1f"  # between the cells of a row while it is gathered; a tab in the text
# Declared labels read with their superset: GB2312 and GBK pages hold GBK-only characters.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}


def read_html(data: bytes, name: str) -> Extracted:
    """The article text of a web page and what the page says about it."""
    lexbor = require("selectolax.lexbor", "html", "reading web pages (.html)")
    page, encoding = _decode(data, name)
    tree = lexbor.LexborHTMLParser(page)
    metadata = _page_metadata(tree)
    for node in tree.css(_SKIPPED):
        node.decompose()
    page_lines = render_lines(tree.body) if tree.body is not None else []
    body = _body_container(tree)
    if body is not None:
        for selector in _chrome_selectors():
            for node in body.css(selector):
                node.decompose()
        lines = render_lines(body)
        headline = _headline(body, metadata.get("title", ""))
        if headline:
            metadata.setdefault("headline", headline)
    else:
        lines = _main_content(page, lexbor)
    for key, value in _publication_metadata(page_lines, lines).items():
        metadata.setdefault(key, value)
    if not lines:
        raise DecodeError(f"{name}: a web page with no article text in it")
    return Extracted("\n".join(lines), "html", encoding, metadata)


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """The page as text: a BOM, else the charset the page declares, else as plain text."""
    declared = _CHARSET.search(data[:4096])
    if declared and not data.startswith(
        (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ):
        label = declared.group(1).decode("ascii").lower()
        try:
            encoding = codecs.lookup(_SUPERSETS.get(label, label)).name
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError):
            pass  # an unknown or wrong label: detect as for text
    decoded = decode_text(data, name)
    return decoded.text, decoded.encoding


def render_lines(root: Any) -> list[str]:
    """The text under ``root`` as lines: blocks and ``<br>`` break lines, a table row is one
    line with its cells separated by tabs. Iterative, so deep nesting cannot overflow."""
    lines: list[str] = []
    parts: list[str] = []
    cell_depth = 0
    first_cell = True

    def flush() -> None:
        cells = [_SPACES.sub(" ", cell).strip() for cell in "".join(parts).split(_CELL_BREAK)]
        if any(cells):
            lines.append("\t".join(cells))
        parts.clear()

    # the root's own tag does not count: a body kept in a layout table's cell is no table row
    stack: list[tuple[Any, bool]] = [
        (child, True) for child in reversed(list(root.iter(include_text=True)))
    ]
    while stack:
        node, entering = stack.pop()
        tag = node.tag
        if tag == "-text":
            parts.append(node.text_content or "")
            continue
        if tag in _CELLS:
            if entering:
                parts.append("" if first_cell else _CELL_BREAK)
                first_cell = False
            cell_depth += 1 if entering else -1
        elif tag == "tr":
            flush()
            first_cell = True
        elif tag == "br" or tag in _BLOCKS:
            if cell_depth:
                parts.append(" ")  # a row stays one line, whatever its cells hold
            else:
                flush()
        if entering and not tag.startswith("-"):
            stack.append((node, False))
            children = list(node.iter(include_text=True))
            stack.extend((child, True) for child in reversed(children))
    flush()
    return lines


@cache
def _body_selectors() -> tuple[str, ...]:
    return tuple(row[0] for row in load_table("html_body_selectors"))


@cache
def _chrome_selectors() -> tuple[str, ...]:
    return tuple(row[0] for row in load_table("html_chrome_selectors"))


def _body_container(tree: Any) -> Any | None:
    """The element holding the article body, by the first known container name that matches
    an element with Chinese text in it (the one with the most, if several match)."""
    for selector in _body_selectors():
        best, most = None, MIN_BODY_HAN - 1
        for node in tree.css(selector)[:MAX_CANDIDATES]:
            han = _HAN.subn("", node.text(separator=" ") or "")[1]
            if han > most:
                best, most = node, han
        if best is not None:
            return best
    return None


def _main_content(page: str, lexbor: Any) -> list[str]:
    """Lines of the main content that readability finds, for pages with no known container."""
    readability = require(
        "readability", "html", "reading web pages without a known body", package="readability-lxml"
    )
    try:
        article = readability.Document(page).summary(html_partial=True)
    except Exception:  # readability raises its own Unparseable and lxml's errors
        return []
    tree = lexbor.LexborHTMLParser(article)
    return render_lines(tree.body) if tree.body is not None else []


@cache
def _label_pattern() -> re.Pattern[str]:
    alternatives = "|".join(re.escape(label) for label in longest_first(_label_keys()))
    return re.compile(rf"(?:{alternatives})(?=\s*[:：])")


@cache
def _label_keys() -> dict[str, str]:
    return {label: key for label, key in load_table("html_meta_labels")}


def publication_details(line: str) -> dict[str, str]:
    """The labelled values of a publication line: ``发布时间：2023-07-20 来源：县委巡察办`` ->
    ``{"published": "2023-07-20", "source": "县委巡察办"}``. Each value runs to the next label,
    a gap of two spaces or a bracket."""
    found = list(_label_pattern().finditer(line))
    details: dict[str, str] = {}
    ends = [match.start() for match in found[1:]] + [len(line)] if found else []
    for this, end in zip(found, ends, strict=True):
        value = line[this.end() : end]
        value = _VALUE_END.split(value.lstrip(" \u3000\xa0:："), maxsplit=1)[0].strip()
        if value:
            details.setdefault(_label_keys()[this.group()], value)
    return details


@cache
def _meta_keys() -> dict[str, str]:
    return {name.lower(): key for name, key in load_table("html_meta_tags")}


def _page_metadata(tree: Any) -> dict[str, str]:
    """The page's <title>, its headline, its <meta> tags of content systems, and the labelled
    values of its publication line (发布时间：… 来源：…)."""
    metadata: dict[str, str] = {}
    title = tree.css_first("title")
    if title is not None and title.text(strip=True):
        metadata["title"] = _SPACES.sub(" ", title.text(strip=True))
    for meta in tree.css("meta[name][content]"):
        key = _meta_keys().get((meta.attributes.get("name") or "").lower())
        content = _SPACES.sub(" ", meta.attributes.get("content") or "").strip()
        if key and content:
            metadata.setdefault(key, content)
    return metadata


def _publication_metadata(lines: list[str], body_lines: list[str]) -> dict[str, str]:
    """Labelled values of the short lines outside the article body (发布时间：… 来源：…)."""
    inside = set(body_lines)
    details: dict[str, str] = {}
    for line in lines:
        if len(line) <= MAX_PUBLICATION_LINE and line not in inside:
            for key, value in publication_details(line).items():
                details.setdefault(key, value)
    return details


def _headline(body: Any, title: str) -> str | None:
    """The article's heading: the first h1-h3 that the page's <title> contains, in the nearest
    ancestor of the body container that has one (the site's own h1 sits further out)."""
    ancestor = body.parent
    while ancestor is not None and ancestor.tag not in ("body", "html"):
        for heading in ancestor.css("h1, h2, h3"):
            text = _SPACES.sub(" ", heading.text(strip=True) or "").strip()
            if len(text) >= 4 and text in title:
                return text
        ancestor = ancestor.parent
    return None
