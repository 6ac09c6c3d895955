"""Dates, documents and slogans scored against a hand gold of text the extractors were not tuned on.

tests/data/mentions_dev_gold.json annotates three corpus files of other kinds (a 2004 letter, a
2018 guideline, the first part of a 2025 provincial work report) and two invented samples, by
reading them; the matching rules are score.py's (dates: spans overlap and the value agrees, a
prefix being enough; documents: identical span; slogans: identical span).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from reportparse.drafts import DateDraft, MentionDraft
from reportparse.extract.dates import extract_dates, implied_reference_date
from reportparse.extract.documents import extract_documents
from reportparse.extract.slogans import extract_slogans
from reportparse.source import SourceText

from .conftest import ROOT, SHARED, read_exact

GOLD_PATH = Path(__file__).parent / "data" / "mentions_dev_gold.json"
GOLD: dict[str, Any] = json.loads(GOLD_PATH.read_text(encoding="utf-8"))


def _text_of(source: str) -> str | None:
    for base in (ROOT, SHARED):
        if (base / source).exists():
            return read_exact(base / source)
    return None


def _sources() -> list[tuple[str, dict[str, Any], str]]:
    """(key, annotation, text) for every annotated source that is present here."""
    found = []
    for key, ann in GOLD["sources"].items():
        text = _text_of(ann["source"])
        if text is not None:
            found.append((key, ann, text))
    if not found:
        pytest.skip("no annotated source is present")
    return found


def _optional(category: str, entry: dict[str, Any]) -> bool:
    return category == "dates" and (entry["kind"] == "named" or entry["value"] is None)


def _matches(category: str, gold: dict[str, Any], pred: MentionDraft) -> bool:
    span = (pred.span.start, pred.span.end)
    if category != "dates":
        return span == (gold["start"], gold["end"])
    if not (span[0] < gold["end"] and gold["start"] < span[1]):
        return False
    value = getattr(pred, "value", None)
    return value is not None and str(value).startswith(str(gold["value"]))


def _pairs(
    category: str, golds: list[dict[str, Any]], preds: Sequence[MentionDraft], end: int
) -> tuple[list[tuple[dict[str, Any], MentionDraft]], list[dict[str, Any]], list[MentionDraft]]:
    """Matched pairs, missed gold entries and extra predictions inside the annotated range."""
    optional = [(g["start"], g["end"]) for g in golds if _optional(category, g)]
    scored = [g for g in golds if not _optional(category, g)]
    kept = [
        p
        for p in preds
        if p.span.start < end and not any(p.span.start < e and s < p.span.end for s, e in optional)
    ]
    used: set[int] = set()
    pairs, missed = [], []
    for g in scored:
        hit = next(
            (i for i, p in enumerate(kept) if i not in used and _matches(category, g, p)), None
        )
        if hit is None:
            missed.append(g)
        else:
            used.add(hit)
            pairs.append((g, kept[hit]))
    extra = [p for i, p in enumerate(kept) if i not in used]
    return pairs, missed, extra


def _dates(source: SourceText) -> list[DateDraft]:
    return extract_dates(source, implied_reference_date(source))


_EXTRACTORS: dict[str, Callable[[SourceText], Sequence[MentionDraft]]] = {
    "dates": _dates,
    "documents": extract_documents,
    "slogans": extract_slogans,
}


def dev_score(category: str) -> dict[str, Any]:
    """Precision, recall, F1 over every present source, with the misses and extras by text."""
    tp = n_pred = n_gold = 0
    all_pairs: list[tuple[dict[str, Any], MentionDraft]] = []
    missed: list[str] = []
    extra: list[str] = []
    for key, ann, text in _sources():
        pairs, miss, more = _pairs(
            category,
            ann[category],
            _EXTRACTORS[category](SourceText.of(text)),
            ann["annotated_end"],
        )
        tp += len(pairs)
        n_pred += len(pairs) + len(more)
        n_gold += len(pairs) + len(miss)
        all_pairs += pairs
        missed += [f"{key}:{g['text']}" for g in miss]
        extra += [f"{key}:{p.text}" for p in more]
    precision = tp / n_pred if n_pred else 1.0
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": precision, "r": recall, "f1": f1, "pairs": all_pairs,
            "missed": missed, "extra": extra}  # fmt: skip


def test_gold_offsets_match_the_files() -> None:
    for _, ann, text in _sources():
        assert len(text) == ann["length"]
        for category in ("dates", "documents", "slogans"):
            for entry in ann[category]:
                assert text[entry["start"] : entry["end"]] == entry["text"]


@pytest.mark.parametrize("category", ["dates", "documents", "slogans"])
def test_dev_gold_f1(category: str) -> None:
    score = dev_score(category)
    assert score["f1"] >= 0.9, (score["p"], score["r"], score["missed"], score["extra"])


def field_misses(category: str, field: str) -> tuple[int, list[tuple[str, Any, Any]]]:
    """(matched pairs, [(text, gold, predicted)] where a matched mention's field disagrees)."""
    pairs = dev_score(category)["pairs"]
    wrong = [
        (g["text"], g[field], getattr(p, field, None))
        for g, p in pairs
        if g[field] != getattr(p, field, None)
    ]
    return len(pairs), wrong


@pytest.mark.parametrize("field", ["kind", "action", "issuer"])
def test_dev_gold_document_fields(field: str) -> None:
    matched, wrong = field_misses("documents", field)
    assert len(wrong) <= matched // 10, wrong


def test_dev_gold_date_kinds() -> None:
    matched, wrong = field_misses("dates", "kind")
    assert len(wrong) <= matched // 10, wrong


_FIELDS = {"dates": ("kind",), "documents": ("kind", "action", "issuer"), "slogans": ()}

if __name__ == "__main__":  # the figures for the docs: python -m tests.test_mentions_dev
    for name, fields in _FIELDS.items():
        s = dev_score(name)
        print(f"{name}: P {s['p']:.3f} R {s['r']:.3f} F1 {s['f1']:.3f}")
        print(f"  missed {s['missed']}\n  extra {s['extra']}")
        for field in fields:
            matched, wrong = field_misses(name, field)
            print(f"  {field}: {matched - len(wrong)}/{matched} {wrong}")
