"""The notebook view: Report._repr_html_ (reportparse.export.to_html)."""

from __future__ import annotations

from html.parser import HTMLParser

import reportparse
from reportparse.export import to_html

TEXT = (
    "某区巡察整改情况通报\n"
    "一、总体情况\n"
    "（一）压实责任\n"
    "2021年5月召开会议3次，制定《整改方案》，落实“两个维护”。\n"
    "二、下步打算\n"
)

HOSTILE = (
    '关于<script>alert("x")</script>的通报\n'
    "一、<b>加粗</b>标题 & <img src=x onerror=alert(1)>\n"
    "召开会议3次，制定《<i>方案</i>》。\"引号\" '单引号'\n"
    "三、跳号\n"
)


class _Tags(HTMLParser):
    """Collects start tags with their attributes, end tags and text, checking the nesting."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.starts: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.starts.append((tag, dict(attrs)))
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parsed(html: str) -> _Tags:
    tags = _Tags()
    tags.feed(html)
    tags.close()
    assert tags.errors == [] and tags.stack == [], (tags.errors, tags.stack)
    return tags


def test_shows_title_headings_and_paths() -> None:
    report = reportparse.parse(TEXT)
    tags = _parsed(report._repr_html_())
    text = "".join(tags.text)
    for heading in ["某区巡察整改情况通报", "一、", "总体情况", "（一）", "压实责任", "二、"]:
        assert heading in text
    summaries = [attrs for tag, attrs in tags.starts if tag == "details"]
    assert len(summaries) == 3  # one per numbered node
    assert "召开会议3次" in text  # the paragraph, folded inside its section


def test_mentions_are_marked_with_their_values() -> None:
    tags = _parsed(to_html(reportparse.parse(TEXT)))
    marks = {
        attrs["class"]: attrs["title"]
        for tag, attrs in tags.starts
        if tag == "mark" and attrs.get("title")
    }
    assert marks["rp-count"].startswith("count: 3次")
    assert marks["rp-date"].startswith("date, point: 2021-05 (2021-05-01 to 2021-05-31)")
    assert marks["rp-document"] == "document, regulation: 整改方案 · action: 制定 · node 1.1.p1"
    assert marks["rp-slogan"].startswith("slogan: 两个维护")


def test_markup_in_the_text_is_escaped() -> None:
    report = reportparse.parse(HOSTILE)
    html = report._repr_html_()
    tags = _parsed(html)
    names = {tag for tag, _ in tags.starts}
    assert names <= {"div", "style", "details", "summary", "span", "mark", "ul", "li", "code", "q"}
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html
    text = "".join(tags.text)  # what the reader sees is the report's text, markup and all
    assert '<script>alert("x")</script>' in text
    assert "<img src=x onerror=alert(1)>" in text
    assert "<i>" not in html  # the document's name, in its tooltip too, is escaped there
    titles = [attrs["title"] for tag, attrs in tags.starts if tag == "mark" and "title" in attrs]
    assert "document, other: <i>方案</i> · action: 制定 · node 1.p1" in titles


def test_diagnostics_are_listed() -> None:
    report = reportparse.parse(HOSTILE)
    assert [d.code for d in report.diagnostics] == ["numbering_gap"]
    html = report._repr_html_()
    text = "".join(_parsed(html).text)
    assert "<summary>1 diagnostic</summary>" in html
    assert "numbering_gap 三、 follows 1: numbers are missing" in text


def test_a_huge_report_is_cut() -> None:
    report = reportparse.parse("一、标题\n召开会议3次。\n" * 4000)
    html = to_html(report)
    tags = _parsed(html)
    sections = [attrs for tag, attrs in tags.starts if tag == "details" and not attrs]
    assert len(sections) == 1500  # 3000 nodes shown: each section and its paragraph
    assert "5,000 more nodes not shown" in "".join(tags.text)


def test_empty_and_undecodable_text() -> None:
    empty = to_html(reportparse.parse(""))
    assert "0 characters" in "".join(_parsed(empty).text)
    broken = to_html(reportparse.parse("一、标题\udc81\n召开会议3次。"))
    broken.encode("utf-8")  # no lone surrogate left to fail the notebook's UTF-8
    assert "标题\ufffd" in "".join(_parsed(broken).text)
