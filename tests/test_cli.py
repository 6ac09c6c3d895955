"""The ``reportparse`` command, run in-process through ``main`` and once as a real process."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reportparse.cli import main

TEXT = "某区巡察整改情况通报\n一、总体情况\n（一）压实责任\n召开会议3次。\n二、下步打算\n"


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_outline_is_an_indented_tree(report_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(report_file)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "某区巡察整改情况通报",
        "一、 总体情况  [1]",
        "  （一） 压实责任  [1.1]",
        "二、 下步打算  [2]",
    ]


def test_json_is_the_report(report_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(report_file), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["text"] == TEXT
    assert [child["marker"]["text"] for child in data["children"]] == ["一、", "二、"]


def test_tables_share_one_header(report_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(report_file), str(report_file), "--format", "nodes"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("file\tpath\tparent\tkind")
    assert sum(line.startswith("file\t") for line in lines) == 1
    assert len(lines) == 1 + 2 * 4  # two files, four nodes each (二 sections, (一), ¶)


def test_stdin_dash(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    fake_stdin = io.TextIOWrapper(io.BytesIO(TEXT.encode("gbk")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake_stdin)
    assert main(["-"]) == 0
    assert "一、 总体情况  [1]" in capsys.readouterr().out


def test_missing_file_is_one_line_on_stderr(
    tmp_path: Path, report_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main([str(tmp_path / "absent.txt"), str(report_file)])
    captured = capsys.readouterr()
    assert status == 1
    assert (
        captured.err.strip() == f"reportparse: {tmp_path / 'absent.txt'}: No such file or directory"
    )
    assert "一、 总体情况" in captured.out  # the other file is still parsed


def test_undecodable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\x81\x20\xff\xfe\xfd" * 3)
    assert main([str(path)]) == 1
    assert "not UTF-8" in capsys.readouterr().err


def test_bad_reference_date_is_a_usage_error(report_file: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([str(report_file), "--reference-date", "2021-13-01"])
    assert exit_info.value.code == 2


def test_installed_command_runs(report_file: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reportparse", str(report_file)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "（一） 压实责任  [1.1]" in result.stdout
