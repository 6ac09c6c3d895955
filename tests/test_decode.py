from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest

import reportparse
from reportparse.readers.text import decode_bytes, reads_as_chinese

from .conftest import CORPUS, SAMPLES, read_exact

TEXT = "一、总体情况\r\n召开会议3次。"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("gb18030"),
        TEXT.encode("gbk"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "gb18030", "gbk"],
)
def test_decode_bytes_finds_the_encoding(data: bytes) -> None:
    assert decode_bytes(data) == TEXT  # the BOM goes, CRLF stays


def test_undecodable_bytes_raise_a_clear_error() -> None:
    with pytest.raises(reportparse.DecodeError, match="not UTF-8"):
        decode_bytes(b"\x81\x20\xff\xfe\xfd" * 3)


def test_parse_file_reads_gbk(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(TEXT.encode("gbk"))
    report = reportparse.parse_file(path)
    assert report.text == TEXT
    assert [node.marker.text for node in report.children if node.marker] == ["一、"]


def test_parse_file_missing_raises_oserror(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        reportparse.parse_file(tmp_path / "absent.txt")


# -- the seed and a sample in the encodings reports are saved in -------------------------------

ENCODINGS = {
    "utf8": lambda text: text.encode("utf-8"),
    "utf8-bom": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf16": lambda text: text.encode("utf-16"),  # with its BOM
    "gb18030": lambda text: text.encode("gb18030"),
}


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("source", ["samples/inspection_standard.txt", "seed"])
def test_a_report_in_every_encoding_parses_alike(
    encoding: str, source: str, tmp_path: Path
) -> None:
    path = CORPUS / "seed.txt" if source == "seed" else SAMPLES.parent / source
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared/corpus comes with the project workspace)")
    text = read_exact(path)
    file = tmp_path / "report.txt"
    file.write_bytes(ENCODINGS[encoding](text))
    report = reportparse.parse_file(file)
    expected = reportparse.parse(text)
    assert report.text == text
    assert report.model_dump(exclude={"source"}) == expected.model_dump(exclude={"source"})
    assert report.source is not None
    assert report.source.path == str(file)
    assert report.source.encoding == {"utf8": "utf-8", "utf8-bom": "utf-8-sig"}.get(
        encoding, "utf-16" if encoding == "utf16" else "gb18030"
    )


# A short report in traditional characters, as sent from Taiwan or Hong Kong: Big5 bytes are
# also valid GB18030 and decode to a jumble of rare characters, kana and private-use ones.
BIG5_REPORT = """某市衛生健康委員會關於巡察整改情況的通報
根據市委統一部署，2022年3月至5月，市委第二巡察組對市衛生健康委員會開展了常規巡察。
一、整改工作的組織領導
（一）提高政治站位
召開黨組會議5次，研究部署整改工作。
二、整改落實情況
1.針對“落實主體責任不到位”問題，制定《整改工作方案》，明確整改措施32條。
歡迎廣大幹部群眾對巡察整改落實情況進行監督。"""


def test_big5_is_detected_not_read_as_gb18030() -> None:
    data = BIG5_REPORT.encode("big5")
    data.decode("gb18030")  # no error: GB18030 alone would "succeed" on these bytes
    report = reportparse.parse_bytes(data, name="big5.txt")
    assert report.text == BIG5_REPORT
    assert report.source is not None and report.source.encoding == "big5"
    assert [(n.marker.text, n.heading) for n in report.walk() if n.marker][:2] == [
        ("一、", "整改工作的組織領導"),
        ("（一）", "提高政治站位"),
    ]


@pytest.mark.parametrize(
    ("text", "reads"),
    [
        ("一、总体情况\n召开会议3次，整改问题18个。", True),
        ("巡察组组长张堃同志讲话，喆、玥、珺等人名用字属于扩展汉字。", True),
        ("琘カ矫ネ胺眃〆\ue174穦闽\ue804ǖ诡俱э薄猵\ue019硄厨", False),  # Big5 read as GB18030
    ],
    ids=["simplified", "rare-name-characters", "big5-as-gb18030"],
)
def test_reads_as_chinese(text: str, reads: bool) -> None:
    assert reads_as_chinese(text) is reads


# -- a file cut inside its last character ---------------------------------------------------


CUT_TEXT = "一、总体情况\n召开会议3次，整改完成"


@pytest.mark.parametrize(
    ("data", "encoding", "left"),
    [
        (CUT_TEXT.encode("utf-8")[:-1], "utf-8", 2),  # 成 is three bytes: one is lost
        (CUT_TEXT.encode("utf-8")[:-2], "utf-8", 1),
        (codecs.BOM_UTF8 + CUT_TEXT.encode("utf-8")[:-1], "utf-8-sig", 2),
        (CUT_TEXT.encode("utf-16")[:-1], "utf-16", 1),  # two bytes a character: one is lost
    ],
    ids=["utf8-one-byte-lost", "utf8-two-bytes-lost", "utf8-bom", "utf16"],
)
def test_a_file_cut_inside_its_last_character_is_repaired(
    data: bytes, encoding: str, left: int
) -> None:
    report = reportparse.parse_bytes(data, name="cut.txt")
    assert report.text == CUT_TEXT[:-1] + "\ufffd"
    repaired = [d for d in report.diagnostics if d.code == "decode_repaired"]
    assert len(repaired) == 1
    span = repaired[0].span
    assert report.text[span.start : span.end] == "\ufffd"
    assert f"last {left} byte(s)" in repaired[0].message
    assert report.source is not None and report.source.encoding == encoding


def test_a_stray_byte_at_the_end_is_no_cut_character() -> None:
    with pytest.raises(reportparse.DecodeError, match=r"not UTF-8 \(byte 18: b'\\xff'\)"):
        reportparse.parse_bytes("一、总体情况".encode() + b"\xff", name="stray.txt")


def test_broken_utf8_inside_the_text_is_not_repaired() -> None:
    data = "一、总体情况".encode() + b"\xe5\x8f" + "召开会议".encode()  # a cut character mid-file
    with pytest.raises(reportparse.DecodeError):
        reportparse.parse_bytes(data, name="mid.txt")


def test_the_error_says_where_utf8_failed_and_names_the_file_once() -> None:
    data = "一、总体情况".encode() + b"\xff\xfe\x00\x81" * 8
    with pytest.raises(reportparse.DecodeError) as info:
        reportparse.parse_bytes(data, name="junk.txt")
    message = str(info.value)
    assert message.startswith("junk.txt: not UTF-8 (byte 18: ")  # 一、总体情况 is 18 bytes
    assert message.count("junk.txt") == 1


@pytest.mark.parametrize(
    "data",
    [b"\x81\x20\xff\xfe\xfd" * 3, bytes(range(128, 256)) * 4, b"\x00\xff" * 50],
    ids=["short-junk", "high-bytes", "nul-ff"],
)
def test_junk_bytes_raise_decode_error(data: bytes) -> None:
    with pytest.raises(reportparse.DecodeError, match=r"^junk\.bin: "):
        reportparse.parse_bytes(data, name="junk.bin")


@pytest.mark.parametrize(
    ("name", "form"), [("report.md", "markdown"), ("report.txt", "text"), ("report", "text")]
)
def test_text_files_are_text_or_markdown_by_suffix(name: str, form: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes("# 标题\n一、总体情况".encode("gb18030"))
    report = reportparse.parse_file(path)
    assert report.source is not None
    assert (report.source.format, report.source.encoding) == (form, "gb18030")
    assert report.source.path == str(path)


def test_without_the_encodings_extra_other_encodings_name_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "charset_normalizer", None)  # import now fails
    with pytest.raises(reportparse.DecodeError, match=re.escape("reportparse[encodings]")):
        reportparse.parse_bytes(BIG5_REPORT.encode("big5"), name="big5.txt")
    # UTF-8 and GB18030 need no extra
    assert reportparse.parse_bytes(CUT_TEXT.encode("gb18030")).text == CUT_TEXT
