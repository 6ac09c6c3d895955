"""The dates scan: the pattern tried only in the windows its anchors allow, with the matches
of a full scan.

The pattern is slow to try at every position (75 groups). Every match holds an anchor at a
known distance from its start:

- 年 (a year, a relative year: at most _YEAR_REACH after it; a range 2015至2020年: at most
  _RANGE_REACH, and it starts with a digit);
- 月 (at most 3 after: 12月, 十二月);
- a date separator before a digit (4 after: 2020.3.4);
- a table word (at its start, or 1 after for “十三五”), found from its rarest character
  (lexicon/date_anchors.txt) checked in place.

So one cheap `re` pass finds the anchors, each gives a window of possible starts, and the
pattern is tried only at the possible first characters in those windows (each found by a
one-character search, at C speed), up to the first match; the matches are the same as
finditer's (tests/test_dates.py checks this on the corpus and on random text).
"""

from __future__ import annotations

import re
from functools import cache

from ...lexicon import load_words
from .grammar import (
    ANNIVERSARIES,
    ANNIVERSARY_AHEAD,
    CONNECTORS,
    EVENT_TAIL,
    EVENTS,
    FIRST_CHAR,
    HOLIDAYS,
    NAMED,
    PERIODS,
    RELATIVE,
    date_pattern,
)

_YEAR_REACH = max([5] + [w.index("年") for w in RELATIVE if "年" in w])  # 2020 年, 过去的一年
_RANGE_REACH = 4 + 1 + max(len(w) for w in CONNECTORS) + 1 + 4 + 1  # 2015 —— 2020 年


def _anchored_words() -> dict[str, tuple[tuple[str, int], ...]]:
    """Table word by anchor character: (word, offset of the anchor in it). Relative words with
    年 in them are left to the 年 anchor."""
    rank = {ch: i for i, ch in enumerate(load_words("date_anchors"))}
    found: dict[str, list[tuple[str, int]]] = {}
    for table in (HOLIDAYS, PERIODS, EVENTS, ANNIVERSARIES, NAMED, RELATIVE):
        for word in table:
            if not word or (table is RELATIVE and "年" in word):
                continue
            usable = [i for i, ch in enumerate(word) if ch not in "年月./-"]
            at = min(usable, key=lambda i: (rank.get(word[i], len(rank)), i))
            found.setdefault(word[at], []).append((word, at))
    return {ch: tuple(sorted(set(words))) for ch, words in found.items()}


_WORDS_AT = _anchored_words()


def _words_by_offset() -> dict[str, tuple[tuple[int, tuple[str, ...]], ...]]:
    """The words of each anchor character grouped by the anchor's offset in them: all words at
    one offset give the same window, so one ``startswith`` (of a tuple) tells whether any is
    there (届 anchors 22 congresses and plenums)."""
    grouped: dict[str, dict[int, list[str]]] = {}
    for ch, words in _WORDS_AT.items():
        for word, offset in words:
            grouped.setdefault(ch, {}).setdefault(offset, []).append(word)
    return {ch: tuple((offset, tuple(words)) for offset, words in sorted(by_offset.items()))
            for ch, by_offset in grouped.items()}  # fmt: skip


_WORDS_BY_OFFSET = _words_by_offset()


def _tail(word: str) -> str:
    """What must follow a table word for an alternative to match it ("" when nothing must)."""
    tails = {
        EVENT_TAIL if table is EVENTS else ANNIVERSARY_AHEAD if table is ANNIVERSARIES else ""
        for table in (HOLIDAYS, PERIODS, EVENTS, ANNIVERSARIES, NAMED, RELATIVE)
        if word in table
    }
    return "" if "" in tails else f"(?:{'|'.join(sorted(tails))})"


def _anchor_source() -> str:
    """Each branch starts with its anchor character (so `re` skips other characters at C speed)
    and consumes only it; a table word's branch checks the rest of the word around it, and what
    must follow it (十九届五中全会精神 is no date: no window, no try of the pattern)."""
    branches = ["年", "月", r"\.(?=\d)", r"/(?=\d)", r"-(?=\d)"]
    for ch, words in sorted(_WORDS_AT.items()):
        # the words with the same start (up to the anchor) and tail share one check (二十届:
        # 二中全会, 三中全会, 四中全会), which keeps the pattern quick to compile
        rests: dict[tuple[str, str], list[str]] = {}
        for word, at in words:
            rests.setdefault((word[: at + 1], _tail(word)), []).append(word[at + 1 :])
        checks = []
        for (start, tail), after in rests.items():
            behind = f"(?<={re.escape(start)})" if len(start) > 1 else ""
            ahead = "|".join(map(re.escape, after))
            if tail:
                ahead = f"(?:{ahead}){tail}"
            checks.append(behind + (f"(?={ahead})" if ahead else ""))
        branches.append(re.escape(ch) + ("" if "" in checks else f"(?:{'|'.join(checks)})"))
    return "|".join(branches)


@cache
def _anchor() -> re.Pattern[str]:
    """The anchor pattern, compiled on first use, not when reportparse is imported."""
    return re.compile(_anchor_source())


def _start_windows(folded: str) -> list[tuple[int, int]]:
    """Windows [low, high] of positions, by their low end, where a match may start: those the
    anchors allow. A window is looked into only up to the first match found in it."""
    windows: list[tuple[int, int]] = []
    for anchor in _anchor().finditer(folded):
        at = anchor.start()
        ch = folded[at]
        if ch == "年":
            # a range 2015至2020年 starts further back, and has a digit just before 年
            if at >= 2 and (folded[at - 1].isdecimal() or folded[at - 2].isdecimal()):
                windows.append((max(0, at - _RANGE_REACH), at))
            else:
                windows.append((max(0, at - _YEAR_REACH), at))
        elif ch == "月":
            windows.append((max(0, at - 3), at))
        elif ch in "./-":
            if at >= 4:
                windows.append((at - 4, at - 4))
        else:
            for offset, words in _WORDS_BY_OFFSET[ch]:
                if folded.startswith(words, at - offset):
                    windows.append((max(0, at - offset - 1), at - offset))
    windows.sort()
    return windows


def date_matches(folded: str) -> list[re.Match[str]]:
    """What ``date_pattern().finditer(folded)`` finds, trying the pattern only where anchors allow:
    left to right, each position once, none inside a match found."""
    matches: list[re.Match[str]] = []
    end = tried = 0
    pattern = date_pattern()
    for low, high in _start_windows(folded):
        position = max(low, end, tried)
        while position <= high:
            first = FIRST_CHAR.search(folded, position, high + 1)
            if first is None:
                break
            position = first.start()
            match = pattern.match(folded, position)
            if match is None:
                position += 1
            else:
                matches.append(match)
                position = end = match.end()
        tried = max(tried, high + 1)
    return matches
