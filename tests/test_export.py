from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import reportparse
from reportparse.export import (
    RECORD_KINDS,
    records_to_tsv,
    table_columns,
    to_dataframe,
    to_jsonl,
    to_markdown,
    to_outline_text,
    to_records,
)

TEXT = "关于整改情况的通报\n一、总体情况\n（一）压实责任。明确分工。\n召开会议3次。\n二、下步打算\n"


def test_node_records_are_flat_rows() -> None:
    report = reportparse.parse(TEXT)
    rows = to_records(report, "nodes")
    assert [row["path"] for row in rows] == ["1", "1.1", "1.1.p1", "2"]
    assert [row["parent"] for row in rows] == [None, "1", "1.1", None]
    assert rows[1]["style"] == "cn_paren" and rows[1]["heading"] == "压实责任。"
    assert [row["ordinal"] for row in rows] == [1, 1, None, 2]
    # own text: marker, heading and body, without the children's text
    assert [row["text"] for row in rows] == [
        "一、总体情况",
        "（一）压实责任。明确分工。",
        "召开会议3次。",
        "二、下步打算",
    ]
    for row in rows:
        assert TEXT[row["char_start"] : row["char_end"]].startswith(row["text"])


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


def test_tsv_escapes_carriage_returns() -> None:
    r"""A node's own text keeps the file's line breaks (\r\n from Windows, between the pieces
    around its children): \r is escaped too, or readers that end lines at \r (pandas, Excel)
    split the row."""
    tsv = records_to_tsv(
        [{"a": "素养。\r\n\r\n\u3000\u3000\r\n序列。", "b": 1}, {"a": "x\ry", "b": 2}]
    )
    assert tsv == "a\tb\n素养。\\r\\n\\r\\n\u3000\u3000\\r\\n序列。\t1\nx\\ry\t2\n"
    assert len(tsv.splitlines()) == 3


def test_every_table_has_its_file_column(tmp_path: Path) -> None:
    path = tmp_path / "通报.txt"
    path.write_text(TEXT, encoding="utf-8")
    from_file = reportparse.parse_file(path)
    for kind in RECORD_KINDS:
        assert table_columns(kind)[0] == "file"
        rows = to_records(from_file, kind)
        assert all(row["file"] == str(path) for row in rows), kind
        assert all(list(row) == list(table_columns(kind)) for row in rows), kind
    assert {row["file"] for row in to_records(reportparse.parse(TEXT), "nodes")} == {None}
    assert {row["file"] for row in to_records(from_file, "counts", file="a")} == {"a"}


@pytest.mark.parametrize(
    ("text", "kind", "value", "start", "end"),
    [
        pytest.param("2020年", "point", "2020", "2020-01-01", "2020-12-31", id="year"),
        pytest.param("2020年2月底", "point", "2020-02", "2020-02-01", "2020-02-29", id="leap"),
        pytest.param("2021年2月底", "point", "2021-02", "2021-02-01", "2021-02-28", id="month"),
        pytest.param("2021年1月8日", "point", "2021-01-08", "2021-01-08", "2021-01-08", id="day"),
        pytest.param(
            "2020年5月至7月", "range", "2020-05/2020-07", "2020-05-01", "2020-07-31", id="range"
        ),
        pytest.param(
            "2021年5月8日至7月5日", "range", "2021-05-08/2021-07-05", "2021-05-08", "2021-07-05",
            id="range-days",
        ),
        pytest.param("“十四五”", "named", "2021/2025", "2021-01-01", "2025-12-31", id="plan"),
        pytest.param("2020年9月以来", "since", "2020-09", "2020-09-01", None, id="since-open"),
    ],
)  # fmt: skip
def test_date_rows_have_iso_bounds(
    text: str, kind: str, value: str, start: str, end: str | None
) -> None:
    (row,) = to_records(reportparse.parse(text), "dates")
    assert (row["kind"], row["value"]) == (kind, value)
    assert (row["date_start"], row["date_end"]) == (start, end)
    assert text[row["char_start"] : row["char_end"]] == row["text"]


def test_unresolved_date_has_no_bounds() -> None:
    (row,) = to_records(reportparse.parse("明年"), "dates")
    assert row["value"] is None
    assert (row["date_start"], row["date_end"]) == (None, None)


def test_node_text_with_and_without_children() -> None:
    report = reportparse.parse(TEXT)
    part = report.children[0]
    assert report.node_text(part) == TEXT[part.span.start : part.span.end]
    assert report.node_text(part, children=False) == "一、总体情况"
    leaf = report.node_at("1.1.p1")
    assert leaf is not None and report.node_text(leaf, children=False) == "召开会议3次。"


def test_repr_is_short() -> None:
    # 46 characters, repeated: later titles become paragraphs (4 + 1999 * 5 nodes) and every
    # later 一、 is a numbering diagnostic
    report = reportparse.parse(TEXT * 2000)
    assert repr(report) == (
        "Report(title='关于整改情况的通报', chars=92000, nodes=9999, counts=2000, dates=0, "
        "documents=0, slogans=0, diagnostics=1999)"
    )
    node = report.children[0]
    assert repr(node) == (
        "Section(path='1', marker='一、', heading='总体情况', span=10:38, children=1)"
    )
    assert str(node) == repr(node)
    paragraph = report.node_at("1.1.p1")
    assert repr(paragraph) == "Paragraph(path='1.1.p1', span=31:38, children=0)"


def test_repr_names_the_source(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("一、" + "很长的标题" * 30, encoding="utf-8")
    text = repr(reportparse.parse_file(path))
    assert text.endswith(f"source={str(path)!r})")
    assert len(text) < 300


def test_dataframe_of_one_report_many_and_named() -> None:
    pd = pytest.importorskip("pandas")
    one = reportparse.parse(TEXT)
    two = reportparse.parse("一、甲\n召开会议2次。")
    frame = to_dataframe(one, "nodes")
    assert list(frame.columns) == list(table_columns("nodes"))
    assert str(frame["ordinal"].dtype) == "Int64"
    assert frame["ordinal"].tolist()[:2] == [1, 1] and frame["ordinal"].isna().tolist()[2]
    failure = reportparse.ParseFailure(error_type="DecodeError", message="not UTF-8")
    named = to_dataframe({"甲.txt": one, "丙.txt": failure, "乙.txt": two}, "counts")
    assert named["file"].tolist() == ["甲.txt", "乙.txt"]
    assert named["value"].tolist() == [3, 2]
    listed = to_dataframe([one, failure, two], "counts")
    assert listed["report"].tolist() == [0, 2]
    empty = to_dataframe(reportparse.parse("一、甲"), "dates")
    assert list(empty.columns) == list(table_columns("dates")) and len(empty) == 0
    dates = to_dataframe(reportparse.parse("2020年5月至7月"), "dates")
    assert dates["date_start"].tolist() == [pd.Timestamp("2020-05-01")]
    assert dates["date_end"].tolist() == [pd.Timestamp("2020-07-31")]


@pytest.mark.parametrize(
    "reports",
    [
        pytest.param(["一、总体情况\n召开会议3次。"], id="a-list-of-texts"),
        pytest.param({"a.txt": "一、总体情况"}, id="a-dict-of-texts"),
        pytest.param([Path("samples/inspection_standard.txt")], id="a-list-of-paths"),
        pytest.param("一、总体情况", id="one-text"),
    ],
)
def test_dataframe_refuses_what_is_no_report(reports: object) -> None:
    """Texts or paths given where reports are expected are an error, not an empty table."""
    pytest.importorskip("pandas")
    with pytest.raises(TypeError, match="parse"):
        to_dataframe(reports, "counts")  # type: ignore[arg-type]


def test_dataframe_of_one_failure_is_empty() -> None:
    pytest.importorskip("pandas")
    failure = reportparse.ParseFailure(error_type="DecodeError", message="not UTF-8")
    assert len(to_dataframe(failure, "counts")) == 0


CRLF_TITLED = (
    "中共某县委巡察办关于\r\n县水利局巡察整改情况的通报\r\n一、总体情况\r\n召开会议3次。\r\n"
)


def test_a_title_over_two_crlf_lines_shows_on_one_line() -> None:
    r"""A title broken over lines is joined with a space wherever it is shown on one line, a
    Windows line break (\r\n) as well as \n: a bare \r would send a terminal back to the line's
    start and break a Markdown heading."""
    report = reportparse.parse(CRLF_TITLED)
    one_line = "中共某县委巡察办关于 县水利局巡察整改情况的通报"
    assert str(report).splitlines()[0] == one_line
    assert to_outline_text(report, paragraphs=True).splitlines()[0] == one_line
    assert to_markdown(report).splitlines()[0] == f"# {one_line}"
    assert f"title={one_line!r}" in repr(report)
    assert "\r" not in to_outline_text(report, paragraphs=True)


def test_to_dataframe_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(reportparse.MissingExtraError, match=r"reportparse\[pandas\]"):
        to_dataframe(reportparse.parse("一、总体情况\n"), "nodes")
