"""Thread and process safety: concurrent parses give the sequential results; jieba loads once."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import reportparse
from reportparse import segment

from .conftest import corpus_files, read_exact

ROOT = Path(__file__).resolve().parents[1]

# Small texts that exercise every stage (outline, inline points, counts with jieba windows,
# dates, documents, slogans), used when the shared corpus is absent.
_TEXTS = [
    "关于整改情况的通报\n一、总体情况\n（一）组织领导\n1.召开会议17次，细化157条整改措施。\n"
    "2.制定《关于进一步加强政治建警从严治警的规定》，明确“六个第一”。\n",
    "二、整改落实\n一是2020年9月22日以来共查摆问题70余条；二是对2.45万名网格员开展培训。\n",
    "今年是中国共产党百年华诞，明年将迎来党的二十大。全市累计普法受众近90万人。\n",
]


def _texts() -> list[str]:
    files = corpus_files()
    return [read_exact(path) for path in files[:8]] + _TEXTS if files else _TEXTS


def test_threads_give_the_sequential_results() -> None:
    texts = _texts()
    expected = [reportparse.parse(text).model_dump_json() for text in texts]
    jobs = texts * 4
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda text: reportparse.parse(text).model_dump_json(), jobs))
    assert got == expected * 4


def test_threads_started_together_agree() -> None:
    """Eight threads released at one instant on the same text: the same report each time."""
    text = _texts()[0]
    barrier = threading.Barrier(8)
    results: list[str] = []
    lock = threading.Lock()

    def work() -> None:
        barrier.wait()
        dumped = reportparse.parse(text).model_dump_json()
        with lock:
            results.append(dumped)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(results) == 8
    assert len(set(results)) == 1
    assert results[0] == reportparse.parse(text).model_dump_json()


# In a fresh interpreter (jieba not loaded yet): sixteen threads ask for words at the same
# instant; the word table must be loaded exactly once (built from jieba's dictionary when the
# cache directory is empty, read from the cache when it is not), and every thread must get the
# same words.
_LAZY_LOAD_PROBE = r"""
import sys, threading
import jieba
built = []
class CountingTokenizer(jieba.Tokenizer):
    def __init__(self, *args, **kwargs):
        built.append(threading.get_ident())
        super().__init__(*args, **kwargs)
jieba.Tokenizer = CountingTokenizer
from reportparse import segment
loads = []
cached_words = segment._cached_words
def counting_cached_words():
    loads.append(threading.get_ident())
    return cached_words()
segment._cached_words = counting_cached_words
assert not segment.is_loaded()
barrier = threading.Barrier(16)
out = []
def work():
    barrier.wait()
    out.append(tuple(segment.tokens("市委政法委召开全体会议")))
threads = [threading.Thread(target=work) for _ in range(16)]
for t in threads: t.start()
for t in threads: t.join()
assert len(out) == 16, len(out)
assert len(set(out)) == 1, set(out)
assert len(loads) == 1, f"word table loaded {len(loads)} times"
print("built", len(built))
"""


def test_lazy_jieba_load_is_guarded_across_threads(tmp_path: Path) -> None:
    env = {**os.environ, segment.CACHE_ENV: str(tmp_path)}
    for expected in ("built 1", "built 0"):  # an empty cache directory, then the cache written
        done = subprocess.run(
            [sys.executable, "-c", _LAZY_LOAD_PROBE],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=ROOT,
            env=env,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        assert done.stdout.strip().endswith(expected)


_IMPORT_PROBE = r"""
import sys
import reportparse
from reportparse import segment
from reportparse import segment
assert not segment.is_loaded(), "import reportparse loaded jieba's dictionary"
jieba = sys.modules.get("jieba")
assert jieba is None or not jieba.dt.initialized, "import reportparse initialised jieba"
print("ok")
"""


def test_import_does_not_load_jieba_dictionary() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _IMPORT_PROBE], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr[-2000:]
