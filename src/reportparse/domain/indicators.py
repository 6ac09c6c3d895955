"""Text + counts -> the role of each headline figure (problems_found, completion_rate, funds…).

A count's role is read from its clause: what it counts (反馈问题25个), the verb before it
(已完成整改19个) or, failing that, after it (对3名党员干部进行问责), and its measure word.
The roles, their cue words and units are the rows of ``lexicon/indicator_roles.txt``, tried in
order; a figure inside a larger statement keeps its own clause (已完成整改19个、正在整改6个).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import regex

from ..chars import alternation
from ..lexicon import load_records
from ..source import SourceText
from ..span import Span
from .mentions import CountLike

# The word tables, the clause breaks and the adverbs are plain alternations and classes, which
# the standard engine searches in half the time; the backward search needs the regex module,
# and so does \d, whose digits are those of the regex module's Unicode tables.
_CLAUSE_BREAKS = r"[,，。;；:：、!！?？\n]"
_CLAUSE_BREAK = re.compile(_CLAUSE_BREAKS)
_LAST_CLAUSE_BREAK = regex.compile(f"(?r){_CLAUSE_BREAKS}")  # searched backwards from the count
_DIGIT = regex.compile(r"\d")
# 15个问题均已整改, 3个全部整改到位: adverbs between a figure and the verb after it
_ADVERBS = re.compile(r"(?:均|都|全部|目前|现|也)*")
# what may follow a figure that stands for its clause's noun (正在推进2项，其余3项正在推进,
# 4条已明确时限, 15个均已整改, 完成率100%以上); any other character right after it is what it
# counts
_AFTER_A_BARE_FIGURE = frozenset("正已均都全尚仍未还在将需中次以左余多)）")


@dataclass(frozen=True)
class _Cues:
    """Cue words compiled: ``verb`` finds any of the verbs, ``objects`` any of the objects,
    ``object_end`` one of the objects ending an object (up to two characters may trail it:
    问题中, 问题重新); each is None when there are no such words (no condition)."""

    verb: re.Pattern[str] | None
    objects: re.Pattern[str] | None
    object_end: re.Pattern[str] | None

    @classmethod
    def of(cls, verbs: Sequence[str], objects: Sequence[str]) -> _Cues:
        return cls(_pattern(verbs), _pattern(objects), _pattern(objects, r"[\s\S]{0,2}\Z"))


@dataclass(frozen=True)
class _Role:
    """A row of the table."""

    name: str
    verbs: tuple[str, ...]
    objects: tuple[str, ...]
    units: tuple[str, ...]
    cues: _Cues


@dataclass(frozen=True)
class _UnitRoles:
    """The roles a count in one unit may take, in the order they are tried, and the cue words
    of them all: a count with none of their verbs in its clause can take only a role that
    needs no verb, and one whose object ends with none of their objects only a role that needs
    no object. ``fitting`` holds the roles by (a verb in the clause, an object named)."""

    cues: _Cues
    fitting: dict[tuple[bool, bool], tuple[_Role, ...]]


def _words(field: str) -> tuple[str, ...]:
    return () if field in ("", "-") else tuple(field.split("|"))


def _pattern(words: Sequence[str], after: str = "") -> re.Pattern[str] | None:
    return re.compile(f"(?:{alternation(words)}){after}") if words else None


@cache
def _roles() -> tuple[_Role, ...]:
    roles = []
    for row in load_records("indicator_roles"):
        verbs, objects = _words(row["verbs"]), _words(row["objects"])
        roles.append(
            _Role(row["role"], verbs, objects, _words(row["units"]), _Cues.of(verbs, objects))
        )
    return tuple(roles)


@cache
def _roles_by_unit() -> dict[str | None, _UnitRoles]:
    """The roles of each unit: a count in a unit no role takes (次, 年, 米) has none."""
    by_unit: dict[str | None, _UnitRoles] = {}
    for unit in {unit for role in _roles() for unit in role.units}:
        roles = [role for role in _roles() if not role.units or unit in role.units]
        by_unit[unit] = _UnitRoles(
            cues=_Cues.of(
                [verb for role in roles for verb in role.verbs],
                [obj for role in roles for obj in role.objects],
            ),
            fitting={
                (verb, obj): tuple(
                    role
                    for role in roles
                    if (verb or role.cues.verb is None) and (obj or role.cues.objects is None)
                )
                for verb in (True, False)
                for obj in (True, False)
            },
        )
    return by_unit


@cache
def _role_named() -> dict[str, _Role]:
    return {role.name: role for role in _roles()}


def indicator_names() -> tuple[str, ...]:
    """Every role a count can take, in the order they are tried."""
    return tuple(role.name for role in _roles())


def find_indicator_roles(source: SourceText, counts: Sequence[CountLike]) -> dict[Span, str]:
    """The role of every count that is a headline figure, keyed by the count's span.

    A figure listed after another with only 、 between them shares its verb (约谈科室主任4人、
    医师15人): without a role of its own, it takes the one before when the unit fits."""
    folded = source.folded
    roles: dict[Span, str] = {}
    previous: tuple[CountLike, str] | None = None
    for count in counts:
        role = indicator_role(source, count)
        if role is None and previous is not None:
            before, before_role = previous
            between = folded[before.span.end : count.span.start].strip()
            fits = count.unit in _role_named()[before_role].units
            if between == "、" and fits and not count.duration:
                role = before_role
        if role is not None:
            roles[count.span] = role
        previous = (count, role) if role is not None else None
    return roles


def indicator_role(source: SourceText, count: CountLike) -> str | None:
    """The role of one count, or None (lengths of time and unlisted figures have none)."""
    folded = source.folded
    unit_roles = _roles_by_unit().get(count.unit)
    if count.duration or unit_roles is None:
        return None
    start, end = count.span.start, count.span.end
    left_break = _LAST_CLAUSE_BREAK.search(folded, max(0, start - 40), start)
    clause_start = left_break.end() if left_break else max(0, start - 40)
    right_break = _CLAUSE_BREAK.search(folded, end, end + 40)
    clause_end = right_break.start() if right_break else min(len(folded), end + 40)
    before = folded[clause_start:end]
    after = folded[end:clause_end]
    # most figures have no cue word of their unit's roles around them: one search for any of
    # the verbs and one for any of the objects leave out the roles they cannot take
    cues = unit_roles.cues
    verb = cues.verb is not None and cues.verb.search(folded, clause_start, clause_end) is not None
    if count.object is not None:
        named = cues.object_end is not None and cues.object_end.search(count.object) is not None
    else:  # a role without a verb reads the clause (one with a verb, maybe its sentence)
        named = verb or (
            cues.objects is not None
            and cues.objects.search(folded, clause_start, clause_end) is not None
        )
    candidates = unit_roles.fitting[verb, named]
    if not candidates:
        return None
    # a figure that is its clause's subject takes the verb right after it (2个问题正在推进,
    # 3个均已整改) as it takes one before it; not when another figure follows (22个问题已整改
    # 完成17个: the verb is the later figure's). Failing every row, a verb further on in the
    # clause (对3名党员干部运用第一种形态进行问责).
    predicate = _predicate_start(after) if verb else None
    counted_by: dict[bool, str] = {}  # what is counted, read when a row needs it
    for first in (True, False):
        for role in candidates:
            role_verb = role.cues.verb
            if role_verb is None and not first:
                continue
            if role_verb is not None and not (
                role_verb.search(before)
                or (predicate is not None and role_verb.match(after, predicate))
                if first
                else role_verb.search(after)
            ):
                continue
            if role.cues.objects is not None:
                by_verb = role_verb is not None
                if by_verb not in counted_by:
                    counted_by[by_verb] = _what_is_counted(
                        folded, count, before, after, by_verb=by_verb
                    )
                if not _counts_one_of(count.object, counted_by[by_verb], role.cues):
                    continue
            return role.name
    return None


def _predicate_start(after: str) -> int | None:
    """Where a verb right after the figure would start, after adverbs (均已整改, 全部整改到位),
    or None when no verb can stand there (another figure follows, or no verb opens with the
    character found)."""
    if _DIGIT.search(after):
        return None
    adverbs = _ADVERBS.match(after)
    start = adverbs.end() if adverbs else 0
    return start if after[start : start + 1] in _verb_firsts() else None


@cache
def _verb_firsts() -> frozenset[str]:
    return frozenset(verb[0] for role in _roles() for verb in role.verbs)


def _what_is_counted(
    folded: str, count: CountLike, before: str, after: str, *, by_verb: bool
) -> str:
    """Where to look for what a count without an object counts: the words right after it when
    it stands before a noun it did not take in (下设8个整改工作专班, 已完成3个所的改造); else its
    clause (反馈问题3个方面18项), or, for a role its verb already marks, its sentence
    (反馈的12项问题中…、正在推进2项)."""
    if count.object is not None:
        return count.object
    if after[:1] and after[0] not in _AFTER_A_BARE_FIGURE:
        return after[:8]
    if not by_verb:
        return before + after
    start, end = count.span.start, count.span.end
    window_start = max(0, start - 80)
    sentence_start = max(
        max(folded.rfind(ch, window_start, start) for ch in "。\n") + 1, window_start
    )
    sentence_ends = [i for i in (folded.find(ch, end, end + 40) for ch in "。\n") if i >= 0]
    return folded[sentence_start : min(sentence_ends, default=min(len(folded), end + 40))]


def _counts_one_of(obj: str | None, counted: str, cues: _Cues) -> bool:
    """The count's object ends with one of the objects (up to two characters may trail it, as
    in 问题中 or 问题重新, where the object runs on into the verb); a count without an object is
    judged by the text around it (``counted``)."""
    assert cues.objects is not None and cues.object_end is not None
    if obj is None:
        return cues.objects.search(counted) is not None
    return cues.object_end.search(obj) is not None
