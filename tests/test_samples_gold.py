"""Counts and dates of the three invented sector samples scored against their hand gold.

tests/data/samples_gold.json annotates a hospital, a university and a village 巡察 rectification
report in samples/ by reading them (the conventions are in its notes). Matching is score.py's:
a prediction matches a gold entry when their spans overlap and the values agree (a date's value
may be a prefix of the predicted one).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import reportparse
from reportparse.models import Count, DateMention

from .conftest import ROOT, read_exact

GOLD: dict[str, Any] = json.loads(
    (Path(__file__).parent / "data" / "samples_gold.json").read_text(encoding="utf-8")
)
SAMPLES = GOLD["samples"]


def _overlap(gold: dict[str, Any], start: int, end: int) -> bool:
    return bool(gold["start"] < end and start < gold["end"])


def _count_matches(gold: dict[str, Any], pred: Count) -> bool:
    same = abs(float(pred.value) - float(gold["value"])) < 1e-6
    return same and _overlap(gold, pred.span.start, pred.span.end)


def _date_matches(gold: dict[str, Any], pred: DateMention) -> bool:
    agree = pred.value is not None and pred.value.startswith(gold["value"])
    return agree and _overlap(gold, pred.span.start, pred.span.end)


def _pairs(golds: list[dict[str, Any]], preds: list[Any], matches: Any) -> list[tuple[int, int]]:
    used: set[int] = set()
    pairs = []
    for g, gold in enumerate(golds):
        hit = next((i for i, p in enumerate(preds) if i not in used and matches(gold, p)), None)
        if hit is not None:
            used.add(hit)
            pairs.append((g, hit))
    return pairs


def _f1(n_pairs: int, n_pred: int, n_gold: int) -> float:
    precision = n_pairs / n_pred if n_pred else 1.0
    recall = n_pairs / n_gold if n_gold else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@pytest.mark.parametrize("key", SAMPLES)
def test_gold_offsets_match_the_sample(key: str) -> None:
    sample = SAMPLES[key]
    text = read_exact(ROOT / sample["source"])
    assert len(text) == sample["length"]
    for entry in sample["counts"] + sample["dates"]:
        assert text[entry["start"] : entry["end"]] == entry["text"]


@pytest.mark.parametrize("key", SAMPLES)
def test_sample_counts_f1(key: str) -> None:
    sample = SAMPLES[key]
    counts = reportparse.parse(read_exact(ROOT / sample["source"])).counts
    pairs = _pairs(sample["counts"], counts, _count_matches)
    missed = [g["text"] for i, g in enumerate(sample["counts"]) if i not in {p[0] for p in pairs}]
    extra = [c.text for i, c in enumerate(counts) if i not in {p[1] for p in pairs}]
    assert _f1(len(pairs), len(counts), len(sample["counts"])) >= 0.95, (missed, extra)
    # a range's upper end and a single number's None agree with the gold too
    wrong = [
        (sample["counts"][g]["text"], counts[p].value_max)
        for g, p in pairs
        if counts[p].value_max != sample["counts"][g]["value_max"]
    ]
    assert wrong == []


@pytest.mark.parametrize("key", SAMPLES)
def test_sample_dates_f1(key: str) -> None:
    sample = SAMPLES[key]
    dates = reportparse.parse(read_exact(ROOT / sample["source"])).dates
    pairs = _pairs(sample["dates"], dates, _date_matches)
    missed = [g["text"] for i, g in enumerate(sample["dates"]) if i not in {p[0] for p in pairs}]
    extra = [d.text for i, d in enumerate(dates) if i not in {p[1] for p in pairs}]
    assert _f1(len(pairs), len(dates), len(sample["dates"])) >= 0.98, (missed, extra)
    kinds = [
        (sample["dates"][g]["text"], dates[p].kind)
        for g, p in pairs
        if dates[p].kind != sample["dates"][g]["kind"]
    ]
    assert kinds == []
