"""What a heading states, in the genre's formulas: a problem (with its opinion), a group of
problems, a category, a status that sorts items, or the part that answers the feedback.
``rectifications`` builds the items from these statements."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

import regex

from ..chars import alternation
from ..lexicon import load_records
from ..models import Node, RectificationStatus

# item: states a problem; either: an item, or the group of the items under it; category: a
# group heading (…方面); status: sorts items by state; section: the part that answers the
# feedback (巡察反馈问题整改落实情况), under which a plain problem heading is an item
Form = Literal["item", "either", "category", "status", "section"]

# a word that every form's heading holds (针对…, 关于…, …问题, …方面, 巡视指出, 整改意见,
# 正在推进整改的事项…): a heading with none of them states nothing
_ANY_FORM = regex.compile("针对|关于|问题|方面|指出|发现|意见|事项|任务")
_TRAILING = " \t\n。.;；:：,，"
_HEADING_MAX = 400  # a stated problem may run long (two quoted sentences), not a page
# a quoted problem: “…” (one level of inner “…” allowed), 「…」, or ASCII "…" from web copies;
# the regex module lets the alternatives share the group's name
_QUOTED = (
    r"(?:“(?P<{name}>(?:[^“”\n]|“[^“”\n]*”)+)”|「(?P<{name}>[^「」\n]+)」"
    r"|\"(?P<{name}>[^\"\n]+)\")"
)


@dataclass(frozen=True)
class Statement:
    """What a node's heading states: its form and where the problem (and opinion) stand."""

    form: Form
    problem: tuple[int, int] | None = None
    opinion: tuple[int, int] | None = None
    status: RectificationStatus | None = None
    body_start: int | None = None  # where the answer starts, after a （整改情况） label
    aspect: bool = False  # 关于“…”方面: names a field of problems rather than one problem


@dataclass(frozen=True)
class _Patterns:
    opinion: regex.Pattern[str]
    quoted: regex.Pattern[str]
    unquoted_targeted: regex.Pattern[str]
    about_quoted: regex.Pattern[str]
    about_unquoted: regex.Pattern[str]
    pointed_out: regex.Pattern[str]
    labelled: regex.Pattern[str]
    category: regex.Pattern[str]
    status_heading: regex.Pattern[str]
    answering_section: regex.Pattern[str]
    status_word: regex.Pattern[str]
    problem_cue: regex.Pattern[str]
    shortfall_word: regex.Pattern[str]
    action_start: regex.Pattern[str]
    deadline_after: regex.Pattern[str]
    answer_label: regex.Pattern[str]
    closing_line: regex.Pattern[str]
    deadline_before: regex.Pattern[str]


@cache
def patterns() -> _Patterns:
    cues = load_records("rectification_cues")
    statuses = load_records("rectification_statuses")
    status_words = alternation([row["word"] for row in statuses])
    p = _QUOTED.format(name="p")
    o = _QUOTED.format(name="o")
    supervision = alternation(
        [row["word"] for row in load_records("inspection_words") if row["field"] == "inspection"]
    )
    return _Patterns(
        opinion=regex.compile(
            rf"\s*针对{p}(?:等?(?:方面的?)?问题)?(?:的整改情况)?(?:和|及|、|与|以及|,|，)?"
            rf"(?:(?:{supervision})组?提出的)?{o}的?整改意见"
        ),
        quoted=regex.compile(
            rf"\s*针对(?:(?:{supervision})组?(?:反馈|指出|发现)的?)?{p}"
            r"(?:等?(?:方面的?)?问题|的整改情况|的整改|整改情况|的问题|[。,，;；]|$)"
        ),
        unquoted_targeted=regex.compile(
            rf"\s*针对(?:(?:{supervision})组?(?:反馈|指出|发现)的?)?"
            r"(?P<p>[^。\n]{4,80}?)(?:的|等)?问题"
        ),
        about_quoted=regex.compile(rf"\s*关于{p}(?=的?等?(?:方面的?)?问题|的?整改|方面)"),
        about_unquoted=regex.compile(
            r"\s*关于(?P<p>[^。\n]{4,80}?)(?:方面)?(?:的|等)?问题(?:的?整改(?:落实)?(?:情况)?)?\s*[。;；]?\s*$"
        ),
        pointed_out=regex.compile(
            rf"\s*(?:{supervision})(?:组|工作组)?(?:反馈指出|指出|发现|反馈的?(?=[“「\"]))(?:的问题)?"
            rf"[:：,，]?\s*"
            rf"(?:{p}(?=的?问题|[。;；]|\s*$)|(?P<p2>[^。\n]{{4,200}}))"
        ),
        labelled=regex.compile(
            r"\s*[(（【\[]?(?:(?:巡视|巡察)?反馈|存在|具体)?问题[一二三四五六七八九十\d]*"
            r"(?:描述|表现|内容)?[)）】\]:：]\s*(?P<p>[^\n]+?)\s*"
            r"(?=[(（【\[]整改(?:情况|措施|进展|结果)[)）】\]:：]?|整改(?:情况|措施|进展|结果)[:：]|\n|$)"
        ),
        # 关于贯彻落实…方面, 党的政治建设方面存在的问题; not 主要做法体现在以下几个方面
        category=regex.compile(
            r"\s*(?:关于)?(?![^。\n]*(?:以下|如下|下列|几个|[一二三四五六七八九十两\d]个)方面)"
            r"(?P<c>[^“”。\n]{2,60}?)方面(?:的?问题|存在的问题)?\s*[。:：]?\s*$"
        ),
        answering_section=regex.compile(
            r"(?:问题|意见)[^。\n]{0,6}整改|整改[^。\n]{0,6}(?:问题|意见)"
        ),
        status_heading=regex.compile(
            rf"\s*(?:需要|仍需|需)?(?P<w>{status_words})(?:整改)?(?:到位)?的?"
            r"(?:问题|事项|任务|整改事项|整改任务)"
        ),
        status_word=regex.compile(status_words),
        # a shortfall word, or any 不 that is not part of a steady phrase (不断, 不折不扣)
        shortfall_word=regex.compile(
            alternation([row["word"] for row in cues if row["kind"] == "problem"])
        ),
        problem_cue=regex.compile(
            alternation([row["word"] for row in cues if row["kind"] == "problem"])
            + "|不(?!"
            + alternation([row["word"][1:] for row in cues if row["kind"] == "not_a_shortfall"])
            + ")"
        ),
        action_start=regex.compile(
            r"\s*(?:" + alternation([row["word"] for row in cues if row["kind"] == "action"]) + ")"
        ),
        answer_label=regex.compile(
            r"\s*[(（【\[]?整改(?:情况|措施|进展|结果|落实情况)[)）】\]]?\s*[:：]?"
        ),
        # the report's closing lines, which the outline leaves inside the last item
        closing_line=regex.compile(
            r"\n\s*(?:欢迎|如有意见|联系方式|联系电话|监督电话|举报电话|来信来电|下一步)"
        ),
        deadline_after=regex.compile(r"\s*(?:年底|底|末)?(?:前|以前|之前)"),
        deadline_before=regex.compile(r"(?:时限|期限|截止时间|完成时间|整改时间)\s*[:：为]?\s*$"),
    )


def status_of(word: str) -> RectificationStatus:
    for row in load_records("rectification_statuses"):
        if row["word"] == word:
            return row["status"]  # type: ignore[return-value]
    raise KeyError(word)


def trim(folded: str, start: int, end: int) -> tuple[int, int]:
    while start < end and folded[start] in _TRAILING:
        start += 1
    while end > start and folded[end - 1] in _TRAILING:
        end -= 1
    return start, end


def heading_region(node: Node) -> tuple[int, int]:
    """From the marker's end (a paragraph's start) to the first child (or the node's end), at
    most _HEADING_MAX."""
    start = node.marker.span.end if node.marker is not None else node.span.start
    end = node.children[0].span.start if node.children else node.span.end
    return start, min(end, start + _HEADING_MAX)


def state_of_heading(folded: str, node: Node) -> Statement | None:
    """What the node's heading states, or None when it states no problem or category."""
    if node.marker is None:
        return None
    p = patterns()
    start, end = heading_region(node)
    heading_end = node.heading_span.end if node.heading_span is not None else end
    if not _ANY_FORM.search(folded, start, heading_end):
        return None  # most headings (一是坚持集体领导机制。) hold no word of any form
    hit = p.opinion.match(folded, start, end)
    if hit is not None:
        return Statement("item", hit.span("p"), hit.span("o"))
    hit = p.quoted.match(folded, start, end)
    if hit is not None:
        return Statement("item", hit.span("p"))
    hit = p.labelled.match(folded, start, end)
    if hit is not None:
        problem = trim(folded, *hit.span("p"))
        return Statement("item", problem, body_start=hit.end())
    hit = p.pointed_out.match(folded, start, end)
    if hit is not None:
        group = "p" if hit.group("p") else "p2"
        return Statement("item", trim(folded, *hit.span(group)))
    hit = p.unquoted_targeted.match(folded, start, heading_end)
    if hit is not None and p.problem_cue.search(hit.group("p")):
        return Statement("item", hit.span("p"))
    hit = p.about_quoted.match(folded, start, end)
    if hit is not None:
        aspect = folded.startswith(("方面", "等方面"), hit.end())
        return Statement("either", hit.span("p"), aspect=aspect)
    hit = p.status_heading.match(folded, start, heading_end)
    if hit is not None and heading_end - start <= 30:
        return Statement("status", status=status_of(hit.group("w")))
    hit = p.about_unquoted.match(folded, start, heading_end)
    # 关于落实…不到位的问题 names a problem although it opens with a verb
    if hit is not None and p.problem_cue.search(hit.group("p")):
        return Statement("either", hit.span("p"))
    if p.category.match(folded, start, heading_end):
        return Statement("category")
    if p.answering_section.search(folded, start, heading_end):
        return Statement("section")
    return None


def state_of_paragraph(folded: str, node: Node) -> Statement | None:
    """An unnumbered paragraph that opens with 针对“P”问题(和“O”整改意见) states a problem, and
    what follows answers it (针对“…”问题，部党组…; 一是…). A quote followed by anything else
    (针对“放管服”改革要求) is not a problem."""
    p = patterns()
    start, end = heading_region(node)
    hit = p.opinion.match(folded, start, end)
    if hit is not None:
        return Statement("item", hit.span("p"), hit.span("o"), body_start=hit.end())
    hit = p.quoted.match(folded, start, end)
    if hit is not None and regex.search("问题|整改", folded[hit.end("p") : hit.end()]):
        return Statement("item", hit.span("p"), body_start=hit.end())
    return None


def names_problem(folded: str, start: int, end: int, *, strict: bool = False) -> bool:
    """A heading names a shortfall (缺乏…, …不到位) and does not open with an action verb.

    A short heading whose only shortfall word is a closing 问题 (其他问题, 存在的问题) names a
    kind of problem, not one. ``strict`` leaves out the generic 不 (for the children of a
    problem heading, which are more often its measures: 对不符合条件的对象进行清退)."""
    p = patterns()
    if end - start < 4 or p.action_start.match(folded, start, end):
        return False
    cue = p.shortfall_word if strict else p.problem_cue
    found = [hit.group() for hit in cue.finditer(folded, start, end)]
    if not found:
        return False
    return not (found == ["问题"] and folded.endswith("问题", start, end) and end - start <= 8)
