"""Case tables for the forms of the coding sheet that live outside numbered headings: problems
stated in running text, problem records in label lines, problem tables copied as text; with
the heading forms, meta formulas and figure roles that reports of other sectors use."""

from __future__ import annotations

from typing import Any

import pytest

import reportparse
from reportparse import Report

TITLE = "中共某某县委员会关于巡察整改情况的通报\n"


def _items(body: str) -> Report:
    return reportparse.parse(TITLE + body)


def _coded(report: Report) -> list[tuple[str, int, str | None, str | None]]:
    return [(r.problem, len(r.measures), r.status, r.deadline) for r in report.rectifications]


RUNNING_TEXT_CASES = [
    pytest.param(
        "二、整改情况\n（一）作风建设方面\n"
        "针对“会议文件过多”问题，精简会议12个；针对督查检查考核过频问题，合并检查事项，"
        "已完成整改。针对“基层负担重”问题，一是清理台账；二是规范填报。\n",
        [
            ("会议文件过多", 1, None, None),
            ("督查检查考核过频", 1, "done", None),
            ("基层负担重", 2, None, None),
        ],
        id="several-problems-in-one-paragraph",
    ),
    pytest.param(
        "二、整改情况\n针对干部轮岗交流不够及时的问题，局党组制定轮岗办法，计划于2024年9月底前"
        "完成首批交流。\n",
        [("干部轮岗交流不够及时", 1, None, "2024-09")],
        id="an-unquoted-problem-opening-a-paragraph",
    ),
    pytest.param(
        "二、整改情况\n针对“财务审批不规范”问题，一是修订报销办法；二是开展财务自查，"
        "该问题已整改完成。针对资产台账不清问题，开展资产清查。\n",
        [("财务审批不规范", 2, "done", None), ("资产台账不清", 1, None, None)],
        id="points-of-one-problem-end-where-the-next-opens",
    ),
    pytest.param(
        "二、整改情况\n针对整改中存在的问题，局党组召开专题会议研究。\n",
        [],
        id="negative-a-generic-problem-is-no-item",
    ),
    pytest.param(
        "二、整改情况\n局党组召开专题会议，针对巡察反馈的问题逐条制定措施。\n",
        [],
        id="negative-zhendui-inside-a-sentence",
    ),
]


@pytest.mark.parametrize(("body", "expected"), RUNNING_TEXT_CASES)
def test_problems_stated_in_running_text(body: str, expected: list[Any]) -> None:
    report = _items(body)
    assert _coded(report) == expected
    for item in report.rectifications:
        assert report.node_at(item.node_path) is not None
        for measure in item.measures:
            assert item.span.start <= measure.span.start < measure.span.end <= item.span.end


RECORD_CASES = [
    pytest.param(
        "二、整改情况\n（一）党的建设方面\n问题一：支部组织生活不规范。\n"
        "整改措施：一是制定支部学习计划；二是开展支部书记培训。\n整改时限：2024年5月\n"
        "整改情况：已完成\n问题二：党员教育管理不严格。\n整改措施：开展党员档案清查。\n"
        "责任科室：组织科\n完成情况：正在推进\n",
        [
            ("支部组织生活不规范", 2, "done", "2024-05"),
            ("党员教育管理不严格", 1, "in_progress", None),
        ],
        id="label-lines-a-second-answer-label-states-the-state",
    ),
    pytest.param(
        "二、整改情况\n【问题】物资采购程序不规范\n【整改措施】修订采购管理办法\n"
        "【整改成效】已整改到位\n",
        [("物资采购程序不规范", 1, "done", None)],
        id="bracket-labels-on-their-own-lines",
    ),
    pytest.param(
        "四、存在的不足\n存在问题：整改合力有待加强。\n",
        [],
        id="negative-a-labelled-problem-with-no-answer",
    ),
]


@pytest.mark.parametrize(("body", "expected"), RECORD_CASES)
def test_problem_records_in_label_lines(body: str, expected: list[Any]) -> None:
    report = _items(body)
    assert _coded(report) == expected
    first = report.rectifications[0] if report.rectifications else None
    if first is not None:
        assert first.measures and "整改措施" not in first.measures[0].text


TABLE_CASES = [
    pytest.param(
        "二、整改情况\n序号\n存在问题\n整改措施\n责任部门\n整改时限\n完成情况\n"
        "1\n合同管理不规范\n修订合同管理办法\n法务部\n2024年6月\n已完成\n"
        "2\n工程结算审核不严\n一是引入第三方审核；二是开展结算复查\n审计部\n长期坚持\n持续推进\n"
        "三、下一步打算\n继续抓好整改。\n",
        [
            ("合同管理不规范", 1, "done", "2024-06"),
            ("工程结算审核不严", 2, "ongoing", None),
        ],
        id="one-cell-a-line",
    ),
    pytest.param(
        "二、整改情况\n序号\t问题\t整改措施\t整改情况\n"
        "1\t车辆管理混乱\t建立公务用车台账\t已完成\n"
        "2\t档案管理不规范\t开展档案清理\t正在推进\n",
        [("车辆管理混乱", 1, "done", None), ("档案管理不规范", 1, "in_progress", None)],
        id="one-row-a-line-cells-by-tabs",
    ),
    pytest.param(
        "二、整改情况\n序号\n问题\n整改措施\n1\n合同管理不规范\n修订合同管理办法\n"
        "3\n工程结算审核不严\n开展结算复查\n",
        [("合同管理不规范", 1, None, None)],
        id="a-row-out-of-sequence-ends-the-table",
    ),
]


@pytest.mark.parametrize(("body", "expected"), TABLE_CASES)
def test_problem_tables_copied_as_text(body: str, expected: list[Any]) -> None:
    report = _items(body)
    assert _coded(report) == expected
    for item in report.rectifications:
        assert report.text[item.problem_span.start : item.problem_span.end] == item.problem


KNOWN_MISSES = [
    pytest.param(
        "二、整改情况\n问题\n整改措施\n责任单位\n合同管理不规范\n修订合同管理办法\n法务部\n",
        [("合同管理不规范", 1, None, None)],
        id="a-table-one-cell-a-line-without-row-numbers",
        marks=pytest.mark.xfail(
            strict=True,
            reason="a table copied one cell a line is read only with its 序号 column: without "
            "the row numbers nothing marks where a row starts",
        ),
    ),
    pytest.param(
        "二、整改情况\n针对“会风不实”问题，精简会议。关于“文风不正”问题，压缩文件。\n",
        [("会风不实", 1, None, None), ("文风不正", 1, None, None)],
        id="a-later-problem-of-running-text-opening-with-guanyu",
        marks=pytest.mark.xfail(
            strict=True,
            reason="inside running text only 针对 opens a further problem; a later 关于“…”问题 "
            "clause is read as part of the answer before it",
        ),
    ),
]


@pytest.mark.parametrize(("body", "expected"), KNOWN_MISSES)
def test_known_misses(body: str, expected: list[Any]) -> None:
    assert _coded(_items(body)) == expected


HEADING_CASES = [
    pytest.param(
        "二、巡察反馈问题整改情况\n（一）意识形态工作责任制落实不到位（已完成整改）\n"
        "1.制定责任清单。\n2.开展专项检查。\n",
        [("意识形态工作责任制落实不到位", 2, "done", None)],
        id="a-closing-status-note-is-the-state-not-the-problem",
    ),
    pytest.param(
        "二、整改情况\n（一）关于巡察指出的“食堂采购管理混乱”问题\n一是公开招标。二是建立台账。\n",
        [("食堂采购管理混乱", 2, None, None)],
        id="guanyu-xuncha-zhichu-de-quoted",
    ),
    pytest.param(
        "二、整改情况\n（一）关于巡视反馈的选人用人把关不严问题\n一是修订办法。二是开展自查。\n",
        [("选人用人把关不严", 2, None, None)],
        id="guanyu-xunshi-fankui-de-unquoted",
    ),
    pytest.param(
        "二、整改情况\n（一）关于“三重一大”制度执行不到位的问题\n一是修订规则。\n",
        [("“三重一大”制度执行不到位", 1, None, None)],
        id="a-quoted-slogan-opening-a-longer-problem",
    ),
    pytest.param(
        "二、整改情况\n（一）关于“会风不实”问题和相关问题的整改\n一是精简会议。\n",
        [("会风不实", 1, None, None)],
        id="a-quote-joined-to-a-second-problem-still-closes",
    ),
    pytest.param(
        "二、问题整改情况\n（一）关于政治建设方面\n1.落实意识形态工作责任制不到位。\n"
        "整改情况：制定责任清单。\n2.落实“三会一课”制度。\n整改情况：制定计划。\n",
        [("落实意识形态工作责任制不到位", 1, None, None)],
        id="a-verb-first-heading-that-closes-on-a-shortfall",
    ),
    pytest.param(
        "二、整改情况\n（一）关于资产管理不规范的问题\n一是开展资产清查，二是建立资产台账。"
        "目前此项问题已整改完成。\n",
        [("资产管理不规范", 2, "done", None)],
        id="the-item-speaks-of-itself-after-its-points",
    ),
    pytest.param(
        "二、整改情况\n（一）关于资产管理不规范的问题\n整改措施：开展资产清查。\n"
        "整改进展：正在推进，2024年10月底前完成。\n",
        [("资产管理不规范", 1, "in_progress", "2024-10")],
        id="record-lines-of-a-numbered-item",
    ),
]


@pytest.mark.parametrize(("body", "expected"), HEADING_CASES)
def test_heading_forms(body: str, expected: list[Any]) -> None:
    assert _coded(_items(body)) == expected


META_CASES = [
    pytest.param(
        "根据市卫生健康委党组统一部署，市卫生健康委党组第一巡察组对市妇幼保健院党委开展了常规巡察。",
        {"team": "市卫生健康委党组第一巡察组", "inspector_level": "市卫生健康委党组"},
        id="a-department-team-is-named-with-its-party-body",
    ),
    pytest.param(
        "根据省委统一部署，省委第三巡视组对省交通投资集团有限公司党委开展了乡村振兴专项巡视。",
        {
            "subject": "省交通投资集团有限公司党委",
            "inspection_kind": "专项",
            "team": "省委第三巡视组",
        },
        id="the-subject-of-a-themed-inspection",
    ),
]


@pytest.mark.parametrize(("body", "expected"), META_CASES)
def test_meta_of_other_sectors(body: str, expected: dict[str, Any]) -> None:
    meta = reportparse.parse("中共某某委员会关于整改情况的通报\n" + body).meta
    assert {field: getattr(meta, field) for field in expected} == expected


def test_the_inspecting_body_in_the_title_is_not_the_subject() -> None:
    meta = reportparse.parse("关于省委专项巡视整改进展情况的通报\n现将整改情况公布如下。").meta
    assert meta.subject is None
