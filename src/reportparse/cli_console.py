"""What the ``reportparse`` command shows besides its output: one-line messages on stderr, the
progress bar they are written above, and standard output made able to write Chinese."""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any, TextIO

_bar: Any = None  # the tqdm bar while one is shown


def say(message: str) -> None:
    """One line on stderr (above the progress bar when there is one); nothing if stderr is gone."""
    if sys.stderr is None:
        return
    with contextlib.suppress(OSError, ValueError):
        if _bar is not None:
            _bar.write(f"reportparse: {message}", file=sys.stderr)
        else:
            print(f"reportparse: {message}", file=sys.stderr, flush=True)


@contextlib.contextmanager
def progress(total: int) -> Iterator[Callable[[], None]]:
    """A tqdm bar on stderr while the block runs, when stderr is a terminal and there is more
    than one input; yields the function that advances it (by one input)."""
    global _bar
    _bar = _new_bar(total)
    try:
        yield _bar.update if _bar is not None else _nothing
    finally:
        if _bar is not None:
            _bar.close()
            _bar = None


def _nothing() -> None:
    """What advancing the bar does when none is shown."""


def _new_bar(total: int) -> Any:
    if total < 2 or sys.stderr is None or not sys.stderr.isatty():
        return None
    try:
        from tqdm import tqdm
    except ImportError:  # the progress extra is not installed: no bar
        return None
    # No monitor thread: worker processes are forked only from a process without threads.
    tqdm.monitor_interval = 0
    return tqdm(total=total, file=sys.stderr, unit="file", dynamic_ncols=True)


# Standard output ---------------------------------------------------------------------------

_COUNTED_REPLACE = "reportparse.counted-replace"
_replaced = [0]  # characters standard output's encoding could not write, in this run


def stdout_for_chinese() -> tuple[TextIO | None, bool]:
    """Standard output, made able to write Chinese, and whether its encoding had to change: an
    encoding that cannot (ascii, a legacy code page) is switched to UTF-8, and stderr says so
    once. An encoding that writes Chinese but not every character (GBK: no emoji) writes those
    as ``?``, counted (see ``say_replaced``). ``None`` if stdout is closed."""
    _replaced[0] = 0
    out = sys.stdout
    if out is None:
        return None, False
    encoding = getattr(out, "encoding", None) or "utf-8"
    try:
        "中文报告".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        if isinstance(out, io.TextIOWrapper):  # not a stream put in its place by a host program
            out.reconfigure(encoding="utf-8")
            say(f"standard output's encoding ({encoding}) cannot write Chinese; writing UTF-8")
            return out, True
    else:
        if isinstance(out, io.TextIOWrapper) and out.errors == "strict":
            out.reconfigure(errors=_COUNTED_REPLACE)
    return out, False


def _count_and_replace(error: UnicodeError) -> tuple[str, int]:
    """The codec error handler of standard output: ``?`` for each character, counted."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    _replaced[0] += error.end - error.start
    return "?" * (error.end - error.start), error.end


codecs.register_error(_COUNTED_REPLACE, _count_and_replace)


def say_replaced(out: TextIO | None) -> bool:
    """Say once whether characters of the output were written as ``?``; whether they were."""
    if not _replaced[0]:
        return False
    encoding = getattr(out, "encoding", None)
    say(
        f"standard output's encoding ({encoding}) cannot write some characters of the reports; "
        "they were written as ?"
    )
    return True


def silence_stdout() -> None:
    """After a failed write to stdout, point it at /dev/null so that the interpreter's last
    flush of what is still buffered does not fail again (the recipe of Python's signal docs)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
