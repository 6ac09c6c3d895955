"""Builders of report files in the formats people send: a Word file numbered by Word's own
numbering definitions, a multi-page PDF with page numbers and a running header, a government
web page. Each takes a plain-text report and returns the file's bytes."""

from __future__ import annotations

import html
import io
import re

# Line-start markers of the text reports written for the tests, by numbering level. The Word
# builder removes them from the text and numbers the paragraph through numbering.xml instead.
WORD_LEVELS = (
    re.compile(r"[一二三四五六七八九十]+、"),  # 一、 -> level 0: chineseCounting %1、
    re.compile(r"[(（][一二三四五六七八九十]+[)）]"),  # (一) -> level 1: chineseCounting （%1）
    re.compile(r"\d+[.。．]"),  # 1. / 1。 -> level 2: decimal %1., never restarted
    re.compile(r"[(（]\d+[)）]"),  # (1) -> level 3: decimal （%1）, restarted under each item
)
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

# One multi-level list as Word writes it: item numbers (level 2) run on across sections and
# parts (w:lvlRestart 0), as the reports that number their items 1-14 straight through do.
REPORT_LIST = f"""
<w:abstractNum {_W} w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
    <w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
    <w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:lvlRestart w:val="0"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="（%4）"/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
"""
REPORT_NUM = f'<w:num {_W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'

# The same four levels as four single-level lists, as many Chinese templates have them: each
# level text is %1, and a list that starts again under a new parent is a new w:num with a
# w:startOverride (Word's "restart numbering").
SINGLE_LEVEL_FORMATS = (
    ("chineseCounting", "%1、"),
    ("chineseCounting", "（%1）"),
    ("decimal", "%1."),
    ("decimal", "（%1）"),
)


def _single_level_list(level: int) -> str:
    number_format, level_text = SINGLE_LEVEL_FORMATS[level]
    return f"""<w:abstractNum {_W} w:abstractNumId="{80 + level}">
      <w:multiLevelType w:val="singleLevel"/>
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{number_format}"/>
        <w:lvlText w:val="{level_text}"/></w:lvl></w:abstractNum>"""


def _restarted_instance(num_id: int, level: int) -> str:
    return f"""<w:num {_W} w:numId="{num_id}"><w:abstractNumId w:val="{80 + level}"/>
      <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"""


def word_numbered_docx(
    text: str, *, title: str = "巡视整改情况", single_level_lists: bool = False
) -> bytes:
    """The report as a .docx: one paragraph per line; a line that opens with a marker becomes a
    paragraph numbered by Word at that marker's level, its typed marker removed.

    By default one multi-level list numbers every level; ``single_level_lists`` uses a list per
    level instead, the (一) and (1) lists restarted under each new parent by a new instance."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = "测试单位办公室"
    if single_level_lists:
        add_numbering(document, *(_single_level_list(level) for level in range(4)))
    else:
        add_numbering(document, REPORT_LIST, REPORT_NUM)
    current = [0, 0, 0, 0]  # the w:num each level's paragraphs use now
    next_num = 100
    for line in text.splitlines():
        paragraph = document.add_paragraph()
        for level, pattern in enumerate(WORD_LEVELS):
            marker = pattern.match(line)
            if not marker:
                continue
            line = line[marker.end() :]
            if not single_level_lists:
                num_id, ilvl = 90, level
            else:
                if current[level] == 0:
                    next_num += 1
                    current[level] = next_num
                    add_numbering(document, _restarted_instance(next_num, level))
                for lower in (1, 3):  # (一) and (1) start again under the next parent
                    if lower > level and lower != 2:
                        current[lower] = 0
                num_id, ilvl = current[level], 0
            paragraph._p.get_or_add_pPr().append(
                parse_xml(
                    f'<w:numPr {_W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
                )
            )
            break
        paragraph.add_run(line)
    return docx_bytes(document)


def add_numbering(document: object, *definitions: str) -> None:
    """Append abstract definitions and instances (XML strings) to the document's numbering.xml,
    abstract definitions before instances, as the schema orders them."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    for definition in definitions:
        element = parse_xml(definition)
        if element.tag.endswith("abstractNum"):
            first_num = numbering.find(element.tag.replace("abstractNum", "num"))
            if first_num is not None:
                first_num.addprevious(element)
                continue
        numbering.append(element)


def docx_bytes(document: object) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


def paged_pdf(
    text: str,
    *,
    page_number: str = "— {n} —",
    header: str | None = "某某委员会办公室文件",
    font_size: float = 12,
    title: str | None = "巡视整改情况",
    author: str | None = "测试单位办公室",
    indent: bool = True,
) -> bytes:
    """The report as an A4 PDF in reportlab's built-in Chinese font (STSong-Light): each line a
    paragraph (indented by two characters unless ``indent`` is false) wrapped at the page width,
    a running header and a page number at the foot of every page. A ``title`` or ``author`` of
    ``None`` leaves reportlab's own placeholder (``untitled``, ``anonymous``)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    width, height = A4
    left, right, top, bottom = 72.0, width - 72.0, height - 90.0, 90.0
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    if title is not None:
        pdf.setTitle(title)
    if author is not None:
        pdf.setAuthor(author)
    page, y = 1, top

    def finish_page() -> None:
        if header:
            pdf.setFont(font, 9)
            pdf.drawCentredString(width / 2, height - 50, header)
        pdf.setFont(font, 10)
        pdf.drawCentredString(width / 2, 50, page_number.format(n=page))
        pdf.showPage()

    for paragraph in text.splitlines():
        lines, current = [], "\u3000\u3000" if paragraph.strip() and indent else ""
        for char in paragraph:
            if pdfmetrics.stringWidth(current + char, font, font_size) > right - left:
                lines.append(current)
                current = char
            else:
                current += char
        lines.append(current)
        for line in lines:
            if y < bottom:
                finish_page()
                page, y = page + 1, top
            pdf.setFont(font, font_size)
            pdf.drawString(left, y, line)
            y -= font_size * 1.6
    finish_page()
    pdf.save()
    return buffer.getvalue()


def government_page(text: str, *, title: str = "巡视整改情况的通报") -> bytes:
    """The report inside a government web page: navigation, breadcrumbs, a publication line,
    the body in a TRS_Editor div (one <p> per line), share buttons, a footer and scripts."""
    body = "\n".join(
        f'<p style="text-indent:2em">{html.escape(line)}</p>' for line in text.splitlines()
    )
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}_通知公告_青岚县人民政府门户网站</title>
<meta name="keywords" content="巡察,整改">
<script>var _hmt = _hmt || []; document.write("统计代码 一、不是正文");</script>
<style>.nav li {{ float: left; }} /* 二、样式 */</style>
</head>
<body>
<div class="top-bar">无障碍浏览 | 长者模式 | 登录 | 注册</div>
<div class="header"><img src="logo.png" alt="青岚县人民政府"><h1>青岚县人民政府门户网站</h1></div>
<div class="nav"><ul>
  <li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
  <li><a href="/zxft/">在线访谈</a></li><li><a href="/hdjl/">互动交流</a></li>
  <li><a href="/bsfw/">办事服务</a></li>
</ul></div>
<div class="crumbs">当前位置：<a href="/">首页</a> &gt;
  <a href="/zwgk/">政务公开</a> &gt; 通知公告</div>
<div class="main">
  <div class="article">
    <h2 class="article-title">{html.escape(title)}</h2>
    <div class="article-info">发布时间：2023-07-20 10:30&nbsp;&nbsp;来源：县委巡察办
      &nbsp;&nbsp;浏览次数：1024&nbsp;&nbsp;字号：[ <a href="#">大</a> <a href="#">中</a>
      <a href="#">小</a> ]</div>
    <div class="TRS_Editor" id="zoom">
{body}
    </div>
    <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a>
      <a href="#">QQ空间</a></div>
    <div class="article-tools"><a href="javascript:window.print()">【打印本页】</a>
      <a href="javascript:window.close()">【关闭窗口】</a></div>
    <div class="related"><h3>相关阅读</h3><ul>
      <li><a href="/a.html">一、关于开展第三轮巡察的公告</a></li>
      <li><a href="/b.html">二、县委第二巡察组进驻县水利局</a></li></ul></div>
  </div>
</div>
<div class="footer">
  <p>主办单位：青岚县人民政府办公室&nbsp;&nbsp;承办单位：县大数据中心</p>
  <p>网站标识码：1234567890&nbsp;&nbsp;ICP备案号：某ICP备12345678号-1</p>
  <p>联系电话：0000-1234567</p>
</div>
<script src="/js/share.js"></script>
<script>window.onload = function () {{ console.log("三、脚本"); }};</script>
</body>
</html>
"""
    return page.encode("utf-8")
