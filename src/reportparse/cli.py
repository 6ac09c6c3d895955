"""The ``reportparse`` command: parse report files and folders into an outline, JSON or tables.

Every problem ends in one line on stderr and an exit status, never a traceback: 0 when all went
well (or the reader of a pipe stopped reading, as ``head`` does), 1 when an input could not be
parsed or the output could not be written, 2 on a usage error, 130 on Ctrl-C.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import glob
import io
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TextIO

from . import __version__
from .batch import MAX_JOBS_PER_CPU, Item, parse_many
from .cli_console import progress, say, say_replaced, silence_stdout, stdout_for_chinese
from .cli_output import CsvFolderWriter, CsvTableWriter, Writer, open_output, writer_class
from .errors import InputTooLargeError
from .export import (
    RECORD_KINDS,
)
from .models import ParseFailure
from .readers import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, read_capped

FORMATS = ("outline", "json", "jsonl", "markdown", "csv", *RECORD_KINDS)
STDIN_NAME = "<stdin>"
INTERRUPTED = 130  # the shell's status for a command stopped by Ctrl-C (128 + SIGINT)


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def _whole_number(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}")
    return number


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reportparse",
        description="Parse Chinese inspection-rectification and work reports (公文) into an "
        "outline with counts, dates and named documents.",
        epilog="examples:\n"
        "  reportparse report.txt\n"
        "  reportparse reports/ --format jsonl --jobs 4 > reports.jsonl\n"
        "  reportparse reports/ --format csv --output tables/\n"
        "  reportparse *.txt --format counts > counts.tsv\n"
        "  cat report.txt | reportparse -\n"
        "\nexit status: 0 ok, 1 an input failed (the others are still written), 2 usage error",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    suffixes = " ".join(SUPPORTED_SUFFIXES)
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help=f"report files; folders are searched recursively for {suffixes} files; "
        "- reads standard input",
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default="outline",
        metavar="FORMAT",
        help="outline (default): indented tree; json: the Report (a JSON array over several "
        "inputs); jsonl: one Report per line; markdown; csv: every table as a CSV file in the "
        f"--output folder; {', '.join(RECORD_KINDS)}: one tab-separated table (CSV when "
        "--output ends in .csv)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="write to this file instead of standard output (a folder for --format csv)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=_whole_number,
        default=1,
        metavar="N",
        help="parse in N worker processes (0: one per CPU; default 1), never more than "
        f"there are inputs nor than {MAX_JOBS_PER_CPU} per CPU; a single input starts none",
    )
    parser.add_argument(
        "--glob",
        metavar="PATTERN",
        help="in folders, take the files whose path matches PATTERN (e.g. '*.txt', "
        f"'2023/*.md') instead of every {suffixes} file",
    )
    parser.add_argument(
        "--max-bytes",
        type=_whole_number,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"refuse inputs larger than N bytes (default {DEFAULT_MAX_BYTES:,}; 0: no limit)",
    )
    parser.add_argument(
        "--reference-date",
        type=_date,
        metavar="YYYY-MM-DD",
        help="date that 今年/明年/去年 are resolved against (default: implied by the document)",
    )
    parser.add_argument(
        "--paragraphs", action="store_true", help="outline: show unnumbered paragraphs too"
    )
    parser.add_argument("--version", action="version", version=f"reportparse {__version__}")
    return parser


# Inputs ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Input:
    name: str  # as the user gave it (or found it in a folder); named in messages and tables
    item: Item


def _check_paths(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Usage errors about the PATH arguments, before anything is read."""
    if args.paths.count("-") > 1:
        # a second read of standard input would find it at its end: an empty second report
        parser.error("- (standard input) given more than once: standard input can be read once")


def _walk(folder: str, pattern: str | None, unreadable: list[str]) -> Iterator[str]:
    """The report files under a folder, recursively, in a stable order (hidden ones skipped);
    a folder that cannot be listed is said on stderr and added to ``unreadable``."""

    def unlisted(error: OSError) -> None:
        say(f"{error.filename}: {error.strerror}")
        unreadable.append(str(error.filename))

    for root, folders, files in os.walk(folder, onerror=unlisted):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            if pattern is not None:
                if PurePath(os.path.relpath(path, folder)).match(pattern):
                    yield path
            elif os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES:
                yield path


def _read_stdin(max_bytes: int | None) -> bytes:
    if sys.stdin is None:
        raise OSError("standard input is closed")
    return read_capped(sys.stdin.buffer, STDIN_NAME, max_bytes)


def _inputs(args: argparse.Namespace) -> tuple[list[_Input], int]:
    """The inputs named on the command line, folders and patterns expanded, and how many of
    the arguments could not give one (already said on stderr)."""
    inputs: list[_Input] = []
    problems = 0
    unreadable: list[str] = []
    for path in args.paths:
        if path == "-":
            try:
                inputs.append(_Input(STDIN_NAME, _read_stdin(args.max_bytes)))
            except (OSError, InputTooLargeError) as error:
                say(f"{STDIN_NAME}: {_reason_of(error, args.max_bytes)}")
                problems += 1
            continue
        if os.path.isdir(path):
            found = list(_walk(path, args.glob, unreadable))
            what = f"matching {args.glob}" if args.glob else f"({', '.join(SUPPORTED_SUFFIXES)})"
        elif _expands(path):  # a pattern that the shell did not expand (Windows)
            found = sorted(glob.glob(path, recursive=True))
            what = "matching this pattern"
        else:
            inputs.append(_Input(path, Path(path)))
            continue
        if not found:
            say(f"{path}: no report files {what}")
            problems += 1
        inputs.extend(_Input(name, Path(name)) for name in found)
    return inputs, problems + len(unreadable)


def _reason_of(error: BaseException, max_bytes: int | None) -> str:
    if isinstance(error, InputTooLargeError):
        return _too_large(max_bytes)
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error)


def _too_large(max_bytes: int | None) -> str:
    return f"more than {max_bytes or 0:,} bytes; raise the limit with --max-bytes N (0: no limit)"


# Output streams ----------------------------------------------------------------------------


def _check_output(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Usage errors about --output, before anything is read."""
    if args.format == "csv":
        if args.output is None or args.output.lower().endswith(".csv"):
            parser.error(
                "--format csv writes one file per table: give --output FOLDER "
                f"(or --format TABLE --output TABLE.csv for one table of {', '.join(RECORD_KINDS)})"
            )
        if os.path.exists(args.output) and not os.path.isdir(args.output):
            parser.error(f"--output {args.output}: not a folder (--format csv writes a folder)")
    elif args.output is not None and os.path.isdir(args.output):
        parser.error(f"--output {args.output}: is a folder (only --format csv writes a folder)")


# Main --------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status (0 ok, 1 an input or the output failed, 2 usage
    error, 130 interrupted)."""
    try:
        return _run(argv)
    except KeyboardInterrupt:
        return INTERRUPTED


def _run(argv: Sequence[str] | None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    _check_paths(parser, args)
    _check_output(parser, args)
    if args.max_bytes == 0:
        args.max_bytes = None
    if args.jobs == 0:
        args.jobs = os.cpu_count() or 1

    inputs, problems = _inputs(args)
    several = len(args.paths) > 1 or any(_expands(path) for path in args.paths)
    chosen = writer_class(args)
    to_stdout = args.output is None
    out: TextIO | None = None
    reencoded = False
    if to_stdout:
        out, reencoded = stdout_for_chinese()
        if out is None:
            say("standard output is closed; give --output FILE")
            return 1
    destination = "standard output" if to_stdout else args.output
    try:
        if chosen is CsvFolderWriter:
            Path(args.output).mkdir(parents=True, exist_ok=True)
        elif out is None:
            out = open_output(Path(args.output), bom=chosen is CsvTableWriter)
        failed = _write_all(inputs, chosen(out or io.StringIO(), several, args), args)
        if out is not None:
            out.flush()
            if not to_stdout:
                out.close()
    except BrokenPipeError:
        if to_stdout:  # the reader stopped reading (| head): not an error
            silence_stdout()
            return 0
        say(f"cannot write {destination}: broken pipe")
        return 1
    except OSError as error:
        if to_stdout:
            silence_stdout()
        say(f"cannot write {destination}: {error.strerror or error}")
        return 1
    finally:
        if out is not None and not to_stdout:
            with contextlib.suppress(OSError):  # after a failed write: already said
                out.close()
    replaced = to_stdout and say_replaced(out)
    return 1 if failed or problems or reencoded or replaced else 0


def _expands(path: str) -> bool:
    """Whether a PATH argument stands for any number of files (a folder or a pattern)."""
    return os.path.isdir(path) or (not os.path.exists(path) and glob.has_magic(path))


def _write_all(inputs: list[_Input], writer: Writer, args: argparse.Namespace) -> int:
    """Parse the inputs and write each report; say each failure once. Returns the failures."""
    failed = 0
    results = parse_many(
        (each.item for each in inputs),
        jobs=args.jobs,
        reference_date=args.reference_date,
        max_bytes=args.max_bytes,
    )
    try:
        with progress(len(inputs)) as advance:
            writer.start()
            for each, result in zip(inputs, results, strict=True):
                if isinstance(result, ParseFailure):
                    too_large = result.error_type == "InputTooLargeError"
                    reason = _too_large(args.max_bytes) if too_large else result.message
                    say(f"{each.name}: {reason}")
                    failed += 1
                else:
                    if result.source is not None and result.source.path is None:  # stdin's bytes
                        source = result.source.model_copy(update={"path": each.name})
                        result = result.model_copy(update={"source": source})
                    if any(d.code == "empty_input" for d in result.diagnostics):
                        say(f"{each.name}: empty input (no text to parse)")
                    writer.write(each.name, result)
                advance()
            writer.finish()
            writer.close()
    finally:
        with contextlib.suppress(OSError):  # after a failed write: already said
            writer.close()
        close = getattr(results, "close", None)
        if close is not None:
            close()
    return failed


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
