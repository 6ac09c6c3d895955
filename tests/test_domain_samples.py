"""The domain layer on the project's samples against their hand golds (tests/data/domain_*.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import reportparse
from tests.conftest import SAMPLES, read_exact
from tests.domain_scoring import Tally, resolve_sample_gold, score, table

DATA = Path(__file__).resolve().parent / "data"
GOLDS = sorted(DATA.glob("domain_*.json"))
FIELDS = ("meta", "contacts", "items", "problem", "opinion", "group", "measures", "indicators")


@pytest.mark.parametrize("gold_path", GOLDS, ids=[path.stem for path in GOLDS])
def test_sample_scores_against_its_gold(gold_path: Path) -> None:
    readable: dict[str, Any] = json.loads(gold_path.read_text(encoding="utf-8"))
    text = read_exact(SAMPLES / readable["sample"])
    tallies = score(reportparse.parse(text), resolve_sample_gold(text, readable))
    print(f"\n{readable['sample']}\n{table(tallies)}")
    for name in FIELDS:
        assert tallies.get(name, Tally()).f1 >= 0.9, (name, table(tallies))
    assert tallies.get("status", Tally()).f1 >= 0.8, table(tallies)


def test_every_domain_sample_has_a_gold() -> None:
    described = {json.loads(path.read_text(encoding="utf-8"))["sample"] for path in GOLDS}
    assert {"university_progress.txt", "county_bureau_status.txt"} <= described
    assert len(described) == len(GOLDS) >= 7
