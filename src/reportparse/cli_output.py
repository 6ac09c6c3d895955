"""The ``reportparse`` command's writers: one per output format, each writing the reports of a
run as they come (outline text, JSON, JSON Lines, Markdown, TSV, one CSV table or a folder of
CSV tables)."""

from __future__ import annotations

import argparse
import csv
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any, TextIO

from .export import (
    RECORD_KINDS,
    cell_text,
    records_to_tsv,
    table_columns,
    to_json,
    to_markdown,
    to_outline_text,
    to_records,
)
from .models import Report


class Writer:
    """Writes the reports of a run in one format: ``start``, ``write`` each report, ``finish``
    (what ends the output); ``close`` releases what ``start`` opened, also after an error."""

    def __init__(self, out: TextIO, several: bool, args: argparse.Namespace) -> None:
        self.out = out
        self.several = several
        self.args = args
        self.written = 0

    def start(self) -> None:
        pass

    def write(self, name: str, report: Report) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        pass

    def close(self) -> None:
        pass


class _OutlineWriter(Writer):
    def write(self, name: str, report: Report) -> None:
        head = f"== {name}\n" if self.several else ""
        self.out.write(head + to_outline_text(report, paragraphs=self.args.paragraphs) + "\n")


class _JsonWriter(Writer):
    """One JSON object, or one JSON array of them over several inputs (streamed)."""

    def start(self) -> None:
        if self.several:
            self.out.write("[")

    def write(self, name: str, report: Report) -> None:
        if self.several:
            self.out.write(",\n" if self.written else "\n")
        self.out.write(to_json(report))
        self.written += 1

    def finish(self) -> None:
        if self.several:
            self.out.write("\n]\n" if self.written else "]\n")
        elif self.written:
            self.out.write("\n")


class _JsonLinesWriter(Writer):
    def write(self, name: str, report: Report) -> None:
        self.out.write(report.model_dump_json() + "\n")


class _MarkdownWriter(Writer):
    def write(self, name: str, report: Report) -> None:
        if self.several:
            label = name.replace("-->", "-- >")  # a name cannot end the comment early
            self.out.write(f"{'' if not self.written else chr(10)}<!-- {label} -->\n\n")
        self.out.write(to_markdown(report))
        self.written += 1


class _TsvWriter(Writer):
    def start(self) -> None:
        self.columns = table_columns(self.args.format)
        self.out.write(records_to_tsv([], self.columns))

    def write(self, name: str, report: Report) -> None:
        rows = to_records(report, self.args.format)
        self.out.write(records_to_tsv(rows, self.columns, header=False))


def _csv_writer(stream: IO[str], columns: Sequence[str]) -> Callable[[list[dict[str, Any]]], None]:
    """A writer of rows to a CSV stream (the csv module's quoting), its header written now."""
    writer = csv.writer(stream)
    writer.writerow(columns)

    def write_rows(rows: list[dict[str, Any]]) -> None:
        writer.writerows([cell_text(row.get(column)) for column in columns] for row in rows)

    return write_rows


class CsvTableWriter(Writer):
    """One table as CSV (``--format TABLE --output FILE.csv``)."""

    def start(self) -> None:
        self.write_rows = _csv_writer(self.out, table_columns(self.args.format))

    def write(self, name: str, report: Report) -> None:
        self.write_rows(to_records(report, self.args.format))


class CsvFolderWriter(Writer):
    """Every table as a CSV file in the output folder: UTF-8 with a BOM, which Excel and WPS
    need to read Chinese, and the csv module's quoting of commas, quotes and line breaks."""

    def start(self) -> None:
        folder = Path(self.args.output)
        self.files = {kind: open_output(folder / f"{kind}.csv", bom=True) for kind in RECORD_KINDS}
        self.writers = {
            kind: _csv_writer(stream, table_columns(kind)) for kind, stream in self.files.items()
        }

    def write(self, name: str, report: Report) -> None:
        for kind, write_rows in self.writers.items():
            write_rows(to_records(report, kind))

    def close(self) -> None:
        for stream in getattr(self, "files", {}).values():
            stream.close()


def open_output(path: Path, *, bom: bool = False) -> TextIO:
    # newline="": the text is written as it is (csv ends its rows with \r\n itself).
    return open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="")


_WRITERS: dict[str, type[Writer]] = {
    "outline": _OutlineWriter,
    "json": _JsonWriter,
    "jsonl": _JsonLinesWriter,
    "markdown": _MarkdownWriter,
    "csv": CsvFolderWriter,
}


def writer_class(args: argparse.Namespace) -> type[Writer]:
    if args.format in _WRITERS:
        return _WRITERS[args.format]
    if args.output is not None and args.output.lower().endswith(".csv"):
        return CsvTableWriter
    return _TsvWriter
