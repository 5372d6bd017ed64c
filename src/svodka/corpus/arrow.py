"""Rows to Arrow tables through Arrow's own JSON reader.

``pa.Table.from_pylist`` asks pyarrow's pandas shim whether each column is array-like, and
the shim imports pandas when it is installed: ~45 MB more in every Dask worker, for
nothing. Arrow's JSON reader builds the same columns in C++ and never imports it. Values
are put in the shape the reader takes for each column type (days since 1970 for a date,
ISO 8601 in UTC for a timestamp); the result equals ``from_pylist(rows, schema=schema)``
(``tests/unit/test_arrow_rows.py``).
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from typing import Any

import pyarrow as pa
import pyarrow.json as pa_json
import pyarrow.types as pt

EPOCH = date(1970, 1, 1)


def rows_table(rows: Iterable[dict], schema: pa.Schema) -> pa.Table:
    """The rows as one table of ``schema``; keys outside it are ignored, missing ones null."""
    converters = [(f.name, converter(f.type)) for f in schema]
    lines = [
        json.dumps(
            {name: convert(row.get(name)) for name, convert in converters}, ensure_ascii=False
        )
        for row in rows
    ]
    if not lines:
        return pa.Table.from_batches([], schema=schema)  # schema.empty_table imports pandas
    data = "\n".join(lines).encode("utf-8")
    table = pa_json.read_json(
        io.BytesIO(data),
        read_options=pa_json.ReadOptions(use_threads=False, block_size=len(data) + 1),
        parse_options=pa_json.ParseOptions(explicit_schema=schema),
    )
    return table.select(schema.names)


def converter(kind: pa.DataType) -> Callable[[Any], Any]:
    """How a value of a column of ``kind`` is written for the reader (None stays None)."""
    if pt.is_binary(kind) or pt.is_large_binary(kind):
        return refuse_binary
    for test, convert in CONVERTERS:
        if test(kind):
            return lambda value, convert=convert: None if value is None else convert(value)
    return lambda value: None if value is None else str(value)


def finite(value: float) -> float | None:
    """NaN and infinities have no JSON spelling: they are written as null (``from_pylist``
    would keep them; no batch column holds one)."""
    value = float(value)
    return value if math.isfinite(value) else None


def days(value: date) -> int:
    """A date as the reader's date32: days since 1970-01-01."""
    day = value.date() if isinstance(value, datetime) else value
    return (day - EPOCH).days


def instant(value: datetime) -> str:
    """A timestamp in UTC, microseconds kept; a naive one is taken as UTC."""
    moment = value if value.tzinfo else value.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def refuse_binary(value: Any) -> None:
    """Binary columns have no JSON spelling; none of the batch's tables fills one."""
    if value is not None:
        raise TypeError("rows_table cannot write binary values")


CONVERTERS: list[tuple[Callable[[pa.DataType], bool], Callable[[Any], Any]]] = [
    (pt.is_boolean, bool),
    (pt.is_integer, int),
    (pt.is_floating, finite),
    (pt.is_date32, days),
    (pt.is_timestamp, instant),
    (pt.is_list, lambda values: [None if v is None else str(v) for v in values]),
]
