"""Text + title + outline + dates -> ReportMeta: who reports on which inspection (the contacts
are read by ``contacts``).

The genre states its metadata in a few formulas: the title (X关于Y巡视整改情况的通报), the
opening paragraph (根据…统一部署，{period}，{team}对{subject}开展了{kind}巡视。{date}，{team}向…
反馈了巡视意见。…现将…予以公布), a term-round-batch phrase (十一届市委第八轮第一批巡视), and the
closing lines (联系方式：电话…；邮编…, then the signature body and date). Each field is read from
the first place, in that order of trust, whose formula names it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from ..chars import alternation, longest_first
from ..lexicon import load_records, load_words
from ..models import Node, ReportMeta, Title
from ..numerals import cn_to_int
from ..source import SourceText
from ..span import Span
from .contacts import extract_contacts, trimmed
from .mentions import DateLike

_NUMERAL = r"[一二三四五六七八九十百零〇两\d]+"
_OPENING_MAX = 900  # the opening formula sits in the first paragraph(s) before 一、
_CLOSING_LINES = 6  # signature body and date sit in the last few lines
_SENTENCE_END = "。!?！？\n"


@dataclass(frozen=True)
class _Patterns:
    """The meta formulas, compiled once from the lexicon tables."""

    term_round: regex.Pattern[str]
    team: tuple[regex.Pattern[str], ...]
    bare_team: regex.Pattern[str]
    unit_name: regex.Pattern[str]
    deployment: regex.Pattern[str]
    inspection_opening: regex.Pattern[str]
    inspection_title: regex.Pattern[str]
    inspection_any: regex.Pattern[str]
    kind: regex.Pattern[str]
    subject_target: regex.Pattern[str]
    subject_publish: regex.Pattern[str]
    subject_title: regex.Pattern[str]
    issuer_title: regex.Pattern[str]
    body_line: regex.Pattern[str]


@cache
def _patterns() -> _Patterns:
    words = load_records("inspection_words")
    inspections = alternation([w["word"] for w in words if w["field"] == "inspection"])
    kinds = alternation(
        [w["word"] for w in words if w["field"] == "kind" and w["word"] != "回头看"]
    )
    levels = alternation(load_words("inspector_levels"))
    body_suffix = alternation(load_words("unit_suffixes"))
    described = (
        rf"(?:[一二三四五六七八九十]+届)?(?:{levels})?(?:\d{{4}}年度?)?(?:第{_NUMERAL}轮)?"
        rf"(?:第{_NUMERAL}批)?(?:{kinds})?"
    )
    return _Patterns(
        # 十一届市委第八轮第一批巡视, 十九届中央第六轮巡视, 省委第二轮巡视; not 第八轮校内巡视
        term_round=regex.compile(
            rf"(?P<term>[一二三四五六七八九十]+届)?(?P<level>{levels})?"
            rf"(?:(?P<year>\d{{4}})年(?:度)?)?"
            rf"第(?P<round>{_NUMERAL})轮(?:第(?P<batch>{_NUMERAL})批)?"
            rf"(?!校内)[^。，,;；\n]{{0,12}}?(?:{inspections})"
        ),
        # 中央第十巡视组, 市委巡视六组, 区委第二巡察组; a bare 巡视组 names no team
        # the team's number and kind (第十巡视组, 巡视六组, 第四生态环境保护督察组); the level
        # written before it (中央, 市委, 省) is read by _team_level. One pattern for each
        # character a team opens with: the engine skips to a pattern's opening literal as fast
        # as a string search, but tries one that may open with either at every character.
        team=(
            regex.compile(
                rf"第{_NUMERAL}(?:巡视|巡察)组"
                rf"|第{_NUMERAL}[^，。,;；:：\n第]{{0,10}}?(?:{inspections})组"
            ),
            regex.compile(rf"(?:巡视|巡察){_NUMERAL}组"),
        ),
        unit_name=regex.compile(rf"(?:{body_suffix})(?:\s*[(（][^()（）]*[)）])?"),
        # 中央巡视组向…反馈: a team named by its level alone, when no numbered team is named
        bare_team=regex.compile(rf"(?:{levels})(?:巡视|巡察)组"),
        deployment=regex.compile(rf"根据(?P<level>{levels})[^。，,;；\n]{{0,16}}?部署"),
        inspection_opening=regex.compile(
            rf"(?:开展了?|进行了?|接受了?|第{_NUMERAL}[轮批]|(?:{kinds}))"
            rf"(?:{kinds})?(?P<word>{inspections})"
        ),
        inspection_title=regex.compile(rf"(?P<word>{inspections})[^。\n]{{0,8}}?整改"),
        inspection_any=regex.compile(rf"(?P<word>{inspections})"),
        kind=regex.compile(
            rf"(?P<kind>{kinds})(?:{inspections})|(?:{inspections})[“\"']?(?P<kind2>回头看)"
        ),
        # 对…开展了常规巡视; a themed inspection names its theme before the kind (对…开展了
        # 国有企业专项巡视, 脱贫攻坚专项巡视)
        subject_target=regex.compile(
            rf"对(?P<subject>(?:(?!对)[^，。,;；:：\n“”]){{2,40}}?)"
            rf"(?:开展|进行|实施)了?(?:为期[^，。,;；]{{1,8}})?"
            rf"(?:[^，。,;；\n]{{0,12}}?(?:{kinds}))?[^，。,;；\n]{{0,4}}?(?:{inspections})"
        ),
        # the subject runs up to the inspection's own description: 现将{subject}(十一届市委
        # 第八轮)巡视(集中)整改情况, 关于{subject}(第三轮)(常规)巡察整改
        subject_publish=regex.compile(
            rf"现将(?P<subject>[^，。,;；:：\n“”]{{2,40}}?)的?{described}"
            rf"(?:{inspections})[^，。,;；\n]{{0,10}}?整改"
        ),
        subject_title=regex.compile(
            rf"关于\s*(?:对)?(?P<subject>[^，。,;；:：\n“”关]{{2,40}}?)的?(?:落实)?{described}"
            rf"(?:{inspections})[^。\n]{{0,10}}?整改"
        ),
        issuer_title=regex.compile(r"^\s*(?P<issuer>[^\n，。,;；:：“”]{2,40}?)\s*关于"),
        body_line=regex.compile(rf"^\s*(?P<body>[^\s，。,;；:：“”]{{2,40}}(?:{body_suffix}))\s*$"),
    )


_NOT_A_UNIT = regex.compile(r"[一二三四五六七八九十]+届|第|\d{4}年|本轮|上述|有关|相关|巡视|巡察")
# 省卫生健康委党组第二巡察组, 集团党委第二巡察组: a team named with the party body of a
# department or an enterprise that sends it, the whole name up to the clause's start
_TEAM_BODY = regex.compile(
    r"(?<=^|[\s，。,;；:：、“”（）()])[^\s，。,;；:：、“”（）()\d]{1,16}?(?:党组|党委|党工委)$"
)
# what may stand beside the report's own date on its line: （2023年9月28日）, 发布时间：…,
# 2023年9月28日印发
_DATE_LINE_BEFORE = regex.compile(r"\s*(?:[(（]|(?:发布|印发|公开|成文)?(?:时间|日期)[:：]?)?\s*")
_DATE_LINE_AFTER = regex.compile(r"\s*(?:[)）]|印发|发布|公布)?\s*")
# 对我校开展了巡视: the report's own voice names no unit
_PRONOUN = regex.compile(r"(?:我|本)(?:校|院|局|委|部|厅|市|县|区|单位|公司|集团|中心|办)")


def extract_meta(
    source: SourceText,
    title: Title | None,
    children: Sequence[Node],
    dates: Sequence[DateLike],
) -> ReportMeta:
    """The report's metadata, each field ``None`` when the text does not say it."""
    text, folded = source.text, source.folded
    p = _patterns()
    if title is not None and _is_opening_not_title(folded, title):
        title = None
    opening = _opening(folded, title, children)
    title_span = (title.span.start, title.span.end) if title is not None else None
    found: dict[str, tuple[Any, Span]] = {}

    def put(field: str, value: Any, start: int, end: int) -> None:
        if field not in found and value is not None:
            found[field] = (value, Span.of(start, end))

    regions = [opening, *([title_span] if title_span else [])]
    for start, end in regions:
        hit = p.term_round.search(folded, start, end)
        if hit is None:
            continue
        if hit.group("term"):
            put("term", hit.group("term"), *hit.span("term"))
        if hit.group("level"):
            put("inspector_level", hit.group("level"), *hit.span("level"))
        put("round", cn_to_int(hit.group("round")), hit.start("round") - 1, hit.end("round") + 1)
        if hit.group("batch"):
            put(
                "batch", cn_to_int(hit.group("batch")), hit.start("batch") - 1, hit.end("batch") + 1
            )
        break

    for start, end in [*regions, (0, len(folded))]:
        hit = _first_team(folded, start, end)
        if hit is not None:
            level = _team_level(folded, hit.start())
            team_start = hit.start() - len(level)
            put("team", text[team_start : hit.end()], team_start, hit.end())
            if level:
                put("inspector_level", level, team_start, hit.start())
            break
    if "team" not in found:
        hit = p.bare_team.search(folded, *opening)
        if hit is not None:
            put("team", text[hit.start() : hit.end()], *hit.span())
    hit = p.deployment.search(folded, *opening)
    if hit is not None:
        put("inspector_level", hit.group("level"), *hit.span("level"))

    for pattern, region in (
        (p.inspection_opening, opening),
        *((p.inspection_title, span) for span in regions[1:]),
        (p.inspection_any, opening),
    ):
        hit = pattern.search(folded, *region)
        if hit is not None:
            put("inspection", hit.group("word"), *hit.span("word"))
            break
    for start, end in regions:
        hit = p.kind.search(folded, start, end)
        if hit is not None:
            group = "kind" if hit.group("kind") else "kind2"
            put("inspection_kind", hit.group(group), *hit.span(group))
            break

    for pattern, region in (
        (p.subject_target, opening),
        (p.subject_publish, opening),
        *((p.subject_title, span) for span in regions[1:]),
    ):
        hit = pattern.search(folded, *region)
        if hit is not None and _names_a_unit(folded, hit.start("subject"), hit.end("subject")):
            start, end = trimmed(folded, *hit.span("subject"))
            put("subject", text[start:end], start, end)
            break

    _put_issuer(text, folded, title, put)
    _put_dates(folded, opening, dates, put)
    return ReportMeta(
        **{field: value for field, (value, _) in found.items()},
        contacts=extract_contacts(source),
        spans={field: span for field, (_, span) in found.items()},
    )


def _names_a_unit(folded: str, start: int, end: int) -> bool:
    """A name that ends as units do (…局党组, …大学, …政法委(含…)); not a pronoun (我校), not
    the inspection's own description (十二届市委第三轮…), not the inspecting body (关于省委
    专项巡视整改…: 省委 inspects)."""
    start, end = trimmed(folded, start, end)
    if _PRONOUN.fullmatch(folded, start, end) or _NOT_A_UNIT.match(folded, start):
        return False
    if folded[start:end] in _team_levels():
        return False
    return any(hit.end() == end for hit in _patterns().unit_name.finditer(folded, start, end))


def _is_opening_not_title(folded: str, title: Title) -> bool:
    """A report copied without its title starts with the opening paragraph, which the outline
    may take for a title: a sentence with 。 or a long line is not a title."""
    start, end = title.span.start, title.span.end
    return end - start > 100 or "。" in folded[start:end] or "根据" in folded[start : start + 3]


def _first_team(folded: str, start: int, end: int) -> regex.Match[str] | None:
    """The first team named in [start, end): the leftmost hit of the team patterns."""
    hits = [hit for pattern in _patterns().team if (hit := pattern.search(folded, start, end))]
    return min(hits, key=lambda hit: hit.start(), default=None)


def _team_level(folded: str, team_start: int) -> str:
    """The level written right before a team: the body a department's team is named with
    (省卫生健康委党组第二巡察组), else a level of the table (中央, 市委) or a bare 省/市; or ""."""
    hit = _TEAM_BODY.search(folded, max(0, team_start - 20), team_start)
    if hit is not None:
        return hit.group()
    for level in _team_levels():
        if team_start >= len(level) and folded.startswith(level, team_start - len(level)):
            return level
    return ""


@cache
def _team_levels() -> tuple[str, ...]:
    """The inspector levels, and the bare 省/市/县/区 a team may open with, longest first."""
    return longest_first([*load_words("inspector_levels"), "省", "市", "县", "区"])


def _opening(folded: str, title: Title | None, children: Sequence[Node]) -> tuple[int, int]:
    """The stretch between the title and the first numbered part: the opening formula."""
    start = title.span.end if title is not None else 0
    end = len(folded)
    for node in children:
        if node.marker is not None and node.span.start >= start:
            end = node.span.start
            break
    return start, min(end, start + _OPENING_MAX)


def _put_issuer(text: str, folded: str, title: Title | None, put: Any) -> None:
    """The title's body before 关于, else the signature line above the closing date."""
    p = _patterns()
    if title is not None:
        hit = p.issuer_title.match(folded, title.span.start, title.span.end)
        if hit is not None:
            start, end = trimmed(folded, *hit.span("issuer"))
            put("issuer", text[start:end], start, end)
            return
    line_end = len(folded)
    for _ in range(_CLOSING_LINES):
        line_start = folded.rfind("\n", 0, line_end) + 1
        hit = p.body_line.match(folded[line_start:line_end])
        if hit is not None:
            start, end = line_start + hit.start("body"), line_start + hit.end("body")
            put("issuer", text[start:end], start, end)
            return
        if line_start == 0:
            return
        line_end = line_start - 1


def _put_dates(folded: str, opening: tuple[int, int], dates: Sequence[DateLike], put: Any) -> None:
    """Period: a date range in the opening; feedback: a date in the sentence that says 反馈;
    date: a full date standing alone on one of the last lines (the signature date)."""
    lo, hi = opening
    for mention in dates:
        start, end = mention.span.start, mention.span.end
        if not lo <= start < hi or mention.value is None:
            continue
        sentence_end = _sentence_end(folded, end, hi)
        sentence = folded[_sentence_start(folded, start, lo) : sentence_end]
        if mention.kind == "range" and regex.search("巡视|巡察|进驻|开展|审计|督察|督查", sentence):
            put("period", mention.value, start, end)
        elif mention.kind == "point" and "反馈" in folded[end:sentence_end]:
            put("feedback_date", mention.value, start, end)
    closing_start = len(folded)
    for _ in range(_CLOSING_LINES):
        closing_start = folded.rfind("\n", 0, max(closing_start - 1, 0)) + 1
        if closing_start == 0:
            break
    # the signature date closes the report; a web copy may put it under the title instead
    heading_lines = (lo, lo + 40)
    last_first = sorted(dates, key=lambda d: (d.span.start < closing_start, -d.span.start))
    for mention in last_first:
        start, end = mention.span.start, mention.span.end
        where = start >= closing_start or heading_lines[0] <= start < heading_lines[1]
        if not where or mention.kind != "point" or mention.precision != "day":
            continue
        line_start = folded.rfind("\n", 0, start) + 1
        line_end = folded.find("\n", end)
        line = folded[line_start : len(folded) if line_end < 0 else line_end]
        if _DATE_LINE_BEFORE.fullmatch(line[: start - line_start]) and _DATE_LINE_AFTER.fullmatch(
            line[end - line_start :]
        ):
            put("date", mention.value, start, end)
            return


def _sentence_start(folded: str, pos: int, lo: int) -> int:
    start = max(folded.rfind(ch, lo, pos) for ch in _SENTENCE_END)
    return max(start + 1, lo)


def _sentence_end(folded: str, pos: int, hi: int) -> int:
    ends = [i for i in (folded.find(ch, pos, hi) for ch in _SENTENCE_END) if i >= 0]
    return min(ends) if ends else hi
