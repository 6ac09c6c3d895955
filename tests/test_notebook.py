"""The example notebook in docs/ runs from start to end, shows a report as HTML, and is stored
with the outputs a fresh run gives, so that a reader who opens it without running it (on GitHub)
sees them. After a deliberate change to what it shows, rewrite it with REPORTPARSE_REGEN=1 and
review the diff (``tests/test_samples.py`` fails while the flag is set, so it cannot stay on)."""

from __future__ import annotations

import copy
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
NOTEBOOK = DOCS / "example.ipynb"
REGEN = os.environ.get("REPORTPARSE_REGEN") == "1"


def _executed(notebook: Any) -> Any:
    """A fresh run of the notebook, from docs/ as a reader runs it; no timings recorded."""
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("pandas")
    fresh = copy.deepcopy(notebook)
    client = nbclient.NotebookClient(
        fresh,
        timeout=300,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(DOCS)}},
    )
    client.execute()  # raises CellExecutionError, naming the cell, if any cell fails
    fresh.metadata = notebook.metadata  # the kernel's own (its Python version) is not stored
    return fresh


def _shown(output: Any) -> dict[str, Any]:
    """What a reader sees of an output and must match a fresh run: a stream's text, a result's
    plain text, and the HTML of reportparse's own view (a DataFrame's HTML is pandas', which
    changes with pandas' version; its plain text is compared)."""
    if output["output_type"] == "stream":
        return {"stream": output["name"], "text": output["text"]}
    data = output.get("data", {})
    shown = {"text/plain": data.get("text/plain")}
    if '<div class="rp-report">' in data.get("text/html", ""):
        shown["text/html"] = data["text/html"]
    return shown


def _outputs(notebook: Any) -> list[list[dict[str, Any]]]:
    return [
        [_shown(output) for output in cell.outputs]
        for cell in notebook.cells
        if cell.cell_type == "code"
    ]


def test_example_notebook_runs_and_is_stored_with_its_outputs() -> None:
    nbformat = pytest.importorskip("nbformat")
    stored = nbformat.read(NOTEBOOK, as_version=4)
    fresh = _executed(stored)
    outputs = [cell.outputs for cell in fresh.cells if cell.cell_type == "code"]
    shown = outputs[0][0]["data"]
    assert '<div class="rp-report">' in shown["text/html"]
    assert "提高政治站位,扎实推进整改工作" in shown["text/html"]
    assert shown["text/plain"].startswith("Report(title=")
    assert outputs[1][0]["text"].startswith("Report(title=")
    assert "date_start" in outputs[3][0]["data"]["text/html"]
    if REGEN:
        nbformat.write(fresh, NOTEBOOK)
        stored = nbformat.read(NOTEBOOK, as_version=4)
    assert _outputs(stored) == _outputs(fresh), (
        "docs/example.ipynb holds the outputs of an older run: rewrite it with "
        "REPORTPARSE_REGEN=1 and review the diff"
    )


# An absolute path of a POSIX or Windows machine, and what a run's timing looks like.
_MACHINE_SPECIFIC = re.compile(
    r"(?:/home/|/Users/|/tmp/|/work/|/root/|[A-Za-z]:\\\\|site-packages"
    r"|\d+(?:\.\d+)?\s*(?:s|ms|sec|seconds)\b|cost \d|Wall time|CPU times)"
)


def test_stored_outputs_hold_nothing_of_the_machine_that_ran_them() -> None:
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert code and all(cell["outputs"] for cell in code), "every code cell shows its result"
    assert [cell["execution_count"] for cell in code] == list(range(1, len(code) + 1))
    assert all("execution" not in cell["metadata"] for cell in code)  # no timestamps
    assert "version" not in notebook["metadata"].get("language_info", {})
    outputs = json.dumps([cell["outputs"] for cell in code], ensure_ascii=False)
    assert str(ROOT) not in outputs
    found = _MACHINE_SPECIFIC.search(outputs)
    assert found is None, f"machine-specific: {outputs[found.start() - 60 : found.end() + 60]}"
