"""Chinese, circled and mixed numerals to numbers: 十二 -> 12, 二〇〇四 -> 2004, 2.45万 -> 24500."""

from __future__ import annotations

from decimal import Decimal

from .chars import CIRCLED

DIGITS = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0,
    "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}


def cn_to_int(numeral: str) -> int | None:
    """Convert a Chinese numeral (一百二十, 十一, 两, 二〇〇四) to int; None if it is not one.

    A string of bare digits without units (二〇〇四, 一九五八) is read digit by digit, as years are.
    """
    if not numeral or numeral[0] in BIG_UNITS:
        return None  # 万 alone, or 万 before any digit, is not a number
    if all(ch in DIGITS for ch in numeral):
        if len(numeral) == 1:
            return DIGITS[numeral]
        return int("".join(str(DIGITS[ch]) for ch in numeral))
    total = 0  # completed big-unit groups
    section = 0  # value below the current big unit
    digit: int | None = None
    for ch in numeral:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        elif ch in BIG_UNITS:
            section += digit or 0
            unit = BIG_UNITS[ch]
            total = (total + section) * unit if total and total < unit else total + section * unit
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


def int_to_cn(
    value: int, digits: str = "〇一二三四五六七八九", units: str = "十百千", short_ten: bool = True
) -> str:
    """Write 0 <= value < 10000 as a Chinese numeral the way it is read: 11 -> 十一, 20 -> 二十,
    105 -> 一百零五, 1010 -> 一千零一十. ``digits`` and ``units`` give the characters (壹…, 拾佰仟
    for the financial forms, whose 11 is 壹拾壹: ``short_ten=False``); larger values are written
    digit by digit (一〇〇〇〇)."""
    if not 0 <= value < 10000:
        return "".join(digits[int(d)] for d in str(value))
    if value == 0:
        return "零" if digits[0] == "〇" else digits[0]
    parts: list[str] = []
    zero = False  # a zero digit waits to be written before the next non-zero one
    for power in (1000, 100, 10, 1):
        digit = value // power % 10
        if digit == 0:
            zero = bool(parts)
            continue
        if zero:
            parts.append("零")
            zero = False
        unit = {1000: units[2], 100: units[1], 10: units[0], 1: ""}[power]
        # 10-19 read 十, 十一 (not 一十一) when the tens lead
        leading_ten = short_ten and power == 10 and digit == 1 and not parts
        parts.append(unit if leading_ten else digits[digit] + unit)
    return "".join(parts)


def circled_to_int(ch: str) -> int | None:
    """① -> 1 … ⑳ -> 20; None for anything else."""
    index = CIRCLED.find(ch)
    return index + 1 if len(ch) == 1 and index >= 0 else None


def multiplier_value(multiplier: str) -> int | None:
    """万 -> 10000, 万亿 -> 10**12, "" -> 1: the product of the units; None for a non-unit."""
    factor = 1
    for ch in multiplier:
        unit = BIG_UNITS.get(ch) or SMALL_UNITS.get(ch)
        if unit is None:
            return None
        factor *= unit
    return factor


def number_value(digits: str, multiplier: str = "") -> int | float | None:
    """Value of a number as written: ASCII digits with optional thousands commas, decimals and a
    万/亿 multiplier, or a Chinese numeral. ``number_value("2.45", "万") == 24500``.

    Exact: decimals go through ``Decimal`` (a float product gives 1.39万亿 = 1389999999999.9998);
    the result is an int whenever the value is whole, else a float.
    """
    factor = multiplier_value(multiplier)
    digits = digits.replace(",", "")
    if factor is None or not digits:
        return None
    if digits[0].isdigit() or digits[0] == ".":
        if digits.isdigit():  # whole numbers: int is exact, and cheaper than Decimal
            return int(digits) * factor
        try:
            value = Decimal(digits) * factor
        except ArithmeticError:
            return None
        return int(value) if value == value.to_integral_value() else float(value)
    whole = cn_to_int(digits)
    return None if whole is None else whole * factor
