"""Shared fixtures: the project's samples, when present the real corpus in ../shared/, and a
count of the worker pools a batch starts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reportparse import batch

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "dev"
GOLD = SHARED / "gold"

needs_shared = pytest.mark.skipif(
    not (CORPUS / "seed.txt").exists(),
    reason="../shared/corpus is not here (it comes with the project workspace, not the package)",
)


def read_exact(path: Path) -> str:
    """Read a file as the gold offsets expect: UTF-8, newlines untouched."""
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not (CORPUS / "seed.txt").exists():
        pytest.skip("../shared/corpus/dev/seed.txt is not here")
    return read_exact(CORPUS / "seed.txt")


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    if not (GOLD / "seed.json").exists():
        pytest.skip("../shared/gold/seed.json is not here")
    gold: dict[str, Any] = json.loads((GOLD / "seed.json").read_text(encoding="utf-8"))
    return gold


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt")) if CORPUS.exists() else []


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of workers of each pool ``parse_many`` starts (pools of up to 8 start as
    usual; a larger one fails the test before any of its workers is started)."""
    numbers: list[int] = []
    start_workers = batch._start_workers

    def counted(jobs: int) -> object:
        numbers.append(jobs)
        assert jobs <= 8, f"a pool of {jobs} workers"
        return start_workers(jobs)

    monkeypatch.setattr(batch, "_start_workers", counted)
    return numbers
