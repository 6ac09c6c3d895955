"""Text + outline + dates -> Rectification items: the problems named and the measures answering.

An item is a node whose heading states a problem in one of the genre's formulas:

- 针对“P”问题和“O”整改意见 (an item with its opinion), 针对“P”问题, 针对“P”的整改情况;
- 巡视指出“P” / 巡察发现…; （问题）P（整改情况）…;
- 关于“P”问题(的整改), 关于…的问题: an item, unless its children state narrower problems, in
  which case it is their group (the seed's (一)…(九) over 1。–14。);
- under a category heading (关于…方面) or the part that answers the feedback (巡察反馈问题整改
  落实情况), a node whose own heading names a shortfall (…不到位, 缺乏…); under a heading that
  sorts items by state (已整改完成的问题), every numbered section.

A heading that sorts items by state is neither item nor group: it gives its items a status.
Measures are the numbered points under the item (reached through unnumbered paragraphs), or
the item's own body as one measure when it has none.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

import regex

from ..chars import alternation
from ..lexicon import load_records
from ..models import Measure, Node, Rectification, RectificationStatus
from ..source import SourceText
from ..span import Span
from .mentions import DateLike

# item: states a problem; either: an item, or the group of the items under it; category: a
# group heading (…方面); status: sorts items by state; section: the part that answers the
# feedback (巡察反馈问题整改落实情况), under which a plain problem heading is an item
Form = Literal["item", "either", "category", "status", "section"]

# a word that every form's heading holds (针对…, 关于…, …问题, …方面, 巡视指出, 整改意见,
# 正在推进整改的事项…): a heading with none of them states nothing
_ANY_FORM = regex.compile("针对|关于|问题|方面|指出|发现|意见|事项|任务")
_INLINE_STYLES = frozenset({"cn_shi", "cn_di", "cn_qi", "circled"})
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
def _patterns() -> _Patterns:
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


def _status_of(word: str) -> RectificationStatus:
    for row in load_records("rectification_statuses"):
        if row["word"] == word:
            return row["status"]  # type: ignore[return-value]
    raise KeyError(word)


def _trim(folded: str, start: int, end: int) -> tuple[int, int]:
    while start < end and folded[start] in _TRAILING:
        start += 1
    while end > start and folded[end - 1] in _TRAILING:
        end -= 1
    return start, end


def _heading_region(node: Node) -> tuple[int, int]:
    """From the marker's end (a paragraph's start) to the first child (or the node's end), at
    most _HEADING_MAX."""
    start = node.marker.span.end if node.marker is not None else node.span.start
    end = node.children[0].span.start if node.children else node.span.end
    return start, min(end, start + _HEADING_MAX)


def state_of_heading(folded: str, node: Node) -> Statement | None:
    """What the node's heading states, or None when it states no problem or category."""
    if node.marker is None:
        return None
    p = _patterns()
    start, end = _heading_region(node)
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
        problem = _trim(folded, *hit.span("p"))
        return Statement("item", problem, body_start=hit.end())
    hit = p.pointed_out.match(folded, start, end)
    if hit is not None:
        group = "p" if hit.group("p") else "p2"
        return Statement("item", _trim(folded, *hit.span(group)))
    hit = p.unquoted_targeted.match(folded, start, heading_end)
    if hit is not None and p.problem_cue.search(hit.group("p")):
        return Statement("item", hit.span("p"))
    hit = p.about_quoted.match(folded, start, end)
    if hit is not None:
        aspect = folded.startswith(("方面", "等方面"), hit.end())
        return Statement("either", hit.span("p"), aspect=aspect)
    hit = p.status_heading.match(folded, start, heading_end)
    if hit is not None and heading_end - start <= 30:
        return Statement("status", status=_status_of(hit.group("w")))
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
    p = _patterns()
    start, end = _heading_region(node)
    hit = p.opinion.match(folded, start, end)
    if hit is not None:
        return Statement("item", hit.span("p"), hit.span("o"), body_start=hit.end())
    hit = p.quoted.match(folded, start, end)
    if hit is not None and regex.search("问题|整改", folded[hit.end("p") : hit.end()]):
        return Statement("item", hit.span("p"), body_start=hit.end())
    return None


def _names_problem(folded: str, start: int, end: int, *, strict: bool = False) -> bool:
    """A heading names a shortfall (缺乏…, …不到位) and does not open with an action verb.

    A short heading whose only shortfall word is a closing 问题 (其他问题, 存在的问题) names a
    kind of problem, not one. ``strict`` leaves out the generic 不 (for the children of a
    problem heading, which are more often its measures: 对不符合条件的对象进行清退)."""
    p = _patterns()
    if end - start < 4 or p.action_start.match(folded, start, end):
        return False
    cue = p.shortfall_word if strict else p.problem_cue
    found = [hit.group() for hit in cue.finditer(folded, start, end)]
    if not found:
        return False
    return not (found == ["问题"] and folded.endswith("问题", start, end) and end - start <= 8)


@dataclass
class _Entry:
    node: Node
    statement: Statement | None
    parent: _Entry | None
    children: list[_Entry] = field(default_factory=list)
    is_item: bool = False
    is_group: bool = False


def _numbered_tree(nodes: Sequence[Node], parent: _Entry | None, folded: str) -> list[_Entry]:
    """The nodes with a marker, and the paragraphs that open by stating a problem, each under
    its nearest such ancestor (other paragraphs are skipped)."""
    entries: list[_Entry] = []
    for node in nodes:
        statement = (
            state_of_heading(folded, node) if node.marker else state_of_paragraph(folded, node)
        )
        if node.marker is None and statement is None:
            entries.extend(_numbered_tree(node.children, parent, folded))
            continue
        entry = _Entry(node, statement, parent)
        entry.children = _numbered_tree(node.children, entry, folded)
        entries.append(entry)
    return entries


def _walk(entries: Sequence[_Entry]) -> Iterator[_Entry]:
    for entry in entries:
        yield entry
        yield from _walk(entry.children)


def find_rectifications(
    source: SourceText, children: Sequence[Node], dates: Sequence[DateLike]
) -> list[Rectification]:
    """Every rectification item of the outline, in document order."""
    text, folded = source.text, source.folded
    roots = _numbered_tree(children, None, folded)
    entries = list(_walk(roots))
    for entry in entries:
        form = entry.statement.form if entry.statement else None
        if form == "item":
            entry.is_item = True
        elif form is None and _implicit_item(folded, entry):
            entry.is_item = True
            entry.statement = Statement("item", _trim(folded, *_heading_span(entry.node)))
    for entry in reversed(entries):  # children before parents
        form = entry.statement.form if entry.statement else None
        below = any(e.is_item or e.is_group for e in entry.children)
        if form == "category" or (form == "either" and below):
            entry.is_group = True
        elif form == "either":
            entry.is_item = True
    quotes = source.quoted.spans
    return [
        _rectification(text, folded, entry, dates, quotes) for entry in entries if entry.is_item
    ]


def _heading_span(node: Node) -> tuple[int, int]:
    if node.heading_span is not None:
        return node.heading_span.start, node.heading_span.end
    return _heading_region(node)


def _implicit_item(folded: str, entry: _Entry) -> bool:
    """A section under a status heading, or under a category heading or the part that answers
    the feedback when its own heading names a shortfall."""
    node = entry.node
    if node.marker is None or node.marker.style in _INLINE_STYLES or node.heading_span is None:
        return False
    ancestor = entry.parent
    if ancestor is None or ancestor.statement is None:
        return False
    if ancestor.statement.form == "status":
        return True  # a heading that sorts items by state has nothing but items under it
    if ancestor.statement.form not in ("category", "either", "section"):
        return False
    start, end = _trim(folded, *_heading_span(node))
    first_clause = regex.search(r"[,，;；]", folded[start:end])
    clause_end = start + first_clause.start() if first_clause else end
    strict = ancestor.statement.form == "either" and not ancestor.statement.aspect
    return _names_problem(folded, start, clause_end, strict=strict)


def _rectification(
    text: str,
    folded: str,
    entry: _Entry,
    dates: Sequence[DateLike],
    quotes: Sequence[tuple[int, int]],
) -> Rectification:
    node = entry.node
    statement = entry.statement
    assert statement is not None and statement.problem is not None
    problem_start, problem_end = statement.problem
    opinion = statement.opinion
    group = _group_of(entry)
    group_span = _trim(folded, *_heading_span(group.node)) if group is not None else None
    measures = _measures(text, folded, entry)
    own = _own_text_regions(folded, entry, measures, quotes)
    body = [m for m in measures if m.node_path == node.path]
    status, status_span = _status(folded, own, entry, body)
    return Rectification(
        problem=text[problem_start:problem_end],
        problem_span=Span.of(problem_start, problem_end),
        opinion=text[opinion[0] : opinion[1]] if opinion else None,
        opinion_span=Span.of(*opinion) if opinion else None,
        group=text[group_span[0] : group_span[1]] if group_span else None,
        group_span=Span.of(*group_span) if group_span else None,
        measures=measures,
        status=status,
        status_span=status_span,
        deadline=_deadline(folded, [*own, *((m.span.start, m.span.end) for m in body)], dates),
        node_path=node.path,
        span=node.span,
    )


def _group_of(entry: _Entry) -> _Entry | None:
    ancestor = entry.parent
    while ancestor is not None and not ancestor.is_group:
        ancestor = ancestor.parent
    return ancestor


def _measures(text: str, folded: str, entry: _Entry) -> list[Measure]:
    """The numbered answers under the item, one run of ordinals; else its body as one measure."""
    if any(child.is_item for child in _walk(entry.children)):
        return []
    run: list[Node] = []
    for child in entry.children:
        marker = child.node.marker
        assert marker is not None
        if run:
            last = run[-1].marker
            assert last is not None
            if marker.style != last.style or marker.ordinal != last.ordinal + 1:
                break
        run.append(child.node)
    if run:
        return [
            Measure(text=text[n.span.start : n.span.end], span=n.span, node_path=n.path)
            for n in run
        ]
    node = entry.node
    assert entry.statement is not None
    p = _patterns()
    if node.marker is None and entry.statement.body_start is not None:
        start = entry.statement.body_start  # a paragraph item: its answer follows its statement
    else:
        start = max(entry.statement.body_start or 0, _heading_span(node)[1])
    label = p.answer_label.match(folded, start, node.span.end)
    start = _trim(folded, label.end() if label else start, node.span.end)[0]
    closing = p.closing_line.search(folded, start, node.span.end)
    end = closing.start() if closing else node.span.end
    while end > start and folded[end - 1].isspace():
        end -= 1
    if end - start < 2:
        return []
    return [Measure(text=text[start:end], span=Span.of(start, end), node_path=node.path)]


def _own_text_regions(
    folded: str,
    entry: _Entry,
    measures: Sequence[Measure],
    quotes: Sequence[tuple[int, int]],
) -> list[tuple[int, int]]:
    """The item's text that speaks of the item itself: outside quotes, measures and child
    items (the heading and a lead-in such as 进行了以下整改)."""
    node = entry.node
    first = bisect_left(quotes, (node.span.start, -1))
    last = bisect_left(quotes, (node.span.end, -1))
    holes = list(quotes[first:last])
    numbered = {(m.span.start, m.span.end) for m in measures if m.node_path != node.path}
    holes += [(m.span.start, m.span.end) for m in measures]
    holes += [(c.node.span.start, c.node.span.end) for c in entry.children]
    holes.sort()
    # numbered measures end the item's own words: what follows a finished run of points is a
    # paragraph the outline left inside the item, not a statement about it
    limit = max((h1 for h0, h1 in holes if (h0, h1) in numbered), default=node.span.end)
    regions = []
    pos = node.marker.span.end if node.marker else node.span.start
    for h0, h1 in holes:
        if h0 > pos:
            regions.append((pos, min(h0, limit)))
        pos = max(pos, h1)
    if pos < limit:
        regions.append((pos, limit))
    return [(r0, r1) for r0, r1 in regions if r0 < r1]


def _status(
    folded: str,
    regions: Sequence[tuple[int, int]],
    entry: _Entry,
    body_measures: Sequence[Measure],
) -> tuple[RectificationStatus | None, Span | None]:
    """The item's own words first, then a heading that sorts items by state, then the item's
    body when that body is its one measure (该问题已整改到位)."""
    p = _patterns()
    for start, end in regions:
        hit = p.status_word.search(folded, start, end)
        if hit is not None:
            return _status_of(hit.group()), Span.of(*hit.span())
    ancestor = entry.parent
    while ancestor is not None:
        if ancestor.statement is not None and ancestor.statement.form == "status":
            hit = p.status_word.search(folded, *_heading_span(ancestor.node))
            return ancestor.statement.status, Span.of(*hit.span()) if hit else None
        ancestor = ancestor.parent
    for measure in body_measures:
        hit = p.status_word.search(folded, measure.span.start, measure.span.end)
        if hit is not None:
            return _status_of(hit.group()), Span.of(*hit.span())
    return None, None


def _deadline(
    folded: str, regions: Sequence[tuple[int, int]], dates: Sequence[DateLike]
) -> str | None:
    p = _patterns()
    if not regions:
        return None
    lo, hi = regions[0][0], regions[-1][1]
    first = bisect_left(dates, lo, key=lambda mention: mention.span.start)
    for mention in dates[first:]:
        start, end = mention.span.start, mention.span.end
        if start >= hi:
            break
        if end > hi or mention.value is None:
            continue
        if not any(r0 <= start and end <= r1 for r0, r1 in regions):
            continue
        if p.deadline_after.match(folded, end) or p.deadline_before.search(
            folded, max(0, start - 8), start
        ):
            return mention.value
    return None
