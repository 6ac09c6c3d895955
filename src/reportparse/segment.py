"""Lazy, quiet, thread-safe jieba: a short string -> its words with part-of-speech tags and offsets.

jieba's dictionary (2-3 s to load) is read on the first call, never on ``import reportparse``;
callers use it only on small windows around a mention, never on a whole document.

The words are jieba's exact ``tokenize(text, HMM=False)``, tagged as ``jieba.posseg`` tags them:
the same dictionary, the same maximum-probability path over it, the same splitting of non-Chinese
runs (tests compare the two word for word). Two things differ in how, not in what:

- the path is computed in one backward pass instead of jieba's graph, route and generator stages;
- each word of the dictionary holds its log probability and its tag, so that a word costs one
  lookup rather than three (frequency, domain tag, jieba tag). A report looks up a few thousand
  words in a dictionary of half a million, and nearly every lookup there misses the CPU caches:
  the number of lookups is what counts. Tags are read from jieba's dictionary file as
  ``jieba.posseg`` reads them, without importing it (its import keeps a second copy).

That table is built once per dictionary and kept in a cache file, as jieba keeps its own (see
``_cached_words``): a new process loads the table alone, without importing jieba, reading its
dictionary file or adding the domain words again.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import re
import sys
import threading
import zlib
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from importlib.util import find_spec
from math import log
from pathlib import Path
from typing import Any, NamedTuple, TypeAlias

from .drafts import record
from .lexicon import load_table


@record
class Token:
    """One word of a segmented window: offsets are into the string that was segmented."""

    word: str
    tag: str
    start: int
    end: int


# jieba's own cut: runs of these characters go through the dictionary; any other character is
# a word of its own ("\r\n" one word), and a run of single ASCII letters or digits is one word.
_DICTIONARY_RUN = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+")
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

Word: TypeAlias = tuple[float, str | None]  # a word's log probability and its tag
Words: TypeAlias = dict[str, Word | tuple[()]]  # every word and every start of a word
_PREFIX: tuple[()] = ()  # the value of the start of longer words that is no word itself

_LOCK = threading.Lock()
_STATE: dict[str, Any] = {}


class _Dictionary(NamedTuple):
    """jieba's prefix dictionary, each word with its log probability and tag."""

    words: Words
    log_total: float  # a character the dictionary does not know scores -log_total


def _dictionary() -> _Dictionary:
    """jieba's dictionary with the domain words added, loaded once."""
    state = _STATE
    if "dict" not in state:
        with _LOCK:
            if "dict" not in state:
                state["dict"] = _cached_words()  # set last: other threads read "dict" as "ready"
    result: _Dictionary = state["dict"]
    return result


CACHE_ENV = "REPORTPARSE_CACHE_DIR"
_CACHE_MAGIC = b"reportparse segment words 1\n"  # a new layout of the table: a new first line


def cache_dir() -> Path:
    """Where the word table is cached: ``$REPORTPARSE_CACHE_DIR``, else ``reportparse`` in the
    user's cache directory (``$XDG_CACHE_HOME`` or ``~/.cache``), else in the temp directory."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "reportparse"
    home = Path(os.path.expanduser("~"))
    if not home.is_absolute():  # no home directory to be found
        import tempfile  # deferred: only this rare case and the cache's writing need it

        return Path(tempfile.gettempdir()) / "reportparse"
    return home / ".cache" / "reportparse"


def _cached_words() -> _Dictionary:
    """The table from the cache file when it was built from the same sources, else built now
    and written there for the next process.

    The file is named after the dictionary's path (two installs of jieba keep a file each) and
    starts with the key of what it was built from: jieba's dictionary and code (path, size,
    mtime), the domain words (their SHA-256) and the Python version (marshal's format).
    Another key, a bad checksum, a file that cannot be read or written: the table is built
    from the sources, never an error. Writing goes to a temporary file renamed over the old
    one, so a reader sees a whole file or none, and two processes that build at once each
    write a whole, identical one.
    """
    sources = _cache_sources()
    if sources is None:  # jieba is not installed as files: nothing to key a cache on
        return _load()
    dictionary, key = sources
    name = "words-" + hashlib.sha256(str(dictionary).encode("utf-8", "replace")).hexdigest()[:16]
    path = cache_dir() / f"{name}.cache"
    loaded = _read_cache(path, key)
    if loaded is not None:
        return loaded
    built = _load()
    _write_cache(path, key, built)
    return built


def _cache_sources() -> tuple[Path, bytes] | None:
    """jieba's dictionary file and the key of everything the table is built from."""
    spec = find_spec("jieba")
    if spec is None or spec.origin is None:
        return None
    code = Path(spec.origin)
    dictionary = code.with_name("dict.txt")
    try:
        stats = [(str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in (dictionary, code)]
    except OSError:
        return None
    user_words = resources.files("reportparse.lexicon").joinpath("jieba_user_words.txt")
    # marshal's format may change between Python versions: the version is part of the key
    key = repr((sys.version_info[:2], stats, hashlib.sha256(user_words.read_bytes()).hexdigest()))
    return dictionary, hashlib.sha256(key.encode("utf-8", "replace")).hexdigest().encode()


def _read_cache(path: Path, key: bytes) -> _Dictionary | None:
    """The table in ``path`` if it holds one built from ``key``, whole; else None."""
    header = _CACHE_MAGIC + key + b"\n"
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    if not data.startswith(header) or len(data) < len(header) + 4:
        return None
    payload = memoryview(data)[len(header) + 4 :]
    if zlib.crc32(payload) != int.from_bytes(data[len(header) : len(header) + 4], "big"):
        return None
    try:
        words, log_total = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    if not isinstance(words, dict) or not isinstance(log_total, float):
        return None
    return _Dictionary(words, log_total)


def _write_cache(path: Path, key: bytes, table: _Dictionary) -> None:
    """Write ``table`` to ``path`` through a temporary file; a failure only skips the cache."""
    import tempfile  # deferred: import reportparse need not pay for it

    payload = marshal.dumps((table.words, table.log_total))
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        with os.fdopen(handle, "wb") as out:
            out.write(_CACHE_MAGIC + key + b"\n")
            out.write(zlib.crc32(payload).to_bytes(4, "big"))
            out.write(payload)
        os.replace(temporary, path)
        temporary = None
    except OSError:
        pass
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _load() -> _Dictionary:
    """Read jieba's dictionary, add lexicon/jieba_user_words.txt and tag every word."""
    import logging  # deferred with jieba: import reportparse need not pay for it

    import jieba  # deferred: importing reportparse must not load jieba

    logger = jieba.default_logger
    level = logger.level
    logger.setLevel(logging.WARNING)  # jieba logs its dictionary build at DEBUG
    try:
        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()
        tags = dict(_dictionary_tags(tokenizer.get_dict_file()))
        for word, frequency, tag in load_table("jieba_user_words"):
            freq = int(frequency) if frequency.isdigit() else None
            tokenizer.add_word(word, freq)  # with freq None, jieba suggests one
            if tag:
                tags[word] = tag  # the domain's tag wins over jieba's
    finally:
        logger.setLevel(level)
    log_total = log(tokenizer.total)
    return _Dictionary(_with_tags(tokenizer.FREQ, log_total, tags), log_total)


def _dictionary_tags(lines: Any) -> Iterator[tuple[str, str]]:
    """(word, tag) of jieba's dictionary file, read as ``jieba.posseg`` reads it (``word freq
    tag`` per line), without importing jieba.posseg, whose import keeps a second copy."""
    with lines:
        for line in lines:
            fields = line.strip().decode("utf-8").split(" ")
            if len(fields) == 3:
                yield fields[0], fields[2]


def _with_tags(freq: dict[str, Any], log_total: float, tags: dict[str, str]) -> Words:
    """jieba's {word: frequency} turned, in place, into {word: (log probability, tag)}, with
    ``_PREFIX`` for the starts of longer words that are no word themselves (frequency 0).

    The dictionary's words share few distinct (frequency, tag) pairs: one shared tuple per
    pair keeps the values a report touches few and hot in the CPU caches.
    """
    shared: dict[tuple[int, str | None], Word] = {}
    for word, count in freq.items():
        if count:
            key = (count, tags.get(word))
            entry = shared.get(key)
            if entry is None:
                entry = shared[key] = (log(count) - log_total, key[1])
            freq[word] = entry
        else:
            freq[word] = _PREFIX
    return freq


def tag_of(word: str) -> str:
    """POS tag of a word: the dictionary's (domain words first); unknown words count as nouns."""
    return word_tag(word) or ("x" if len(word) == 1 and not ("\u4e00" <= word <= "\u9fff") else "n")


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[Token, ...]:
    """Words of ``text`` (a short window) with POS tags and offsets; () for empty text.

    Cached: the same short windows (委务会, 全体会) come back within a report (10 of the seed's 75).
    """
    if not text:
        return ()
    d = _dictionary()
    words: list[Token] = []
    pos = 0
    for run in _DICTIONARY_RUN.finditer(text):
        start, end = run.span()
        if start > pos:
            _single_characters(text, pos, start, words)
        _dictionary_words(text, start, end, d, words)
        pos = end
    if pos < len(text):
        _single_characters(text, pos, len(text), words)
    return tuple(words)


def _single_characters(text: str, start: int, end: int, words: list[Token]) -> None:
    """Outside the dictionary's alphabet every character is a word; jieba keeps \\r\\n whole."""
    i = start
    while i < end:
        step = 2 if text.startswith("\r\n", i, end) else 1
        words.append(_tagged(text[i : i + step], i))
        i += step


def _dictionary_words(text: str, start: int, end: int, d: _Dictionary, words: list[Token]) -> None:
    """The most probable split of ``text[start:end]`` into dictionary words (jieba's DAG route).

    From the right, each position takes the word starting there that maximises log probability
    plus the best score of the rest; a character the dictionary does not know scores
    -log_total. Ties go to the longer word, as jieba's ``max`` over (score, end) does.
    """
    lookup, log_total = d.words.get, d.log_total
    run = text[start:end]
    n = end - start
    best = [0.0] * (n + 1)  # best[k]: log probability of the best split of run[k:]
    word_end = list(range(1, n + 1))  # word_end[k]: where the word at k ends in that split
    tag_at: list[str | None] = [None] * n  # its tag (None: a character jieba does not know)
    for k in range(n - 1, -1, -1):
        score = None
        entry = lookup(run[k])
        i = k + 1
        while entry is not None:  # a known word or prefix: try one character more
            if entry:
                candidate = entry[0] + best[i]
                if score is None or candidate >= score:
                    score = candidate
                    word_end[k] = i
                    tag_at[k] = entry[1]
            if i == n:
                break
            i += 1
            entry = lookup(run[k:i])
        best[k] = best[k + 1] - log_total if score is None else score
    ascii_from = -1  # jieba joins single ASCII letters and digits into one word (5G, A4)
    x = 0
    while x < n:
        y = word_end[x]
        if y == x + 1 and run[x] in _ASCII_ALNUM:
            if ascii_from < 0:
                ascii_from = x
            x = y
            continue
        if ascii_from >= 0:
            words.append(_tagged(run[ascii_from:x], start + ascii_from))
            ascii_from = -1
        tag = tag_at[x] or tag_of(run[x:y])
        words.append(Token(run[x:y], tag, start + x, start + y))
        x = y
    if ascii_from >= 0:
        words.append(_tagged(run[ascii_from:], start + ascii_from))


def _tagged(word: str, start: int) -> Token:
    """The token of ``word`` at ``start``, tagged by ``tag_of``."""
    return Token(word, tag_of(word), start, start + len(word))


def word_tag(word: str) -> str | None:
    """The dictionary's POS tag of ``word`` (domain words first), or None if it is no word."""
    entry = _dictionary().words.get(word)
    return entry[1] if entry else None


def is_loaded() -> bool:
    """True once jieba has been loaded (for tests that guard the lazy import)."""
    return "dict" in _STATE
