from __future__ import annotations

import codecs
from pathlib import Path

import pytest

import reportparse
from reportparse.readers.text import decode_bytes

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
