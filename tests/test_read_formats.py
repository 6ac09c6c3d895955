"""Reports as people get them: the seed (and a sample, so the tests run without the corpus) as a
Word file numbered by Word, a multi-page PDF, a government web page; each gives the outline
and counts of the text it was made from, and report.source says where it came from."""

from __future__ import annotations

import html
import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest

import reportparse
from reportparse.models import Node

from .conftest import CORPUS, SAMPLES, read_exact
from .invariants import check_report

pytest.importorskip("docx", reason="the docx extra (python-docx) is not installed")
pytest.importorskip("pdfplumber", reason="the pdf extra (pdfplumber) is not installed")
pytest.importorskip("selectolax", reason="the html extra (selectolax) is not installed")
pytest.importorskip("reportlab", reason="reportlab (in the test extra) makes the test PDFs")

from .format_fixtures import docx_bytes, government_page, paged_pdf, word_numbered_docx

Shape = list[tuple[str, int, str, str | None]]
SOURCES = {"sample": SAMPLES / "inspection_standard.txt", "seed": CORPUS / "seed.txt"}


@pytest.fixture(params=list(SOURCES), scope="module")
def source_text(request: pytest.FixtureRequest) -> str:
    path = SOURCES[request.param]
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared/corpus comes with the project workspace)")
    return read_exact(path).rstrip("\n")


def shape(report: reportparse.Report) -> Shape:
    """Each numbered node's style, ordinal, path and heading: the outline, markers aside."""
    return [
        (node.marker.style, node.marker.ordinal, node.path, node.heading)
        for node in report.walk()
        if node.marker is not None
    ]


def read_back(
    tmp_path: Path, name: str, data: bytes, source_text: str
) -> tuple[reportparse.Report, reportparse.Report]:
    """The file made from a text read back by ``parse_file``, and the parse of that text; their
    outlines are the same."""
    path = tmp_path / name
    path.write_bytes(data)
    report = reportparse.parse_file(path)
    expected = reportparse.parse(source_text)
    assert shape(report) == shape(expected)
    return report, expected


def counts(report: reportparse.Report) -> list[tuple[int | float, str | None, str]]:
    return [(count.value, count.unit, count.text) for count in report.counts]


def marker_texts(report: reportparse.Report) -> list[str]:
    return [node.marker.text for node in report.walk() if node.marker is not None]


# -- Word ------------------------------------------------------------------------------------

WIDE_FORMS = str.maketrans({"(": "（", ")": "）", "。": ".", "．": "."})


@pytest.mark.parametrize("lists", ["multi_level", "single_level"])
def test_word_numbering_gives_the_outline_of_the_text(
    source_text: str, lists: str, tmp_path: Path
) -> None:
    data = word_numbered_docx(source_text, single_level_lists=lists == "single_level")
    report, expected = read_back(tmp_path, "report.docx", data, source_text)
    check_report(report, report.text)
    assert counts(report) == counts(expected)
    # Word writes （一） and 1. where the text has (一) and 1。: the same markers in Word's forms
    assert marker_texts(report) == [m.translate(WIDE_FORMS) for m in marker_texts(expected)]
    assert report.source is not None
    assert report.source.format == "docx"
    assert report.source.path == str(tmp_path / "report.docx")
    assert report.source.metadata["title"] == "巡视整改情况"
    assert report.source.metadata["author"] == "测试单位办公室"


def test_word_markers_are_in_the_text_not_typed(tmp_path: Path) -> None:
    text = "标题\n一、总体情况\n（一）组织领导\n1.召开会议3次。\n2.制定制度5项。\n二、下一步打算"
    data = word_numbered_docx(text)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert "总体情况" in body and "一、" not in body and ">1." not in body  # Word numbers them
    report = reportparse.parse_bytes(data, name="report.docx")
    assert report.text == text
    assert [(n.path, n.marker.text) for n in report.walk() if n.marker] == [
        ("1", "一、"),
        ("1.1", "（一）"),
        ("1.1.1", "1."),
        ("1.1.2", "2."),
        ("2", "二、"),
    ]


def test_word_tables_become_rows_of_cells(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("整改问题清单")
    table = document.add_table(rows=3, cols=3)
    for row, cells in zip(
        table.rows,
        [("序号", "问题", "措施数"), ("1", "学习不深入", "5条"), ("2", "制度不健全", "3项")],
        strict=True,
    ):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    merged = table.cell(1, 0).merge(table.cell(2, 0))  # a cell merged down two rows
    merged.text = "1"
    document.add_paragraph("以上问题均已整改。")
    path = tmp_path / "table.docx"
    document.save(path)
    report = reportparse.parse_file(path)
    assert report.text.split("\n") == [
        "整改问题清单",
        "序号\t问题\t措施数",
        "1\t学习不深入\t5条",
        "\t制度不健全\t3项",  # the merged cell's text is said once, in its first row
        "以上问题均已整改。",
    ]
    assert [(c.value, c.unit) for c in report.counts] == [(5, "条"), (3, "项")]


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_word_text_inside_smart_tags_insertions_and_content_controls_is_read() -> None:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    body = document.element.body
    blocks = [
        # a date in a chsdate smart tag, as Chinese Word writes it
        f'<w:p {W_NS}><w:r><w:t>自</w:t></w:r><w:smartTag w:uri="urn:schemas-microsoft-com:'
        'office:smarttags" w:element="chsdate"><w:r><w:t>2020年9月22日</w:t></w:r></w:smartTag>'
        "<w:r><w:t>以来，召开会议</w:t></w:r>"
        # a tracked insertion is text; a tracked deletion is not
        '<w:ins w:id="1" w:author="a"><w:r><w:t>3</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="a"><w:r><w:delText>2</w:delText><w:tab/></w:r></w:del>'
        "<w:r><w:t>次。</w:t></w:r></w:p>",
        # a content control around a whole paragraph; a tab and a line break inside runs
        f"<w:sdt {W_NS}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>联系电话：</w:t><w:tab/>"
        "<w:t>0000-1234567</w:t><w:br/><w:t>邮编：100000</w:t></w:r></w:p></w:sdtContent></w:sdt>",
        # a hyperlink and a field's shown result
        f'<w:p {W_NS}><w:hyperlink w:anchor="x"><w:r><w:t>《整改方案》</w:t></w:r></w:hyperlink>'
        '<w:fldSimple w:instr="PAGE"><w:r><w:t>附件</w:t></w:r></w:fldSimple></w:p>',
    ]
    for xml in blocks:
        body.insert(len(body) - 1, parse_xml(xml))  # before the closing w:sectPr
    report = reportparse.parse_bytes(docx_bytes(document), name="tags.docx")
    assert report.text.split("\n") == [
        "自2020年9月22日以来，召开会议3次。",
        "联系电话：\t0000-1234567",
        "邮编：100000",
        "《整改方案》附件",
    ]
    assert [(c.value, c.unit) for c in report.counts] == [(3, "次")]
    assert [d.value for d in report.dates] == ["2020-09-22"]


def test_a_damaged_word_file_raises_decode_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document>not closed")
    with pytest.raises(reportparse.DecodeError, match=r"broken\.docx"):
        reportparse.parse_file(path)


# -- PDF -------------------------------------------------------------------------------------


def test_pdf_gives_the_outline_and_counts_of_the_text(source_text: str, tmp_path: Path) -> None:
    report, expected = read_back(tmp_path, "report.pdf", paged_pdf(source_text), source_text)
    # lines wrapped at the page width are joined back: the paragraphs are the text's own
    assert report.text == source_text
    assert counts(report) == counts(expected)
    assert report.source is not None
    assert report.source.format == "pdf"
    assert report.source.metadata["title"] == "巡视整改情况"
    pages = int(report.source.metadata["pages"])
    assert pages >= 2
    furniture = [d for d in report.diagnostics if d.code == "page_furniture"]
    assert len(furniture) == pages
    assert "'— 2 —'" in furniture[1].message and "某某委员会办公室文件" in furniture[1].message
    assert all(d.span.start == d.span.end for d in furniture)


@pytest.mark.parametrize(
    "page_number",
    ["— {n} —", "- {n} -", "第{n}页", "第 {n} 页 共 9 页", "{n}"],
    ids=["em-dashes", "hyphens", "di-ye", "di-ye-gong", "bare"],
)
def test_page_numbers_are_never_counts_or_nodes(page_number: str) -> None:
    text = "\n".join(
        [
            "关于巡察整改情况的通报",
            "一、整改工作开展情况",
            *(
                f"（{numeral}）第{numeral}项工作。召开专题会议{i}次，制定整改措施{i + 10}条，"
                "逐项明确责任领导、责任科室和完成时限，形成一级抓一级、层层抓落实的工作格局。" * 3
                for i, numeral in enumerate("一二三四五六七八九", 1)
            ),
            "二、下一步工作打算",
        ]
    )
    report = reportparse.parse_bytes(paged_pdf(text, page_number=page_number, header=None))
    assert report.source is not None
    assert int(report.source.metadata["pages"]) >= 2
    assert report.text == text
    assert shape(report) == shape(reportparse.parse(text))
    assert counts(report) == counts(reportparse.parse(text))


def test_wrapped_lines_of_a_layout_without_indents_are_joined() -> None:
    long = "县水利局党组把巡察整改作为增强“四个意识”的具体行动，逐项明确责任领导和完成时限。" * 2
    text = f"一、总体情况\n{long}\n（一）组织领导\n{long}\n短的一段。\n{long}"
    report = reportparse.parse_bytes(paged_pdf(text, indent=False, header=None))
    assert report.text == text


@pytest.mark.parametrize("stamped", [False, True], ids=["no-text", "page-numbers-only"])
def test_a_pdf_without_a_text_layer_looks_scanned(stamped: bool) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for page in (1, 2):
        pdf.rect(100, 100, 300, 500, fill=1)  # a picture of a page
        if stamped:  # a page number stamped on the scan
            pdf.setFont("STSong-Light", 10)
            pdf.drawCentredString(300, 50, f"— {page} —")
        pdf.showPage()
    pdf.save()
    with pytest.raises(reportparse.DecodeError, match=r"scan\.pdf: .*no text layer.*scanned"):
        reportparse.parse_bytes(buffer.getvalue(), name="scan.pdf")


def test_a_damaged_pdf_raises_decode_error() -> None:
    with pytest.raises(reportparse.DecodeError, match=r"cut\.pdf: not a readable PDF"):
        reportparse.parse_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog", name="cut.pdf")


# -- web pages -------------------------------------------------------------------------------

CHROME = [
    "首页", "当前位置", "发布时间", "浏览次数", "分享到", "微博", "打印本页", "关闭窗口",
    "相关阅读", "主办单位", "ICP", "统计代码", "脚本", "_hmt", "float", "无障碍",
]  # fmt: skip


def test_web_page_gives_the_body_without_the_chrome(source_text: str, tmp_path: Path) -> None:
    data = government_page(source_text)
    report, expected = read_back(tmp_path, "t20230720_123.html", data, source_text)
    assert report.text == source_text
    assert marker_texts(report) == marker_texts(expected)
    assert [word for word in CHROME if word in report.text] == []
    assert report.source is not None
    assert report.source.format == "html"
    assert report.source.encoding == "utf-8"
    metadata = report.source.metadata
    assert metadata["title"] == "巡视整改情况的通报_通知公告_青岚县人民政府门户网站"
    assert metadata["headline"] == "巡视整改情况的通报"
    assert metadata["published"] == "2023-07-20 10:30"
    assert metadata["source"] == "县委巡察办"


def test_a_page_in_an_old_table_layout_with_br_lines(source_text: str) -> None:
    # no known body container: readability finds the cell holding the article
    body = "<br>\n".join(html.escape(line) for line in source_text.splitlines())
    page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
    <title>巡察整改情况--青岚县</title></head><body>
    <table width="100%"><tr><td class="nav"><a href="/">首页</a> | <a>政务公开</a></td></tr>
    <tr><td class="bt_time">时间：2023-07-20 来源：县水利局 【打印】【关闭】</td></tr>
    <tr><td class="bt_content"><font size="3">{body}</font></td></tr>
    <tr><td>版权所有：青岚县人民政府 联系电话：0000-1234567</td></tr></table></body></html>"""
    report = reportparse.parse_bytes(page.encode("gb18030"), name="old.htm")
    assert report.text == source_text
    assert report.source is not None
    assert report.source.encoding == "gb18030"  # gb2312 pages are read with their superset
    assert report.source.metadata["published"] == "2023-07-20"
    assert report.source.metadata["source"] == "县水利局"


def test_web_page_tables_become_rows() -> None:
    page = """<html><body><div id="zoom"><p>二、整改落实情况</p>
    <table><tr><th>单位</th><th>问题数</th></tr><tr><td><p>县水利局</p></td><td>18个</td></tr>
    <tr><td>县&nbsp;教育局</td><td>7&#20010;</td></tr><tr><td> </td><td>合计25个</td></tr></table>
    <p>以上问题<br>均已整改&amp;销号。</p></div></body></html>"""
    report = reportparse.parse_bytes(page.encode(), name="page.html")
    assert report.text.split("\n") == [
        "二、整改落实情况",
        "单位\t问题数",
        "县水利局\t18个",
        "县\xa0教育局\t7个",  # entities decoded; a no-break space stays what it is
        "\t合计25个",  # an empty cell keeps its place
        "以上问题",
        "均已整改&销号。",
    ]


# -- format by content, provenance, errors -----------------------------------------------------


@pytest.mark.parametrize("made_as", ["docx", "pdf", "html"])
def test_format_is_recognised_by_content_whatever_the_suffix(made_as: str, tmp_path: Path) -> None:
    text = "标题\n一、总体情况\n召开会议3次。"
    data = {"docx": word_numbered_docx, "pdf": paged_pdf, "html": government_page}[made_as](text)
    path = tmp_path / "download.txt"
    path.write_bytes(data)
    report = reportparse.parse_file(path)
    assert report.source is not None and report.source.format == made_as
    assert [c.value for c in report.counts] == [3]
    assert re.search("一、", report.text)


@pytest.mark.parametrize(
    ("name", "text", "encoding", "expected"),
    [
        pytest.param("a.html", "标题\n一、总体情况\n召开会议3次。\n", "utf-8", "text", id="text"),
        pytest.param(
            "a.htm", "标题\n一、总体情况\na < b，c > d。\n", "gb18030", "text", id="angles"
        ),
        pytest.param(
            "a.html", "标题<p>一、总体情况</p><p>会议3次。</p>", "utf-8", "html", id="tags"
        ),
        pytest.param("a.html", "标题<p>一、总体情况</p>", "utf-16", "html", id="utf-16-tags"),
    ],
)
def test_a_file_named_html_without_markup_is_text(
    name: str, text: str, encoding: str, expected: str
) -> None:
    """The suffix says web page, the bytes hold no tag: read as text, its lines kept (as a page,
    its line breaks would be spaces and the outline lost)."""
    report = reportparse.parse_bytes(text.encode(encoding), name=name)
    assert report.source is not None and report.source.format == expected
    assert [node.marker.text for node in report.walk() if node.marker] == ["一、"]


def test_a_forced_format_wins() -> None:
    report = reportparse.parse_bytes(b"<p>\xe4\xb8\x80\xe3\x80\x81x</p>", format="text")
    assert report.text == "<p>一、x</p>"
    assert report.source is not None and report.source.format == "text"
    with pytest.raises(ValueError, match="format must be one of text, markdown, docx, pdf, html"):
        reportparse.parse_bytes(b"x", format="doc")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"PK\x03\x04" + b"\0" * 40, "a.docx", "a.docx: a ZIP archive but not a Word document"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 40, "scan.png", "scan.png: a PNG image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 40, "old.doc", "old.doc: a legacy Office"),
        ("一、标题".encode(), "fake.pdf", "fake.pdf: named .pdf but its bytes"),
    ],
    ids=["zip-not-word", "image", "legacy-doc", "pdf-by-name-only"],
)
def test_files_that_are_no_report_say_what_they_are(data: bytes, name: str, message: str) -> None:
    with pytest.raises(reportparse.DecodeError, match=re.escape(message)):
        reportparse.parse_bytes(data, name=name)


PLAIN_PAGE = "<html><body><p>一、标题</p><p>召开会议3次。</p></body></html>".encode()


@pytest.mark.parametrize(
    ("hidden", "data", "package", "extra"),
    [
        pytest.param("docx", "docx", "'python-docx'", "docx", id="word"),
        pytest.param("pdfplumber", "pdf", "'pdfplumber'", "pdf", id="pdf"),
        pytest.param("selectolax", "html", "'selectolax'", "html", id="web-page"),
        pytest.param(
            "readability", "plain-page", "'readability-lxml'", "html", id="page-without-a-body"
        ),
    ],
)
def test_a_missing_extra_names_the_extra_and_the_package(
    monkeypatch: pytest.MonkeyPatch, hidden: str, data: str, package: str, extra: str
) -> None:
    """The message names the extra to install and the package pip installs (python-docx), not
    the module it is imported as (docx, another package on the index)."""
    import sys

    content = {
        "docx": lambda: word_numbered_docx("一、标题"),
        "pdf": lambda: paged_pdf("一、标题"),
        "html": lambda: government_page("一、标题\n召开会议3次。"),
        "plain-page": lambda: PLAIN_PAGE,
    }[data]()
    for name in list(sys.modules):
        if name == hidden or name.startswith(hidden + "."):
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, hidden, None)  # importing it now fails
    with pytest.raises(reportparse.MissingExtraError, match=re.escape(package)) as info:
        reportparse.parse_bytes(content, name="r")
    assert f'pip install "reportparse[{extra}]"' in str(info.value)
    assert isinstance(info.value, ImportError)  # code that catches ImportError catches it


def test_report_nodes_of_every_format_are_lossless(source_text: str) -> None:
    for data in (word_numbered_docx(source_text), paged_pdf(source_text)):
        report = reportparse.parse_bytes(data)
        check_report(report, report.text)
        nodes: list[Node] = list(report.walk())
        assert nodes


def test_the_example_of_docs_formats_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = Path(__file__).resolve().parents[1] / "docs" / "formats.md"
    # fenced "python no-run" for the docs' own runner, which has no Word file at hand
    example = docs.read_text(encoding="utf-8").split("```python no-run\n", 1)[1].split("```", 1)[0]
    text = "关于巡察整改情况的通报\n一、总体情况\n（一）组织领导\n1.召开会议3次。"
    (tmp_path / "整改情况通报.docx").write_bytes(word_numbered_docx(text))
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    exec(example, namespace)
    report = namespace["report"]
    assert isinstance(report, reportparse.Report) and report.source is not None
    assert report.source.format == "docx"  # as the example's comments say
    assert {"title", "author", "created"} <= set(report.source.metadata)
    assert marker_texts(report)[:3] == ["一、", "（一）", "1."]


def test_a_page_without_a_declared_charset_is_decoded_as_text_is() -> None:
    page = (
        "<html><body><div class='TRS_Editor'><p>一、整改工作开展情况</p>"
        "<p>县水利局党组召开会议3次，研究部署巡察整改工作。</p></div></body></html>"
    )
    report = reportparse.parse_bytes(page.encode("gbk"), name="nocharset.html")
    assert report.text == "一、整改工作开展情况\n县水利局党组召开会议3次，研究部署巡察整改工作。"
    assert report.source is not None and report.source.encoding == "gb18030"


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed here"
)
def test_a_pdf_exported_by_a_word_processor(source_text: str, tmp_path: Path) -> None:
    """The report as LibreOffice Writer exports a Word file: 16 pt, justified, first lines
    indented by two characters, a running header and a `— N —` page field in the footer. The
    gaps a word processor puts between Chinese and Latin text (2023 年) are no spaces."""
    import subprocess

    import docx
    from docx.oxml import parse_xml
    from docx.shared import Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(16)
    for line in source_text.splitlines():
        paragraph = document.add_paragraph(line)
        paragraph.paragraph_format.first_line_indent = Pt(32)
        paragraph.paragraph_format.alignment = 3  # justified
    document.sections[0].header.paragraphs[0].text = "青岚县委巡察工作领导小组办公室"
    footer = document.sections[0].footer.paragraphs[0]
    for xml in (
        '<w:r><w:t xml:space="preserve">— </w:t></w:r>',
        '<w:fldSimple w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>',
        '<w:r><w:t xml:space="preserve"> —</w:t></w:r>',
    ):
        footer._p.append(parse_xml(xml.replace(">", f" {W_NS}>", 1)))  # declare w: first
    document.save(tmp_path / "exported.docx")
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "exported.docx"],
        cwd=tmp_path, capture_output=True, timeout=300, check=True,
    )  # fmt: skip
    report = reportparse.parse_file(tmp_path / "exported.pdf")
    assert report.text == source_text
    assert shape(report) == shape(reportparse.parse(source_text))
    furniture = [d.message for d in report.diagnostics if d.code == "page_furniture"]
    assert furniture and "'— 2 —'" in furniture[1]
