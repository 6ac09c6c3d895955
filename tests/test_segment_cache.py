"""The cache of segment's word table: created, reused, rebuilt when stale or corrupt, safe when
two processes build it at once, and never an error."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from reportparse import segment

WINDOWS = ["召开市委政法委全体会议", "推动改革促进发展整改事项", "5G基站和A4纸", "降幅21.5%，"]


@pytest.fixture(scope="module")
def built() -> segment._Dictionary:
    """The table built from jieba's sources, once for this module."""
    return segment._load()


@pytest.fixture
def cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built: segment._Dictionary
) -> dict[str, Any]:
    """An empty cache directory, and a count of the builds (each returns the real table)."""
    monkeypatch.setenv(segment.CACHE_ENV, str(tmp_path))
    builds = {"count": 0, "dir": tmp_path}

    def counted_build() -> segment._Dictionary:
        builds["count"] += 1
        return built

    monkeypatch.setattr(segment, "_load", counted_build)
    return builds


def cache_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.cache"))


def test_the_cache_directory_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(segment.CACHE_ENV, str(tmp_path / "mine"))
    assert segment.cache_dir() == tmp_path / "mine"
    monkeypatch.delenv(segment.CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert segment.cache_dir() == tmp_path / "xdg" / "reportparse"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert segment.cache_dir() == tmp_path / "home" / ".cache" / "reportparse"


def test_cache_is_created_then_reused(cache: dict[str, Any], built: segment._Dictionary) -> None:
    first = segment._cached_words()
    assert cache["count"] == 1
    [path] = cache_files(cache["dir"])
    second = segment._cached_words()
    assert cache["count"] == 1  # read from the file, not built
    assert second.words == built.words and second.log_total == built.log_total
    assert first is built and second is not built
    assert [p.name for p in cache["dir"].iterdir()] == [path.name]  # no temporary file left


def test_cache_is_rebuilt_when_its_sources_change(
    cache: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    segment._cached_words()
    real_sources = segment._cache_sources()
    assert real_sources is not None
    dictionary = real_sources[0]
    monkeypatch.setattr(segment, "_cache_sources", lambda: (dictionary, b"another-key"))
    segment._cached_words()
    assert cache["count"] == 2  # stale: built again, and written with the new key
    segment._cached_words()
    assert cache["count"] == 2
    [path] = cache_files(cache["dir"])
    assert b"another-key" in path.read_bytes()[:200]


def test_the_key_follows_the_dictionary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "jieba"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    dictionary = package / "dict.txt"
    dictionary.write_text("一 5 m\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "jieba", raising=False)
    keys = []
    sources = segment._cache_sources()
    assert sources is not None and sources[0] == dictionary
    keys.append(sources[1])
    dictionary.write_text("一 5 m\n二 7 m\n", encoding="utf-8")  # new size
    keys.append(segment._cache_sources()[1])  # type: ignore[index]
    stat = dictionary.stat()
    os.utime(dictionary, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # same size, new time
    keys.append(segment._cache_sources()[1])  # type: ignore[index]
    assert len(set(keys)) == 3
    assert segment._cache_sources()[1] == keys[-1]  # type: ignore[index]


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: data[:-100] + bytes(100), id="zeroed-tail"),
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: os.urandom(4096), id="random-bytes"),
        pytest.param(lambda data: data[:-5] + bytes([data[-5] ^ 1]) + data[-4:], id="bit-flipped"),
    ],
)  # fmt: skip
def test_a_corrupt_cache_is_rebuilt_not_an_error(
    cache: dict[str, Any], built: segment._Dictionary, damage: Any
) -> None:
    segment._cached_words()
    [path] = cache_files(cache["dir"])
    path.write_bytes(damage(path.read_bytes()))
    table = segment._cached_words()
    assert cache["count"] == 2 and table is built
    assert segment._read_cache(path, segment._cache_sources()[1]) is not None  # type: ignore[index]


def test_an_unreadable_or_unwritable_cache_is_no_error(
    cache: dict[str, Any], built: segment._Dictionary, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = cache["dir"] / "not-a-directory"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(segment.CACHE_ENV, str(blocker))  # the directory cannot be made
    assert segment._cached_words() is built
    monkeypatch.setenv(segment.CACHE_ENV, str(cache["dir"]))
    segment._cached_words()
    [path] = cache_files(cache["dir"])
    path.unlink()
    path.mkdir()  # the file's place is taken by a directory: it can be neither read nor written
    assert segment._cached_words() is built
    assert cache["count"] == 3


def test_two_processes_building_at_once_both_get_jiebas_words(tmp_path: Path) -> None:
    """Two fresh processes start together on an empty cache directory (each builds and writes
    the table unless the other has written it first); both segment as this process does, and
    the file left behind is whole."""
    script = textwrap.dedent(
        f"""
        import dataclasses, json
        from reportparse import segment
        words = [[dataclasses.astuple(t) for t in segment.tokens(w)] for w in {WINDOWS!r}]
        print(json.dumps(words, ensure_ascii=False))
        """
    )
    env = {**os.environ, segment.CACHE_ENV: str(tmp_path)}
    processes = [
        subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=300)[0] for process in processes]
    assert [process.returncode for process in processes] == [0, 0]
    expected = [[list(dataclasses.astuple(t)) for t in segment.tokens(w)] for w in WINDOWS]
    assert [json.loads(output) for output in outputs] == [expected, expected]
    [path] = cache_files(tmp_path)
    sources = segment._cache_sources()
    assert sources is not None
    table = segment._read_cache(path, sources[1])
    assert table is not None and table.words == segment._dictionary().words
