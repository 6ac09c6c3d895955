"""segment.tokens is jieba's own no-HMM cut, word for word, with tags and offsets."""

from __future__ import annotations

import functools
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportparse import segment
from reportparse.lexicon import load_table
from reportparse.normalise import fold

from .conftest import CORPUS, SAMPLES, read_exact


@functools.cache
def _jieba() -> tuple[Any, dict[str, str]]:
    """jieba itself, with the same domain words: its tokenizer and its posseg tag table."""
    import jieba
    import jieba.posseg

    tokenizer = jieba.Tokenizer()
    tags = dict(jieba.posseg.dt.word_tag_tab)
    for row in load_table("jieba_user_words"):
        tokenizer.add_word(row[0], int(row[1]) if len(row) > 1 and row[1].isdigit() else None)
        if len(row) > 2:
            tags[row[0]] = row[2]
    return tokenizer, tags


def jieba_tokens(text: str) -> tuple[segment.Token, ...]:
    """What jieba's Tokenizer.tokenize(text, HMM=False) gives, tagged by jieba.posseg's table
    (unknown words: "x" for a non-Chinese character, else "n")."""
    tokenizer, tags = _jieba()
    return tuple(
        segment.Token(
            word,
            tags.get(word) or ("x" if len(word) == 1 and not "\u4e00" <= word <= "\u9fff" else "n"),
            start,
            end,
        )
        for word, start, end in tokenizer.tokenize(text, HMM=False)
    )


def windows(paths: list[Path], per_file: int) -> list[str]:
    """Random windows of 1-40 characters, as the extractors cut them, raw and folded."""
    rnd = random.Random(20261125)
    found = []
    for path in paths:
        for text in (read_exact(path), fold(read_exact(path))):
            for _ in range(per_file):
                start = rnd.randrange(len(text))
                found.append(text[start : start + rnd.randint(1, 40)])
    return found


@pytest.mark.parametrize(
    "text",
    [
        "召开市委政法委全体会议",
        "推动改革促进发展整改事项",
        "5G基站和A4纸",  # ASCII runs join into one word
        "降幅21.5%，",
        "a b\r\nc\t\u3000d",  # whitespace: \r\n is one word, other spaces one each
        "x-y+z#1&2_3",
        "《条例》“飞地”",
        "\ud800问题\x00",
        "ＡＢＣ１２３",  # full-width: outside jieba's alphabet, one word per character
        "𠀀㐀鿕鿿",  # beyond jieba's Han range
    ],
)
def test_same_words_as_jieba(text: str) -> None:
    assert segment.tokens.__wrapped__(text) == jieba_tokens(text)


def test_same_words_as_jieba_on_sample_windows() -> None:
    texts = windows(sorted(SAMPLES.glob("*.txt")), per_file=300)
    assert texts
    assert [segment.tokens.__wrapped__(t) for t in texts] == [jieba_tokens(t) for t in texts]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")
def test_same_words_as_jieba_on_corpus_windows() -> None:
    texts = windows(sorted(CORPUS.glob("*.txt")), per_file=200)
    assert [segment.tokens.__wrapped__(t) for t in texts] == [jieba_tokens(t) for t in texts]


genre_characters = st.sampled_from(
    list("整改落实问题会议召开制定措施市委政法委员会全体共计条项次人一二三十百万")
    + list("0123456789aZ.%-+#&_ \r\n\t，。、《》“”（）")
)


@settings(max_examples=300, deadline=None)
@given(st.text(genre_characters, max_size=40))
def test_same_words_as_jieba_on_any_text(text: str) -> None:
    assert segment.tokens.__wrapped__(text) == jieba_tokens(text)


def test_offsets_cover_the_window() -> None:
    text = "会上共累计相互提出批评意见120条"
    words = segment.tokens(text)
    assert "".join(t.word for t in words) == text
    assert all(text[t.start : t.end] == t.word for t in words)
    assert [t.start for t in words[1:]] == [t.end for t in words[:-1]]


def test_word_tag_is_jiebas_tag_and_none_for_no_word() -> None:
    tokenizer, tags = _jieba()
    tokenizer.initialize()
    words = [*list(tags)[::997], *(row[0] for row in load_table("jieba_user_words"))]
    assert [segment.word_tag(w) for w in words] == [tags[w] for w in words]
    prefixes = [w for w, freq in list(tokenizer.FREQ.items())[::501] if not freq]
    assert prefixes  # starts of longer words that are no word themselves
    assert {segment.word_tag(w) for w in prefixes} == {None}
    assert segment.word_tag("") is None
    assert segment.word_tag("政法委全") is None
