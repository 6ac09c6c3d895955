from __future__ import annotations

import pytest

from reportparse.numerals import circled_to_int, cn_to_int, multiplier_value, number_value


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十一", 11),
        ("二十", 20),
        ("二十一", 21),
        ("九十九", 99),
        ("一百二十", 120),
        ("一百零一", 101),
        ("一千零五", 1005),
        ("两", 2),
        ("三万五千", 35_000),
        ("十二万", 120_000),
        ("一亿二千万", 120_000_000),
        ("二〇〇四", 2004),
        ("一九五八", 1958),
        ("零", 0),
    ],
    ids=lambda x: str(x),
)
def test_cn_to_int(numeral: str, value: int) -> None:
    assert cn_to_int(numeral) == value


@pytest.mark.parametrize("not_numeral", ["", "万", "亿", "十a", "是", "第一"])
def test_cn_to_int_rejects(not_numeral: str) -> None:
    assert cn_to_int(not_numeral) is None


@pytest.mark.parametrize(
    ("digits", "multiplier", "value"),
    [
        ("2.45", "万", 24_500),
        ("1.3", "亿", 130_000_000),
        ("90", "万", 900_000),
        ("1,253", "", 1253),
        ("一百二十", "", 120),
        ("0.5", "", 0.5),
        ("3", "千万", 30_000_000),
        ("1.39", "万亿", 1_390_000_000_000),  # exact: a float product is 1389999999999.9998
        ("0.1", "万", 1000),
    ],
)
def test_number_value(digits: str, multiplier: str, value: float) -> None:
    result = number_value(digits, multiplier)
    assert result == value
    assert isinstance(result, int) == isinstance(value, int)


def test_circled() -> None:
    assert circled_to_int("①") == 1
    assert circled_to_int("⑳") == 20
    assert circled_to_int("1") is None


def test_multiplier_value() -> None:
    assert multiplier_value("") == 1
    assert multiplier_value("万亿") == 10**12
    assert multiplier_value("个") is None
    assert number_value("3", "个") is None
