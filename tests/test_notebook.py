"""The example notebook in docs/ runs from start to end, and shows a report as HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_example_notebook_runs() -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("pandas")
    notebook = nbformat.read(DOCS / "example.ipynb", as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(DOCS)}}
    )
    client.execute()  # raises CellExecutionError, naming the cell, if any cell fails
    outputs = [cell.outputs for cell in notebook.cells if cell.cell_type == "code"]
    shown = outputs[0][0]["data"]
    assert '<div class="rp-report">' in shown["text/html"]
    assert "提高政治站位,扎实推进整改工作" in shown["text/html"]
    assert shown["text/plain"].startswith("Report(title=")
    assert outputs[1][0]["text"].startswith("Report(title=")
    assert "date_start" in outputs[3][0]["data"]["text/html"]
