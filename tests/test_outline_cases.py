"""Outline case tables: short genre inputs -> expected markers, titles, headings, spans, paths.

Every expectation here was written from reading the input, not from the parser's output.
Rows are ``(style, ordinal, parent)`` where ``parent`` is the marker text of the nearest
ancestor that has a marker (None at the top, even when an unnumbered paragraph sits between).
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest

import reportparse
from reportparse import Report
from reportparse.outline.styles import STYLE_RULES
from tests.invariants import check_report

Row = tuple[str, int, "str | None"]


def marker_rows(report: Report) -> list[Row]:
    """``(style, ordinal, parent marker text)`` of every marker node, in document order."""
    rows: list[Row] = []

    def visit(nodes: list[Any], parent: str | None) -> None:
        for node in nodes:
            if node.marker is None:
                visit(node.children, parent)
                continue
            rows.append((node.marker.style, node.marker.ordinal, parent))
            visit(node.children, node.marker.text)

    visit(report.children, None)
    return rows


def parsed(text: str) -> Report:
    report = reportparse.parse(text)
    check_report(report, text)
    return report


# -- every style of lexicon/marker_styles.txt ---------------------------------------------------

STYLE_CASES: list[Any] = [
    pytest.param(
        "一、总体情况\n正文。\n二、存在问题\n正文。",
        [("cn_dun", 1, None), ("cn_dun", 2, None)],
        id="cn_dun",
    ),
    pytest.param(
        "九、甲项工作\n十、乙项工作\n十一、丙项工作\n十二、丁项工作",
        [("cn_dun", 9, None), ("cn_dun", 10, None), ("cn_dun", 11, None), ("cn_dun", 12, None)],
        id="cn_dun-tens",
    ),
    pytest.param(
        "(一)强化组织领导\n正文。\n(二)压实整改责任\n正文。",
        [("cn_paren", 1, None), ("cn_paren", 2, None)],
        id="cn_paren-ascii",
    ),
    pytest.param(
        "（一）强化组织领导\n正文。\n（二）压实整改责任\n正文。",
        [("cn_paren", 1, None), ("cn_paren", 2, None)],
        id="cn_paren-fullwidth",
    ),
    pytest.param(
        "1.强化学习。\n2.压实责任。",
        [("arabic_dot", 1, None), ("arabic_dot", 2, None)],
        id="arabic_dot-ascii-dot",
    ),
    pytest.param(
        "1．强化学习。\n2．压实责任。",
        [("arabic_dot", 1, None), ("arabic_dot", 2, None)],
        id="arabic_dot-fullwidth-dot",
    ),
    pytest.param(
        "１．强化学习。\n２．压实责任。",
        [("arabic_dot", 1, None), ("arabic_dot", 2, None)],
        id="arabic_dot-fullwidth-digits",
    ),
    pytest.param(
        "1、强化学习。\n2、压实责任。",
        [("arabic_dot", 1, None), ("arabic_dot", 2, None)],
        id="arabic_dot-dun",
    ),
    pytest.param(
        "1。强化学习。\n2。压实责任。",
        [("arabic_dot", 1, None), ("arabic_dot", 2, None)],
        id="arabic_dot-full-stop",
    ),
    pytest.param(
        "(1)强化学习。\n(2)压实责任。",
        [("arabic_paren", 1, None), ("arabic_paren", 2, None)],
        id="arabic_paren-ascii",
    ),
    pytest.param(
        "（1）强化学习。\n（2）压实责任。",
        [("arabic_paren", 1, None), ("arabic_paren", 2, None)],
        id="arabic_paren-fullwidth",
    ),
    pytest.param(
        "主要措施，(1)强化学习，(2)压实责任。",
        [("arabic_paren", 1, None), ("arabic_paren", 2, None)],
        id="arabic_paren-after-comma",
    ),
    pytest.param(
        "①新建管网38公里。\n②完成提标改造。",
        [("circled", 1, None), ("circled", 2, None)],
        id="circled-lines",
    ),
    pytest.param(
        "主要做法：①新建管网；②完成提标改造。",
        [("circled", 1, None), ("circled", 2, None)],
        id="circled-inline",
    ),
    pytest.param(
        "加强学习。一是学理论。二是学业务。三是学法规。",
        [("cn_shi", 1, None), ("cn_shi", 2, None), ("cn_shi", 3, None)],
        id="cn_shi-after-full-stop",
    ),
    pytest.param(
        "措施有力，一是学理论，二是学业务。",
        [("cn_shi", 1, None), ("cn_shi", 2, None)],
        id="cn_shi-after-comma",
    ),
    pytest.param(
        "重点抓好三项工作：第一，持续整改；第二，巩固成果；第三，健全机制。",
        [("cn_di", 1, None), ("cn_di", 2, None), ("cn_di", 3, None)],
        id="cn_di-inline",
    ),
    pytest.param(
        "原因有二：其一，认识不到位；其二，措施不得力。",
        [("cn_qi", 1, None), ("cn_qi", 2, None)],
        id="cn_qi-inline",
    ),
    pytest.param(
        "第一章 总则\n第一条 为了规范管理，制定本办法。\n第二条 本办法适用于全市。\n"
        "第二章 职责\n第三条 市局负责组织实施。",
        [
            ("cn_zhang", 1, None),
            ("cn_tiao", 1, "第一章"),
            ("cn_tiao", 2, "第一章"),
            ("cn_zhang", 2, None),
            ("cn_tiao", 3, "第二章"),
        ],
        id="cn_zhang-cn_tiao",
    ),
    pytest.param(
        "1 总则\n1.1 编制目的\n正文。\n1.2 适用范围\n正文。\n2 组织体系\n2.1 领导机构\n正文。",
        [
            ("decimal", 1, None),
            ("decimal", 1, "1"),
            ("decimal", 2, "1"),
            ("decimal", 2, None),
            ("decimal", 1, "2"),
        ],
        id="decimal",
    ),
    pytest.param(
        "第一部分 总体情况\n第一节 背景\n正文。\n第二节 做法\n第二部分 问题\n",
        [
            ("cn_part", 1, None),
            ("cn_jie", 1, "第一部分"),
            ("cn_jie", 2, "第一部分"),
            ("cn_part", 2, None),
        ],
        id="cn_part-cn_jie",
    ),
    pytest.param(
        "（一）加强领导\n1）建立机制。\n2）压实责任。\n（二）完善制度\n1）修订办法。",
        [
            ("cn_paren", 1, None),
            ("arabic_half_paren", 1, "（一）"),
            ("arabic_half_paren", 2, "（一）"),
            ("cn_paren", 2, None),
            ("arabic_half_paren", 1, "（二）"),
        ],
        id="arabic_half_paren",
    ),
]


@pytest.mark.parametrize(("text", "expected"), STYLE_CASES)
def test_styles(text: str, expected: list[Row]) -> None:
    assert marker_rows(parsed(text)) == expected


def test_every_lexicon_style_has_a_case() -> None:
    styles = {rule.style for rule in STYLE_RULES}
    covered = {row[0] for case in STYLE_CASES for row in case.values[1]}
    assert styles <= covered, f"styles without a case: {sorted(styles - covered)}"


# -- traps: these must NOT become markers ---------------------------------------------------------

TRAP_CASES: list[Any] = [
    pytest.param("对2.45万名网格员开展全覆盖培训。", id="decimal-2.45万-inline"),
    pytest.param("开展培训。2.45万名网格员全部参训。", id="decimal-2.45万-after-full-stop"),
    pytest.param("2.45万名网格员全部参加培训。", id="decimal-2.45万-line-start"),
    pytest.param("完成投资3.5亿元，是上年的1.2倍。", id="decimal-3.5亿-1.2倍"),
    pytest.param("全年完成投资。3.5亿元全部到位，1.2倍于上年。", id="decimal-after-stop-and-comma"),
    pytest.param("1.2倍的增长来自基层。", id="decimal-1.2倍-line-start"),
    pytest.param("将590名社区(村)党组织书记转为事业编。", id="paren-村"),
    pytest.param("听取党委(党组)主要负责同志述职。", id="paren-党组"),
    pytest.param("印发《工作办法(试行)》。", id="paren-试行-in-title"),
    pytest.param("制定工作办法(试行)，并组织实施。", id="paren-试行"),
    pytest.param("现将市委政法委(含市法学会党组)整改情况公开。", id="paren-含"),
    pytest.param("（试行）\n本办法自印发之日起施行。", id="paren-试行-line-start"),
    pytest.param("明确政治建警“六个第一”，从严治警“八个严禁”要求。", id="slogans"),
    pytest.param("主要负责同志第一时间牵头成立领导小组。", id="第一时间"),
    pytest.param("第一时间传达学习会议精神。", id="第一时间-line-start"),
    pytest.param("精准运用第一种形态，履行第一责任人责任。", id="第一种形态-第一责任人"),
    pytest.param("2020年12月3日发布了第一期候选人事迹。", id="第一期"),
    pytest.param("根据十一届市委第八轮第一批巡视工作部署要求，现将情况公开。", id="第八轮第一批"),
    pytest.param("梳理汇总十八届三中全会以来改革进展情况。", id="十八届三中全会"),
    pytest.param("2021年1月8日,市委政法委领导班子召开民主生活会。", id="dated-line"),
    pytest.param("２０２１年１月８日，市委召开常委会会议。", id="dated-line-fullwidth"),
    pytest.param("要把思想统一是关键，二是非分明。", id="一是-inside-word"),
    pytest.param("我们的目标，一是提高效率。", id="一是-alone-unconfirmed"),
    pytest.param("提出“巡视是政治巡视。一是要讲政治，二是要守规矩”的要求。", id="quote-with-stop"),
    pytest.param("《关于巡察工作的规定。一是总则》已印发。", id="title-with-stop"),
    pytest.param("联系电话：0576-86023471；邮政编码：317800。", id="phone-postcode"),
]


@pytest.mark.parametrize("text", TRAP_CASES)
def test_traps_are_not_markers(text: str) -> None:
    assert marker_rows(parsed(text)) == []


TRAPS_IN_CONTEXT: list[Any] = [
    pytest.param(
        "一、总体情况\n2021年1月8日,市委召开会议。\n二、存在问题\n正文。",
        [("cn_dun", 1, None), ("cn_dun", 2, None)],
        id="dated-line-inside-section",
    ),
    pytest.param(
        "1.针对网格问题。对2.45万名网格员开展培训。\n2.针对投资问题。完成3.5亿元。",
        [("arabic_dot", 1, None), ("arabic_dot", 2, None)],
        id="decimals-inside-items",
    ),
    pytest.param(
        "强调“坚持问题导向。”一是完善制度。二是强化监督。",
        [("cn_shi", 1, None), ("cn_shi", 2, None)],
        id="marker-after-quote-closing-stop",
    ),
    pytest.param(
        "(一)加强领导\n落实“一岗双责”，制定《办法(试行)》，社区(村)全覆盖。\n(二)压实责任\n正文。",
        [("cn_paren", 1, None), ("cn_paren", 2, None)],
        id="parens-inside-section",
    ),
]


@pytest.mark.parametrize(("text", "expected"), TRAPS_IN_CONTEXT)
def test_traps_in_context(text: str, expected: list[Row]) -> None:
    assert marker_rows(parsed(text)) == expected


# -- nesting ------------------------------------------------------------------------------------

NESTING_CASES: list[Any] = [
    pytest.param(
        "一、甲\n(一)乙\n1.丙\n(1)丁\n①戊\n②己\n(2)庚\n2.辛\n(二)壬\n二、癸",
        [
            ("cn_dun", 1, None),
            ("cn_paren", 1, "一、"),
            ("arabic_dot", 1, "(一)"),
            ("arabic_paren", 1, "1."),
            ("circled", 1, "(1)"),
            ("circled", 2, "(1)"),
            ("arabic_paren", 2, "1."),
            ("arabic_dot", 2, "(一)"),
            ("cn_paren", 2, "一、"),
            ("cn_dun", 2, None),
        ],
        id="five-levels",
    ),
    pytest.param(
        "一、甲\n(一)乙\n1.a\n2.b\n(二)丙\n3.c\n4.d",
        [
            ("cn_dun", 1, None),
            ("cn_paren", 1, "一、"),
            ("arabic_dot", 1, "(一)"),
            ("arabic_dot", 2, "(一)"),
            ("cn_paren", 2, "一、"),
            ("arabic_dot", 3, "(二)"),
            ("arabic_dot", 4, "(二)"),
        ],
        id="continuous-across-parents",
    ),
    pytest.param(
        "(一)甲\n1.a\n2.b\n(二)乙\n1.c\n2.d",
        [
            ("cn_paren", 1, None),
            ("arabic_dot", 1, "(一)"),
            ("arabic_dot", 2, "(一)"),
            ("cn_paren", 2, None),
            ("arabic_dot", 1, "(二)"),
            ("arabic_dot", 2, "(二)"),
        ],
        id="restart-per-parent",
    ),
    pytest.param(
        "1.针对学习不深问题。一是修订制度。二是开展培训。\n2.针对责任问题。一是签订责任书;二是开展谈话。",
        [
            ("arabic_dot", 1, None),
            ("cn_shi", 1, "1."),
            ("cn_shi", 2, "1."),
            ("arabic_dot", 2, None),
            ("cn_shi", 1, "2."),
            ("cn_shi", 2, "2."),
        ],
        id="inline-points-under-items",
    ),
    pytest.param(
        "（一）基本情况\n各地高度重视，一是制度健全；二是底数清楚。\n（二）存在问题\n1、合同不规范。其一，租期过长；其二，租金偏低。\n2、审批不严。",
        [
            ("cn_paren", 1, None),
            ("cn_shi", 1, "（一）"),
            ("cn_shi", 2, "（一）"),
            ("cn_paren", 2, None),
            ("arabic_dot", 1, "（二）"),
            ("cn_qi", 1, "1、"),
            ("cn_qi", 2, "1、"),
            ("arabic_dot", 2, "（二）"),
        ],
        id="paren-top-level",
    ),
    pytest.param(
        "现将情况通报如下。一、总体情况。（一）加强领导。一是建立台账。二是督办。（二）压实责任。二、问题整改。1.针对甲问题。2.针对乙问题。",
        [
            ("cn_dun", 1, None),
            ("cn_paren", 1, "一、"),
            ("cn_shi", 1, "（一）"),
            ("cn_shi", 2, "（一）"),
            ("cn_paren", 2, "一、"),
            ("cn_dun", 2, None),
            ("arabic_dot", 1, "二、"),
            ("arabic_dot", 2, "二、"),
        ],
        id="flattened-one-line",
    ),
    pytest.param(
        "标题\r\n一、总体情况\r\n（一）　加强部署。\r\n正文。\r\n"
        "（二） 压实责任。正文。\r\n二、问题\r\n正文。",
        [
            ("cn_dun", 1, None),
            ("cn_paren", 1, "一、"),
            ("cn_paren", 2, "一、"),
            ("cn_dun", 2, None),
        ],
        id="crlf-ideographic-space",
    ),
    pytest.param(
        "　　一、总体情况\n　　（一）加强部署。\n　　正文。\n　　（二）压实责任。\n　　二、问题",
        [
            ("cn_dun", 1, None),
            ("cn_paren", 1, "一、"),
            ("cn_paren", 2, "一、"),
            ("cn_dun", 2, None),
        ],
        id="ideographic-indents",
    ),
    pytest.param(
        "**一、总体情况**\n正文。\n**二、存在问题**\n正文。",
        [("cn_dun", 1, None), ("cn_dun", 2, None)],
        id="markdown-bold-headings",
    ),
    pytest.param(
        "# 一、总体情况\n正文。\n# 二、存在问题\n正文。",
        [("cn_dun", 1, None), ("cn_dun", 2, None)],
        id="markdown-hash-headings",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NESTING_CASES)
def test_nesting(text: str, expected: list[Row]) -> None:
    assert marker_rows(parsed(text)) == expected


# -- numbering diagnostics ----------------------------------------------------------------------

DIAGNOSTIC_CASES: list[Any] = [
    pytest.param("一、甲\n二、乙\n三、丙", [], id="clean"),
    pytest.param("一、甲\n二、乙\n四、丙", ["numbering_gap"], id="gap"),
    pytest.param("(一)甲\n(二)乙\n(二)丙\n(三)丁", ["numbering_repeat"], id="repeat"),
    pytest.param(
        "一、甲\n三、乙\n二、丙", ["numbering_gap", "numbering_out_of_order"], id="out-of-order"
    ),
    pytest.param("1.甲\n2.乙\n1.丙", ["numbering_restart"], id="restart-same-parent"),
    pytest.param("三、甲\n四、乙", ["numbering_unexpected_start"], id="opens-at-three"),
    pytest.param("(一)甲\n1.a\n2.b\n(二)乙\n1.c", [], id="restart-under-new-parent-is-fine"),
]


@pytest.mark.parametrize(("text", "codes"), DIAGNOSTIC_CASES)
def test_diagnostics(text: str, codes: list[str]) -> None:
    assert [d.code for d in parsed(text).diagnostics] == codes


# -- title --------------------------------------------------------------------------------------

TITLE_CASES: list[Any] = [
    pytest.param(
        "关于某县水利局巡察整改情况的通报\n根据县委部署，现将情况通报如下。\n一、总体情况\n正文。",
        "关于某县水利局巡察整改情况的通报",
        id="one-line",
    ),
    pytest.param(
        "中共某县委巡察办关于\n县水利局党组巡察整改情况的通报\n根据县委部署，现将情况通报如下。\n一、总体情况\n正文。",
        "中共某县委巡察办关于\n县水利局党组巡察整改情况的通报",
        id="two-lines",
    ),
    pytest.param(
        "中共某县委巡察办关于\r\n县水利局党组巡察整改情况的通报\r\n根据县委部署，现通报如下。\r\n一、总体\r\n正文。",
        "中共某县委巡察办关于\r\n县水利局党组巡察整改情况的通报",
        id="two-lines-crlf",
    ),
    pytest.param(
        "关于2022年度审计查出问题整改情况的报告\n县人大常委会：\n现报告如下。\n一、总体\n正文。",
        "关于2022年度审计查出问题整改情况的报告",
        id="addressee-is-not-title",
    ),
    pytest.param(
        "根据县委部署，现将整改情况报告如下。\n一、总体情况\n正文。",
        None,
        id="first-line-is-a-sentence",
    ),
    pytest.param("一、总体情况\n正文。\n二、存在问题\n正文。", None, id="starts-with-a-marker"),
    pytest.param(
        "现将情况通报如下。一、总体情况。（一）加强领导。（二）压实责任。",
        None,
        id="flattened-no-title",
    ),
]


@pytest.mark.parametrize(("text", "title"), TITLE_CASES)
def test_title(text: str, title: str | None) -> None:
    report = parsed(text)
    assert (report.title.text if report.title is not None else None) == title


# -- headings -----------------------------------------------------------------------------------

HEADING_CASES: list[Any] = [
    pytest.param("一、总体情况\n正文。", "一、", "总体情况", id="rest-of-line"),
    pytest.param(
        "(一)强化组织领导,压实整改责任\n正文。",
        "(一)",
        "强化组织领导,压实整改责任",
        id="rest-of-line-with-comma",
    ),
    pytest.param(
        "（一）指导思想。坚持以人民为中心，推动高质量发展。",
        "（一）",
        "指导思想。",
        id="first-sentence",
    ),
    pytest.param(
        "（一）　加强统筹部署。\n正文。",
        "（一）",
        "加强统筹部署。",
        id="ideographic-space-after-marker",
    ),
    pytest.param(
        "一、总体情况\n三、 下一步工作打算\n正文。",
        "三、",
        "下一步工作打算",
        id="space-after-marker",
    ),
    pytest.param(
        "**一、审计整改工作的总体情况**\n正文。",
        "一、",
        "审计整改工作的总体情况",
        id="markdown-bold-stripped",
    ),
    pytest.param(
        "1.针对“问题。”和“意见”,进行了以下整改。一是修订制度。二是开展培训。",
        "1.",
        "针对“问题。”和“意见”,进行了以下整改。",
        id="stop-inside-quote-skipped",
    ),
    pytest.param(
        "加强学习。一是坚持集体领导。全年召开17次。二是强化监督。",
        "一是",
        "坚持集体领导。",
        id="inline-point-first-sentence",
    ),
    pytest.param("1.针对问题。\r\n正文。", "1.", "针对问题。", id="crlf-not-in-heading"),
]


@pytest.mark.parametrize(("text", "marker", "heading"), HEADING_CASES)
def test_headings(text: str, marker: str, heading: str) -> None:
    report = parsed(text)
    node = next(n for n in report.walk() if n.marker is not None and n.marker.text == marker)
    assert node.heading == heading


# -- spans: siblings tile their parent ----------------------------------------------------------

SPAN_CASES: list[Any] = [
    pytest.param(
        "标题\n一、甲\n(一)乙\n1.丙。一是a。二是b。\n2.丁\n(二)戊\n正文。\n二、己\n正文。",
        id="standard",
    ),
    pytest.param(
        "标题\r\n一、甲\r\n（一）　乙。\r\n正文。\r\n（二） 丙。正文。\r\n二、丁\r\n", id="crlf"
    ),
    pytest.param(
        "现将情况通报如下。一、甲。（一）乙。一是a。二是b。（二）丙。二、丁。", id="flattened"
    ),
    pytest.param("一、甲\n\n\n(一)乙\n   \n(二)丙\n\n", id="blank-lines"),
]


def assert_siblings_tile(report: Report, text: str) -> None:
    """Siblings leave only whitespace between them and the last one ends with its parent."""
    for node in report.walk():
        children = node.children
        if not children:
            continue
        for left, right in itertools.pairwise(children):
            gap = text[left.span.end : right.span.start]
            assert not gap.strip(), f"{left.path}..{right.path}: {gap!r} between siblings"
        assert children[-1].span.end == node.span.end, f"{node.path}: last child ends early"
        if node.marker is not None:
            # a marked node's own text (marker, heading, body up to its first point) comes first
            lead = "".join(text[node.span.start : children[0].span.start].split()).lstrip("*#")
            expected = "".join((node.marker.text + (node.heading or "")).split())
            assert lead.startswith(expected), f"{node.path}: {lead!r}"


@pytest.mark.parametrize("text", SPAN_CASES)
def test_siblings_tile_their_parent(text: str) -> None:
    assert_siblings_tile(parsed(text), text)


def test_node_span_covers_its_text_exactly() -> None:
    text = "一、总体情况\n正文一。\n二、存在问题\n正文二。\n"
    first, second = parsed(text).children
    assert text[first.span.start : first.span.end] == "一、总体情况\n正文一。"
    assert text[second.span.start : second.span.end] == "二、存在问题\n正文二。"


# -- paths --------------------------------------------------------------------------------------


PATH_CASES: list[Any] = [
    pytest.param(
        "一、甲\n(一)乙\n1.丙\n(二)丁\n2.戊",
        [("一、", "1"), ("(一)", "1.1"), ("1.", "1.1.1"), ("(二)", "1.2"), ("2.", "1.2.2")],
        id="ordinals",
    ),
    pytest.param(
        "根据部署，现报告如下。\n一、甲\n二、乙",
        [("一、", "1"), ("二、", "2")],
        id="preamble-does-not-shift",
    ),
    pytest.param(
        "一、甲\n说明。一是a。二是b。",
        [("一、", "1"), ("一是", "1.p1.1"), ("二是", "1.p1.2")],
        id="points-in-paragraph",
    ),
    pytest.param(
        "一、甲\n说明。\n措施。一是a。二是b。",
        [("一、", "1"), ("一是", "1.p2.1"), ("二是", "1.p2.2")],
        id="points-in-second-paragraph",
    ),
    pytest.param(
        "1.针对问题。一是a。二是b。",
        [("1.", "1"), ("一是", "1.1"), ("二是", "1.2")],
        id="points-on-marker-line",
    ),
    pytest.param(
        "(一)甲\n(二)乙\n(二)丙",
        [("(一)", "1"), ("(二)", "2"), ("(二)", "2~2")],
        id="repeated-ordinal",
    ),
    pytest.param(
        "现将情况通报如下。一、甲。（一）乙。（二）丙。二、丁。",
        [("一、", "1"), ("（一）", "1.1"), ("（二）", "1.2"), ("二、", "2")],
        id="flattened-one-line",
    ),
    pytest.param(
        "**一、甲**\n正文。\n**二、乙**\n正文。", [("一、", "1"), ("二、", "2")], id="markdown-bold"
    ),
]


@pytest.mark.parametrize(("text", "expected"), PATH_CASES)
def test_paths(text: str, expected: list[tuple[str, str]]) -> None:
    report = parsed(text)
    got = [(n.marker.text, n.path) for n in report.walk() if n.marker is not None]
    assert got == expected


# -- invisible characters (zero-width space, word joiner, BOM) as web pages leave them -----------

INVISIBLE_CASES: list[Any] = [
    pytest.param(
        "\u2060一、总体情况\n\u2060（一）组织领导\n正文。",
        [("cn_dun", 1, None), ("cn_paren", 1, "一、")],
        id="word-joiner-before-line-start-markers",
    ),
    pytest.param(
        "\u200b一、总体情况\u200b\n\ufeff（一）组织领导\ufeff\n正文。",
        [("cn_dun", 1, None), ("cn_paren", 1, "一、")],
        id="zwsp-and-bom-around-lines",
    ),
    pytest.param(
        "一、总体情况\n\u2060\u200b\ufeff\n二、存在问题",
        [("cn_dun", 1, None), ("cn_dun", 2, None)],
        id="line-of-invisible-characters-is-blank",
    ),
    pytest.param(
        "一、总体情况。\u2060一是强化领导；\u2060二是压实责任。",
        [("cn_dun", 1, None), ("cn_shi", 1, "一、"), ("cn_shi", 2, "一、")],
        id="word-joiner-after-sentence-end",
    ),
]


@pytest.mark.parametrize(("text", "expected"), INVISIBLE_CASES)
def test_invisible_characters_leave_markers_where_they_stand(
    text: str, expected: list[Row]
) -> None:
    assert marker_rows(parsed(text)) == expected


TITLE_CASES: list[Any] = [
    pytest.param(
        "政府工作报\n告\n\n各位代表：\n现在作报告。", "政府工作报\n告", id="broken-by-a-web-page"
    ),
    pytest.param("政府工作报\r\n告\r\n一、总体情况", "政府工作报\r\n告", id="broken-crlf"),
    pytest.param(
        "政府工作报\u200b\n\u200b告\n一、总体情况", "政府工作报\u200b\n\u200b告", id="zwsp"
    ),
    pytest.param("政府工作报\u2060\n告\n一、总体情况", "政府工作报\u2060\n告", id="word-joiner"),
    pytest.param("\ufeff政府工作报\n告\n一、总体情况", "政府工作报\n告", id="bom-first"),
    pytest.param("政府工作报\n\u2060\n告\n一、总体情况", "政府工作报\n\u2060\n告", id="blank-line"),
    pytest.param("政府\u200b工作\u2060报告\n一、总体情况", "政府\u200b工作\u2060报告", id="inside"),
]


@pytest.mark.parametrize(("text", "title"), TITLE_CASES)
def test_a_title_with_invisible_characters_or_a_break_is_one_title(text: str, title: str) -> None:
    report = parsed(text)
    assert report.title is not None and report.title.text == title
