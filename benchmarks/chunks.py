"""Benchmark: reportparse.chunk against LangChain's RecursiveCharacterTextSplitter, same size.

Run from the repository root (the real corpus lives in ../shared):

    .venv/bin/python benchmarks/chunks.py [--max-chars 800] [--min-chars 200] [--corpus DIR]

Needs ``langchain-text-splitters`` (``pip install langchain-text-splitters``). For each splitter,
over every report of the corpus, it prints: the number of chunks, the share that end inside a
sentence, the share that hold parts of two top-level sections, and the spread of their lengths.
The splitter runs twice: with its default separators (paragraph, line, space, character) and
with Chinese sentence ends added after the line (。！？； then ，), chunk_overlap 0 for both.

A chunk "ends inside a sentence" when its end (the document's end aside) is neither a sentence
end (。！？；!?; and any closing quote after it) nor a line end; "mixes two top-level sections"
when it overlaps more than one top-level node and one of them is numbered (一、, 二、…), as the
parser reads the outline. Both are counted the same way for every splitter.
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from langchain_text_splitters import RecursiveCharacterTextSplitter

import reportparse
from reportparse import Report

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
SENTENCE_END = re.compile(r"[。！？；!?;][”’」』）)\]]*$")
CHINESE_SEPARATORS = ["\n\n", "\n", "。", "！", "？", "；", "，", " ", ""]

Splitter = Callable[[Report], list[tuple[int, int]]]


def read_exact(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def ours(max_chars: int, min_chars: int) -> Splitter:
    def split(report: Report) -> list[tuple[int, int]]:
        chunks = reportparse.chunk(report, max_chars=max_chars, min_chars=min_chars)
        return [(c.span.start, c.span.end) for c in chunks]

    return split


def langchain(max_chars: int, separators: list[str] | None) -> Splitter:
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=max_chars, chunk_overlap=0, separators=separators, keep_separator="end"
    )

    def split(report: Report) -> list[tuple[int, int]]:
        spans, position = [], 0
        for piece in splitter.split_text(report.text):
            start = report.text.find(piece, position)
            if start < 0:
                raise ValueError("a chunk that is not in the text")
            spans.append((start, start + len(piece)))
            position = start + len(piece)
        return spans

    return split


def ends_inside_sentence(text: str, end: int) -> bool:
    if SENTENCE_END.search(text, 0, end):
        return False
    rest = text[end:]
    return bool(rest.strip()) and "\n" not in rest[: len(rest) - len(rest.lstrip())]


def mixes_top_level(report: Report, start: int, end: int) -> bool:
    touched = [n for n in report.children if n.span.start < end and start < n.span.end]
    return len(touched) > 1 and any(n.marker is not None for n in touched)


def measure(name: str, split: Splitter, reports: list[Report]) -> dict[str, object]:
    lengths: list[int] = []
    cuts = mixed = 0
    elapsed = 0.0
    for report in reports:
        began = time.perf_counter()
        spans = split(report)
        elapsed += time.perf_counter() - began
        for start, end in spans:
            lengths.append(end - start)
            cuts += ends_inside_sentence(report.text, end)
            mixed += mixes_top_level(report, start, end)
    deciles = statistics.quantiles(lengths, n=10)
    return {
        "splitter": name,
        "chunks": len(lengths),
        "cut a sentence": f"{cuts / len(lengths):.1%}",
        "mix top-level": f"{mixed / len(lengths):.1%}",
        "length min/p10/median/p90/max": (
            f"{min(lengths)}/{deciles[0]:.0f}/{statistics.median(lengths):.0f}/"
            f"{deciles[-1]:.0f}/{max(lengths)}"
        ),
        "stdev": f"{statistics.pstdev(lengths):.0f}",
        "ms (all reports)": f"{elapsed * 1000:.0f}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-chars", type=int, default=800)
    parser.add_argument("--min-chars", type=int, default=200)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    paths = sorted(args.corpus.glob("*.txt"))
    if not paths:
        raise SystemExit(f"no reports in {args.corpus}")
    reports = [reportparse.parse(read_exact(path)) for path in paths]
    characters = sum(len(r.text) for r in reports)
    print(f"{len(reports)} reports, {characters:,} characters; max_chars {args.max_chars}")
    rows = [
        measure(f"reportparse.chunk (min_chars {args.min_chars})",
                ours(args.max_chars, args.min_chars), reports),
        measure("RecursiveCharacterTextSplitter, default separators",
                langchain(args.max_chars, None), reports),
        measure("RecursiveCharacterTextSplitter, + 。！？；，",
                langchain(args.max_chars, CHINESE_SEPARATORS), reports),
    ]  # fmt: skip
    columns = list(rows[0])
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for row in rows:
        print("| " + " | ".join(str(row[c]) for c in columns) + " |")


if __name__ == "__main__":
    main()
