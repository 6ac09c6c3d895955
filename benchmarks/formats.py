"""Readers of the binary formats: the choices docs/formats.md explains, measured (informative).

Run from the repository root, with the test extra (it builds the files with tests/format_fixtures):

    .venv/bin/python benchmarks/formats.py [--text samples/inspection_standard.txt]

Prints the time to read a multi-page PDF made from the report with pypdf, pdfplumber and the
whole PDF reader; and, for three government-style pages made from it, how many of the report's
lines each extractor misses, which lines it adds and which page chrome it lets through:
trafilatura and pypdf are measured when installed (they are not dependencies). Nothing asserts.
"""

from __future__ import annotations

import argparse
import html
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.format_fixtures import government_page, paged_pdf  # noqa: E402

from reportparse.readers.html import read_html, render_lines  # noqa: E402
from reportparse.readers.pdf import read_pdf  # noqa: E402

CHROME = [
    "首页",
    "分享到",
    "打印",
    "主办单位",
    "当前位置",
    "相关阅读",
    "发布时间",
    "统计代码",
    "脚本",
]


def best_of(run: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def pdf_figures(text: str) -> None:
    import pdfplumber

    data = paged_pdf(text)

    def plumber_lines() -> object:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return [page.extract_text_lines() for page in pdf.pages]

    print(f"PDF: {len(plumber_lines())} pages (best of 5)")  # type: ignore[arg-type]
    try:
        import pypdf

        seconds = best_of(
            lambda: [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages]
        )
        print(f"  pypdf extract_text          {seconds:.3f} s")
    except ImportError:
        print("  pypdf                       not installed")
    print(f"  pdfplumber extract_text_lines {best_of(plumber_lines):.3f} s")
    print(f"  readers.pdf.read_pdf        {best_of(lambda: read_pdf(data, 'x.pdf')):.3f} s")


def pages(text: str) -> dict[str, str]:
    lines = text.splitlines()
    table = (
        "<table><tr><td>项目</td><td>数量</td></tr><tr><td>整改措施</td><td>86条</td></tr></table>"
    )
    br_body = "<br>\n".join(html.escape(line) for line in lines)
    table_layout = f"""<html><head><meta charset="utf-8"><title>通报_青岚县</title></head><body>
<table width="100%"><tr><td class="nav"><a href="/">首页</a> | <a>政务公开</a></td></tr>
<tr><td class="bt_title">巡察整改进展情况的通报</td></tr>
<tr><td class="bt_time">时间：2023-07-20 来源：县委巡察办 【打印】【关闭】</td></tr>
<tr><td class="bt_content"><font size=3>{br_body}</font></td></tr>
<tr><td>版权所有：青岚县人民政府 联系电话：0000-1234567</td></tr></table></body></html>"""
    trs = government_page(text).decode()
    zoom = trs.replace('class="TRS_Editor" id="zoom"', 'id="zoom"').replace(
        "</p>\n<p", "</p>\n" + table + "\n<p", 1
    )
    return {"trs_page": trs, "table_layout_br": table_layout, "zoom_with_table": zoom}


def html_figures(text: str) -> None:
    from readability import Document
    from selectolax.lexbor import LexborHTMLParser

    extractors: dict[str, Callable[[str], str]] = {
        "rules (reportparse)": lambda page: read_html(page.encode(), "x").text,
        "readability-lxml": lambda page: "\n".join(
            render_lines(LexborHTMLParser(Document(page).summary(html_partial=True)).body)
        ),
    }
    try:
        import trafilatura

        extractors["trafilatura"] = lambda page: (
            trafilatura.extract(page, include_tables=True) or ""
        )
    except ImportError:
        print("(trafilatura not installed: not compared)")
    lines = [line for line in text.splitlines() if line.strip()]
    print("web pages: report lines missed, lines added, chrome let through")
    for name, page in pages(text).items():
        for label, extract in extractors.items():
            start = time.perf_counter()
            out = extract(page)
            seconds = time.perf_counter() - start
            got = [line.strip() for line in out.splitlines() if line.strip()]
            missing = sum(line not in got for line in lines)
            added = [line[:30] for line in got if line not in lines]
            chrome = [word for word in CHROME if word in out]
            print(
                f"  {name:16} {label:20} {seconds * 1000:6.1f} ms  missed {missing:3}  "
                f"added {added[:3]}  chrome {chrome}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--text", default=str(ROOT / "samples" / "inspection_standard.txt"))
    text = Path(parser.parse_args().text).read_text(encoding="utf-8").strip()
    pdf_figures(text)
    html_figures(text)


if __name__ == "__main__":
    main()
