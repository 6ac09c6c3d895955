"""The documentation matches the code: its Python examples run, and docs/api.md gives every
public function's signature exactly as the code has it."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import reportparse
import reportparse.batch
import reportparse.dask
import reportparse.export
import reportparse.export_text
from reportparse.readers import DEFAULT_MAX_BYTES

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```(?P<info>[^\n`]*)\n(?P<code>.*?)^```", re.MULTILINE | re.DOTALL)
NOT_RUN = "python no-run"  # the info string of an example that shows a shape rather than runs


def _examples(path: Path) -> list[tuple[int, str]]:
    text = path.read_text(encoding="utf-8")
    return [
        (text.count("\n", 0, match.start()) + 1, match["code"])
        for match in FENCE.finditer(text)
        if match["info"].strip() == "python"
    ]


@pytest.mark.parametrize(
    "path", [p for p in DOCUMENTS if _examples(p)], ids=lambda p: str(p.relative_to(ROOT))
)
def test_python_examples_run(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each file's ```python blocks run in order in one namespace, from the project's root.

    ``text`` and ``report`` are there from the start: the docs' names for "your report" (a
    sample's text and its parse). A block fenced ```python no-run``` is not run."""
    monkeypatch.chdir(ROOT)
    text = (ROOT / "samples" / "inspection_standard.txt").read_text(encoding="utf-8")
    namespace: dict[str, Any] = {"text": text, "report": reportparse.parse(text)}
    for line, code in _examples(path):
        try:
            exec(compile(code, f"{path.name}:{line}", "exec"), namespace)
        except Exception as error:
            pytest.fail(f"{path.name}, the example at line {line}: {type(error).__name__}: {error}")


def _public_functions() -> list[tuple[str, Callable[..., Any]]]:
    functions = [
        (name, value)
        for name, value in vars(reportparse).items()
        if name in reportparse.__all__ and inspect.isfunction(value)
    ]
    for module in (
        reportparse.export,
        reportparse.export_text,
        reportparse.batch,
        reportparse.dask,
    ):
        functions.extend(
            (name, value)
            for name, value in vars(module).items()
            if inspect.isfunction(value)
            and not name.startswith("_")
            and value.__module__ == module.__name__
        )
    functions.extend(
        (name, getattr(reportparse.Report, name)) for name in ("node_text", "node_at", "walk")
    )
    return functions


def _as_documented(name: str, function: Callable[..., Any]) -> str:
    """``name(a, b=None, *, c=1)``: the signature without annotations, defaults as code."""
    parts = []
    star = False
    for parameter in inspect.signature(function).parameters.values():
        if parameter.name == "self":
            continue
        if parameter.kind is parameter.KEYWORD_ONLY and not star:
            parts.append("*")
            star = True
        if parameter.default is parameter.empty:
            parts.append(parameter.name)
        else:
            default = parameter.default
            shown = "DEFAULT_MAX_BYTES" if default == DEFAULT_MAX_BYTES else repr(default)
            parts.append(f"{parameter.name}={shown}".replace("'", '"'))
    return f"{name}({', '.join(parts)})"


def test_api_md_gives_every_signature_as_the_code_has_it() -> None:
    api = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    documented = [_as_documented(name, function) for name, function in _public_functions()]
    assert len(documented) > 20
    assert [signature for signature in documented if f"`{signature}`" not in api] == []
