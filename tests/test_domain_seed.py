"""The domain layer on the seed report against its hand gold (../shared/gold/seed_domain.json)."""

from __future__ import annotations

import json
from typing import Any

import pytest

import reportparse
from reportparse import Report
from tests.conftest import GOLD
from tests.domain_scoring import score, table


@pytest.fixture(scope="module")
def seed_domain_gold() -> dict[str, Any]:
    path = GOLD / "seed_domain.json"
    if not path.exists():
        pytest.skip("../shared/gold/seed_domain.json is not here")
    gold: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return gold


@pytest.fixture(scope="module")
def seed_report(seed_text: str) -> Report:
    return reportparse.parse(seed_text)


def test_seed_acceptance_points(seed_report: Report) -> None:
    meta = seed_report.meta
    assert meta.issuer is not None and "政法委" in meta.issuer
    assert (meta.inspection, meta.term, meta.round, meta.batch) == ("巡视", "十一届", 8, 1)
    assert meta.team == "市委巡视六组"
    assert {"022-83607096", "300050"} <= {c.text for c in meta.contacts}
    items = seed_report.rectifications
    assert len(items) == 16
    markers = [seed_report.node_at(item.node_path).marker.text for item in items]  # type: ignore[union-attr]
    assert markers == [f"{n}。" for n in range(1, 11)] + ["(1)", "(2)"] + [
        f"{n}。" for n in range(11, 15)
    ]
    first = items[0]
    assert first.problem.startswith("如何确保各政法单位")
    assert first.opinion is not None and first.opinion.startswith("全面贯彻落实")
    assert [m.text[:2] for m in first.measures] == ["一是", "二是", "三是", "四是", "五是"]


def test_seed_scores_against_the_gold(
    seed_report: Report, seed_domain_gold: dict[str, Any]
) -> None:
    tallies = score(seed_report, seed_domain_gold)
    print(table(tallies))
    for name in ("meta", "contacts", "items", "problem", "opinion", "group", "measures"):
        assert tallies[name].f1 == 1.0, (name, table(tallies))
    assert tallies["indicators"].f1 == 1.0, table(tallies)
    assert tallies["status"].f1 == 1.0, table(tallies)


def test_seed_spans_slice_back(seed_report: Report) -> None:
    text = seed_report.text
    for field, span in seed_report.meta.spans.items():
        assert field in type(seed_report.meta).model_fields
        assert span.start < span.end
    assert text[slice(*_span(seed_report.meta.spans["team"]))] == seed_report.meta.team
    for item in seed_report.rectifications:
        assert text[slice(*_span(item.problem_span))] == item.problem
        if item.opinion_span is not None:
            assert text[slice(*_span(item.opinion_span))] == item.opinion


def _span(span: Any) -> tuple[int, int]:
    return span.start, span.end
