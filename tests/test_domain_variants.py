"""The domain layer on reports written for it in forms the samples lack (a central ministry and
central and provincial enterprises, a provincial hospital, a college, a district, a town, a
problem table copied as text), each scored against its hand-written expectation
(tests/data/domain_variants/<name>.json): meta field by field, items matched by their problem
text, figure roles by the figure each expectation anchors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import reportparse
from tests.conftest import read_exact
from tests.domain_scoring import META_FIELDS, Tally, score_by_problem, table

VARIANTS = Path(__file__).resolve().parent / "data" / "domain_variants"
FILES = sorted(VARIANTS.glob("*.json"))
FIELDS = ("items", "opinion", "group", "status", "deadline", "measures", "indicators", "contacts")

# the least F1 each file must reach on each field of FIELDS; meta must be exact everywhere
THRESHOLDS: dict[str, dict[str, float]] = {
    "central_soe_progress": dict.fromkeys(FIELDS, 1.0),
    "district_completion": dict.fromkeys(FIELDS, 1.0),
    "hospital_labels": dict.fromkeys(FIELDS, 1.0),
    "ministry_feedback": dict.fromkeys(FIELDS, 1.0),
    "soe_special": dict.fromkeys(FIELDS, 1.0),
    "soe_table_lines": dict.fromkeys(FIELDS, 1.0),
    "town_running_text": dict.fromkeys(FIELDS, 1.0),
    "university_running": dict.fromkeys(FIELDS, 1.0),
}


def _load(path: Path) -> tuple[dict[str, Any], str]:
    expected: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return expected, read_exact(VARIANTS / expected["file"])


def test_every_variant_has_an_expectation_and_a_threshold() -> None:
    texts = {path.name for path in VARIANTS.glob("*.txt")}
    described = {_load(path)[0]["file"] for path in FILES}
    assert texts == described and len(texts) >= 6
    assert set(THRESHOLDS) == {path.stem for path in FILES}
    for text in texts:
        assert 1500 <= len(read_exact(VARIANTS / text)) <= 4000, text


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_variant_meta_is_exact(path: Path) -> None:
    expected, text = _load(path)
    meta = reportparse.parse(text).meta
    for field in META_FIELDS:
        want = expected["meta"].get(field)
        accept = want.get("accept", []) if isinstance(want, dict) else []
        value = want["value"] if isinstance(want, dict) else want
        got = getattr(meta, field)
        assert got == value or got in accept, (field, got, value)


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_variant_scores_against_its_expectation(path: Path) -> None:
    expected, text = _load(path)
    tallies = score_by_problem(reportparse.parse(text), text, expected)
    print(f"\n{expected['file']}\n{table(tallies)}")
    for field, least in THRESHOLDS[path.stem].items():
        assert tallies.get(field, Tally()).f1 >= least, (field, table(tallies))


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_variant_spans_slice_back(path: Path) -> None:
    _, text = _load(path)
    report = reportparse.parse(text)
    paths = {node.path for node in report.walk()}
    for item in report.rectifications:
        assert text[item.problem_span.start : item.problem_span.end] == item.problem
        assert item.node_path in paths
        for measure in item.measures:
            assert text[measure.span.start : measure.span.end] == measure.text
            assert item.span.start <= measure.span.start < measure.span.end <= item.span.end
