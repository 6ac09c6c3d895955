"""The ``reportparse`` command: parse report files and print their outline, JSON or tables."""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Sequence

from . import __version__
from .errors import ReportParseError
from .export import (
    RECORD_KINDS,
    records_to_tsv,
    to_json,
    to_jsonl,
    to_markdown,
    to_outline_text,
    to_records,
)
from .models import Report
from .pipeline import parse
from .readers.text import decode_bytes, read_text

FORMATS = ("outline", "json", "jsonl", "markdown", *RECORD_KINDS)


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reportparse",
        description="Parse Chinese inspection-rectification and work reports (公文) into an "
        "outline with counts, dates and named documents.",
        epilog="examples:\n  reportparse report.txt\n  reportparse report.txt --format json\n"
        "  reportparse *.txt --format counts > counts.tsv\n  cat report.txt | reportparse -",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="report file(s); - reads stdin")
    parser.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default="outline",
        help="outline (default): indented tree; json: the whole Report; jsonl: one report per "
        "line; markdown; nodes/counts/dates/documents/slogans/diagnostics: a TSV table",
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


def _read(name: str) -> str:
    if name == "-":
        return decode_bytes(sys.stdin.buffer.read(), "<stdin>")
    return read_text(name)


def _render(report: Report, name: str, fmt: str, args: argparse.Namespace, many: bool) -> str:
    if fmt == "outline":
        head = f"== {name}\n" if many else ""
        return head + to_outline_text(report, paragraphs=args.paragraphs) + "\n"
    if fmt == "json":
        return to_json(report) + "\n"
    if fmt == "jsonl":
        return to_jsonl([report])
    if fmt == "markdown":
        return to_markdown(report)
    rows = to_records(report, fmt)  # type: ignore[arg-type]
    if many:
        rows = [{"file": name, **row} for row in rows]
    return records_to_tsv(rows)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status (0 ok, 1 a file failed, 2 usage error)."""
    args = _parser().parse_args(argv)
    status = 0
    many = len(args.files) > 1
    header_done = False
    for name in args.files:
        try:
            report = parse(_read(name), reference_date=args.reference_date)
        except (OSError, ReportParseError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            print(f"reportparse: {name}: {reason}", file=sys.stderr)
            status = 1
            continue
        output = _render(report, name, args.format, args, many)
        if args.format in RECORD_KINDS and header_done and output:
            output = output.split("\n", 1)[1]  # one header line for the whole table
        header_done = header_done or bool(output)
        sys.stdout.write(output)
    sys.stdout.flush()
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
