"""reportparse.dask on a two-worker LocalCluster: the tables equal those of parse_many."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import dask
import pandas as pd
import pytest
from distributed import Client, LocalCluster

import reportparse
from reportparse import ParseFailure, Report, export
from reportparse import dask as rd

from .conftest import SAMPLES, read_exact

SAMPLE_NAMES = ["inspection_standard", "hospital_rectification", "numbering_gap", "flattened_web"]


@pytest.fixture(scope="module")
def reports_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six files in two folders: four samples, one copy under another name, one that is not
    text (a ParseFailure)."""
    root = tmp_path_factory.mktemp("reports")
    (root / "a").mkdir()
    (root / "b" / "c").mkdir(parents=True)
    for number, name in enumerate(SAMPLE_NAMES):
        folder = root / ("a" if number % 2 else "b" / Path("c"))
        (folder / f"{name}.txt").write_text(read_exact(SAMPLES / f"{name}.txt"), encoding="utf-8")
    (root / "a" / "again.txt").write_bytes((root / "a" / "hospital_rectification.txt").read_bytes())
    (root / "a" / "broken.txt").write_bytes(bytes(range(256)) * 4)
    return root


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def paths_of(root: Path) -> list[Path]:
    return sorted(root.glob("**/*.txt"))


def test_glob_paths_and_path_lists_give_the_same_bag(reports_dir: Path) -> None:
    pattern = str(reports_dir / "**" / "*.txt")
    assert rd._paths(pattern) == paths_of(reports_dir)
    assert len(paths_of(reports_dir)) == 6
    assert rd._paths(paths_of(reports_dir)) == paths_of(reports_dir)
    assert rd._paths(reports_dir / "a" / "again.txt") == [reports_dir / "a" / "again.txt"]


def test_the_example_runs_on_two_worker_processes(reports_dir: Path, client: Client) -> None:
    pattern = str(reports_dir / "**" / "*.txt")
    totals = rd.to_dataframe(rd.read_reports(pattern), "counts").groupby("file").value.sum()
    computed = totals.compute()
    expected = (
        export.to_dataframe(list(reportparse.parse_many(paths_of(reports_dir))), "counts")
        .groupby("file")
        .value.sum()
    )
    assert sorted(computed.index) == sorted(expected.index)
    assert len(computed) == 5  # the broken file gives no rows
    for file, total in expected.items():
        assert computed[file] == pytest.approx(total, rel=1e-12), file
    workers = client.run(os.getpid)
    assert len(set(workers.values())) == 2 and os.getpid() not in workers.values()


def test_the_bag_holds_reports_and_failures_in_order(reports_dir: Path, client: Client) -> None:
    results = rd.read_reports(str(reports_dir / "**" / "*.txt")).compute()
    paths = [str(path) for path in paths_of(reports_dir)]
    assert [r.source.path if r.source else None for r in results] == paths
    [failure] = [r for r in results if isinstance(r, ParseFailure)]
    assert failure.error_type == "DecodeError" and failure.source is not None
    assert failure.source.path == str(reports_dir / "a" / "broken.txt")
    assert all(isinstance(r, Report) for r in results if r is not failure)


@pytest.mark.parametrize("table", list(export.TABLES))
def test_every_table_equals_parse_many_with_its_declared_types(
    reports_dir: Path, client: Client, table: str
) -> None:
    frame = rd.to_dataframe(rd.read_reports(paths_of(reports_dir), partition_size=2), table)
    assert dict(frame.dtypes.astype(str)) == rd.column_types(table)
    computed = frame.compute()
    assert dict(computed.dtypes.astype(str)) == rd.column_types(table)
    rows = [
        row
        for result in reportparse.parse_many(paths_of(reports_dir))
        if isinstance(result, Report)
        for row in export.to_records(result, table)
    ]
    expected = pd.DataFrame(rows, columns=list(rd.column_types(table))).astype(
        rd.column_types(table)
    )
    assert len(computed) == len(expected) > 0 or table == "diagnostics"
    pd.testing.assert_frame_equal(
        computed.reset_index(drop=True), expected.reset_index(drop=True), check_exact=True
    )


def test_column_types_follow_the_models() -> None:
    counts = rd.column_types("counts")
    assert counts["value"] == "Float64"  # int | float
    assert counts["duration"] == "boolean"
    assert counts["unit"] == "string"  # str | None
    assert rd.column_types("dates")["value"] == "string"  # a date's value is text
    assert rd.column_types("dates")["date_start"] == "datetime64[ns]"
    assert rd.column_types("nodes")["ordinal"] == "Int64"
    for table in export.TABLES:
        assert tuple(rd.column_types(table)) == export.table_columns(table)


def test_a_pattern_that_matches_nothing_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no file matches"):
        rd.read_reports(str(tmp_path / "**" / "*.txt"))
    assert rd.read_reports([]).compute() == []  # an empty list of paths is an empty bag


def test_an_unknown_table_is_a_value_error(reports_dir: Path) -> None:
    with pytest.raises(ValueError, match="counts"):
        rd.to_dataframe(rd.read_reports(paths_of(reports_dir)), "chunks")


def test_without_dask_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask", None)  # as if Dask were not installed
    with pytest.raises(reportparse.MissingExtraError, match=r"reportparse\[dask\]"):
        rd.read_reports([])
    assert rd.column_types("slogans")["name"] == "string"  # these need no Dask


def test_rows_of_skips_failures() -> None:
    report = reportparse.parse("一、总体\n召开会议5次。")
    failure = ParseFailure(error_type="DecodeError", message="not text")
    rows = rd.rows_of([failure, report, failure], "counts")
    assert [row["text"] for row in rows] == ["会议5次"]


def test_reports_are_turned_into_rows_in_the_task_that_parses_them(reports_dir: Path) -> None:
    """Reading, parsing and making rows are one task per partition (fused by Dask), so a
    report never leaves the worker that parsed it: only its rows do."""
    frame = rd.to_dataframe(rd.read_reports(paths_of(reports_dir), partition_size=2), "counts")
    (optimized,) = dask.optimize(frame)
    names = {key[0] if isinstance(key, tuple) else key for key in optimized.__dask_graph__()}
    parsing = [name for name in names if "parse_item" in name]
    assert parsing and all("rows_of" in name for name in parsing), names
