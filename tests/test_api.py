"""The public API contract of ../shared/API.md: names, types, errors, serialisation."""

from __future__ import annotations

import datetime
import hashlib
import json
from pathlib import Path

import pytest

import reportparse
from reportparse import Paragraph, Point, Report, Section

TEXT = (
    "某市审计局关于审计整改情况的报告\n"
    "一、总体情况\n"
    "全年召开整改推进会6次。\n"
    "（一）压实责任\n"
    "1.建立台账。一是明确分工，二是限时办结。\n"
    "2.跟踪督办。\n"
    "二、下步打算\n"
)


def test_public_names_exist() -> None:
    for name in [
        "parse", "parse_file", "Report", "Node", "Marker", "Span", "Diagnostic", "Title",
        "Count", "DateMention", "DocumentRef", "Slogan", "Section", "Point", "Paragraph",
    ]:  # fmt: skip
        assert hasattr(reportparse, name), name


def test_tree_shape_and_kinds() -> None:
    report = reportparse.parse(TEXT)
    assert report.title is not None and report.title.text == "某市审计局关于审计整改情况的报告"
    top = report.children
    assert [type(node) for node in top] == [Section, Section]
    part_one = top[0]
    assert isinstance(part_one.children[0], Paragraph)
    sub = part_one.children[1]
    assert sub.marker is not None and sub.marker.style == "cn_paren" and sub.path == "1.1"
    item = sub.children[0]
    assert item.marker is not None and item.marker.text == "1." and item.level == 3
    points = item.children
    assert [type(p) for p in points] == [Point, Point]
    assert [p.marker.text for p in points if p.marker] == ["一是", "二是"]
    assert [p.path for p in points] == ["1.1.1.1", "1.1.1.2"]
    assert report.node_at("1.1.2") is sub.children[1]
    assert report.node_at("9.9") is None


def test_walk_is_depth_first_document_order() -> None:
    report = reportparse.parse(TEXT)
    starts = [node.span.start for node in report.walk()]
    assert starts == sorted(starts)
    assert len(starts) == len({node.path for node in report.walk()})


def test_spans_index_the_exact_input() -> None:
    report = reportparse.parse(TEXT)
    for node in report.walk():
        if node.marker:
            assert TEXT[node.marker.span.start : node.marker.span.end] == node.marker.text
        if node.heading_span:
            assert TEXT[node.heading_span.start : node.heading_span.end] == node.heading


def test_json_round_trip_keeps_node_kinds() -> None:
    report = reportparse.parse(TEXT)
    data = json.loads(report.model_dump_json())
    assert data["schema_version"] == reportparse.SCHEMA_VERSION
    assert data["children"][0]["kind"] == "section"
    again = Report.model_validate_json(report.model_dump_json())
    assert again == report
    assert isinstance(again.children[0].children[0], Paragraph)


@pytest.mark.parametrize("bad", [b"\xe4\xb8\x80\xe3\x80\x81", None, 42, ["一、"]])
def test_non_str_input_raises_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="takes the report as str"):
        reportparse.parse(bad)  # type: ignore[arg-type]


def test_reference_date_must_be_a_date() -> None:
    with pytest.raises(TypeError, match="reference_date"):
        reportparse.parse("一、", reference_date="2021-01-01")  # type: ignore[arg-type]
    report = reportparse.parse("一、", reference_date=datetime.date(2021, 1, 1))
    assert report.reference_date == datetime.date(2021, 1, 1)


def test_span_is_frozen() -> None:
    report = reportparse.parse(TEXT)
    with pytest.raises(Exception):  # noqa: B017 - pydantic raises ValidationError
        report.children[0].span.start = 3  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "code"),
    [("", "empty_input"), ("  \n\u3000 ", "empty_input"), ("一、甲\x00乙", "control_characters")],
    ids=["empty", "whitespace", "nul"],
)
def test_input_problems_become_diagnostics(text: str, code: str) -> None:
    report = reportparse.parse(text)
    assert code in [d.code for d in report.diagnostics]
    assert report.text == text


def test_str_of_report_is_the_outline() -> None:
    text = str(reportparse.parse(TEXT))
    assert "一、 总体情况  [1]" in text
    assert "    1. 建立台账。  [1.1.1]" in text


def test_parse_file_records_its_source(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    data = "一、总体情况\n召开会议3次。\n".encode("gb18030")
    path.write_bytes(data)
    report = reportparse.parse_file(path)
    assert report.source is not None
    assert report.source.path == str(path)
    assert report.source.encoding == "gb18030"
    assert report.source.sha256 == hashlib.sha256(data).hexdigest()
    assert reportparse.parse(report.text).source is None


def test_parse_bytes_names_its_input_and_rejects_text() -> None:
    report = reportparse.parse_bytes("一、总体情况\n".encode(), name="page-1")
    assert report.source is not None and report.source.path == "page-1"
    assert report.source.encoding == "utf-8"
    assert [node.marker.text for node in report.children if node.marker] == ["一、"]
    with pytest.raises(TypeError):
        reportparse.parse_bytes("一、总体情况")  # type: ignore[arg-type]


def test_parse_file_refuses_more_than_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes("一、总体情况\n".encode() * 100)
    with pytest.raises(reportparse.InputTooLargeError, match="more than 50 bytes"):
        reportparse.parse_file(path, max_bytes=50)
    assert reportparse.parse_file(path, max_bytes=None).children


def test_parse_file_reads_a_device_that_never_ends_only_up_to_the_cap() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero on this system")
    with pytest.raises(reportparse.InputTooLargeError):
        reportparse.parse_file("/dev/zero", max_bytes=1000)
