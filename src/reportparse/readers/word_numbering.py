"""Word's automatic numbering -> the marker text Word shows before a paragraph (一、 （一） 1.).

A numbered paragraph carries no marker in its runs: ``w:numPr`` (on the paragraph or on its
style) names a numbering instance (``w:num``) and a level; the instance points to an abstract
definition (``w:abstractNum``) whose levels give a format (``w:numFmt``: chineseCounting,
decimal…), a level text (``w:lvlText``: ``%1、``, ``（%1）``, ``%1.%2``), a start value and a
restart rule. Counting follows Word: one running counter per abstract definition and level,
shared by the instances that point to it; an instance's ``w:startOverride`` restarts its level
the first time the instance is used; a level restarts when a higher level advances unless its
``w:lvlRestart`` says otherwise (``0``: never).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..chars import CIRCLED
from ..numerals import int_to_cn

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LEVELS = 9
_FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_SUFFIXES = {"tab": "\t", "space": " ", "nothing": ""}


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


def _val(element: Any, child: str) -> str | None:
    """The ``w:val`` of ``element``'s child ``w:<child>``, if both exist."""
    if element is None:
        return None
    found = element.find(_w(child))
    return None if found is None else found.get(_w("val"))


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _letters(value: int) -> str:
    # Word's letters repeat past z: 27 -> aa, 28 -> bb
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else str(value)


def _roman(value: int) -> str:
    if not 0 < value < 4000:
        return str(value)
    numerals = (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    )  # fmt: skip
    out = ""
    for number, letters in numerals:
        count, value = divmod(value, number)
        out += letters * count
    return out


def _cycle(symbols: str) -> Callable[[int], str]:
    return lambda value: symbols[value - 1] if 0 < value <= len(symbols) else str(value)


def _counting(value: int) -> str:
    return int_to_cn(value)


def _legal(value: int) -> str:
    return int_to_cn(value, "零壹贰叁肆伍陆柒捌玖", "拾佰仟", short_ten=False)


def _ideograph_digits(value: int) -> str:
    return "".join("〇一二三四五六七八九"[int(digit)] for digit in str(value))


# w:numFmt values -> how Word writes a counter in them (ECMA-376 ST_NumberFormat); the English
# word formats (ordinal, cardinalText…) and unknown ones fall back to decimal.
NUMBER_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda value: f"{value:02d}",
    "decimalFullWidth": lambda value: str(value).translate(_FULL_WIDTH_DIGITS),
    "decimalFullWidth2": lambda value: str(value).translate(_FULL_WIDTH_DIGITS),
    "decimalEnclosedCircle": _cycle(CIRCLED),
    "decimalEnclosedCircleChinese": _cycle(CIRCLED),
    "decimalEnclosedParen": _cycle("".join(chr(0x2474 + i) for i in range(20))),  # ⑴
    "decimalEnclosedFullstop": _cycle("".join(chr(0x2488 + i) for i in range(20))),  # ⒈
    "chineseCounting": _counting,
    "chineseCountingThousand": _counting,
    "japaneseCounting": _counting,
    "taiwaneseCounting": _counting,
    "taiwaneseCountingThousand": _counting,
    "chineseLegalSimplified": _legal,
    "ideographDigital": _ideograph_digits,
    "taiwaneseDigital": _ideograph_digits,
    "ideographTraditional": _cycle(_STEMS),
    "ideographZodiac": _cycle(_BRANCHES),
    "lowerLetter": _letters,
    "upperLetter": lambda value: _letters(value).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda value: _roman(value).upper(),
    "none": lambda value: "",
}


@dataclass(frozen=True)
class Level:
    """One level of a numbering definition, as far as the marker's text depends on it."""

    start: int = 0  # ECMA-376: an absent w:start means 0
    number_format: str = "decimal"
    text: str = ""
    restart_after: int | None = None  # w:lvlRestart: None = after any higher level, 0 = never
    legal: bool = False  # w:isLgl: every counter in the text written as a decimal
    suffix: str = "\t"

    @classmethod
    def from_element(cls, lvl: Any) -> Level:
        restart = _val(lvl, "lvlRestart")
        return cls(
            start=_int(_val(lvl, "start"), 0),
            number_format=_val(lvl, "numFmt") or "decimal",
            text=_val(lvl, "lvlText") or "",
            restart_after=None if restart is None else _int(restart, 0),
            legal=lvl.find(_w("isLgl")) is not None
            and _val(lvl, "isLgl") not in ("0", "false", "off"),
            suffix=_SUFFIXES.get(_val(lvl, "suff") or "tab", "\t"),
        )

    def write(self, value: int, legal: bool = False) -> str:
        if legal:
            return str(value)
        return NUMBER_FORMATS.get(self.number_format, str)(value)


@dataclass(frozen=True)
class _Instance:
    """A ``w:num``: its abstract definition, levels with overrides applied, start overrides."""

    abstract_id: str
    levels: tuple[Level, ...]
    start_overrides: dict[int, int]


class WordNumbering:
    """Renders the markers of numbered paragraphs, in document order (the counters advance)."""

    def __init__(self, numbering: Any | None, styles: Any | None) -> None:
        """``numbering`` is the ``w:numbering`` element of numbering.xml and ``styles`` the
        ``w:styles`` element of styles.xml (either may be missing)."""
        self._abstracts: dict[str, Any] = {}
        self._nums: dict[str, Any] = {}
        if numbering is not None:
            # an id defined twice (invalid, but seen) keeps its first definition
            for abstract in numbering.iterfind(_w("abstractNum")):
                self._abstracts.setdefault(abstract.get(_w("abstractNumId")) or "", abstract)
            for num in numbering.iterfind(_w("num")):
                self._nums.setdefault(num.get(_w("numId")) or "", num)
        self._styles: dict[str, Any] = {}
        if styles is not None:
            for style in styles.iterfind(_w("style")):
                self._styles[style.get(_w("styleId")) or ""] = style
        self._instances: dict[str, _Instance | None] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._entered: set[tuple[str, int]] = set()

    def marker(self, paragraph: Any) -> str:
        """The marker text (with its suffix) Word shows before ``paragraph`` (a ``w:p``
        element), or ``""``; counts the paragraph when it is numbered."""
        reference = self._numbering_of(paragraph)
        if reference is None:
            return ""
        num_id, level_index = reference
        instance = self._instance(num_id)
        if instance is None or not 0 <= level_index < LEVELS:
            return ""
        counters = self._counters.setdefault(instance.abstract_id, [None] * LEVELS)
        levels = instance.levels
        level = levels[level_index]
        override = instance.start_overrides.get(level_index)
        if override is not None and (num_id, level_index) not in self._entered:
            counters[level_index] = override
        else:
            current = counters[level_index]
            counters[level_index] = level.start if current is None else current + 1
        self._entered.add((num_id, level_index))
        for lower in range(level_index + 1, LEVELS):
            restart = levels[lower].restart_after
            if restart is None or (restart != 0 and level_index < restart):
                counters[lower] = None
        if level.number_format == "bullet":
            return _bullet(level.text) + level.suffix
        text = level.text
        for index in range(LEVELS - 1, -1, -1):  # %10 never occurs: Word has nine levels
            placeholder = f"%{index + 1}"
            if placeholder in text:
                value = counters[index]
                # a higher level not used yet shows one before its start: Word's "0.1" for a
                # Heading 2 above the first Heading 1
                shown = levels[index].start - 1 if value is None else value
                text = text.replace(placeholder, levels[index].write(shown, level.legal))
        return text + level.suffix if text else ""

    def _numbering_of(self, paragraph: Any) -> tuple[str, int] | None:
        """(numId, level) from the paragraph's own w:numPr, else from its style's chain."""
        own = paragraph.find(f"{_w('pPr')}/{_w('numPr')}")
        style_id = _val(paragraph.find(_w("pPr")), "pStyle")
        num_id = _val(own, "numId")
        level = _val(own, "ilvl")
        if num_id is None:
            num_id, style_level = self._style_numbering(style_id)
            level = level if level is not None else style_level
        if num_id is None or num_id == "0":  # numId 0 switches numbering off
            return None
        if level is None:
            level = self._level_linked_to(num_id, style_id)
        return num_id, _int(level, 0)

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, str | None]:
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self._styles:
            seen.add(style_id)
            style = self._styles[style_id]
            num_pr = style.find(f"{_w('pPr')}/{_w('numPr')}")
            if num_pr is not None and _val(num_pr, "numId") is not None:
                return _val(num_pr, "numId"), _val(num_pr, "ilvl")
            style_id = _val(style, "basedOn")
        return None, None

    def _level_linked_to(self, num_id: str, style_id: str | None) -> str | None:
        """A heading style numbered without a level: the level whose w:pStyle names it."""
        instance = self._instance(num_id)
        if instance is None or style_id is None:
            return None
        abstract = self._abstracts.get(instance.abstract_id)
        for lvl in () if abstract is None else abstract.iterfind(_w("lvl")):
            if _val(lvl, "pStyle") == style_id:
                return str(lvl.get(_w("ilvl")))
        return None

    def _instance(self, num_id: str) -> _Instance | None:
        if num_id not in self._instances:
            self._instances[num_id] = self._read_instance(num_id)
        return self._instances[num_id]

    def _read_instance(self, num_id: str) -> _Instance | None:
        num = self._nums.get(num_id)
        abstract_id = _val(num, "abstractNumId")
        abstract = self._abstracts.get(abstract_id or "")
        if num is None or abstract_id is None or abstract is None:
            return None
        # a list style (w:numStyleLink) keeps its levels in the abstract its own style points to
        linked_style = _val(abstract, "numStyleLink")
        if linked_style is not None:
            linked_num, _ = self._style_numbering(linked_style)
            linked_abstract_id = _val(self._nums.get(linked_num or ""), "abstractNumId")
            if linked_abstract_id in self._abstracts:
                abstract_id = linked_abstract_id or abstract_id
                abstract = self._abstracts[abstract_id]
        levels = [Level() for _ in range(LEVELS)]
        for index, lvl in _indexed(abstract.iterfind(_w("lvl"))):
            levels[index] = Level.from_element(lvl)
        start_overrides: dict[int, int] = {}
        for index, override in _indexed(num.iterfind(_w("lvlOverride"))):
            replacement = override.find(_w("lvl"))
            if replacement is not None:
                levels[index] = Level.from_element(replacement)
            start = _val(override, "startOverride")
            if start is not None:
                start_overrides[index] = _int(start, 0)
        return _Instance(abstract_id, tuple(levels), start_overrides)


def _indexed(elements: Iterable[Any]) -> Iterable[tuple[int, Any]]:
    """(w:ilvl, element) for the elements whose level is one of Word's nine."""
    for element in elements:
        index = _int(element.get(_w("ilvl")), -1)
        if 0 <= index < LEVELS:
            yield index, element


def _bullet(symbol: str) -> str:
    # bullets drawn from a symbol font sit in the private-use area; show them as a plain bullet
    return "•" if not symbol or "\ue000" <= symbol[0] <= "\uf8ff" else symbol
