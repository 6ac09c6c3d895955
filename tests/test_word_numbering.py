"""Word's automatic numbering rendered as Word shows it: formats, level texts, counters per
abstract definition and level, restarts, start overrides, numbering taken from styles."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

docx = pytest.importorskip("docx", reason="the docx extra (python-docx) is not installed")

from docx.oxml import parse_xml  # noqa: E402

from reportparse.readers.word_numbering import WordNumbering  # noqa: E402

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def level(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:suff w:val="nothing"/>{extra}</w:lvl>'
    )


def numbering(*parts: str) -> Any:
    return parse_xml(f"<w:numbering {W}>{''.join(parts)}</w:numbering>")


def abstract(abstract_id: int, *levels: str) -> str:
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{"".join(levels)}</w:abstractNum>'


def num(num_id: int, abstract_id: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def paragraph(num_id: int | None = None, ilvl: int | None = None, style: str | None = None) -> Any:
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if num_id is not None:
        level_xml = "" if ilvl is None else f'<w:ilvl w:val="{ilvl}"/>'
        props += f'<w:numPr>{level_xml}<w:numId w:val="{num_id}"/></w:numPr>'
    return parse_xml(f"<w:p {W}><w:pPr>{props}</w:pPr></w:p>")


def markers(definitions: Any, paragraphs: list[Any], styles: Any = None) -> list[str]:
    numbered = WordNumbering(definitions, styles)
    return [numbered.marker(p) for p in paragraphs]


REPORT_LEVELS = abstract(
    1,
    level(0, "chineseCounting", "%1、"),
    level(1, "chineseCounting", "（%2）"),
    level(2, "decimal", "%3.", extra='<w:lvlRestart w:val="0"/>'),
    level(3, "decimal", "（%4）"),
)


def test_report_levels_count_as_word_does() -> None:
    # 一、 (一) 1. 2. (二) 3. (1) (2) 4. (1) 二、 (一) 5.: items run on across parents
    # (lvlRestart 0), (1) restarts under each item, (一) restarts under each part
    shape = [0, 1, 2, 2, 1, 2, 3, 3, 2, 3, 0, 1, 2]
    got = markers(numbering(REPORT_LEVELS, num(1, 1)), [paragraph(1, i) for i in shape])
    assert got == [
        "一、", "（一）", "1.", "2.", "（二）", "3.", "（1）", "（2）", "4.", "（1）",
        "二、", "（一）", "5.",
    ]  # fmt: skip


def test_level_restart_after_a_named_level() -> None:
    # w:lvlRestart 1 on level 2: restarts only when level 0 (the first) is used
    definitions = numbering(
        abstract(
            1,
            level(0, "chineseCounting", "%1、"),
            level(1, "chineseCounting", "（%2）"),
            level(2, "decimal", "%3.", extra='<w:lvlRestart w:val="1"/>'),
        ),
        num(1, 1),
    )
    shape = [0, 1, 2, 2, 1, 2, 0, 2]
    got = markers(definitions, [paragraph(1, i) for i in shape])
    assert got == ["一、", "（一）", "1.", "2.", "（二）", "3.", "二、", "1."]


def test_instances_of_one_definition_share_its_counters() -> None:
    definitions = numbering(abstract(5, level(0, "decimal", "%1.")), num(1, 5), num(2, 5))
    got = markers(definitions, [paragraph(1, 0), paragraph(1, 0), paragraph(2, 0), paragraph(1, 0)])
    assert got == ["1.", "2.", "3.", "4."]


def test_start_override_restarts_a_list_when_its_instance_is_first_used() -> None:
    restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    definitions = numbering(
        abstract(5, level(0, "chineseCounting", "（%1）")),
        num(1, 5),
        num(2, 5, restart),
    )
    got = markers(definitions, [paragraph(1, 0), paragraph(1, 0), paragraph(2, 0), paragraph(2, 0)])
    assert got == ["（一）", "（二）", "（一）", "（二）"]


def test_a_level_override_replaces_the_level() -> None:
    override = (
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/>'
        + level(0, "chineseCounting", "第%1条")
        + "</w:lvlOverride>"
    )
    definitions = numbering(abstract(5, level(0, "decimal", "%1.")), num(7, 5, override))
    assert markers(definitions, [paragraph(7, 0), paragraph(7, 0)]) == ["第三条", "第四条"]


def test_start_values_and_multi_level_text() -> None:
    definitions = numbering(
        abstract(1, level(0, "decimal", "%1", start=2), level(1, "decimal", "%1.%2")), num(1, 1)
    )
    got = markers(definitions, [paragraph(1, 1), paragraph(1, 0), paragraph(1, 1)])
    # a level-1 item before any level-0 one shows level 0 one before its start, as Word shows
    # 0.1 for a Heading 2 above the first Heading 1; the first level-0 item is then its start
    assert got == ["1.1", "2", "2.1"]


def test_legal_numbering_writes_every_level_as_decimal() -> None:
    definitions = numbering(
        abstract(
            1,
            level(0, "chineseCounting", "%1、"),
            level(1, "decimal", "%1.%2", extra="<w:isLgl/>"),
        ),
        num(1, 1),
    )
    assert markers(definitions, [paragraph(1, 0), paragraph(1, 1)]) == ["一、", "1.1"]


@pytest.mark.parametrize(
    ("number_format", "values", "expected"),
    [
        ("chineseCounting", [1, 10, 11, 20, 21], ["一", "十", "十一", "二十", "二十一"]),
        (
            "chineseCountingThousand",
            [99, 100, 105, 110],
            ["九十九", "一百", "一百零五", "一百一十"],
        ),
        ("chineseLegalSimplified", [1, 11], ["壹", "壹拾壹"]),
        ("ideographTraditional", [1, 2, 10], ["甲", "乙", "癸"]),
        ("ideographZodiac", [1, 12], ["子", "亥"]),
        ("decimalEnclosedCircle", [1, 20], ["①", "⑳"]),
        ("decimalEnclosedCircleChinese", [3], ["③"]),
        ("decimalEnclosedParen", [1], ["⑴"]),
        ("decimalFullWidth", [12], ["１２"]),
        ("decimalZero", [7], ["07"]),
        ("upperRoman", [4, 9, 14], ["IV", "IX", "XIV"]),
        ("lowerLetter", [1, 26, 27], ["a", "z", "aa"]),
        ("ideographDigital", [10], ["一〇"]),
        ("none", [1], [""]),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_number_formats(number_format: str, values: list[int], expected: list[str]) -> None:
    got = []
    for value in values:
        definitions = numbering(abstract(1, level(0, number_format, "%1", start=value)), num(1, 1))
        got.extend(markers(definitions, [paragraph(1, 0)]))
    assert got == expected


@pytest.mark.parametrize(
    ("suffix", "expected"),
    [("", "一、\t"), ('<w:suff w:val="space"/>', "一、 "), ('<w:suff w:val="nothing"/>', "一、")],
    ids=["tab-by-default", "space", "nothing"],
)
def test_suffix_after_the_marker(suffix: str, expected: str) -> None:
    lvl = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        f'<w:lvlText w:val="%1、"/>{suffix}</w:lvl>'
    )
    assert markers(numbering(abstract(1, lvl), num(1, 1)), [paragraph(1, 0)]) == [expected]


STYLES = parse_xml(
    f"""<w:styles {W}>
      <w:style w:type="paragraph" w:styleId="Heading1"><w:pPr>
        <w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Heading2"><w:pPr>
        <w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="ReportHeading2">
        <w:basedOn w:val="Heading2"/></w:style>
    </w:styles>"""
)


def test_numbering_from_the_paragraph_style_and_its_base() -> None:
    definitions = numbering(REPORT_LEVELS, num(1, 1))
    paragraphs = [
        paragraph(style="Heading1"),
        paragraph(style="Heading2"),
        paragraph(style="ReportHeading2"),  # numbered through the style it is based on
        paragraph(),  # plain body text
        paragraph(style="Heading1"),
        paragraph(0, style="Heading1"),  # numId 0: numbering switched off on this paragraph
    ]
    assert markers(definitions, paragraphs, STYLES) == ["一、", "（一）", "（二）", "", "二、", ""]


def test_missing_or_broken_definitions_give_no_marker() -> None:
    definitions = numbering(num(3, 42))  # an instance of a definition that is not there
    assert markers(definitions, [paragraph(3, 0), paragraph(9, 0), paragraph(3, 12)]) == [""] * 3
    assert markers(None, [paragraph(1, 0)]) == [""]


def test_bullets_show_a_bullet() -> None:
    lvl = '<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf06c"/></w:lvl>'
    assert markers(numbering(abstract(1, lvl), num(1, 1)), [paragraph(1, 0)]) == ["•\t"]


# -- an independent renderer: LibreOffice, where it is installed -------------------------------


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed here"
)
def test_libreoffice_numbers_the_sample_as_we_do(tmp_path: Path) -> None:
    """LibreOffice's text export writes list labels: on the sample numbered by single-level
    lists restarted through w:startOverride (Word's "restart numbering"), and on every format
    both implement, its lines are ours, whitespace aside. (LibreOffice does not implement
    w:lvlRestart 0, w:isLgl or the enclosed and full-width digit formats.)"""
    import reportparse

    from .conftest import SAMPLES, read_exact
    from .format_fixtures import add_numbering, docx_bytes, word_numbered_docx

    files = {
        "sample": word_numbered_docx(
            read_exact(SAMPLES / "inspection_standard.txt"), single_level_lists=True
        )
    }
    formats = ["chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
               "ideographTraditional", "ideographZodiac", "decimalZero", "upperRoman",
               "lowerLetter"]  # fmt: skip
    for index, number_format in enumerate(formats):
        document = docx.Document()
        add_numbering(
            document,
            f"<w:abstractNum {W} w:abstractNumId='{700 + index}'>"
            f"{level(0, number_format, '%1.')}</w:abstractNum>",
            f"<w:num {W} w:numId='{700 + index}'><w:abstractNumId w:val='{700 + index}'/></w:num>",
        )
        for item in range(27):
            paragraph = document.add_paragraph(f"第{item}项")
            paragraph._p.get_or_add_pPr().append(
                parse_xml(
                    f"<w:numPr {W}><w:ilvl w:val='0'/><w:numId w:val='{700 + index}'/></w:numPr>"
                )
            )
        files[number_format] = docx_bytes(document)
    for name, data in files.items():
        (tmp_path / f"{name}.docx").write_bytes(data)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "txt:Text (encoded):UTF8",
         *(f"{name}.docx" for name in files)],
        cwd=tmp_path, capture_output=True, timeout=300, check=True,
    )  # fmt: skip
    for name in files:
        theirs = (tmp_path / f"{name}.txt").read_text(encoding="utf-8-sig")
        ours = reportparse.parse_file(tmp_path / f"{name}.docx").text
        assert re.sub(r"\s", "", ours) == re.sub(r"\s", "", theirs), name
