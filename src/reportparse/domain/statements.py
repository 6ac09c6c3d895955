"""What a heading states, in the genre's formulas: a problem (with its opinion), a group of
problems, a category, a status that sorts items, or the part that answers the feedback; and
what a paragraph states (针对…问题 in running text, a problem label) and the field a record
line gives (整改措施：, 完成时限：). ``rectifications`` builds the items from these statements."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

import regex

from ..chars import alternation
from ..drafts import record
from ..lexicon import load_records
from ..models import Node, RectificationStatus

# item: states a problem; either: an item, or the group of the items under it; category: a
# group heading (…方面); status: sorts items by state; section: the part that answers the
# feedback (巡察反馈问题整改落实情况), under which a plain problem heading is an item
Form = Literal["item", "either", "category", "status", "section"]

# a word that every form's heading holds (针对…, 关于…, …问题, …方面, 巡视指出, 整改意见,
# 正在推进整改的事项…): a heading with none of them states nothing
_ANY_FORM = re.compile("针对|关于|问题|方面|指出|发现|意见|事项|任务")
_TRAILING = " \t\n。.;；:：,，"
# 关于“四风”问题仍有发生的问题: a quote followed by 问题 states the problem only when that
# 问题 closes the clause; here the quote is the subject of a longer problem (a second problem
# joined by 和/及, 关于“A”问题和相关问题, is no continuation)
_CLOSES = r"(?![^，。,;；:：\n“”和及与、]{0,40}?问题)"
_HEADING_MAX = 400  # a stated problem may run long (two quoted sentences), not a page
# a quoted problem: “…” (one level of inner “…” allowed), 「…」, or ASCII "…" from web copies;
# the regex module lets the alternatives share the group's name. A quote's text ends only at
# its closer, so its runs are possessive (*+, ++): a pattern that fails after the quote does
# not try every shorter text again, one character at a time.
_QUOTED = (
    r"(?:“(?P<{name}>(?!”)[^“”\n]*+(?:“[^“”\n]*+”[^“”\n]*+)*+)”|「(?P<{name}>[^「」\n]++)」"
    r"|\"(?P<{name}>[^\"\n]++)\")"
)


@record
class Statement:
    """What a node's heading states: its form and where the problem (and opinion) stand."""

    form: Form
    problem: tuple[int, int] | None = None
    opinion: tuple[int, int] | None = None
    status: RectificationStatus | None = None
    body_start: int | None = None  # where the answer starts, after a （整改情况） label
    aspect: bool = False  # 关于“…”方面: names a field of problems rather than one problem
    start: int | None = None  # where a statement made in running text opens (its 针对)
    labelled: bool = False  # 问题1：P, 【问题】P: the problem of a record (整改措施：… follow)


@dataclass(frozen=True)
class _Patterns:
    """The formulas, compiled once from the lexicon tables. Plain alternations and classes run
    on the standard engine, which searches them in half the time; the others need the regex
    module (shared group names, and its \\s: the engines differ on U+001C-U+001F)."""

    opinion: regex.Pattern[str]
    quoted: regex.Pattern[str]
    unquoted_targeted: regex.Pattern[str]
    about_quoted: regex.Pattern[str]
    about_unquoted: regex.Pattern[str]
    pointed_out: regex.Pattern[str]
    labelled: regex.Pattern[str]
    category: regex.Pattern[str]
    status_heading: regex.Pattern[str]
    answering_section: re.Pattern[str]
    status_word: re.Pattern[str]
    problem_cue: regex.Pattern[str]
    shortfall_word: regex.Pattern[str]
    action_start: regex.Pattern[str]
    deadline_after: regex.Pattern[str]
    answer_label: regex.Pattern[str]
    closing_line: regex.Pattern[str]
    deadline_before: regex.Pattern[str]
    status_note: regex.Pattern[str]
    item_state: re.Pattern[str]
    record_label: regex.Pattern[str]
    running_unquoted: regex.Pattern[str]
    closing_shortfall: regex.Pattern[str]


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
    # 巡视反馈的“…”, 巡察指出的…: who named the problem, before the problem itself
    named_by = rf"(?:(?:{supervision})组?(?:反馈|指出|发现)的?)?"
    labels = label_fields()
    answers = alternation([w for w, f in labels.items() if f in ("answer", "state")])
    record = alternation([w for w, f in labels.items() if f not in ("problem", "number")])
    not_shortfall = alternation(
        [row["word"][1:] for row in cues if row["kind"] == "not_a_shortfall"]
    )
    return _Patterns(
        opinion=regex.compile(
            rf"\s*针对{p}(?:等?(?:方面的?)?问题)?(?:的整改情况)?(?:和|及|、|与|以及|,|，)?"
            rf"(?:(?:{supervision})组?提出的)?{o}的?整改意见"
        ),
        quoted=regex.compile(
            rf"\s*针对{named_by}{p}"
            rf"(?:等?(?:方面的?)?问题{_CLOSES}|的整改情况|的整改|整改情况|的问题|[。,，;；]|$)"
        ),
        unquoted_targeted=regex.compile(rf"\s*针对{named_by}(?P<p>[^。\n]{{4,80}}?)(?:的|等)?问题"),
        about_quoted=regex.compile(
            rf"\s*关于{named_by}{p}(?=的?等?(?:方面的?)?问题{_CLOSES}|的?整改|方面)"
        ),
        about_unquoted=regex.compile(
            rf"\s*关于{named_by}(?P<p>[^。\n]{{4,80}}?)(?:方面)?(?:的|等)?问题"
            r"(?:的?整改(?:落实)?(?:情况)?)?\s*[。;；]?\s*$"
        ),
        pointed_out=regex.compile(
            rf"\s*(?:{supervision})(?:组|工作组)?(?:反馈指出|指出|发现|反馈的?(?=[“「\"]))(?:的问题)?"
            rf"[:：,，]?\s*"
            rf"(?:{p}(?=的?问题|[。;；]|\s*$)|(?P<p2>[^。\n]{{4,200}}))"
        ),
        labelled=regex.compile(
            r"\s*[(（【\[]?(?:(?:巡视|巡察)?反馈|存在|具体)?问题[一二三四五六七八九十\d]*"
            r"(?:描述|表现|内容)?[)）】\]:：]\s*(?P<p>[^\n]+?)\s*"
            rf"(?=[(（【\[](?:{record})[)）】\]:：]?|(?:{record})[:：]|\n|$)"
        ),
        # 关于贯彻落实…方面, 党的政治建设方面存在的问题; not 主要做法体现在以下几个方面
        category=regex.compile(
            r"\s*(?:关于)?(?![^。\n]*(?:以下|如下|下列|几个|[一二三四五六七八九十两\d]个)方面)"
            r"(?P<c>[^“”。\n]{2,60}?)方面(?:的?问题|存在的问题)?\s*[。:：]?\s*$"
        ),
        answering_section=re.compile(
            r"(?:问题|意见)[^。\n]{0,6}整改|整改[^。\n]{0,6}(?:问题|意见)"
        ),
        status_heading=regex.compile(
            rf"\s*(?:需要|仍需|需)?(?P<w>{status_words})(?:整改)?(?:到位)?的?"
            r"(?:问题|事项|任务|整改事项|整改任务)"
        ),
        status_word=re.compile(status_words),
        # a shortfall word, or any 不 that is not part of a steady phrase (不断, 不折不扣)
        shortfall_word=regex.compile(
            alternation([row["word"] for row in cues if row["kind"] == "problem"])
        ),
        problem_cue=regex.compile(
            alternation([row["word"] for row in cues if row["kind"] == "problem"])
            + f"|不(?!{not_shortfall})"
        ),
        action_start=regex.compile(
            r"\s*(?:" + alternation([row["word"] for row in cues if row["kind"] == "action"]) + ")"
        ),
        answer_label=regex.compile(rf"\s*[(（【\[]?(?:{answers})[)）】\]]?\s*[:：]?"),
        # the report's closing lines, which the outline leaves inside the last item
        closing_line=regex.compile(
            r"\n\s*(?:欢迎|如有意见|联系方式|联系电话|监督电话|举报电话|来信来电|下一步)"
        ),
        deadline_after=regex.compile(r"\s*(?:年底|底|末)?(?:前|以前|之前)"),
        deadline_before=regex.compile(r"(?:时限|期限|截止时间|完成时间|整改时间)\s*[:：为]?\s*$"),
        # （已完成） closing a heading: the item's state, not part of its problem
        status_note=regex.compile(rf"[(（【\[]\s*(?:{status_words})\s*[)）】\]]\s*[。.;；]?\s*$"),
        # 该问题已整改到位, 此项问题正在推进整改: the item speaking of itself, wherever it stands
        item_state=re.compile(
            r"(?:该|此|本|上述|这一?)(?:项|个|类)?(?:问题|事项|整改事项|整改任务)"
            rf"[^，。,;；\n]{{0,6}}?(?P<w>{status_words})"
        ),
        # 整改措施：…, 【完成时限】…, 完成情况：…: a line or clause of a problem's record
        record_label=regex.compile(
            rf"\s*(?:[(（【\[](?P<l>{record})[)）】\]]\s*[:：]?|(?P<l2>{record})\s*[:：])"
        ),
        # 针对意识形态工作责任制落实不到位(的)问题，…: an unquoted problem opening a clause of
        # running text, closed by 问题 and the clause's end
        running_unquoted=regex.compile(
            rf"\s*针对{named_by}(?P<p>[^。\n，,；;：:]{{4,80}}?)(?:的|等)?问题(?=[，,：:；;。]|\s*$)"
        ),
        # …要求不到位, …力度不够: a heading that opens with a verb but closes on a shortfall
        closing_shortfall=regex.compile(rf"不(?!{not_shortfall})[^，。,;；:：\s]{{0,3}}$"),
    )


@cache
def label_fields() -> dict[str, str]:
    """Each label of a problem record or column of a problem table, with its field."""
    return {row["word"]: row["field"] for row in load_records("rectification_labels")}


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


def space_trimmed(folded: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without the whitespace at either end."""
    while start < end and folded[start].isspace():
        start += 1
    while end > start and folded[end - 1].isspace():
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
    heading_end = without_note(folded, start, heading_end)
    first_word = _ANY_FORM.search(folded, start, heading_end)
    if first_word is None:
        return None  # most headings (一是坚持集体领导机制。) hold no word of any form
    # a heading that opens with 针对 or 关于 has it for its first word of a form (each word
    # opens with a character of its own): the forms that open so are tried only then
    targeted, about = first_word.group() == "针对", first_word.group() == "关于"
    if targeted:
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
    hit = p.unquoted_targeted.match(folded, start, heading_end) if targeted else None
    if hit is not None and p.problem_cue.search(hit.group("p")):
        return Statement("item", hit.span("p"))
    hit = p.about_quoted.match(folded, start, end) if about else None
    if hit is not None:
        aspect = folded.startswith(("方面", "等方面"), hit.end())
        return Statement("either", hit.span("p"), aspect=aspect)
    hit = p.status_heading.match(folded, start, heading_end)
    if hit is not None and heading_end - start <= 30:
        return Statement("status", status=status_of(hit.group("w")))
    hit = p.about_unquoted.match(folded, start, heading_end) if about else None
    # 关于落实…不到位的问题 names a problem although it opens with a verb
    if hit is not None and p.problem_cue.search(hit.group("p")):
        return Statement("either", hit.span("p"))
    if p.category.match(folded, start, heading_end):
        return Statement("category")
    if p.answering_section.search(folded, start, heading_end):
        return Statement("section")
    return None


def without_note(folded: str, start: int, end: int) -> int:
    """The end of a heading before a closing status note (…不到位（已完成）)."""
    closing = folded[start:end].rstrip(_TRAILING)
    if not closing or closing[-1] not in ")）】]":
        return end  # most headings close without a bracket: no note to look for
    hit = patterns().status_note.search(folded, start, end)
    return trim(folded, start, hit.start())[1] if hit is not None else end


def statements_of_paragraph(folded: str, node: Node) -> list[Statement]:
    """The problems an unnumbered paragraph states in running text: a paragraph that opens
    with 针对“P”问题(和“O”整改意见) or 针对P的问题, then every later sentence or clause of it
    that opens so (…；针对“Q”问题，…。针对R问题，…); or a paragraph that opens with a problem
    label (问题1：P, 【问题】P). Each statement's ``start`` is where it opens; what follows it
    answers it. A quote followed by anything else (针对“放管服”改革要求) is not a problem."""
    p = patterns()
    start, end = heading_region(node)
    hit = p.labelled.match(folded, start, end)
    if hit is not None:
        problem = trim(folded, *hit.span("p"))
        return [Statement("item", problem, body_start=hit.end(), start=start, labelled=True)]
    first = _running_statement(folded, start, node.span.end)
    if first is None:
        return []
    found = [first]
    for clause in _CLAUSE_OPENING.finditer(folded, first.body_start or start, node.span.end):
        statement = _running_statement(folded, clause.start(), node.span.end)
        if statement is not None:
            found.append(statement)
    return found


# 针对 opening a sentence or a clause after ；: where a further statement of running text may open
_CLAUSE_OPENING = regex.compile(r"(?<=[。；;!！?？]\s*)针对")


def _running_statement(folded: str, start: int, end: int) -> Statement | None:
    p = patterns()
    hit = p.opinion.match(folded, start, end)
    if hit is not None:
        return Statement("item", hit.span("p"), hit.span("o"), body_start=hit.end(), start=start)
    hit = p.quoted.match(folded, start, end)
    if hit is not None and regex.search("问题|整改", folded[hit.end("p") : hit.end()]):
        return Statement("item", hit.span("p"), body_start=hit.end(), start=start)
    hit = p.running_unquoted.match(folded, start, end)
    if hit is not None and names_problem(folded, *hit.span("p"), strict=True, opening=False):
        return Statement("item", hit.span("p"), body_start=hit.end(), start=start)
    return None


def record_field(folded: str, start: int, end: int) -> tuple[str, int] | None:
    """The field a line or clause of a problem's record opens with (整改措施： answer,
    完成时限： deadline, 完成情况： state…) and where its content starts, or None."""
    hit = patterns().record_label.match(folded, start, end)
    if hit is None:
        return None
    return label_fields()[hit.group("l") or hit.group("l2")], hit.end()


def names_problem(
    folded: str, start: int, end: int, *, strict: bool = False, opening: bool = True
) -> bool:
    """A heading names a shortfall (缺乏…, …不到位) and does not open with an action verb,
    unless it closes on a shortfall (落实…要求不到位).

    A short heading whose only shortfall word is a closing 问题 (其他问题, 存在的问题) names a
    kind of problem, not one; nor does one whose only shortfall word is a closing 存在
    (针对整改中存在的问题). ``strict`` leaves out the generic 不 (for the children of a
    problem heading, which are more often its measures: 对不符合条件的对象进行清退).
    ``opening=False`` skips the test of the opening verb (the problem of 针对…的问题 is a
    problem whatever word it opens with)."""
    p = patterns()
    if end - start < 4:
        return False
    if (
        opening
        and p.action_start.match(folded, start, end)
        and not p.closing_shortfall.search(folded, start, end)
    ):
        return False
    cue = p.shortfall_word if strict else p.problem_cue
    found = [hit.group() for hit in cue.finditer(folded, start, end)]
    if not found:
        return False
    if found == ["存在"] and folded.endswith("存在", start, end):
        return False
    return not (found == ["问题"] and folded.endswith("问题", start, end) and end - start <= 8)
