"""Case tables for the domain layer: each phrasing of meta, items, statuses and indicator roles
that the library supports, and the look-alikes it must not take (negatives)."""

from __future__ import annotations

from typing import Any

import pytest

import reportparse
from reportparse import Report
from reportparse.domain.indicators import find_indicator_roles, indicator_names, indicator_role
from reportparse.domain.meta import extract_contacts
from reportparse.extract.counts import extract_counts
from reportparse.lexicon import load_records
from reportparse.source import SourceText

TITLE = "中共某某县委员会关于巡察整改情况的通报\n"


def _meta(text: str) -> dict[str, Any]:
    return reportparse.parse(text).meta.model_dump(exclude={"contacts", "spans"})


META_CASES = [
    pytest.param(
        "根据十一届市委第八轮第一批巡视工作部署要求，现将情况公开。",
        {"term": "十一届", "inspector_level": "市委", "round": 8, "batch": 1, "inspection": "巡视"},
        id="term-round-batch-in-one-phrase",
    ),
    pytest.param(
        "根据十九届中央第六轮巡视工作统一部署，中央第十巡视组对南岭大学党委进行了常规巡视。",
        {
            "term": "十九届",
            "round": 6,
            "team": "中央第十巡视组",
            "subject": "南岭大学党委",
            "inspection_kind": "常规",
            "inspector_level": "中央",
        },
        id="central-round-team-subject-kind",
    ),
    pytest.param(
        "根据区委统一部署，2021年5月8日至7月5日，区委第二巡察组对区文旅局党组开展了提级巡察。"
        "2021年8月10日，区委第二巡察组向区文旅局党组反馈了巡察意见。",
        {
            "period": "2021-05-08/2021-07-05",
            "feedback_date": "2021-08-10",
            "team": "区委第二巡察组",
            "inspection": "巡察",
            "inspection_kind": "提级",
            "inspector_level": "区委",
            "subject": "区文旅局党组",
        },
        id="period-feedback-date-and-team",
    ),
    pytest.param(
        "根据市委统一部署，市委巡视三组对市体育局开展了专项巡视“回头看”。",
        {"inspection_kind": "专项", "team": "市委巡视三组", "inspection": "巡视"},
        id="kind-before-the-word-wins-over-huitoukan",
    ),
    pytest.param(
        "根据省委统一部署，省委巡视组对省档案馆开展了巡视“回头看”。",
        {"inspection_kind": "回头看", "team": "省委巡视组", "inspector_level": "省委"},
        id="huitoukan-as-the-kind-and-a-team-named-by-its-level",
    ),
    pytest.param(
        "2023年4月10日至5月10日，省第四生态环境保护督察组对我市开展了第二轮例行督察。",
        {"team": "省第四生态环境保护督察组", "round": 2, "inspection": "督察", "subject": None},
        id="a-numbered-team-of-another-supervision",
    ),
    pytest.param(
        "根据中央统一部署，中央第三巡视组对我校开展了常规巡视。",
        {"subject": None, "team": "中央第三巡视组"},
        id="negative-a-pronoun-names-no-subject",
    ),
    pytest.param(
        "根据中央统一部署，中央第三巡视组对南岭大学进行了巡视。学校党委同步开展第八轮校内巡视。",
        {"round": None, "subject": "南岭大学"},
        id="negative-a-campus-round-is-not-the-reports-round",
    ),
    pytest.param(
        "一、整改情况\n开展整改“回头看”，推动专项治理，召开巡视巡察工作会议。",
        {"inspection_kind": None, "inspection": None, "round": None},
        id="negative-words-in-the-body-are-not-the-inspection",
    ),
]


@pytest.mark.parametrize(("body", "expected"), META_CASES)
def test_meta_reads_the_opening_formula(body: str, expected: dict[str, Any]) -> None:
    meta = _meta("中共某某县委员会关于整改情况的通报\n" + body)
    assert {field: meta[field] for field in expected} == expected


@pytest.mark.parametrize(
    ("text", "issuer", "date"),
    [
        pytest.param(TITLE + "正文。", "中共某某县委员会", None, id="title-before-guanyu"),
        pytest.param(
            "巡察整改情况的通报\n正文。\n中共某某县文旅局党组\n2023年9月28日",
            "中共某某县文旅局党组",
            "2023-09-28",
            id="signature-body-and-date",
        ),
        pytest.param(
            TITLE + "正文。\n（2023年9月28日）",
            "中共某某县委员会",
            "2023-09-28",
            id="date-in-brackets-on-its-own-line",
        ),
        pytest.param(
            TITLE + "正文。\n二〇二三年九月二十八日印发",
            "中共某某县委员会",
            "2023-09-28",
            id="chinese-numeral-date-then-yinfa",
        ),
        pytest.param(
            TITLE + "2021年1月25日，某某工作专报编发了经验做法。",
            "中共某某县委员会",
            None,
            id="negative-a-date-in-a-sentence-is-not-the-reports-date",
        ),
    ],
)
def test_issuer_and_date(text: str, issuer: str, date: str | None) -> None:
    meta = reportparse.parse(text).meta
    assert (meta.issuer, meta.date) == (issuer, date)


CONTACT_CASES = [
    pytest.param(
        "联系方式：电话022-83600000；邮政信箱：某某市和平区某某道1号，邮编300000。",
        [
            ("phone", "022-83600000", "电话"),
            ("address", "某某市和平区某某道1号", "邮政信箱"),
            ("postcode", "300000", "邮编"),
        ],
        id="phone-address-postcode",
    ),
    pytest.param(
        "举报电话：0739-5520000、5520001；电子邮箱：xc@example.cn。",
        [
            ("phone", "0739-5520000", "举报电话"),
            ("phone", "5520001", "举报电话"),
            ("email", "xc@example.cn", "电子邮箱"),
        ],
        id="two-phones-after-one-label",
    ),
    pytest.param(
        "邮政信箱：北京市1001信箱；网址：www.example.gov.cn；监督电话12388。",
        [
            ("mailbox", "北京市1001信箱", "邮政信箱"),
            ("website", "www.example.gov.cn", "网址"),
            ("phone", "12388", "监督电话"),
        ],
        id="numbered-box-website-short-number",
    ),
    pytest.param(
        "来信请寄送xcb@example.org.cn。", [("email", "xcb@example.org.cn", None)], id="bare-email"
    ),
    pytest.param("电话会议3次，召开视频会议。", [], id="negative-a-label-with-no-value"),
]


@pytest.mark.parametrize(("text", "expected"), CONTACT_CASES)
def test_contacts(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    contacts = extract_contacts(SourceText.of(text))
    assert [(c.kind, c.text, c.label) for c in contacts] == expected
    for contact in contacts:
        assert text[contact.span.start : contact.span.end] == contact.text


def test_a_phone_number_is_a_contact_not_a_count() -> None:
    text = TITLE + "欢迎监督。联系电话：0571-88250000；邮编：310000。"
    report = reportparse.parse(text)
    assert [c.text for c in report.meta.contacts] == ["0571-88250000", "310000"]
    assert not any("88250000" in count.text or "310000" in count.text for count in report.counts)


def test_a_round_is_not_a_count() -> None:
    report = reportparse.parse(TITLE + "根据十一届市委第八轮第一批巡视工作部署，巡察反馈问题25个。")
    assert report.meta.round == 8
    assert [c.text for c in report.counts if "第八轮" in c.text or "第一批" in c.text] == []
    assert [c.indicator for c in report.counts] == ["problems_found"]


def _items(body: str) -> Report:
    return reportparse.parse(TITLE + body)


ITEM_CASES = [
    pytest.param(
        "一、整改情况\n1.针对“学习不深入”问题和“强化理论武装”整改意见，进行了以下整改。"
        "一是建立制度。二是开展培训。\n",
        [("学习不深入", "强化理论武装", 2)],
        id="zhendui-problem-and-opinion",
    ),
    pytest.param(
        "一、整改情况\n1.针对“学习不深入”的整改情况。一是建立制度。二是开展培训。\n",
        [("学习不深入", None, 2)],
        id="zhendui-zhenggai-qingkuang",
    ),
    pytest.param(
        "一、整改情况\n（一）关于“选人用人不规范”问题的整改\n一是修订办法。二是开展自查。\n",
        [("选人用人不规范", None, 2)],
        id="guanyu-quoted-problem-answered-directly",
    ),
    pytest.param(
        "一、整改情况\n（一）关于理论学习不够深入的问题\n一是修订细则。二是开展研讨。\n",
        [("理论学习不够深入", None, 2)],
        id="guanyu-unquoted-de-wenti",
    ),
    pytest.param(
        "一、整改情况\n1.巡察指出：基层党组织建设存在弱项。\n整改情况：完成3个支部换届。\n",
        [("基层党组织建设存在弱项", None, 1)],
        id="xuncha-zhichu-with-colon",
    ),
    pytest.param(
        "一、整改情况\n1.巡视反馈的“财务制度执行不严”问题。\n已修订财务制度。\n",
        [("财务制度执行不严", None, 1)],
        id="xunshi-fankui-quoted",
    ),
    pytest.param(
        "一、整改情况\n1.（问题）资产管理不规范。（整改情况）开展资产清查，已完成整改。\n",
        [("资产管理不规范", None, 1)],
        id="labelled-problem-and-answer",
    ),
    pytest.param(
        "一、整改情况\n1.【问题】档案管理混乱\n【整改情况】完成档案数字化。\n",
        [("档案管理混乱", None, 1)],
        id="bracket-labels",
    ),
    pytest.param(
        "二、问题整改情况\n（一）关于政治建设方面\n1.政治理论学习不够深入。\n整改情况：开展专题学习。\n"
        "2.加强机关党建。\n整改情况：制定党建计划。\n",
        [("政治理论学习不够深入", None, 1)],
        id="plain-problem-heading-under-a-category-and-an-action-heading-that-is-not",
    ),
    pytest.param(
        "二、巡察反馈问题整改落实情况\n1.理论学习不够深入。\n整改情况：开展专题学习。\n"
        "2.落实“三会一课”制度。\n整改情况：制定计划。\n",
        [("理论学习不够深入", None, 1)],
        id="plain-problem-heading-under-the-part-that-answers-the-feedback",
    ),
    pytest.param(
        "一、整改情况\n1.针对\u201c学习不深入\u201d问题。一是建立制度。\n",
        [("学习不深入", None, 1)],
        id="curly-quotes",
    ),
    pytest.param(
        '一、整改情况\n1.针对"学习不深入"问题。一是建立制度。\n',
        [("学习不深入", None, 1)],
        id="ascii-quotes-from-a-web-copy",
    ),
]


@pytest.mark.parametrize(("body", "expected"), ITEM_CASES)
def test_items(body: str, expected: list[tuple[str, str | None, int]]) -> None:
    report = _items(body)
    found = [(r.problem, r.opinion, len(r.measures)) for r in report.rectifications]
    assert found == expected
    for item in report.rectifications:
        assert report.text[item.problem_span.start : item.problem_span.end] == item.problem
        assert report.node_at(item.node_path) is not None


NOT_ITEM_CASES = [
    pytest.param(
        "一、反馈问题和整改意见的整改情况\n各项工作有序推进。\n", id="section-naming-problems"
    ),
    pytest.param("一、移交的问题线索办理情况\n移交问题线索4件，均已办结。\n", id="clue-handling"),
    pytest.param(
        "四、存在的主要问题\n一是整改合力需要加强。二是长效机制有待完善。\n",
        id="remaining-problems",
    ),
    pytest.param(
        "一、关于巡视反馈问题的整改情况\n各项工作有序推进。\n", id="guanyu-naming-the-whole-section"
    ),
    pytest.param(
        "二、整改情况\n（一）在强化理论武装上下功夫\n一是开展学习。二是建立制度。\n",
        id="themes-only-section",
    ),
    pytest.param(
        "二、整改情况\n（一）主要做法体现在以下几个方面\n1.学习不够深入的干部开展轮训。\n",
        id="a-heading-announcing-aspects-is-no-category",
    ),
]


@pytest.mark.parametrize("body", NOT_ITEM_CASES)
def test_headings_that_merely_mention_problems_are_not_items(body: str) -> None:
    assert _items(body).rectifications == []


def test_measures_under_a_problem_heading_are_not_items() -> None:
    report = _items(
        "二、整改情况\n（一）关于救助对象管理不精准的问题\n"
        "1.对不符合条件的对象进行清退。\n2.建立动态管理台账。\n"
    )
    assert [(r.problem, len(r.measures)) for r in report.rectifications] == [
        ("救助对象管理不精准", 2)
    ]


def test_a_problem_heading_over_narrower_problems_is_their_group() -> None:
    report = _items(
        "二、整改情况\n（一）关于“作风建设存在短板”的问题\n"
        "1.针对“会风不实”问题。一是精简会议。\n2.针对“文风不正”问题。一是压缩文件。\n"
    )
    assert [(r.problem, r.group) for r in report.rectifications] == [
        ("会风不实", "关于“作风建设存在短板”的问题"),
        ("文风不正", "关于“作风建设存在短板”的问题"),
    ]


STATUS_CASES = [
    pytest.param("1.针对“会风不实”问题。该问题已完成整改。\n", "done", id="done-own-words"),
    pytest.param(
        "1.针对“会风不实”问题（已整改到位）。一是精简会议。\n", "done", id="done-in-heading"
    ),
    pytest.param("1.针对“会风不实”问题。目前正在推进整改。\n", "in_progress", id="in-progress"),
    pytest.param("1.针对“会风不实”问题。此项工作需长期坚持。\n", "ongoing", id="ongoing"),
    pytest.param(
        "1.针对“上轮已整改问题反弹”问题。一是开展回头看。\n", None, id="negative-inside-quotes"
    ),
    pytest.param(
        "1.针对“会风不实”问题。一是精简会议，该制度长期坚持。二是压缩文件。\n",
        None,
        id="negative-inside-a-measure",
    ),
    pytest.param(
        "1.针对“会风不实”问题。确保年底前全部整改到位。\n",
        None,
        id="negative-a-plan-is-not-a-state",
    ),
]


@pytest.mark.parametrize(("item", "status"), STATUS_CASES)
def test_status_comes_from_the_items_own_words(item: str, status: str | None) -> None:
    (rectification,) = _items("一、整改情况\n" + item).rectifications
    assert rectification.status == status
    if rectification.status_span is not None:
        assert rectification.status_span.start >= rectification.span.start


def test_status_headings_sort_items_and_are_not_groups() -> None:
    report = _items(
        "二、整改情况\n（一）已整改完成的问题\n1.会风不实。\n整改情况：精简会议。\n"
        "（二）正在推进整改的问题\n2.文风不正。\n整改情况：压缩文件，已完成部分文件清理。\n"
        "（三）需要长期坚持的问题\n3.作风不实。\n整改情况：开展作风建设。\n"
    )
    assert [(r.problem, r.status, r.group) for r in report.rectifications] == [
        ("会风不实", "done", None),
        ("文风不正", "in_progress", None),
        ("作风不实", "ongoing", None),
    ]


@pytest.mark.parametrize(
    ("item", "deadline"),
    [
        pytest.param("计划于2023年12月底前完成。", "2023-12", id="di-qian"),
        pytest.param("整改时限：2024年6月30日。", "2024-06-30", id="shixian-label"),
        pytest.param("2023年5月开展了培训。", None, id="negative-a-past-date"),
    ],
)
def test_deadline(item: str, deadline: str | None) -> None:
    (rectification,) = _items(f"一、整改情况\n1.针对“会风不实”问题。{item}\n").rectifications
    assert rectification.deadline == deadline


INDICATOR_CASES = [
    pytest.param("巡察反馈问题25个", "25个", "problems_found", id="found"),
    pytest.param(
        "巡视反馈的4个方面15项问题", "4个方面", None, id="negative-aspects-are-not-problems"
    ),
    pytest.param("巡视反馈的4个方面15项问题", "15项", "problems_found", id="found-after-aspects"),
    pytest.param("已完成整改19个、正在整改6个", "19个", "problems_rectified", id="rectified"),
    pytest.param("已完成整改19个、正在整改6个", "6个", "problems_in_progress", id="in-progress"),
    pytest.param("解决具体问题84个", "84个", "problems_rectified", id="solved"),
    pytest.param(
        "对尚未整改到位的3个问题重新制定措施", "3个", "problems_in_progress", id="not-yet"
    ),
    pytest.param("整改完成率76%", "76%", "completion_rate", id="rate"),
    pytest.param("明确整改任务48项", "48项", "tasks", id="tasks"),
    pytest.param("细化157条整改措施", "157条", "measures", id="measures"),
    pytest.param("制定完善制度12项", "12项", "rules", id="rules"),
    pytest.param("问责干部4名", "4名", "accountable", id="accountable"),
    pytest.param("对3名党员干部进行问责", "3名", "accountable", id="accountable-verb-after"),
    pytest.param("给予党纪政务处分5人", "5人", "disciplined", id="disciplined"),
    pytest.param("诫勉谈话2人", "2人", "admonished", id="admonished"),
    pytest.param("谈话提醒20人次", "20人次", "admonished", id="admonished-person-times"),
    pytest.param("组织处理3人", "3人", "organisational", id="organisational"),
    pytest.param("立案审查调查2件", "2件", "cases", id="cases"),
    pytest.param("处置问题线索9件", "9件", "clues", id="clues"),
    pytest.param("清退资金12.5万元", "12.5万元", "funds", id="funds"),
    pytest.param("挽回经济损失30万元", "30万元", "funds", id="funds-losses"),
    pytest.param("投入资金40万元", "40万元", None, id="negative-spending-is-not-recovery"),
    pytest.param("成立整改工作专班3个", "3个", "groups", id="groups"),
    pytest.param("成立三个检查组", "三个", None, id="negative-a-check-group"),
    pytest.param("召开会议17次", "17次", None, id="negative-meetings"),
    pytest.param("利用三个月时间", "三个月", None, id="negative-duration"),
    pytest.param("开展廉政谈话36人次", "36人次", None, id="negative-a-routine-talk"),
    # other sectors' figures: the verb right after a figure, 退回/收费, 建章立制
    pytest.param(
        "巡视反馈的18个问题中，3个问题正在推进", "3个", "problems_in_progress", id="zhengzai-after"
    ),
    pytest.param("巡察反馈的9个问题均已整改到位", "9个", "problems_rectified", id="junyi-after"),
    pytest.param(
        "巡察反馈的3个方面12个问题建立整改台账",
        "12个",
        "problems_found",
        id="negative-a-noun-after",
    ),
    pytest.param(
        "反馈的20个问题已整改完成18个",
        "20个",
        "problems_found",
        id="negative-another-figure-follows",
    ),
    pytest.param("退回违规报销款项2.4万元", "2.4万元", "funds", id="tuihui"),
    pytest.param("清退违规收费8.6万元", "8.6万元", "funds", id="shoufei"),
    pytest.param("建章立制9项", "9项", "rules", id="jianzhang-lizhi"),
]


@pytest.mark.parametrize(("sentence", "figure", "role"), INDICATOR_CASES)
def test_indicator_roles(sentence: str, figure: str, role: str | None) -> None:
    text = sentence + "。"
    source = SourceText.of(text)
    counts = extract_counts(source)
    at = text.index(figure)
    (count,) = [c for c in counts if c.span.start <= at < c.span.end]
    assert indicator_role(source, count) == role
    roles = find_indicator_roles(source, counts)
    assert roles.get(count.span) == role


def test_report_indicators_are_the_counts_with_a_role() -> None:
    report = reportparse.parse(TITLE + "巡察反馈问题25个，召开会议3次，已完成整改19个。")
    assert [(c.text, c.indicator) for c in report.indicators] == [
        ("反馈问题25个", "problems_found"),
        ("整改19个", "problems_rectified"),
    ]
    assert "indicators" not in report.model_dump()
    assert [c["indicator"] for c in report.model_dump()["counts"]] == [
        "problems_found",
        None,
        "problems_rectified",
    ]


def test_the_role_vocabulary_is_the_lexicon_table() -> None:
    names = indicator_names()
    assert names == tuple(row["role"] for row in load_records("indicator_roles"))
    assert {"problems_found", "completion_rate", "funds", "groups"} <= set(names)
    statuses = {row["status"] for row in load_records("rectification_statuses")}
    assert statuses == {"done", "in_progress", "ongoing"}


def test_meta_spans_slice_back_to_the_values() -> None:
    text = (
        TITLE + "根据十一届市委第八轮第一批巡视工作部署，2021年5月8日至7月5日，"
        "市委第二巡视组对市文旅局开展了常规巡视。"
    )
    meta = reportparse.parse(text).meta
    for field, span in meta.spans.items():
        written = text[span.start : span.end]
        value = getattr(meta, field)
        if field in ("round", "batch"):
            assert written in ("第八轮", "第一批")
        elif field == "period":
            assert written == "2021年5月8日至7月5日"
        else:
            assert written == value, field


EXPORT_TEXT = (
    "中共某某县文旅局党组关于巡察整改情况的通报\n"
    "根据县委统一部署，县委第一巡察组对县文旅局党组开展了常规巡察。\n"
    "一、总体情况\n巡察反馈问题2个，已完成整改2个。\n"
    "二、整改情况\n1.针对“会风不实”问题。一是精简会议。二是压缩发文。\n"
    "2.针对“文风不正”问题。已修订发文制度3项。\n"
    "联系电话：0571-88250000；邮编：310000。"
)


def test_export_tables_for_the_coding_sheet() -> None:
    from reportparse.export import records_to_tsv, to_records

    report = reportparse.parse(EXPORT_TEXT)
    (meta_row,) = to_records(report, "meta")
    assert (meta_row["issuer"], meta_row["team"], meta_row["phone"], meta_row["postcode"]) == (
        "中共某某县文旅局党组",
        "县委第一巡察组",
        "0571-88250000",
        "310000",
    )
    assert (meta_row["rectifications"], meta_row["measures"]) == (2, 3)
    rows = to_records(report, "rectifications")
    assert [(row["problem"], row["measure"]) for row in rows] == [
        ("会风不实", "一是精简会议。"),
        ("会风不实", "二是压缩发文。"),
        ("文风不正", "已修订发文制度3项。"),
    ]
    assert rows[2]["item_indicators"] == {"rules": 3}
    for row in rows:
        assert report.text[row["char_start"] : row["char_end"]] == row["measure"]
    figures = to_records(report, "indicators")
    assert [(f["indicator"], f["value"], f["item_path"]) for f in figures] == [
        ("problems_found", 2, None),
        ("problems_rectified", 2, None),
        ("rules", 3, rows[2]["node_path"]),
    ]
    assert records_to_tsv(rows).splitlines()[0].startswith("file\titem\tnode_path\tproblem")


def test_an_item_without_measures_is_one_row() -> None:
    from reportparse.export import to_records

    report = reportparse.parse(
        "一、整改情况\n（一）关于“作风不实”的问题\n1.针对“会风不实”问题\n（1）针对“会多”的整改情况。精简会议。\n"
    )
    rows = to_records(report, "rectifications")
    assert [(row["problem"], row["measure"]) for row in rows] == [
        ("会风不实", None),
        ("会多", "精简会议。"),
    ]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        pytest.param(
            "中共某某市委关于十二届市委第三轮巡视整改情况的通报\n现将十二届市委第三轮巡视整改情况予以公布。",
            None,
            id="negative-a-round-is-not-a-subject",
        ),
        pytest.param(
            "某某市生态环境局关于省生态环境保护督察反馈问题整改落实情况的报告\n正文。",
            None,
            id="negative-a-supervision-is-not-a-unit",
        ),
        pytest.param(
            "中共某某县委巡察办关于对县教育局党组巡察整改情况的通报\n正文。",
            "县教育局党组",
            id="title-guanyu-dui",
        ),
        pytest.param(
            "关于南岭大学巡视整改进展情况的通报\n正文。\n中共南岭大学委员会\n2022年1月5日",
            "南岭大学",
            id="title-without-issuer",
        ),
    ],
)
def test_subject_from_the_title(text: str, subject: str | None) -> None:
    assert reportparse.parse(text).meta.subject == subject


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "二、整改情况\n（一）关于党的领导弱化问题的整改落实情况\n"
            "1.关于“四个意识”树得不牢的问题\n一是开展专题学习。二是建立制度。\n",
            [("“四个意识”树得不牢", "关于党的领导弱化问题的整改落实情况", 2)],
            id="unquoted-group-and-an-item-with-a-quoted-slogan",
        ),
        pytest.param(
            "二、整改情况\n（一）关于“党的建设缺失”方面\n1.基层党组织建设不扎实。\n整改情况：开展整顿。\n"
            "2.不断加强党的建设。\n整改情况：制定计划。\n",
            [("基层党组织建设不扎实", "关于“党的建设缺失”方面", 1)],
            id="any-bu-is-a-shortfall-but-not-budan",
        ),
    ],
)
def test_central_report_shapes(body: str, expected: list[tuple[str, str, int]]) -> None:
    report = _items(body)
    assert [(r.problem, r.group, len(r.measures)) for r in report.rectifications] == expected


def test_the_domain_layer_round_trips_through_json() -> None:
    report = reportparse.parse(EXPORT_TEXT)
    again = Report.model_validate_json(report.model_dump_json())
    assert again == report
    assert again.meta.spans == report.meta.spans
    assert [c.indicator for c in again.indicators] == [c.indicator for c in report.indicators]


@pytest.mark.parametrize(
    ("sentence", "figure", "role"),
    [
        pytest.param(
            "发现问题47个，已督促整改45个，整改率95.7%",
            "45个",
            "problems_rectified",
            id="duzu-zhenggai",
        ),
        pytest.param(
            "反馈的15项问题中已完成整改13项、正在推进2项",
            "2项",
            "problems_in_progress",
            id="sentence-tells-what-is-counted",
        ),
        pytest.param(
            "指出了3个方面17大项问题，细化为69子项问题",
            "17大项",
            "problems_found",
            id="compound-unit",
        ),
        pytest.param(
            "对整改不到位的2个问题重新制定方案",
            "2个",
            "problems_in_progress",
            id="not-properly-rectified",
        ),
    ],
)
def test_indicator_roles_in_summary_sentences(sentence: str, figure: str, role: str) -> None:
    test_indicator_roles(sentence, figure, role)


@pytest.mark.parametrize(
    ("sentence", "figure", "role"),
    [
        pytest.param(
            "整改情况：已完成3个所的改造提升",
            "3个",
            None,
            id="negative-a-figure-counting-a-word-left-out",
        ),
        pytest.param(
            "整改完成率达到95%以上", "95%", "completion_rate", id="a-rate-followed-by-yishang"
        ),
    ],
)
def test_bare_and_listed_figures(sentence: str, figure: str, role: str | None) -> None:
    text = sentence + "。"
    source = SourceText.of(text)
    counts = extract_counts(source)
    at = text.index(figure)
    (count,) = [c for c in counts if c.span.start <= at < c.span.end]
    assert find_indicator_roles(source, counts).get(count.span) == role


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "二、整改情况\n（一）强化理论武装\n针对“理论学习不够深入”问题，部党组修订学习制度，开展专题研讨。\n"
            "针对“意识形态责任制落实不到位”问题，一是制定责任清单；二是开展专项检查。\n",
            [
                ("理论学习不够深入", ["部党组修订学习制度，开展专题研讨。"]),
                ("意识形态责任制落实不到位", ["一是制定责任清单；", "二是开展专项检查。"]),
            ],
            id="paragraphs-opening-with-zhendui",
        ),
        pytest.param(
            "二、整改情况\n针对“放管服”改革要求，部党组精简审批事项。\n",
            [],
            id="negative-a-quoted-slogan-is-not-a-problem",
        ),
    ],
)
def test_paragraph_items(body: str, expected: list[tuple[str, list[str]]]) -> None:
    report = _items(body)
    assert [(r.problem, [m.text for m in r.measures]) for r in report.rectifications] == expected
    for item in report.rectifications:
        assert report.node_at(item.node_path) is not None
