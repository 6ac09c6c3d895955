"""docs/coding-sheet.md and docs/domain.md: their Python blocks run in order, from the project's
root, on samples/."""

from __future__ import annotations

import os
import re

import pytest

from tests.conftest import ROOT

PAGE = ROOT / "docs" / "coding-sheet.md"
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def test_coding_sheet_walkthrough_runs(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pandas", reason="the walk-through needs pandas (the test extra has it)")
    blocks = BLOCK.findall(PAGE.read_text(encoding="utf-8"))
    assert len(blocks) >= 8
    namespace: dict[str, object] = {}
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        for number, block in enumerate(blocks):
            exec(compile(block, f"coding-sheet.md block {number}", "exec"), namespace)
    finally:
        os.chdir(here)
    printed = capsys.readouterr().out
    assert "巡察" in printed and "done" in printed


def test_domain_page_example_runs() -> None:
    blocks = BLOCK.findall((ROOT / "docs" / "domain.md").read_text(encoding="utf-8"))
    assert blocks
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        for number, block in enumerate(blocks):
            exec(compile(block, f"domain.md block {number}", "exec"), {})
    finally:
        os.chdir(here)
