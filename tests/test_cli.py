"""The ``reportparse`` command, run in-process through ``main`` and once as a real process."""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import reportparse
from reportparse import cli
from reportparse.cli import main
from reportparse.export import RECORD_KINDS, cell_text, table_columns, to_records
from reportparse.readers import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES

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


@pytest.mark.parametrize(
    "paths", [["-", "-"], ["-", "report.txt", "-"]], ids=["twice", "around-a-file"]
)
def test_stdin_given_twice_is_a_usage_error(
    paths: list[str],
    report_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(report_file.parent)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode())))
    with pytest.raises(SystemExit) as exit_info:
        main(paths)
    assert exit_info.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    errors = [line for line in captured.err.splitlines() if line.startswith("reportparse:")]
    assert errors == [
        "reportparse: error: - (standard input) given more than once: "
        "standard input can be read once"
    ]
    assert sys.stdin.buffer.read() == TEXT.encode()  # refused before anything was read


def test_stdin_beside_a_file_and_a_folder(
    folder: Path,
    report_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    stdin_text = "某县巡察整改情况\n一、标准输入的报告\n召开会议5次。\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin_text.encode())))
    status = main([str(report_file), "-", str(folder), "--format", "jsonl"])
    captured = capsys.readouterr()
    assert status == 1  # the folder's binary.txt
    reports = [json.loads(line) for line in captured.out.splitlines()]
    paths = [report["source"]["path"] for report in reports]
    assert paths[:2] == [str(report_file), "<stdin>"]
    assert sorted(paths[2:]) == sorted(map(str, _report_files(folder)))
    assert reports[0]["text"] == TEXT
    assert reports[1]["text"] == stdin_text
    assert captured.err.count("\n") == 1 and "binary.txt: not UTF-8" in captured.err


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


# Folders, batches and tables --------------------------------------------------------------

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
NOT_TEXT = bytes(range(256)) * 4  # 0xFF cannot start a character in any encoding read
ODD_NAME = 'a,"b"\nc.txt'  # a comma, quotes and a line break: the CSV must quote them


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Six good reports (two levels deep), one binary file, and files the walk must skip."""
    root = tmp_path / "reports"
    samples = sorted(SAMPLES.glob("*.txt"))[:6]
    assert len(samples) == 6, "the fixture needs six samples"
    for number, sample in enumerate(samples[:5]):
        target = root / ("sub/deeper" if number % 2 else "") / sample.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(sample.read_bytes())
    (root / "sub" / ODD_NAME).write_bytes(samples[5].read_bytes())
    (root / "sub" / "binary.txt").write_bytes(NOT_TEXT)
    (root / "sub" / "picture.png").write_bytes(NOT_TEXT)  # not a report suffix: skipped
    (root / ".hidden").mkdir()
    (root / ".hidden" / "draft.txt").write_text(TEXT, encoding="utf-8")  # hidden: skipped
    return root


def _report_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and ".hidden" not in p.parts
                  and p.suffix == ".txt" and p.name != "binary.txt")  # fmt: skip


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_folder_to_json_lines(folder: Path, jobs: str, capsys: pytest.CaptureFixture[str]) -> None:
    status = main([str(folder), "--format", "jsonl", "--jobs", jobs])
    captured = capsys.readouterr()
    assert status == 1
    lines = captured.out.splitlines()
    assert len(lines) == 6
    sources = [json.loads(line)["source"]["path"] for line in lines]
    assert sorted(sources) == sorted(str(path) for path in _report_files(folder))
    bad = folder / "sub" / "binary.txt"
    assert captured.err.count(str(bad)) == 1
    assert captured.err.startswith(f"reportparse: {bad}: not UTF-8")
    assert captured.err.count("\n") == 1


def test_jobs_are_capped_per_cpu(
    folder: Path,
    started: list[int],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert main([str(folder), "--format", "jsonl", "-j", "10000"]) == 1  # binary.txt
    assert len(capsys.readouterr().out.splitlines()) == 6
    assert started == [2]  # two per CPU


def test_jobs_are_capped_at_the_inputs(
    report_file: Path,
    started: list[int],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 64)
    assert main([str(report_file)] * 3 + ["--format", "jsonl", "-j", "16"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3
    assert started == [3]


@pytest.mark.parametrize("jobs", ["4", "0"], ids=["four", "one-per-cpu"])
def test_one_input_starts_no_workers(
    jobs: str, report_file: Path, started: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(report_file), "--jobs", jobs]) == 0
    assert "（一） 压实责任  [1.1]" in capsys.readouterr().out
    assert started == []


def test_csv_folder_reads_back_with_chinese_intact(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "tables"
    assert main([str(folder), "--format", "csv", "--output", str(out)]) == 1
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{kind}.csv" for kind in RECORD_KINDS)
    reports = [reportparse.parse_file(path) for path in _report_files(folder)]
    for kind in RECORD_KINDS:
        data = (out / f"{kind}.csv").read_bytes()
        assert data.startswith(codecs.BOM_UTF8)  # what Excel and WPS need to read UTF-8
        with open(out / f"{kind}.csv", encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        expected = [[cell_text(row[column]) for column in table_columns(kind)]
                    for report in reports for row in to_records(report, kind)]  # fmt: skip
        assert rows[0] == list(table_columns(kind))
        assert sorted(rows[1:]) == sorted(expected)
    nodes = (out / "nodes.csv").read_text(encoding="utf-8-sig")
    odd = str(folder / "sub" / ODD_NAME)
    assert '"' + odd.replace('"', '""') + '"' in nodes  # quoted, quotes doubled, break kept
    assert "县水利局党组" in nodes


def test_csv_reads_in_pandas(folder: Path, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    out = tmp_path / "tables"
    main([str(folder), "--format", "csv", "--output", str(out)])
    frame = pd.read_csv(out / "counts.csv", encoding="utf-8-sig", keep_default_na=False)
    assert list(frame.columns) == list(table_columns("counts"))
    assert str(folder / "sub" / ODD_NAME) in set(frame["file"])
    expected = sum(len(reportparse.parse_file(path).counts) for path in _report_files(folder))
    assert len(frame) == expected


def test_one_file_table_has_its_file_column(
    report_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(report_file), "--format", "counts"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t")[:3] == ["file", "text", "node_path"]
    assert len(lines) == 2 and lines[1].startswith(f"{report_file}\t会议3次\t")


def test_one_table_as_csv_file(report_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "counts.csv"
    assert main([str(report_file), "--format", "counts", "--output", str(out)]) == 0
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert out.read_bytes().startswith(codecs.BOM_UTF8)
    assert [(row["file"], row["text"], row["value"]) for row in rows] == [
        (str(report_file), "会议3次", "3")
    ]


def test_json_over_two_files_is_one_array(
    report_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("一、甲\n二、乙\n", encoding="utf-8")
    assert main([str(report_file), str(other), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [item["source"]["path"] for item in data] == [str(report_file), str(other)]
    assert data[1]["text"] == "一、甲\n二、乙\n"


def test_json_over_a_folder_is_an_array_even_of_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "only.md").write_text(TEXT, encoding="utf-8")
    assert main([str(tmp_path), "--format", "json"]) == 0
    assert [item["text"] for item in json.loads(capsys.readouterr().out)] == [TEXT]


def test_glob_picks_files_in_folders(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "sub" / "notes.md").write_text(TEXT, encoding="utf-8")
    assert main([str(folder), "--glob", "*.md", "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["source"]["path"] for line in lines] == [
        str(folder / "sub" / "notes.md")
    ]


@pytest.mark.parametrize("name", ["notes.md", "notes.markdown", "NOTES.TXT", "page.shtml"])
def test_folder_walk_takes_every_suffix_parse_file_reads(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / name).write_text(TEXT, encoding="utf-8")
    assert main([str(tmp_path), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["source"]["path"] for line in lines] == [str(tmp_path / name)]


def test_output_file(report_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main([str(report_file), "--format", "jsonl", "--output", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["text"] == TEXT


def test_empty_input_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main([str(empty), "--format", "jsonl"]) == 0
    captured = capsys.readouterr()
    assert captured.err == f"reportparse: {empty}: empty input (no text to parse)\n"
    assert json.loads(captured.out)["text"] == ""


def test_folder_without_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "picture.png").write_bytes(NOT_TEXT)
    assert main([str(tmp_path)]) == 1
    suffixes = ", ".join(SUPPORTED_SUFFIXES)
    assert capsys.readouterr().err == f"reportparse: {tmp_path}: no report files ({suffixes})\n"


@pytest.mark.parametrize(
    "arguments",
    [
        pytest.param(["--format", "csv"], id="csv-without-folder"),
        pytest.param(["--format", "csv", "--output", "tables.csv"], id="csv-to-a-file"),
        pytest.param(["--jobs", "two"], id="jobs-not-a-number"),
        pytest.param(["--jobs", "-1"], id="negative-jobs"),
        pytest.param(["-j", "-4"], id="negative-jobs-short"),
        pytest.param(["--max-bytes", "-5"], id="negative-cap"),
        pytest.param(["--format", "yaml"], id="unknown-format"),
    ],
)
def test_usage_errors_exit_2(
    report_file: Path, arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([str(report_file), *arguments])
    assert exit_info.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_ctrl_c_exits_130_quietly(
    report_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*args: object, **kwargs: object) -> Iterator[object]:
        raise KeyboardInterrupt
        yield

    monkeypatch.setattr(cli, "parse_many", interrupted)
    assert main([str(report_file)]) == 130
    assert capsys.readouterr() == ("", "")


# The process and its streams: one line on stderr, never a traceback -------------------------


def _run(arguments: list[str], **options: Any) -> subprocess.CompletedProcess[bytes]:
    options.setdefault("stderr", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "reportparse", *arguments], check=False, timeout=120, **options
    )


def _one_line(stderr: bytes) -> str:
    text = stderr.decode("utf-8")
    assert "Traceback" not in text
    assert text.count("\n") == 1 and text.endswith("\n"), text
    return text.rstrip("\n")


POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="closes a descriptor in the child")


@POSIX_ONLY
def test_closed_stdin() -> None:
    result = _run(["-"], stdout=subprocess.PIPE, preexec_fn=lambda: os.close(0))
    assert result.returncode == 1
    assert _one_line(result.stderr) == "reportparse: <stdin>: standard input is closed"


@POSIX_ONLY
def test_closed_stdout(report_file: Path) -> None:
    result = _run([str(report_file)], preexec_fn=lambda: os.close(1))
    assert result.returncode == 1
    assert _one_line(result.stderr) == "reportparse: standard output is closed; give --output FILE"


def test_stdout_that_cannot_encode_chinese(report_file: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    result = _run([str(report_file)], stdout=subprocess.PIPE, env=env)
    assert result.returncode == 1  # written, but not in the encoding the caller asked for
    assert _one_line(result.stderr) == (
        "reportparse: standard output's encoding (ascii) cannot write Chinese; writing UTF-8"
    )
    assert result.stdout.decode("utf-8").splitlines()[1] == "一、 总体情况  [1]"


@pytest.mark.parametrize("table", ["outline", "jsonl", "nodes"])
def test_stdout_in_a_code_page_without_some_characters(tmp_path: Path, table: str) -> None:
    """GBK (Chinese Windows' code page) writes Chinese but not every character: those it cannot
    hold are written as ?, said once on stderr, and the status is 1."""
    path = tmp_path / "emoji.txt"
    path.write_text("一、总体情况😀\n召开会议3次😀。\n", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "gbk"}
    result = _run([str(path), "--format", table], stdout=subprocess.PIPE, env=env)
    assert result.returncode == 1
    assert _one_line(result.stderr) == (
        "reportparse: standard output's encoding (gbk) cannot write some characters of the "
        "reports; they were written as ?"
    )
    out = result.stdout.decode("gbk")
    assert "总体情况?" in out and "😀" not in out


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_full_disk(report_file: Path) -> None:
    with open("/dev/full", "w") as full:
        result = _run([str(report_file)], stdout=full)
    assert result.returncode == 1
    assert _one_line(result.stderr) == (
        "reportparse: cannot write standard output: No space left on device"
    )


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize("table", ["counts", "csv"])
def test_full_disk_output_file(report_file: Path, table: str, tmp_path: Path) -> None:
    if table == "csv":  # a folder whose table files all sit on a full disk
        out = tmp_path / "tables"
        out.mkdir()
        for kind in RECORD_KINDS:
            (out / f"{kind}.csv").symlink_to("/dev/full")
    else:
        out = Path("/dev/full")
    result = _run([str(report_file), "--format", table, "--output", str(out)])
    assert result.returncode == 1
    assert _one_line(result.stderr) == f"reportparse: cannot write {out}: No space left on device"


def test_pipe_closed_by_the_reader_ends_quietly() -> None:
    sample = str(SAMPLES / "inspection_standard.txt")
    with subprocess.Popen(
        [sys.executable, "-m", "reportparse", *[sample] * 60, "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline() == b"[\n"  # as `| head -1` reads, then goes
        process.stdout.close()
        stderr = process.stderr.read()
        assert process.wait(timeout=120) == 0
    assert stderr == b""  # 60 reports (about 2 MB) do not fit a pipe: the writer met the close


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero on this system")
def test_endless_input_is_capped() -> None:
    result = _run(["/dev/zero"], stdout=subprocess.PIPE)
    assert result.returncode == 1
    assert _one_line(result.stderr) == (
        f"reportparse: /dev/zero: more than {DEFAULT_MAX_BYTES:,} bytes; "
        "raise the limit with --max-bytes N (0: no limit)"
    )


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero on this system")
def test_endless_stdin_is_capped_at_max_bytes() -> None:
    with open("/dev/zero", "rb") as zero:
        result = _run(["-", "--max-bytes", "1000"], stdin=zero, stdout=subprocess.PIPE)
    assert result.returncode == 1
    assert _one_line(result.stderr) == (
        "reportparse: <stdin>: more than 1,000 bytes; "
        "raise the limit with --max-bytes N (0: no limit)"
    )


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_bar_on_a_terminal_only(report_file: Path) -> None:
    pytest.importorskip("tqdm")
    import fcntl
    import pty
    import struct
    import termios

    main_end, terminal = pty.openpty()  # stderr as a terminal, as in an interactive shell
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    try:
        result = _run([str(report_file)] * 3, stdout=subprocess.PIPE, stderr=terminal)
        os.close(terminal)
        shown = b""
        with contextlib.suppress(OSError):  # EIO once everything written has been read
            while chunk := os.read(main_end, 4096):
                shown += chunk
    finally:
        os.close(main_end)
    assert result.returncode == 0
    assert b"3/3" in shown and b"file" in shown
    piped = _run([str(report_file)] * 3, stdout=subprocess.PIPE)
    assert piped.stderr == b""  # not a terminal: no bar
