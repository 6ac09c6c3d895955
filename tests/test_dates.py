"""Tests for extract/dates.py: case tables of genre phrases, traps, hostile input, seed gold."""

from __future__ import annotations

import datetime
import time
from typing import Any

import pytest

from reportparse.drafts import DateDraft
from reportparse.extract.dates import extract_dates, implied_reference_date
from reportparse.lexicon import load_table
from reportparse.source import SourceText

REF = datetime.date(2021, 1, 25)

# (id, text, reference date, expected [(surface, kind, value, precision)]), checked by hand.
Expected = list[tuple[str, str, str | None, str | None]]
CASES: list[tuple[str, str, datetime.date | None, Expected]] = [
    ("point-day", "2021年1月8日,市委政法委领导班子召开", None,
     [("2021年1月8日", "point", "2021-01-08", "day")]),
    ("since-day", "2020年9月22日以来,召开全体会议2次", None,
     [("2020年9月22日以来", "since", "2020-09-22", "day")]),
    ("since-month", "2020年9月以来,主要负责同志", None,
     [("2020年9月以来", "since", "2020-09", "month")]),
    ("since-qi", "从2019年起,各有关部门", None, [("2019年起", "since", "2019", "year")]),
    ("since-zhijin", "2018年至今共办理", None, [("2018年至今", "since", "2018", "year")]),
    ("since-yihou", "二是1989年以后的基本建设", None, [("1989年以后", "since", "1989", "year")]),
    ("year", "通过互联网发布2020年天津市平安志愿活动调查问卷", None,
     [("2020年", "point", "2020", "year")]),
    ("year-du", "落实2020年度全面从严治党主体责任", None, [("2020年度", "point", "2020", "year")]),
    ("range-month", "2020年5月至7月开展专项整治", None,
     [("2020年5月至7月", "range", "2020-05/2020-07", "month")]),
    ("range-day", "2021年5月8日至7月5日集中整改", None,
     [("2021年5月8日至7月5日", "range", "2021-05-08/2021-07-05", "day")]),
    ("range-dash", "2020年5月—7月", None, [("2020年5月—7月", "range", "2020-05/2020-07", "month")]),
    ("range-cross-year", "2020年5月到2021年1月", None,
     [("2020年5月到2021年1月", "range", "2020-05/2021-01", "month")]),
    ("range-day-only", "2004年4月16日至18日，曾培炎副总理", None,
     [("2004年4月16日至18日", "range", "2004-04-16/2004-04-18", "day")]),
    ("range-years-one-nian", "三年行动”（2025—2027年），聚焦", None,
     [("2025—2027年", "range", "2025/2027", "year")]),
    ("range-years-space", "2003年到 2007年，中央财政", None,
     [("2003年到 2007年", "range", "2003/2007", "year")]),
    ("range-months-one-yue", "2020年1至9月，全市", None,
     [("2020年1至9月", "range", "2020-01/2020-09", "month")]),
    ("cn-numerals", "二〇〇四年一月十六日", None,
     [("二〇〇四年一月十六日", "point", "2004-01-16", "day")]),
    ("cn-range", "原定一九五七年十月到一九五八年九月底增加灌溉面积", None,
     [("一九五七年十月到一九五八年九月底", "range", "1957-10/1958-09", "month")]),
    ("full-width", "一、１９９６年１月成立筹委会", None,
     [("１９９６年１月", "point", "1996-01", "month")]),
    ("month-end", "以上工作要在2019年2月底前完成", None,
     [("2019年2月底", "point", "2019-02", "month")]),
    ("late-month", "特别是进入2003年12月下旬", None,
     [("2003年12月下旬", "point", "2003-12", "month")]),
    ("half-year", "一九五七年上半年出勤率", None,
     [("一九五七年上半年", "range", "1957-01/1957-06", "month")]),
    ("md-carried", "2003年，事故多发。8月11日，大同市", None,
     [("2003年", "point", "2003", "year"), ("8月11日", "point", "2003-08-11", "day")]),
    ("md-range-carried", "2003年。8月11日至18日，山西省", None,
     [("2003年", "point", "2003", "year"),
      ("8月11日至18日", "range", "2003-08-11/2003-08-18", "day")]),
    ("md-from-reference", "5月8日召开会议", REF, [("5月8日", "point", "2020-05-08", "day")]),
    ("md-unknown", "5月8日召开会议", None, [("5月8日", "point", None, None)]),
    ("today-year", "今年是中国共产党百年华诞,明年将迎来党的二十大", REF,
     [("今年", "relative", "2021", "year"), ("百年华诞", "named", "2021-07-01", "day"),
      ("明年", "relative", "2022", "year")]),
    ("last-year", "去年底，全国已有50%的县", REF, [("去年底", "relative", "2020-12", "month")]),
    ("this-year-since", "今年以来，全市", REF, [("今年以来", "since", "2021", "year")]),
    ("this-year-date", "已于今年一月十八日在莫斯科", REF,
     [("今年一月十八日", "relative", "2021-01-18", "day")]),
    ("relative-unknown", "今年要保持经济增长", None, [("今年", "relative", None, None)]),
    ("whole-year-anaphoric", "确保2020年下发文件只减不增,实现了全年降幅21%", REF,
     [("2020年", "point", "2020", "year"), ("全年", "relative", "2020", "year")]),
    ("whole-year-reviewed", "每周召开1次委务会。全年共召开全体会议17次", REF,
     [("全年", "relative", "2020", "year")]),
    ("whole-year-target", "努力完成全年经济社会发展目标任务", datetime.date(2024, 3, 5),
     [("全年", "relative", "2024", "year")]),
    ("previous-year-comparison-base", "2007年国内生产总值比上年增长11.4%", None,
     [("2007年", "point", "2007", "year"), ("上年", "relative", "2006", "year")]),
    ("same-year-unknown", "计入当年本单位绩效工资总量", REF, [("当年", "relative", None, None)]),
    ("plenum-since", "梳理汇总十八届三中全会以来政法领域改革进展", None,
     [("十八届三中全会以来", "since", "2013-11", "month")]),
    ("congress-since", "党的十八大以来，习近平总书记", None,
     [("十八大以来", "since", "2012-11", "month")]),
    ("reform-since", "特别是改革开放以来长期探索", None,
     [("改革开放以来", "since", "1978-12", "month")]),
    ("five-year-plan", "研究谋划“十四五”期间推进政法工作", None,
     [("“十四五”", "named", "2021/2025", "year")]),
    ("five-year-plan-since", "“十四五”以来，全省地区生产总值", None,
     [("“十四五”以来", "since", "2021", "year")]),
    ("five-year-plan-unquoted", "落实十四五规划", None, [("十四五", "named", "2021/2025", "year")]),
    ("anniversary", "打赢建党100周年等重大敏感节点维稳安保大仗硬仗", None,
     [("建党100周年", "named", "2021-07-01", "day")]),
    ("anniversary-cn", "庆祝中华人民共和国成立七十周年", None,
     [("中华人民共和国成立七十周年", "named", "2019-10-01", "day")]),
    ("holidays", "加强对国庆、元旦等重要节点监督检查", REF,
     [("国庆", "named", None, None), ("元旦", "named", None, None)]),
    ("holiday-with-year", "2021年春节前完成", None, [("2021年春节", "named", "2021", "year")]),
    ("year-end", "截至2020年底，全市", None, [("2020年底", "point", "2020-12", "month")]),
    ("year-start-not-chuxin", "2020年初心使命", None, [("2020年", "point", "2020", "year")]),
    ("quarter", "2021年第一季度", None,
     [("2021年第一季度", "range", "2021-01/2021-03", "month")]),
    ("qi-as-verb", "2020年起草了方案", None, [("2020年", "point", "2020", "year")]),
    ("dotted", "会议于2020.12.3召开", None, [("2020.12.3", "point", "2020-12-03", "day")]),
    # A bare month-day takes its paragraph's year, else the reference year: a year written in an
    # earlier paragraph is often history (2000年已取消…), not the year of the event.
    ("md-reference-over-history", "1998年已取消该项基金。\n8月3日，领导同志批复同意",
     datetime.date(2006, 9, 1),
     [("1998年", "point", "1998", "year"), ("8月3日", "point", "2006-08-03", "day")]),
    ("md-last-year-without-reference", "1998年已取消该项基金。\n8月3日，领导同志批复",
     None, [("1998年", "point", "1998", "year"), ("8月3日", "point", "1998-08-03", "day")]),
    # Parts of a year written without the year: the paragraph's year, else as 全年.
    ("half-year-anaphoric", "2019年全省生产总值增长6%，上半年增长5.8%", None,
     [("2019年", "point", "2019", "year"), ("上半年", "relative", "2019-01/2019-06", "month")]),
    ("quarter-target", "力争一季度实现开门红", datetime.date(2022, 2, 10),
     [("一季度", "relative", "2022-01/2022-03", "month")]),
    ("quarter-reviewed", "第四季度投资增速回升", datetime.date(2022, 2, 10),
     [("第四季度", "relative", "2021-10/2021-12", "month")]),
    ("second-half-this-year", "下半年，继续开展专项整治", datetime.date(2022, 7, 20),
     [("下半年", "relative", "2022-07/2022-12", "month")]),
    ("first-three-quarters", "前三季度完成投资", datetime.date(2022, 10, 20),
     [("前三季度", "relative", "2022-01/2022-09", "month")]),
    # 过去一年 / 过去五年 open a work report: the year(s) under review.
    ("past-year", "过去一年，面对复杂严峻的外部环境", datetime.date(2023, 1, 12),
     [("过去一年", "relative", "2022", "year")]),
    ("past-year-de", "过去的一年，我们", datetime.date(2023, 1, 12),
     [("过去的一年", "relative", "2022", "year")]),
    ("past-five-years", "过去五年，经济实力显著增强", datetime.date(2013, 3, 5),
     [("过去五年", "relative", "2008/2012", "year")]),
    ("past-year-unknown", "过去一年，面对", None, [("过去一年", "relative", None, None)]),
    # Relative periods after another date: 过去N年 counts back from the year under review
    # whatever year its paragraph has named before (今年 is not where it starts).
    ("past-five-after-this-year", "今年，过去五年", datetime.date(2021, 2, 1),
     [("今年", "relative", "2021", "year"), ("过去五年", "relative", "2016/2020", "year")]),
    ("past-five-after-year", "2020年是收官之年。过去五年，我们", datetime.date(2021, 2, 1),
     [("2020年", "point", "2020", "year"), ("过去五年", "relative", "2016/2020", "year")]),
    ("past-year-after-year", "2022年，过去一年里", datetime.date(2023, 1, 12),
     [("2022年", "point", "2022", "year"), ("过去一年", "relative", "2022", "year")]),
    ("last-year-after-this-year", "今年以来，与去年同期相比", datetime.date(2021, 6, 1),
     [("今年以来", "since", "2021", "year"), ("去年", "relative", "2020", "year")]),
    ("next-year-after-year", "2020年，明年", datetime.date(2020, 12, 1),
     [("2020年", "point", "2020", "year"), ("明年", "relative", "2021", "year")]),
    ("same-year-anaphoric", "2019年出台办法，当年完成", datetime.date(2021, 2, 1),
     [("2019年", "point", "2019", "year"), ("当年", "relative", "2019", "year")]),
    # A season or term anchoring a date is part of it: the year, or the month the season fixes.
    ("since-summer", "2021年暑期以来，学校组织", None,
     [("2021年暑期以来", "since", "2021-07", "month")]),
    ("since-autumn-term", "2020年秋季学期以来，持续推进", None,
     [("2020年秋季学期以来", "since", "2020-09", "month")]),
    ("since-spring", "2022年春季以来，各学院", None, [("2022年春季以来", "since", "2022", "year")]),
    ("since-last-year-end", "去年年底以来，收回资金", datetime.date(2024, 9, 6),
     [("去年年底以来", "since", "2023-12", "month")]),
    ("since-this-year-start", "今年年初以来", datetime.date(2024, 9, 6),
     [("今年年初以来", "since", "2024-01", "month")]),
    ("spring-term-point", "2024年春季学期共听课176节次", None,
     [("2024年春季学期", "point", "2024", "year")]),
    ("winter-break", "2023年寒假期间", None, [("2023年寒假", "point", "2023", "year")]),
    ("whole-year", "2021年全年共开展督查3轮", None, [("2021年全年", "point", "2021", "year")]),
    ("year-repeated-start", "2020年年初，2020年年底前", None,
     [("2020年年初", "point", "2020-01", "month"), ("2020年年底", "point", "2020-12", "month")]),
    ("budget-term", "2023年年初预算", None, [("2023年", "point", "2023", "year")]),
    ("academic-year", "2021-2022学年，2021—2022学年度", None,
     [("2021-2022学年", "range", "2021/2022", "year"),
      ("2021—2022学年", "range", "2021/2022", "year")]),
    ("whole-year-relative-alone", "全年共开展督查3轮", datetime.date(2021, 6, 1),
     [("全年", "relative", "2021", "year")]),
    # A year shared by a list: one date per member.
    ("listed-years", "对2018、2019年签订的合同", None,
     [("2018", "point", "2018", "year"), ("2019年", "point", "2019", "year")]),
    ("listed-years-three", "2017、2018、2019年度", None,
     [("2017", "point", "2017", "year"), ("2018", "point", "2018", "year"),
      ("2019年度", "point", "2019", "year")]),
    # Month-days without a year take the year of the dated text before them, consistently.
    ("md-neighbourhood", "2021年5月3日召开。\n5月4日，5月17日督查。\n5月9日通报", None,
     [("2021年5月3日", "point", "2021-05-03", "day"), ("5月4日", "point", "2021-05-04", "day"),
      ("5月17日", "point", "2021-05-17", "day"), ("5月9日", "point", "2021-05-09", "day")]),
    ("md-list", "2024年3月5日、3月19日、4月2日，三次听取汇报", None,
     [("2024年3月5日", "point", "2024-03-05", "day"), ("3月19日", "point", "2024-03-19", "day"),
      ("4月2日", "point", "2024-04-02", "day")]),
    # An anniversary stays a date when it names a moment (之际, 等重大节点).
    ("anniversary-moment", "在庆祝建党100周年之际", None,
     [("建党100周年", "named", "2021-07-01", "day")]),
]  # fmt: skip

# Text that must yield no date at all.
TRAPS = [
    ("count-items", "受理信访2000件"),
    ("count-households", "帮扶2100余户"),
    ("duration", "利用3个月时间集中整治"),
    ("duration-years", "四年来工作情况"),
    ("ordinal-term", "十一届市委第八轮巡视"),
    ("idiom", "第一时间报告"),
    ("frequency-month", "原则上每月召开1次全体会"),
    ("frequency-week", "每周召开1次委务会"),
    ("frequency-quarter", "按季度开展评选活动，每季度召开一次会议"),
    ("recurring-deadline", "应当于每年1月31日前公开本机关"),
    ("adverbs", "定期报告，长期坚持，目前进展顺利，下步将"),
    ("adjective-year", "召开年度民主生活会，制定年度改革要点"),
    ("plenum-no-since", "传达学习党的十九届五中全会精神"),
    ("local-plenum", "市委十一届九次全会精神"),
    ("young", "如今年轻干部"),
    ("explain", "说明年度预算"),
    ("sound", "健全年度考核制度"),
    ("decimal", "增长2.45万元"),
    ("decade", "上世纪70年代"),
    ("legal-education-plan", "全面完成“八五”普法规划"),
    ("age", "不同年龄段"),
    ("recent-years", "近年来，各地区不断加强"),
    ("recent-three-years", "近三年来查处案件"),
    ("every-quarter-one", "每一季度通报一次"),
    ("half-year-duration", "用半年时间集中整治"),
    # an anniversary inside the name of a meeting, project or award is part of that name
    ("anniversary-meeting", "纪念辛亥革命110周年大会"),
    ("centenary-project", "承担建党百年重大研究项目子课题"),
    ("anniversary-activities", "庆祝新中国成立70周年活动"),
    ("anniversary-series", "出席庆祝澳门回归祖国25周年系列活动"),
    ("anniversary-report-meeting", "举办纪念五四运动105周年主题报告会"),
    ("anniversary-medal", "颁发庆祝中华人民共和国成立70周年纪念章"),
]


def _found(text: str, reference: datetime.date | None = None) -> list[DateDraft]:
    """The dates of ``text`` as the pipeline finds them: relative ones resolved against
    ``reference``, else against the date the text implies."""
    source = SourceText.of(text)
    return extract_dates(source, reference or implied_reference_date(source))


@pytest.mark.parametrize(("text", "reference", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_cases(
    text: str,
    reference: datetime.date | None,
    expected: Expected,
) -> None:
    found = _found(text, reference)
    for m in found:
        assert m.text == text[m.span.start : m.span.end]
    assert [(m.text, m.kind, m.value, m.precision) for m in found] == expected


@pytest.mark.parametrize("text", [t[1] for t in TRAPS], ids=[t[0] for t in TRAPS])
def test_traps(text: str) -> None:
    assert _found(text, REF) == []


def test_sorted_by_start() -> None:
    text = "2020年9月22日以来,今年,2021年1月8日,“十四五”,5月8日"
    starts = [m.span.start for m in _found(text, REF)]
    assert starts == sorted(starts) and len(starts) == 5


def test_implied_reference_date() -> None:
    text = "2020年9月22日以来……2021年1月25日,市委巡视办……2021年1月8日召开"
    assert implied_reference_date(SourceText.of(text)) == datetime.date(2021, 1, 25)
    # Announced future dates and deadlines are not the document's own date.
    assert implied_reference_date(SourceText.of("离1999年12月20日我国对澳门恢复行使主权")) is None
    deadline = "于2018年12月31日前报送。2018年12月6日"
    assert implied_reference_date(SourceText.of(deadline)) == datetime.date(2018, 12, 6)
    assert implied_reference_date(SourceText.of("二〇〇四年八月十二日")) == datetime.date(
        2004, 8, 12
    )
    assert implied_reference_date(SourceText.of("没有日期")) is None
    assert implied_reference_date(SourceText.of("2021年2月30日")) is None


def test_implied_reference_resolves_relative() -> None:
    text = "今年是关键一年。2021年1月25日,市委巡视办"
    assert _found(text)[0].value == "2021"
    assert _found(text, datetime.date(2030, 6, 1))[0].value == "2030"
    # without a reference date, relative words stay unresolved
    assert extract_dates(SourceText.of(text), None)[0].value is None


def test_invalid_values_are_dropped() -> None:
    assert [m.value for m in _found("2020年13月")] == ["2020"]
    assert _found("0999年") == []


@pytest.mark.parametrize(
    "text",
    ["1" * 200_000, "2020年" * 50_000, "《" * 50_000, "《" + "中" * 200_000,
     "\x00\x01" * 50_000, "\ud800" * 1_000 + "2020年", "5月8日至" * 20_000,
     "今年上半年以来" * 20_000],
    ids=["digits", "years", "nested-brackets", "unclosed", "controls", "surrogates", "md-chain",
         "relative-chain"],
)  # fmt: skip
def test_hostile_input_is_linear_and_safe(text: str) -> None:
    started = time.perf_counter()
    found = _found(text)
    implied_reference_date(SourceText.of(text))
    assert time.perf_counter() - started < 15
    assert all(m.text == text[m.span.start : m.span.end] for m in found[:1000])


def test_lexicon_files_are_well_formed() -> None:
    for row in load_table("date_events"):
        datetime.date.fromisoformat(row[1] + "-01")
    for row in load_table("date_anniversaries"):
        datetime.date.fromisoformat(row[1] if len(row[1]) == 10 else row[1] + "-01")
    for row in load_table("date_periods"):
        assert int(row[2]) - int(row[1]) == 4
    for row in load_table("date_relative"):
        if row[1] == "past":
            assert int(row[2]) in range(1, 11)
        else:
            assert row[1] in ("ref", "ana", "ana_ref", "whole") and int(row[2]) in range(-2, 3)
    for row in load_table("date_holidays"):
        assert row[1] == "lunar" or datetime.date.fromisoformat("2000" + row[1][1:])


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _seed_score(seed_text: str, seed_gold: dict[str, Any]) -> tuple[float, float, float, float]:
    """Precision, recall, F1 and kind accuracy with score.py's rule: spans overlap and the value
    agrees (the prediction may be finer); named gold dates and dates without value are optional."""
    reference = seed_gold.get("reference_date")
    ref = datetime.date.fromisoformat(reference) if reference else None
    found = _found(seed_text, ref)

    def optional(g: dict[str, Any]) -> bool:
        return g.get("kind") == "named" or g.get("value") in (None, "")

    golds = [g for g in seed_gold["dates"] if not optional(g)]
    skip = [(g["start"], g["end"]) for g in seed_gold["dates"] if optional(g)]
    preds = [m for m in found if not any(_overlaps((m.span.start, m.span.end), o) for o in skip)]
    used: set[int] = set()
    kinds = 0
    for g in golds:
        for i, m in enumerate(preds):
            if i in used or not _overlaps((g["start"], g["end"]), (m.span.start, m.span.end)):
                continue
            if m.value == g["value"] or (m.value is not None and m.value.startswith(g["value"])):
                used.add(i)
                kinds += m.kind == g["kind"]
                break
    tp = len(used)
    precision = tp / len(preds) if preds else 0.0
    recall = tp / len(golds) if golds else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, kinds / tp if tp else 0.0


def test_seed_gold(seed_text: str, seed_gold: dict[str, Any]) -> None:
    precision, recall, f1, kind_accuracy = _seed_score(seed_text, seed_gold)
    assert f1 >= 0.95, (precision, recall, f1)
    assert kind_accuracy >= 0.9


def test_seed_mentions_match_text(seed_text: str) -> None:
    for m in _found(seed_text):
        assert m.text == seed_text[m.span.start : m.span.end]
    assert implied_reference_date(SourceText.of(seed_text)) == datetime.date(2021, 1, 25)


# -- the trigger scan finds exactly what a full finditer finds ------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from reportparse.extract.dates import grammar, reference, scan  # noqa: E402
from reportparse.normalise import fold as _fold  # noqa: E402

_DATE_BITS = [
    "2020", "年", "9月", "22日", "以来", "至", "—", "7月", "今年", "全年", "上半年", "一季度",
    "二〇〇四年", "一月十六日", "“十四五”", "十八届三中全会", "国庆", "元旦", "建党100周年", ".",
    "12.3", "-", "底", "初", "度", "召开", "，", "。", " ", "\n", "第一", "3个月", "每月",
]  # fmt: skip


def _spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_DATE_BITS), st.text(max_size=3)), max_size=40))
def test_trigger_scan_equals_full_finditer(bits: list[str]) -> None:
    folded = _fold("".join(bits))
    assert _spans(scan.date_matches(folded)) == _spans(grammar.date_pattern().finditer(folded))


@pytest.mark.parametrize(
    "text",
    [
        "从2015 至 2020 年以来",  # a spaced range: 年 13 characters after the start
        "2015 —— 2020 年",
        "٣月5日",  # any decimal digit is \\d to the pattern
        "中国人民志愿军抗美援朝出国作战的七十周年",  # a long table word
        "中华人民共和国成立召开以来",
        "“十四五”时期，“五一”劳动节，2021年国庆节",
        "过去的一年，前三季度，第四季度",
        "2020.3.4，2020-03-04，2020/3/4",
    ],
    ids=["spaced-range", "spaced-dash-range", "arabic-indic-digit", "long-anniversary",
         "long-event", "quoted-words", "relative-words", "separators"],
)  # fmt: skip
def test_trigger_scan_equals_full_finditer_on_cases(text: str) -> None:
    folded = _fold(text)
    assert _spans(scan.date_matches(folded)) == _spans(grammar.date_pattern().finditer(folded))
    assert scan.date_matches(folded)


def test_trigger_scan_equals_full_finditer_on_real_text() -> None:
    from .conftest import SAMPLES, corpus_files, read_exact

    for path in [*corpus_files(), *sorted(SAMPLES.glob("*.txt"))]:
        folded = _fold(read_exact(path))
        assert _spans(scan.date_matches(folded)) == _spans(grammar.date_pattern().finditer(folded))


# -- the stdlib re compiles the grammar to the same matches as the regex module ----------------


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_DATE_BITS), st.text(max_size=3)), max_size=40))
def test_re_grammar_equals_regex_grammar(bits: list[str]) -> None:
    import regex

    folded = _fold("".join(bits))
    slow = regex.compile(grammar._PATTERN_SOURCE, regex.VERBOSE)
    assert [(m.span(), m.groupdict()) for m in grammar.date_pattern().finditer(folded)] == [
        (m.span(), m.groupdict()) for m in slow.finditer(folded)
    ]


def test_re_grammar_equals_regex_grammar_on_real_text() -> None:
    import regex

    from .conftest import SAMPLES, corpus_files, read_exact

    slow = regex.compile(grammar._PATTERN_SOURCE, regex.VERBOSE)
    for path in [*corpus_files(), *sorted(SAMPLES.glob("*.txt"))]:
        folded = _fold(read_exact(path))
        assert [(m.span(), m.groupdict()) for m in grammar.date_pattern().finditer(folded)] == [
            (m.span(), m.groupdict()) for m in slow.finditer(folded)
        ]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_DATE_BITS), st.text(max_size=3)), max_size=40))
def test_full_dates_equal_full_finditer(bits: list[str]) -> None:
    folded = _fold("".join(bits))
    assert _spans(reference._full_dates(folded)) == _spans(reference._FULL_DATE.finditer(folded))


def test_full_dates_equal_full_finditer_on_real_text() -> None:
    from .conftest import SAMPLES, corpus_files, read_exact

    for path in [*corpus_files(), *sorted(SAMPLES.glob("*.txt"))]:
        folded = _fold(read_exact(path))
        assert _spans(reference._full_dates(folded)) == _spans(
            reference._FULL_DATE.finditer(folded)
        )


@pytest.mark.parametrize(
    ("before", "future"),
    [("将于", True), ("拟 ", True), ("距离\n", True), ("将于\n\n", False), ("将于x", False),
     ("计划于 ", True), ("", False), ("于", False), ("离 \n", True), ("将\t", True)],
)  # fmt: skip
def test_future_reads_the_words_before(before: str, future: bool) -> None:
    assert reference._future(before) is future


@pytest.mark.parametrize(
    ("after", "deadline"),
    [
        ("前", True),
        (" 之前", True),
        ("\t以前", True),
        ("  前", False),
        ("以后", False),
        ("", False),
    ],
)
def test_deadline_reads_the_words_after(after: str, deadline: bool) -> None:
    assert reference._deadline(after) is deadline
