"""Golden tests over samples/: each report against its hand-written outline, plus the invariants.

``samples/<name>.outline.json`` is written by hand from reading the sample, never generated from
the parser: a difference is either a parser bug (the case is marked xfail(strict=True) below with
its reason) or a mistake in the expectation (fix the file after rereading the text).

``parent`` in those files is the path of the nearest ancestor that has a marker (an unnumbered
paragraph between them shows up only as a ``pN`` component of ``path``).

A separate full-JSON snapshot (``samples/snapshots/<name>.json``: the whole Report, its title,
every node with its spans, headings and kinds, diagnostics and every mention) catches any
change to the output; it may be regenerated with REPORTPARSE_REGEN=1, and
``test_regeneration_flag_is_off`` fails while that flag is set so it cannot stay on.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

import reportparse
from reportparse import Report
from tests.conftest import SAMPLES, read_exact
from tests.invariants import check_report
from tests.test_outline_cases import assert_siblings_tile

SNAPSHOTS = SAMPLES / "snapshots"
REGEN = os.environ.get("REPORTPARSE_REGEN") == "1"

# Where the parser does not reach the hand-written expectation yet: (test, sample) -> reason.
# Each is a parser bug reported to the outline's owner with its smallest input; strict, so the
# mark must go when the bug is fixed.
KNOWN_PARSER_BUGS: dict[tuple[str, str], str] = {}

SAMPLE_NAMES = sorted(path.stem for path in SAMPLES.glob("*.txt"))


def _expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (SAMPLES / f"{name}.outline.json").read_text(encoding="utf-8")
    )
    return data


def _parse(name: str) -> tuple[str, Report]:
    text = read_exact(SAMPLES / f"{name}.txt")
    return text, reportparse.parse(text)


def marker_outline(report: Report) -> list[dict[str, Any]]:
    """The marker nodes of ``report`` in document order, in the shape of the .outline.json files."""
    rows: list[dict[str, Any]] = []

    def visit(nodes: list[Any], parent: str | None) -> None:
        for node in nodes:
            if node.marker is None:
                visit(node.children, parent)
                continue
            rows.append(
                {
                    "path": node.path,
                    "style": node.marker.style,
                    "marker": node.marker.text,
                    "ordinal": node.marker.ordinal,
                    "parent": parent,
                }
            )
            visit(node.children, node.path)

    visit(report.children, None)
    return rows


def _cases(test: str) -> list[Any]:
    """One pytest param per sample, marked xfail(strict=True) where a parser bug is known."""
    params = []
    for name in SAMPLE_NAMES:
        reason = KNOWN_PARSER_BUGS.get((test, name))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(name, id=name, marks=marks))
    return params


def test_every_sample_has_its_expectation() -> None:
    assert len(SAMPLE_NAMES) >= 6
    for name in SAMPLE_NAMES:
        assert (SAMPLES / f"{name}.outline.json").exists(), f"{name} has no .outline.json"
        assert _expected(name)["sample"] == f"{name}.txt"


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_shape(name: str) -> None:
    """The samples are realistic in size and UTF-8; fullwidth_crlf really has CRLF bytes."""
    raw = (SAMPLES / f"{name}.txt").read_bytes()
    text = raw.decode("utf-8")
    assert 1500 <= len(text) <= 5000, f"{name}: {len(text)} characters"
    if name == "fullwidth_crlf":
        assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    if name == "flattened_web":
        assert "\n" not in text and "\r" not in text


@pytest.mark.parametrize("name", _cases("outline"))
def test_sample_outline(name: str) -> None:
    _, report = _parse(name)
    expected = _expected(name)
    assert marker_outline(report) == expected["nodes"]


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_title(name: str) -> None:
    _, report = _parse(name)
    title = report.title.text if report.title is not None else None
    assert title == _expected(name)["title"]


@pytest.mark.parametrize("name", _cases("diagnostics"))
def test_sample_diagnostics(name: str) -> None:
    _, report = _parse(name)
    codes = [diagnostic.code for diagnostic in report.diagnostics]
    assert codes == _expected(name)["diagnostics"]


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_invariants(name: str) -> None:
    text, report = _parse(name)
    check_report(report, text)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_siblings_tile(name: str) -> None:
    text, report = _parse(name)
    assert_siblings_tile(report, text)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_parse_file_matches_parse(name: str) -> None:
    """Reading from disk keeps every byte (CRLF included), so offsets agree with parse()."""
    text = read_exact(SAMPLES / f"{name}.txt")
    from_file = reportparse.parse_file(SAMPLES / f"{name}.txt")
    assert from_file.text == text
    assert marker_outline(from_file) == marker_outline(reportparse.parse(text))


def _snapshot_path(name: str) -> Path:
    return SNAPSHOTS / f"{name}.json"


def _snapshot_of(report: Report) -> str:
    """The whole Report as JSON: text, title, every node, diagnostics and every mention."""
    data = json.loads(report.model_dump_json())
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_snapshot(name: str) -> None:
    """The whole Report is unchanged; regenerate with REPORTPARSE_REGEN=1 and review the diff."""
    _, report = _parse(name)
    actual = _snapshot_of(report)
    path = _snapshot_path(name)
    if REGEN:
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    if not path.exists():
        pytest.skip(f"no snapshot yet for {name}: run with REPORTPARSE_REGEN=1")
    assert actual == path.read_text(encoding="utf-8"), f"{name}: snapshot differs"


def test_regeneration_flag_is_off() -> None:
    assert not REGEN, "REPORTPARSE_REGEN=1 rewrites snapshots: unset it before committing"
