"""Named documents 《…》: spans, names, kinds, verbs, issuers; hostile input; the seed gold."""

from __future__ import annotations

import random
import re
import time
from functools import cache
from typing import Any

import pytest
import regex

import reportparse
from reportparse.chars import alternation
from reportparse.extract.document_context import HAN, context_before
from reportparse.extract.documents import (
    CONTEXT_WINDOW,
    MAX_NAME,
    extract_documents,
    kind_of_name,
)
from reportparse.lexicon import load_table, load_words
from reportparse.normalise import fold
from reportparse.source import SourceText

from .conftest import corpus_files, needs_shared, read_exact

# (text, title as written, name, kind, action, issuer) -- hand-checked readings of genre phrases.
CASES = [
    (
        "组织制定《巡视反馈意见整改任务分解和责任分工》,",
        "《巡视反馈意见整改任务分解和责任分工》",
        "巡视反馈意见整改任务分解和责任分工",
        "regulation",
        "制定",
        None,
    ),
    (
        "全面贯彻落实《中国共产党政法工作条例》",
        "《中国共产党政法工作条例》",
        "中国共产党政法工作条例",
        "regulation",
        "贯彻落实",
        None,
    ),
    (
        "制定印发《关于派员列席市政法单位党组(党委)领导班子民主生活会工作办法(试行)》",
        "《关于派员列席市政法单位党组(党委)领导班子民主生活会工作办法(试行)》",
        "关于派员列席市政法单位党组(党委)领导班子民主生活会工作办法(试行)",
        "regulation",
        "制定印发",
        None,
    ),
    (
        "指导出台《<天津政法报>社社委会议事制度》",
        "《<天津政法报>社社委会议事制度》",
        "<天津政法报>社社委会议事制度",
        "regulation",
        "出台",
        None,
    ),
    (
        "按照《中共中央办公厅 国务院办公厅印发〈关于完善科研项目资金管理等政策的若干意见〉的通知》",
        "《中共中央办公厅 国务院办公厅印发〈关于完善科研项目资金管理等政策的若干意见〉的通知》",
        "中共中央办公厅 国务院办公厅印发〈关于完善科研项目资金管理等政策的若干意见〉的通知",
        "regulation",
        None,
        None,
    ),
    (
        "推动市委出台《关于进一步加强法学会建设的若干措施》",
        "《关于进一步加强法学会建设的若干措施》",
        "关于进一步加强法学会建设的若干措施",
        "regulation",
        "出台",
        "市委",
    ),
    (
        "研究制定市委政法委《关于巩固深化主题教育成果的措施》",
        "《关于巩固深化主题教育成果的措施》",
        "关于巩固深化主题教育成果的措施",
        "regulation",
        "制定",
        "市委政法委",
    ),
    (
        "市法学会党组制定《加强和改进市法学会党组工作的实施意见》",
        "《加强和改进市法学会党组工作的实施意见》",
        "加强和改进市法学会党组工作的实施意见",
        "regulation",
        "制定",
        "市法学会党组",
    ),
    ("被中央政法委《政法动态》采用", "《政法动态》", "政法动态", "periodical", None, "中央政法委"),
    (
        "优化办好《天津法学要报》",
        "《天津法学要报》",
        "天津法学要报",
        "periodical",
        "优化办好",
        None,
    ),
    (
        "编发了《市委政法委从“三个维度”扎实推进巡视整改》",
        "《市委政法委从“三个维度”扎实推进巡视整改》",
        "市委政法委从“三个维度”扎实推进巡视整改",
        "article",
        "编发",
        None,
    ),
    (
        "认真对照《党政领导干部选拔任用工作条例》",
        "《党政领导干部选拔任用工作条例》",
        "党政领导干部选拔任用工作条例",
        "regulation",
        "对照",
        None,
    ),
    (
        "废止《关于机关干部提拔使用工作的指导性意见》",
        "《关于机关干部提拔使用工作的指导性意见》",
        "关于机关干部提拔使用工作的指导性意见",
        "regulation",
        "废止",
        None,
    ),
    (
        "在《2020年任务分工》中,明确了",
        "《2020年任务分工》",
        "2020年任务分工",
        "regulation",
        None,
        None,
    ),
    (
        "补充完善《领导班子落实全面从严治党“两个清单”》",
        "《领导班子落实全面从严治党“两个清单”》",
        "领导班子落实全面从严治党“两个清单”",
        "regulation",
        "补充完善",
        None,
    ),
    (
        "结合实际，制定和完善《中华人民共和国安全生产法》",
        "《中华人民共和国安全生产法》",
        "中华人民共和国安全生产法",
        "regulation",
        "制定和完善",
        None,
    ),
    (
        "全面完成《法治政府建设实施纲要（2021—2025年）》",
        "《法治政府建设实施纲要（2021—2025年）》",
        "法治政府建设实施纲要（2021—2025年）",
        "regulation",
        "完成",
        None,
    ),
    (
        "推动加入《数字经济伙伴关系协定》",
        "《数字经济伙伴关系协定》",
        "数字经济伙伴关系协定",
        "regulation",
        "加入",
        None,
    ),
    (
        "落实中央经济工作会议部署和《政府工作报告》",
        "《政府工作报告》",
        "政府工作报告",
        "article",
        None,
        None,
    ),
    ("推出音乐剧《雄狮少年》", "《雄狮少年》", "雄狮少年", "other", None, None),
    ("要严格执行甘肃省委《决定》", "《决定》", "决定", "regulation", "执行", "甘肃省委"),
    ("对领导干部《自查表》", "《自查表》", "自查表", "regulation", None, None),
    ("国家发展改革委印发《A方案》", "《A方案》", "A方案", "regulation", "印发", "国家发展改革委"),
    # Offices named by level and field, not in the body list: [place] level field office.
    ("县审计局修订《A办法》", "《A办法》", "A办法", "regulation", "修订", "县审计局"),
    ("要求区应急管理局出台《A预案》", "《A预案》", "A预案", "regulation", "出台", "区应急管理局"),
    ("省卫生健康委员会印发《A方案》", "《A方案》", "A方案", "regulation", "印发",
     "省卫生健康委员会"),
    # Joint issuers, written together or with 、.
    ("省委省政府《关于A的决定》", "《关于A的决定》", "关于A的决定", "regulation", None,
     "省委省政府"),
    ("中共中央办公厅、国务院办公厅印发了《关于A的通知》", "《关于A的通知》", "关于A的通知",
     "regulation", "印发", "中共中央办公厅、国务院办公厅"),
    ("党中央、国务院印发《A纲要》", "《A纲要》", "A纲要", "regulation", "印发", "党中央、国务院"),
    # An adverb between the issuer and its verb.
    ("市委先后出台《A办法》", "《A办法》", "A办法", "regulation", "出台", "市委"),
    ("国务院办公厅近日印发《A意见》", "《A意见》", "A意见", "regulation", "印发", "国务院办公厅"),
    # The short self-reference of a report's author.
    ("局党组制定《A清单》", "《A清单》", "A清单", "regulation", "制定", "局党组"),
    # A verb with 好 (落实好) keeps the verb; a subject that is not an office is no issuer.
    ("贯彻落实好《A条例》", "《A条例》", "A条例", "regulation", "贯彻落实", None),
    ("全市各级党委要认真落实《A规定》", "《A规定》", "A规定", "regulation", "落实", None),
    ("各县区、各部门印发《A方案》", "《A方案》", "A方案", "regulation", "印发", None),
    # A kind word right after the title when the name has none; 表示 is a verb, not a form.
    ("在《求是》杂志发表", "《求是》", "求是", "periodical", None, None),
    ("《决胜全面建成小康社会》报告", "《决胜全面建成小康社会》", "决胜全面建成小康社会",
     "article", None, None),
    ("《黑神话：悟空》表示", "《黑神话：悟空》", "黑神话：悟空", "other", None, None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "title", "name", "kind", "action", "issuer"), CASES, ids=[c[1][:14] for c in CASES]
)
def test_document_fields(
    text: str, title: str, name: str, kind: str, action: str | None, issuer: str | None
) -> None:
    [doc] = extract_documents(SourceText.of(text))
    assert doc.text == title == text[doc.span.start : doc.span.end]
    assert (doc.name, doc.kind, doc.action, doc.issuer) == (name, kind, action, issuer)


# Titles in a row share the verb before the first; an issuer belongs to its own title only.
SEQUENCES = [
    ("制定《A办法》《B手册》", [("A办法", "制定", None), ("B手册", "制定", None)]),
    ("完善《评价表》、《自查表》", [("评价表", "完善", None), ("自查表", "完善", None)]),
    (
        "结合贯彻落实《条例》和市委《若干规定》",
        [("条例", "贯彻落实", None), ("若干规定", "贯彻落实", "市委")],
    ),
    (
        "学习掌握《条例》及《若干规定》",
        [("条例", "学习掌握", None), ("若干规定", "学习掌握", None)],
    ),
    (
        "被《人民日报》《新华社》、中央政法委《政法动态》报道",
        [("人民日报", None, None), ("新华社", None, None), ("政法动态", None, "中央政法委")],
    ),
    ("制定《A办法》,废止《B办法》", [("A办法", "制定", None), ("B办法", "废止", None)]),
    ("制定《A办法》,按照《B办法》", [("A办法", "制定", None), ("B办法", None, None)]),
]


@pytest.mark.parametrize(("text", "expected"), SEQUENCES, ids=[s[0][:12] for s in SEQUENCES])
def test_sequences_share_the_verb(
    text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    docs = extract_documents(SourceText.of(text))
    assert [(d.name, d.action, d.issuer) for d in docs] == expected
    assert [d.span.start for d in docs] == sorted(d.span.start for d in docs)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("人民日报", "periodical"),
        ("新华社", "periodical"),
        ("巡视巡察工作专报", "periodical"),
        ("市委政法委下发便签事项报备单", "regulation"),
        ("关于2020年工作情况的通报", "regulation"),
        ("政府工作报告", "article"),
        ("工作办法(试行)", "regulation"),
        ("法治政府建设实施纲要(2015—2020年)", "regulation"),
        ("黑神话:悟空", None),
    ],
)
def test_kind_by_suffix(name: str, kind: str | None) -> None:
    assert kind_of_name(name) == kind


@pytest.mark.parametrize(
    "text",
    ["没有书名号的句子。", "《》", "《\n》", "孤零零的《开头\n《结尾》在下一行", "》反着的《"],
    ids=["plain", "empty", "newline-inside", "unclosed-then-next-line", "reversed"],
)
def test_no_document_where_none_is_closed(text: str) -> None:
    docs = extract_documents(SourceText.of(text))
    assert all("\n" not in d.text for d in docs)
    if text.startswith("孤零零"):
        assert [d.name for d in docs] == ["结尾"]
    else:
        assert docs == []


def test_unclosed_title_does_not_swallow_the_text() -> None:
    text = "制定《没有结尾的标题" + "很长的正文" * 100 + "》以及《真正的办法》"
    assert [d.name for d in extract_documents(SourceText.of(text))] == ["真正的办法"]
    assert MAX_NAME <= 120


# Titles wrapped by the line width of a PDF or Word page: (text, title as written, name, kind,
# action, issuer). The name drops the line breaks and the spaces around them.
WRAPPED = [
    (
        "制定印发《关于进一步加强干部队伍建设的\n实施意见》，建立长效机制。",
        "《关于进一步加强干部队伍建设的\n实施意见》",
        "关于进一步加强干部队伍建设的实施意见",
        "regulation",
        "制定印发",
        None,
    ),
    (
        "为巩固整改成果，县财政局修订《关于加强和规范财政资金管理使用的若干\n规定》，"
        "堵塞制度漏洞。",
        "《关于加强和规范财政资金管理使用的若干\n规定》",
        "关于加强和规范财政资金管理使用的若干规定",
        "regulation",
        "修订",
        "县财政局",
    ),
    (  # wrapped twice: the title opens at the end of a line and fills the next one
        "研究制定市委政法委《关于\n巩固深化主题教育成果推动政法队伍教育整顿常态化制度化的\n措施》，"
        "明确责任分工。",
        "《关于\n巩固深化主题教育成果推动政法队伍教育整顿常态化制度化的\n措施》",
        "关于巩固深化主题教育成果推动政法队伍教育整顿常态化制度化的措施",
        "regulation",
        "制定",
        "市委政法委",
    ),
    (  # CRLF line breaks, the next line indented with full-width spaces (a Word paragraph)
        "市委办公室印发《关于进一步加强干部队伍建设的\r\n\u3000\u3000实施意见（试行）》，\r\n",
        "《关于进一步加强干部队伍建设的\r\n\u3000\u3000实施意见（试行）》",
        "关于进一步加强干部队伍建设的实施意见（试行）",
        "regulation",
        "印发",
        "市委办公室",
    ),
    (  # spaces before the break go too; those inside a line stay as written
        "按照《中共中央办公厅 国务院办公厅关于加强 \n  巡视整改的意见》要求",
        "《中共中央办公厅 国务院办公厅关于加强 \n  巡视整改的意见》",
        "中共中央办公厅 国务院办公厅关于加强巡视整改的意见",
        "regulation",
        None,
        None,
    ),
    (  # a title set on a line of its own, its closer on the next (text taken from web pages)
        "根据《\n中华人民共和国著作权法\n》第五条",
        "《\n中华人民共和国著作权法\n》",
        "中华人民共和国著作权法",
        "regulation",
        None,
        None,
    ),
    (  # the kind word after the closer, as on one line
        "在《决胜全面建成\n小康社会》报告中",
        "《决胜全面建成\n小康社会》",
        "决胜全面建成小康社会",
        "article",
        None,
        None,
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "title", "name", "kind", "action", "issuer"), WRAPPED, ids=[c[2][:8] for c in WRAPPED]
)
def test_wrapped_title(
    text: str, title: str, name: str, kind: str, action: str | None, issuer: str | None
) -> None:
    [doc] = extract_documents(SourceText.of(text))
    assert doc.text == title == text[doc.span.start : doc.span.end]
    assert (doc.name, doc.kind, doc.action, doc.issuer) == (name, kind, action, issuer)


def test_titles_after_a_wrapped_one_share_its_verb() -> None:
    text = "制定《整改任务\n清单》《责任\n分工》，废止《A办法》"
    docs = extract_documents(SourceText.of(text))
    assert [(d.name, d.action) for d in docs] == [
        ("整改任务清单", "制定"),
        ("责任分工", "制定"),
        ("A办法", "废止"),
    ]


# A 《 left open on its line whose next lines do not continue a title: no document, and the
# titles after it are found as they would be without it.
NOT_WRAPPED = {
    "blank-line": "制定印发《关于进一步加强干部队伍建设的\n\n实施意见》，建立长效机制。",
    "blank-line-crlf": "制定印发《关于进一步加强干部队伍建设的\r\n\r\n实施意见》，建立长效机制。",
    "blank-line-spaces": "制定印发《关于进一步加强干部队伍建设的\n\u3000\u3000\n实施意见》。",
    "marker-cn-paren": "（一）组织领导。制定《整改工作方案\n（二）压实整改责任》",
    "marker-cn-dun": "制定《整改工作方案\n二、整改落实情况\n（一）关于A的问题》",
    "marker-arabic-dot": "制定《整改工作方案\n1.加强组织领导》",
    "marker-arabic-paren": "制定《整改工作方案\n  （1）加强组织领导》",
    "markdown-heading": "制定《整改工作方案\n## 加强组织领导》",
    "new-title": "制定《整改工作方案\n印发《A办法》",
    "full-stop": "书名号《没有闭合\n下一行是一句话。后面才有》号",
    "three-breaks": "制定《关于\n进一步\n加强干部\n队伍建设的意见》",
    "too-long": "制定《" + "很长的标题" * 12 + "\n" + "还没有结束" * 10 + "》",
    "closer-at-end-of-text": "制定《整改工作方案\n",
}


@pytest.mark.parametrize("text", NOT_WRAPPED.values(), ids=NOT_WRAPPED.keys())
def test_open_title_not_continued_is_no_document(text: str) -> None:
    docs = extract_documents(SourceText.of(text))
    assert all("\n" not in d.text for d in docs)
    assert [d.name for d in docs] == (["A办法"] if "《A办法》" in text else [])


def test_wrapped_title_in_a_report() -> None:
    """Offsets into the report, the section holding both lines, and the outline as without it:
    the continuation line stays a paragraph of the section."""
    text = (
        "一、加强干部队伍建设\n"
        "（一）完善制度。党组制定印发《关于进一步加强干部队伍建设的\n"
        "实施意见》，建立长效机制。\n"
        "二、下一步工作\n"
    )
    report = reportparse.parse(text)
    [doc] = report.documents
    assert text[doc.span.start : doc.span.end] == "《关于进一步加强干部队伍建设的\n实施意见》"
    assert (doc.name, doc.kind, doc.action, doc.node_path) == (
        "关于进一步加强干部队伍建设的实施意见",
        "regulation",
        "制定印发",
        "1.1",
    )
    assert [n.path for n in report.walk()] == ["1", "1.1", "1.1.p1", "2"]


def test_dates_and_counts_in_a_wrapped_title_as_on_one_line() -> None:
    """The year and the count in a title are found whether or not the title wraps."""
    for text in (
        "制定《2021年开展三项专项整治的实施方案》。",
        "制定《2021年开展三项\n专项整治的实施方案》。",
    ):
        report = reportparse.parse(text)
        assert [d.text for d in report.dates] == ["2021年"]
        assert [(c.value, c.unit) for c in report.counts] == [(3, "项")]
        assert [d.name for d in report.documents] == ["2021年开展三项专项整治的实施方案"]


def test_full_width_and_odd_characters() -> None:
    text = "\x00印发\u3000《\ud800办法（试行）》"
    [doc] = extract_documents(SourceText.of(text))
    assert doc.text == text[doc.span.start : doc.span.end] == "《\ud800办法（试行）》"
    assert (doc.kind, doc.action) == ("regulation", "印发")


@pytest.mark.parametrize(
    "text",
    [
        "《" * 50_000,
        "《" + "制定" * 100_000,
        "》" * 50_000,
        "《《》" * 30_000,
        "1" * 200_000,
        "2020年" * 50_000,
        "市委市委市委" * 30_000 + "《A》",
        "《制定办法\n" * 20_000,
        "印发《关于A的\n实施意见》\n" * 10_000,
        "《A\n" + "\u3000" * 200_000 + "B》",
    ],
    ids=[
        "nested", "unclosed", "closers", "half-nested", "digits", "years", "issuers",
        "open-lines", "wrapped", "indent",
    ],
)  # fmt: skip
def test_hostile_input_stays_fast(text: str) -> None:
    started = time.perf_counter()
    extract_documents(SourceText.of(text))
    assert time.perf_counter() - started < 1.0


@needs_shared
def test_wrapped_titles_of_the_corpus() -> None:
    """Every title of the dev corpus that runs over a line break: at most two, no blank line
    between, and its name is the text inside the brackets without the breaks and the spaces
    around them."""
    join = re.compile(r"[ \t\u3000]*(?:\r\n|\n)[ \t\u3000]*")
    wrapped = 0
    for path in corpus_files():
        text = read_exact(path)
        for doc in extract_documents(SourceText.of(text)):
            inner = doc.text[1:-1]
            breaks = len(join.findall(inner))
            if breaks:
                wrapped += 1
                assert breaks <= 2 and not re.search(r"\n[ \t\u3000]*\r?\n", inner)
                assert doc.name == join.sub("", inner), (path.name, doc.text)
    assert wrapped > 0


def test_lexicon_kinds_are_known() -> None:
    rows = load_table("document_kinds")
    assert all(
        len(r) == 2 and r[1] in {"regulation", "periodical", "article", "other"} for r in rows
    )
    assert len({r[0] for r in rows}) == len(rows)


def _score(
    gold: list[dict[str, Any]], docs: list[Any]
) -> tuple[float, float, float, list[tuple[Any, Any]]]:
    """Precision, recall, F1 with score.py's rule for documents (span identical), plus the pairs."""
    by_span = {(d.span.start, d.span.end): d for d in docs}
    pairs = [
        (g, by_span[(g["start"], g["end"])]) for g in gold if (g["start"], g["end"]) in by_span
    ]
    p = len(pairs) / len(docs) if docs else 0.0
    r = len(pairs) / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), pairs


def test_seed_gold(seed_text: str, seed_gold: dict[str, Any]) -> None:
    docs = extract_documents(SourceText.of(seed_text))
    assert all(d.text == seed_text[d.span.start : d.span.end] for d in docs)
    p, r, f1, pairs = _score(seed_gold["documents"], docs)
    assert f1 >= 0.95, (p, r)
    for field in ("name", "kind", "action", "issuer"):
        right = sum(getattr(d, field) == g[field] for g, d in pairs)
        assert right / len(pairs) >= 0.9, field


def test_han_class_is_regex_han() -> None:
    """HAN spells out the Han class of ``regex`` for ``re``: the same characters, all of Unicode."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert re.findall(f"[{HAN}]", every) == regex.findall(r"\p{Han}", every)


@cache
def _right_to_left() -> Any:
    """The context pattern as first written: matched right to left from the 《 with ``regex``'s
    (?r); the forward ``re`` shapes over the reversed window must read every context alike."""
    verb = alternation(load_words("document_actions"))
    body_any = alternation(load_words("document_issuer_bodies"))
    body_word = alternation([w for w in load_words("document_issuer_bodies") if len(w) > 1])
    place = alternation(load_words("document_issuer_places"))
    level = alternation(load_words("document_issuer_levels"))
    office_end = alternation(load_words("document_issuer_suffixes"))
    modifier = alternation(load_words("document_modifiers"))
    field = r"(?:(?![的了在和与及要将对把被并各等])\p{Han})"

    def acts(n: int) -> str:
        return rf"(?P<act{n}>(?:{verb})(?:(?:和|并|及|与)?(?:{verb})){{0,2}})(?:了|好)?"

    unit = (
        rf"(?:{place})?(?:(?:{level})(?:{body_any}){{1,3}}"
        rf"|(?:{level}){field}{{1,8}}?(?:{office_end})(?:{body_any}){{0,2}}"
        rf"|(?:{body_any})?(?:{body_word})(?:{body_any}){{0,2}})"
    )

    def issuer(n: int) -> str:
        return rf"(?P<iss{n}>{unit}(?:[、和与]?{unit}){{0,2}})"

    return regex.compile(
        rf"(?r){issuer(1)}(?:{modifier}){{0,2}}{acts(1)}|{acts(2)}{issuer(2)}|{acts(3)}"
        rf"|{issuer(3)}"
    )


def _reference_context(text: str, folded: str, lo: int, start: int) -> tuple[Any, Any, int]:
    gap = regex.match(r"(?r)[ \t]{1,4}", folded, pos=lo, endpos=start)
    m = _right_to_left().match(folded, lo, gap.start() if gap is not None else start)
    if m is None:
        return None, None, start
    action = issuer = None
    for n in "123":
        if m.start(f"act{n}") >= 0:
            action = text[m.start(f"act{n}") : m.end(f"act{n}")]
        if m.start(f"iss{n}") >= 0:
            issuer = text[m.start(f"iss{n}") : m.end(f"iss{n}")]
    return action, issuer, m.start()


def _genre_jumbles(count: int) -> list[str]:
    """Runs of lexicon words, joiners and odd characters: contexts no report has yet."""
    rng = random.Random(20240611)
    lists = [
        load_words(name)
        for name in (
            "document_actions",
            "document_issuer_bodies",
            "document_issuer_places",
            "document_issuer_levels",
            "document_issuer_suffixes",
            "document_modifiers",
        )
    ]
    odd = ["和", "并", "及", "与", "、", "了", "好", " ", "\t", "的", "财政", "要", ",", "\n", "𠀀"]
    return [
        "".join(
            rng.choice(odd) if rng.random() < 0.25 else rng.choice(rng.choice(lists))
            for _ in range(rng.randint(1, 9))
        )
        for _ in range(count)
    ]


def test_context_reads_as_right_to_left_pattern() -> None:
    for text in _genre_jumbles(4000):
        for lo in (max(0, len(text) - CONTEXT_WINDOW), len(text) // 2):
            assert context_before(text, text, lo, len(text)) == _reference_context(
                text, text, lo, len(text)
            ), (text, lo)


@needs_shared
def test_context_reads_as_right_to_left_pattern_on_the_corpus() -> None:
    """Every position of every dev report taken as a 《: the same verb, issuer and start."""
    for path in corpus_files():
        text = read_exact(path)
        folded = fold(text)
        for start in range(0, len(text), 3):
            lo = max(0, start - CONTEXT_WINDOW)
            assert context_before(text, folded, lo, start) == _reference_context(
                text, folded, lo, start
            ), (path.name, start)


# Issuer bodies and verbs run together, as an attacker would write them before every title: the
# backtracking pattern took up to milliseconds on one such window.
CRAFTED_CONTEXTS = [
    "修改财日前会中央委审计署纪委监委政治部人大常委会国务院",
    "署修改市合院公会局国务院国务院国务院省委署部党委纪委纪委省委国务院省署署政治部办",
    "县部审市署委党委政治部国务院审计署总局委员会纪委",
    "前发和办公前日县厅国务财国省院修改省印会、监委党委纪委监委国务院中央办局纪委监委",
]


def test_context_work_per_title_is_bounded_by_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every word looked up is one trie walk; a title takes at most a few dozen per character
    of its window, whatever the window holds (crafted runs and random runs of lexicon words)."""
    from reportparse.extract import document_context

    walks = [0]
    longest = document_context._longest

    def counted(trie: Any, w: str, i: int) -> int:
        walks[0] += 1
        return longest(trie, w, i)

    monkeypatch.setattr(document_context, "_longest", counted)
    for context in CRAFTED_CONTEXTS + _genre_jumbles(500):
        window = context[-CONTEXT_WINDOW:]
        text = window + "《条例》"
        walks[0] = 0
        context_before(text, text, 0, len(window))
        assert walks[0] <= 25 * (len(window) + 1), (window, walks[0])


@pytest.mark.parametrize("context", CRAFTED_CONTEXTS)
def test_crafted_contexts_read_as_the_pattern(context: str) -> None:
    text = context + "《条例》"
    lo = max(0, len(context) - CONTEXT_WINDOW)
    assert context_before(text, text, lo, len(context)) == _reference_context(
        text, text, lo, len(context)
    )
