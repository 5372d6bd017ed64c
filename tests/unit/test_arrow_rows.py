"""Rows to Arrow through Arrow's JSON reader: the same table as ``from_pylist``, without
pandas in the process."""

import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

pa = pytest.importorskip("pyarrow")

from svodka.corpus.arrow import rows_table  # noqa: E402

SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("count", pa.int64()),
        ("score", pa.float64()),
        ("flag", pa.bool_()),
        ("day", pa.date32()),
        ("at", pa.timestamp("us", tz="UTC")),
        ("names", pa.list_(pa.string())),
    ]
)
MOSCOW = timezone(timedelta(hours=3))
ROWS = [
    {
        "id": 'Путин «в Сочи»\n\t"кавычки" \\ 😀',
        "count": -(2**62),
        "score": 0.1 + 0.2,
        "flag": True,
        "day": date(1812, 9, 7),
        "at": datetime(2024, 5, 3, 23, 30, 1, 123456, tzinfo=MOSCOW),
        "names": ["Касым-Жомарт Токаев", ""],
        "unknown": "ignored",
    },
    {"id": "", "count": 0, "score": -1e-300, "flag": False, "day": date(2024, 2, 29), "names": []},
    {"id": None},
    {},
]


def test_rows_table_equals_from_pylist():
    assert rows_table(ROWS, SCHEMA).equals(pa.Table.from_pylist(ROWS, schema=SCHEMA))


def test_rows_table_reads_ints_as_booleans_and_naive_times_as_utc():
    table = rows_table([{"flag": 1, "at": datetime(2024, 5, 3, 12)}], SCHEMA)
    assert table.column("flag").to_pylist() == [True]
    assert table.column("at").to_pylist() == [datetime(2024, 5, 3, 12, tzinfo=UTC)]


def test_rows_table_of_no_rows_is_empty_with_the_schema():
    table = rows_table([], SCHEMA)
    assert table.num_rows == 0 and table.schema.equals(SCHEMA)


def test_rows_table_takes_a_row_larger_than_a_reader_block():
    text = "Путин прилетел в Сочи. " * 200_000  # ~4.6 MB, over the reader's 1 MB default
    table = rows_table([{"id": text}, {"id": "b"}], SCHEMA)
    assert table.column("id").to_pylist() == [text, "b"]


def test_rows_table_refuses_binary_values():
    schema = pa.schema([("minhash", pa.binary())])
    assert rows_table([{"minhash": None}], schema).num_rows == 1
    with pytest.raises(TypeError, match="binary"):
        rows_table([{"minhash": b"\x00"}], schema)


def test_rows_table_never_imports_pandas():
    code = (
        "import sys; from svodka.corpus.arrow import rows_table; import pyarrow as pa; "
        "schema = pa.schema([('a', pa.string()), ('b', pa.list_(pa.string()))]); "
        "rows_table([{'a': 'x', 'b': [1]}], schema); rows_table([], schema); "
        "print('pandas' in sys.modules)"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert found.stdout.strip() == "False", found.stderr
