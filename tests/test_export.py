from __future__ import annotations

import json

import pytest

import reportparse
from reportparse.export import records_to_tsv, to_jsonl, to_markdown, to_outline_text, to_records

TEXT = "关于整改情况的通报\n一、总体情况\n（一）压实责任。明确分工。\n召开会议3次。\n二、下步打算\n"


def test_node_records_are_flat_rows() -> None:
    report = reportparse.parse(TEXT)
    rows = to_records(report, "nodes")
    assert [row["path"] for row in rows] == ["1", "1.1", "1.1.p1", "2"]
    assert rows[1]["style"] == "cn_paren" and rows[1]["heading"] == "压实责任。"
    for row in rows:
        assert TEXT[row["start"] : row["end"]] == row["text"]


def test_unknown_record_kind_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="kind must be one of"):
        to_records(reportparse.parse(TEXT), "people")  # type: ignore[arg-type]


def test_outline_text_with_paragraphs() -> None:
    text = to_outline_text(reportparse.parse(TEXT), paragraphs=True)
    assert text.splitlines()[3] == "    ¶ 召开会议3次。  [1.1.p1]"


def test_markdown_headings_and_body() -> None:
    markdown = to_markdown(reportparse.parse(TEXT))
    assert markdown.splitlines()[0] == "# 关于整改情况的通报"
    assert "## 一、总体情况" in markdown
    assert "### （一）压实责任。" in markdown
    assert "明确分工。" in markdown and "召开会议3次。" in markdown


def test_jsonl_is_one_report_per_line() -> None:
    lines = to_jsonl([reportparse.parse(TEXT), reportparse.parse("一、甲")]).splitlines()
    assert len(lines) == 2
    assert json.loads(lines[1])["text"] == "一、甲"


def test_tsv_escapes_tabs_and_newlines() -> None:
    tsv = records_to_tsv([{"a": "x\ty", "b": None}, {"a": "1\n2", "b": 3}])
    assert tsv == "a\tb\nx\\ty\t\n1\\n2\t3\n"
