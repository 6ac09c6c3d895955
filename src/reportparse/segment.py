"""Lazy, quiet, thread-safe jieba: a short string -> its words with part-of-speech tags and offsets.

jieba and its dictionary (~2 s, ~100 MB) load on the first call, never on ``import reportparse``;
callers use it only on small windows around a mention, never on a whole document.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any, NamedTuple

from .lexicon import load_table


class Token(NamedTuple):
    """One word of a segmented window: offsets are into the string that was segmented."""

    word: str
    tag: str
    start: int
    end: int


_LOCK = threading.Lock()
_STATE: dict[str, Any] = {}


def _tokenizer() -> tuple[Any, dict[str, str], dict[str, str]]:
    """The private jieba Tokenizer (with the domain words) and the two tag tables, loaded once."""
    state = _STATE
    if "tok" not in state:
        with _LOCK:
            if "tok" not in state:
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
                    state["tags"] = jieba.posseg.dt.word_tag_tab
                    state["user_tags"] = user_tags
                finally:
                    logger.setLevel(level)
                state["tok"] = tok  # set last: other threads read "tok" as "ready"
    return state["tok"], state["user_tags"], state["tags"]


def tag_of(word: str, user_tags: dict[str, str], tags: dict[str, str]) -> str:
    """POS tag of a word: domain dictionary first, then jieba's; unknown words count as nouns."""
    tag = user_tags.get(word) or tags.get(word)
    if tag:
        return tag
    return "x" if len(word) == 1 and not ("\u4e00" <= word <= "\u9fff") else "n"


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[Token, ...]:
    """Words of ``text`` (a short window) with POS tags and offsets; () for empty text.

    Cached: the same short windows (问题, 整改措施) come back across a report and across reports.
    """
    if not text:
        return ()
    tok, user_tags, tags = _tokenizer()
    return tuple(
        Token(word, tag_of(word, user_tags, tags), start, end)
        for word, start, end in tok.tokenize(text, HMM=False)
    )


def word_tag(word: str) -> str | None:
    """The dictionary's POS tag of ``word`` (domain words first), or None if it is no word."""
    _, user_tags, tags = _tokenizer()
    return user_tags.get(word) or tags.get(word)


def is_loaded() -> bool:
    """True once jieba has been loaded (for tests that guard the lazy import)."""
    return "tok" in _STATE
