"""Over the corpus and the samples: every span of the domain layer slices back to its text and
every node path names a real node."""

from __future__ import annotations

from pathlib import Path

import pytest

import reportparse
from reportparse import Span
from tests.conftest import SAMPLES, corpus_files, read_exact

FILES = [*sorted(SAMPLES.glob("*.txt")), *corpus_files()]


def _slice(text: str, span: Span) -> str:
    assert 0 <= span.start <= span.end <= len(text)
    return text[span.start : span.end]


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_domain_spans_and_paths(path: Path) -> None:
    text = read_exact(path)
    report = reportparse.parse(text)
    paths = {node.path for node in report.walk()}
    meta = report.meta
    for field, span in meta.spans.items():
        assert getattr(meta, field) is not None, field
        written = _slice(text, span)
        if isinstance(getattr(meta, field), str) and field not in (
            "period",
            "feedback_date",
            "date",
        ):
            assert written == getattr(meta, field), field
    for contact in meta.contacts:
        assert _slice(text, contact.span) == contact.text
        if contact.label_span is not None:
            assert _slice(text, contact.label_span) == contact.label
    for item in report.rectifications:
        assert item.node_path in paths
        assert _slice(text, item.problem_span) == item.problem
        if item.opinion_span is not None:
            assert _slice(text, item.opinion_span) == item.opinion
        if item.group_span is not None:
            assert _slice(text, item.group_span) == item.group
        if item.status_span is not None:
            assert item.status is not None
        for measure in item.measures:
            assert _slice(text, measure.span) == measure.text
            assert measure.node_path in paths
            assert item.span.start <= measure.span.start < measure.span.end <= item.span.end
    assert all(count.indicator is not None for count in report.indicators)


def test_the_files_include_the_corpus_when_it_is_here() -> None:
    assert len(FILES) >= 10
