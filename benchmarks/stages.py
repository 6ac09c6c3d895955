"""Benchmark: each stage of ``pipeline.py`` timed alone on the seed, with a ``SourceText``.

Run from the repository root (the seed lives in ../shared):

    .venv/bin/python benchmarks/stages.py [--repeat N]

Each stage gets the inputs the pipeline would give it, prepared once; the figure is the best of
``--repeat`` runs (default 400), with jieba's windows cached, so it is the stage's own work on a
quiet moment of the machine. The domain layer's three readings are timed on the built tree, as
the assembly calls them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from timing import best_of

from reportparse import assemble as assembly
from reportparse.domain import read_domain
from reportparse.domain.indicators import find_indicator_roles
from reportparse.domain.meta import extract_meta
from reportparse.domain.rectifications import find_rectifications
from reportparse.drafts import Findings
from reportparse.extract.counts import extract_counts
from reportparse.extract.dates import extract_dates, implied_reference_date
from reportparse.extract.documents import extract_documents
from reportparse.extract.slogans import extract_slogans
from reportparse.models import Title
from reportparse.outline import build_outline, find_markers
from reportparse.source import SourceText
from reportparse.span import Span, trusted

SEED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev" / "seed.txt"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=400)
    args = parser.parse_args(argv)
    if not SEED.exists():
        print(f"seed not found at {SEED}", file=sys.stderr)
        return 2
    text = SEED.read_text(encoding="utf-8")

    # the inputs of every stage, as the pipeline makes them
    source = SourceText.of(text)
    candidates = find_markers(source)
    outline = build_outline(source, candidates)
    reference = implied_reference_date(source)
    dates = extract_dates(source, reference)
    slogans = extract_slogans(source)
    documents = extract_documents(source)
    not_counts = [(m.start, m.end) for m in outline.markers]
    not_counts += [(d.span.start, d.span.end) for d in dates]
    not_counts += [(s.span.start, s.span.end) for s in slogans]
    counts = extract_counts(source, exclude=not_counts)
    findings = Findings(counts, dates, documents, slogans)
    children = assembly.assemble(source, outline, findings, [], reference, None).children
    title = None
    if outline.title is not None:
        start, end = outline.title
        title = trusted(Title, text=text[start:end], span=Span.of(start, end))

    stages: list[tuple[str, Callable[[], object]]] = [
        ("source (SourceText.of: fold, quoted regions)", lambda: SourceText.of(text)),
        ("markers (find_markers)", lambda: find_markers(source)),
        ("outline (build_outline)", lambda: build_outline(source, candidates)),
        ("implied reference date", lambda: implied_reference_date(source)),
        ("dates (extract_dates)", lambda: extract_dates(source, reference)),
        ("slogans (extract_slogans)", lambda: extract_slogans(source)),
        ("documents (extract_documents)", lambda: extract_documents(source)),
        ("counts (extract_counts)", lambda: extract_counts(source, exclude=not_counts)),
        (
            "assembly (assemble, the domain layer included)",
            lambda: assembly.assemble(source, outline, findings, [], reference, None),
        ),
        (
            "  domain layer (read_domain)",
            lambda: read_domain(source, title, children, counts, dates),
        ),
        ("    find_rectifications", lambda: find_rectifications(source, children, dates)),
        ("    find_indicator_roles", lambda: find_indicator_roles(source, counts)),
        ("    extract_meta", lambda: extract_meta(source, title, children, dates)),
    ]
    print(f"seed: {len(text):,} characters; best of {args.repeat} runs, jieba's windows cached")
    print(f"{'stage':48} ms")
    for name, run in stages:
        print(f"{name:48} {best_of(run, args.repeat) * 1e3:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
