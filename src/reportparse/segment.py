"""Lazy, quiet, thread-safe jieba: a short string -> its words with part-of-speech tags and offsets.

jieba and its dictionary (~2 s, ~100 MB) load on the first call, never on ``import reportparse``;
callers use it only on small windows around a mention, never on a whole document.

The words are jieba's exact ``tokenize(text, HMM=False)``: the same dictionary, the same
maximum-probability path over it, the same splitting of non-Chinese runs. The path is computed
here in one backward pass instead of jieba's separate graph, route and generator stages, which
halves the cost of the ~70 windows a report segments (tests compare the two word for word).
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from math import log
from typing import Any, NamedTuple

from .lexicon import load_table


class Token(NamedTuple):
    """One word of a segmented window: offsets are into the string that was segmented."""

    word: str
    tag: str
    start: int
    end: int


# jieba's own cut: runs of these characters go through the dictionary; any other character is
# a word of its own ("\r\n" one word), and a run of single ASCII letters or digits is one word.
_DICTIONARY_RUN = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+")
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

_new_tuple = tuple.__new__
_LOCK = threading.Lock()
_STATE: dict[str, Any] = {}


class _Dictionary(NamedTuple):
    """jieba's prefix dictionary (word -> frequency, 0 for a prefix only), with the tag tables."""

    freq: dict[str, int]
    log_total: float
    user_tags: dict[str, str]
    tags: dict[str, str]


def _dictionary() -> _Dictionary:
    """jieba's dictionary with the domain words added, loaded once."""
    state = _STATE
    if "dict" not in state:
        with _LOCK:
            if "dict" not in state:
                import logging  # deferred with jieba: import reportparse need not pay for it

                import jieba  # deferred: importing reportparse must not load jieba

                logger = jieba.default_logger
                level = logger.level
                logger.setLevel(logging.WARNING)  # jieba logs its dictionary build at DEBUG
                try:
                    tok = jieba.Tokenizer()
                    tok.initialize()
                    import jieba.posseg  # its word_tag_tab gives the dictionary's POS tags

                    user_tags: dict[str, str] = {}
                    for row in load_table("jieba_user_words"):
                        freq = int(row[1]) if len(row) > 1 and row[1].isdigit() else None
                        tok.add_word(row[0], freq)
                        if len(row) > 2:
                            user_tags[row[0]] = row[2]
                    tags = jieba.posseg.dt.word_tag_tab
                finally:
                    logger.setLevel(level)
                state["tokenizer"] = tok  # for tests that compare with jieba's own cut
                # set last: other threads read "dict" as "ready"
                state["dict"] = _Dictionary(tok.FREQ, log(tok.total), user_tags, tags)
    result: _Dictionary = state["dict"]
    return result


def tag_of(word: str, user_tags: dict[str, str], tags: dict[str, str]) -> str:
    """POS tag of a word: domain dictionary first, then jieba's; unknown words count as nouns."""
    tag = user_tags.get(word) or tags.get(word)
    if tag:
        return tag
    return "x" if len(word) == 1 and not ("\u4e00" <= word <= "\u9fff") else "n"


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[Token, ...]:
    """Words of ``text`` (a short window) with POS tags and offsets; () for empty text.

    Cached: the same short windows (委务会, 全体会) come back within a report (10 of the seed's 75).
    """
    if not text:
        return ()
    d = _dictionary()
    spans: list[tuple[int, int]] = []
    pos = 0
    for run in _DICTIONARY_RUN.finditer(text):
        start, end = run.span()
        if start > pos:
            _single_characters(text, pos, start, spans)
        _dictionary_words(text, start, end, d, spans)
        pos = end
    if pos < len(text):
        _single_characters(text, pos, len(text), spans)
    user_tags, tags = d.user_tags, d.tags
    words = []
    for start, end in spans:
        word = text[start:end]
        tag = tag_of(word, user_tags, tags)
        words.append(_new_tuple(Token, (word, tag, start, end)))  # Token(): a Python-level call
    return tuple(words)


def _single_characters(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Outside the dictionary's alphabet every character is a word; jieba keeps \\r\\n whole."""
    i = start
    while i < end:
        step = 2 if text.startswith("\r\n", i, end) else 1
        spans.append((i, i + step))
        i += step


def _dictionary_words(
    text: str, start: int, end: int, d: _Dictionary, spans: list[tuple[int, int]]
) -> None:
    """The most probable split of ``text[start:end]`` into dictionary words (jieba's DAG route).

    From the right, each position takes the word starting there that maximises log frequency
    plus the best score of the rest; a character the dictionary does not know scores log 1.
    Ties go to the longer word, as jieba's ``max`` over (score, end) does.
    """
    get, log_total = d.freq.get, d.log_total
    run = text[start:end]
    n = end - start
    best = [0.0] * (n + 1)  # best[k]: log probability of the best split of run[k:]
    word_end = [0] * n  # word_end[k]: where the word starting at k ends in that split
    for k in range(n - 1, -1, -1):
        score = None
        stop = k + 1
        i = k + 1
        freq = get(run[k])
        while freq is not None:  # a known word or prefix: try one character more
            if freq:
                candidate = log(freq) - log_total + best[i]
                if score is None or candidate >= score:
                    score, stop = candidate, i
            if i == n:
                break
            i += 1
            freq = get(run[k:i])
        best[k] = best[k + 1] - log_total if score is None else score
        word_end[k] = stop
    ascii_from = -1  # jieba joins single ASCII letters and digits into one word (5G, A4)
    x = 0
    while x < n:
        y = word_end[x]
        if y == x + 1 and run[x] in _ASCII_ALNUM:
            if ascii_from < 0:
                ascii_from = x
        else:
            if ascii_from >= 0:
                spans.append((start + ascii_from, start + x))
                ascii_from = -1
            spans.append((start + x, start + y))
        x = y
    if ascii_from >= 0:
        spans.append((start + ascii_from, end))


def word_tag(word: str) -> str | None:
    """The dictionary's POS tag of ``word`` (domain words first), or None if it is no word."""
    d = _dictionary()
    return d.user_tags.get(word) or d.tags.get(word)


def is_loaded() -> bool:
    """True once jieba has been loaded (for tests that guard the lazy import)."""
    return "dict" in _STATE
