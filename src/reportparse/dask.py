"""Reports at scale with Dask: files -> a bag of results -> a Dask DataFrame per export table.

``read_reports`` makes a ``dask.bag.Bag`` whose items are what ``batch.parse_item`` gives for
each file (a ``Report`` or a ``ParseFailure``); ``to_dataframe`` turns it into one of the export
tables, with declared column types, the rows made where the reports were parsed (each partition
is read, parsed and turned into rows in one task, so only rows travel between processes). The
same code runs on the threads of a laptop, a ``distributed.LocalCluster`` or a cluster behind a
scheduler address; the files must be readable at the same paths by every worker.

``read_reports`` and ``to_dataframe`` need the ``dask`` extra (``pip install "reportparse[dask]"``);
``rows_of`` and ``column_types``, the row function and the column types, do not (a Spark job
uses them too, see docs/pipelines.md).
"""

from __future__ import annotations

import datetime
import glob
import os
from collections.abc import Iterable
from pathlib import Path
from types import UnionType
from typing import TYPE_CHECKING, Any, Literal, Union, get_args, get_origin

from . import export
from .batch import parse_item
from .errors import MissingExtraError
from .models import Report
from .readers import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    import dask.bag as db
    import dask.dataframe as dd

__all__ = ["column_types", "read_reports", "rows_of", "to_dataframe"]

# Columns that are no field of a mention model, and the nodes table (built from several models).
_COLUMN_TYPES = {"file": "string", "char_start": "int64", "char_end": "int64"}
_NODE_TYPES = {
    "path": "string",
    "parent": "string",
    "kind": "string",
    "level": "int64",
    "style": "string",
    "marker": "string",
    "ordinal": "Int64",
    "heading": "string",
    "text": "string",
}


def read_reports(
    paths_or_glob: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    partition_size: int | None = None,
    reference_date: datetime.date | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> db.Bag:
    """A bag of ``Report`` or ``ParseFailure``, one per file, in the order of the paths.

    ``paths_or_glob`` is a glob pattern (``"reports/**/*.txt"``; ``**`` crosses folders),
    one path, or an iterable of paths. The pattern is expanded here, in the client, and the
    matches sorted (``FileNotFoundError`` when nothing matches). ``partition_size`` is the
    number of files per partition (Dask's default: one partition per file up to 100 files,
    then 100 partitions). A file that cannot be read or parsed is a ``ParseFailure`` in the
    bag, not an error of the computation."""
    paths = _paths(paths_or_glob)
    bag = _dask_bag().from_sequence(paths, partition_size=partition_size)
    results: db.Bag = bag.map(parse_item, reference_date=reference_date, max_bytes=max_bytes)
    return results


def _dask_bag() -> Any:
    """``dask.bag``, or a ``MissingExtraError`` (an ImportError) naming the extra to install."""
    try:
        import dask.bag
        import dask.dataframe  # to_dataframe needs it: say so now, not later
    except ImportError as error:
        raise MissingExtraError("dask", "dask", "reportparse.dask") from error
    return dask.bag


def _paths(paths_or_glob: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[Path]:
    if isinstance(paths_or_glob, os.PathLike):
        return [Path(paths_or_glob)]
    if isinstance(paths_or_glob, str):
        if glob.has_magic(paths_or_glob):
            matches = sorted(glob.glob(paths_or_glob, recursive=True))
            if not matches:  # most likely a mistyped pattern: say so rather than give nothing
                raise FileNotFoundError(f"no file matches {paths_or_glob!r}")
            return [Path(match) for match in matches]
        return [Path(paths_or_glob)]
    if isinstance(paths_or_glob, bytes):
        raise TypeError("read_reports takes paths or a glob pattern, not bytes")
    return [Path(path) for path in paths_or_glob]


def rows_of(results: Iterable[Any], table: str) -> list[dict[str, Any]]:
    """The rows of one table over a partition of results (a ``ParseFailure`` gives none), as
    ``export.to_records`` gives them: a module-level function, for Dask and Spark workers."""
    rows: list[dict[str, Any]] = []
    for result in results:
        if isinstance(result, Report):
            rows.extend(export.to_records(result, table))
    return rows


def to_dataframe(bag: db.Bag, table: str) -> dd.DataFrame:
    """One export table (``nodes``, ``counts``, ``dates``, ``documents``, ``slogans``,
    ``diagnostics``) over a bag of results, as a Dask DataFrame with declared column types
    (``column_types(table)``). ``ValueError`` for a table that does not exist."""
    types = column_types(table)
    _dask_bag()
    rows = bag.map_partitions(rows_of, table)  # type: ignore[no-untyped-call]
    frame: dd.DataFrame = rows.to_dataframe(meta=types)
    return frame


def column_types(table: str) -> dict[str, str]:
    """The pandas dtype of each column of a table, in the table's order: nullable ``string``,
    ``Int64``, ``Float64`` and ``boolean`` where a value may be missing, ``datetime64[ns]``
    for ISO dates. Mention tables take the types of their model's fields."""
    spec = export.table(table)
    fields = _model_fields(table)
    types = {}
    for column in export.table_columns(table):
        if column in spec.date_columns:
            types[column] = "datetime64[ns]"
        elif column in spec.integer_columns:
            types[column] = "Int64"
        elif column in _COLUMN_TYPES:
            types[column] = _COLUMN_TYPES[column]
        elif table == "nodes":
            types[column] = _NODE_TYPES[column]
        else:
            types[column] = _dtype(fields[column])
    return types


def _model_fields(table: str) -> dict[str, Any]:
    """The field annotations of the model a mention table is made of (``Report.counts`` is a
    ``list[Count]``: the counts table has Count's fields), or {} for another table."""
    field = Report.model_fields.get(table)
    if field is None or get_origin(field.annotation) is not list:
        return {}
    (model,) = get_args(field.annotation)
    return {name: info.annotation for name, info in model.model_fields.items()}


def _dtype(annotation: Any) -> str:
    """The pandas dtype of values of a field's type: ``str | None`` -> string, ``int | float``
    -> Float64, a ``Literal`` of strings -> string."""
    origin = get_origin(annotation)
    if origin is Literal or annotation is str:
        return "string"
    if origin in (Union, UnionType):
        kinds = {arg for arg in get_args(annotation) if arg is not type(None)}
        if kinds == {int, float}:
            return "Float64"
        if len(kinds) == 1:
            return _dtype(kinds.pop())
    if annotation is bool:
        return "boolean"
    if annotation is int:
        return "Int64"
    if annotation is float:
        return "Float64"
    raise TypeError(f"no column type for a field of type {annotation!r}")
