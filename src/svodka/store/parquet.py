"""The Parquet layout of a corpus, one for ``svodka export --format parquet`` and
``svodka batch``: a dataset per table, ``<out>/<table>/part-NNNNN.parquet``, with the same
names and columns from both (``docs/export.md`` describes every one).

The tables are the store's (``schema.py``) with three differences: ``doc_entities`` carries
each entity's type, Wikidata id and place (from ``entities``), so a batch, which knows one
partition and not the corpus, writes it whole; ``dates`` adds ``date_start`` and
``date_end``, the days its mixed-precision ``value`` covers, so DuckDB and pandas can
filter a range; and timestamps are UTC with their zone. The contract JSON and the MinHash
bytes stay out of ``documents``.

Imports no pyarrow until a schema is asked: a core install exports jsonl, gkg and events.
"""

from __future__ import annotations

import json
from datetime import MAXYEAR, UTC, date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Column, Date, DateTime, Float, Integer, LargeBinary

from svodka.extras import require
from svodka.store.plover import date_range
from svodka.store.schema import (
    amounts,
    dates,
    doc_entities,
    document_tones,
    documents,
    durations,
    entities,
    entity_tones,
    events,
    mention_tones,
    mentions,
    quote_tones,
    quotes,
    roles,
)

if TYPE_CHECKING:
    import pyarrow as pa

#: The manifest file of a batch output (``corpus/batch.py``); an export refuses its folder.
MANIFEST = "_batch.json"
#: Columns left out of Parquet: the contract JSON (that is ``jsonl``) and the MinHash bytes.
LEFT_OUT = {"analysis", "minhash"}
#: Columns the store keeps as JSON lists of names, and Parquet as lists of strings.
NAME_LISTS = {"aliases", "actors"}
#: What a document's entity row adds from ``entities``: type, Wikidata id and place.
ENTITY_FIELDS = tuple(c.name for c in entities.columns if c.name not in ("key", "name", "aliases"))
#: What a Parquet ``dates`` row adds to the store's: the first and last day of ``value``.
DATE_SPAN = (Column("date_start", Date), Column("date_end", Date))
#: Grains whose value is the first year of a longer span, and the years it covers.
DECADES = {"decade": 10, "century": 100}
#: The Parquet tables, shared by ``--format parquet`` and ``svodka batch``: their columns,
#: and the ones rows are ordered by in an export. ``doc_entities`` is the entities of each
#: document, with their type and place; ``entities`` (export only) one row per key.
PARQUET_TABLES: dict[str, tuple[tuple[Column, ...], tuple[str, ...]]] = {
    "documents": (tuple(c for c in documents.columns if c.name not in LEFT_OUT), ("id",)),
    "entities": (tuple(entities.columns), ("key",)),
    "doc_entities": (
        (*doc_entities.columns, *(entities.c[n] for n in ENTITY_FIELDS)),
        ("doc_id", "local_id"),
    ),
    "mentions": (tuple(mentions.columns), ("doc_id", "start", "stop", "key")),
    "roles": (tuple(roles.columns), ("doc_id", "key", "title")),
    "quotes": (tuple(quotes.columns), ("doc_id", "start", "stop")),
    "amounts": (tuple(amounts.columns), ("doc_id", "start", "stop")),
    "dates": ((*dates.columns, *DATE_SPAN), ("doc_id", "start", "stop")),
    "durations": (tuple(durations.columns), ("doc_id", "start", "stop")),
    "events": (tuple(events.columns), ("doc_id", "start", "event_id")),
    "document_tones": (tuple(document_tones.columns), ("doc_id",)),
    "entity_tones": (tuple(entity_tones.columns), ("doc_id", "local_id")),
    "mention_tones": (tuple(mention_tones.columns), ("doc_id", "start", "stop", "key")),
    "quote_tones": (tuple(quote_tones.columns), ("doc_id", "start", "stop")),
}


def parquet_schema(name: str) -> pa.Schema:
    """The Arrow schema of the Parquet table ``name``, in export and batch alike."""
    pa = require("pyarrow")
    return pa.schema([(c.name, arrow_type(c)) for c in PARQUET_TABLES[name][0]])


def parquet_row(name: str, row: dict) -> dict:
    """A store row of table ``name`` as Parquet takes it: JSON name lists as lists,
    timestamps in UTC, and in ``dates`` the first and last day the value covers."""
    found = dict(row)
    for column in NAME_LISTS & row.keys():
        if isinstance(row[column], str):
            found[column] = json.loads(row[column])
    for column, value in row.items():
        if isinstance(value, datetime):
            found[column] = utc(value)
    if name == "dates":
        found["date_start"], found["date_end"] = date_span(row["value"], row["grain"])
    return found


def date_span(value: str | None, grain: str) -> tuple[date | None, date | None]:
    """The first and last day a resolved date covers: «2024-05» → 1 to 31 May; a decade
    or a century, whose value is its first year («1990», grain decade), to the end of its
    last year. (None, None) for an unresolved date."""
    first, last = date_range(value)
    years = DECADES.get(grain)
    if years and first is not None and value is not None and len(value) == 4:  # a year
        last = date(min(first.year + years - 1, MAXYEAR), 12, 31)
    return first, last


def utc(moment: datetime) -> datetime:
    """A stored timestamp in UTC. The store writes the local time of the machine that
    ingested, without a zone (``datetime.now()``), so a naive one is read as local time."""
    return moment.astimezone(UTC)


def part_name(number: int) -> str:
    """The file of a dataset's part ``number``: ``part-00042.parquet``."""
    return f"part-{number:05d}.parquet"


def arrow_type(column) -> pa.DataType:
    """The Arrow type of a store column: ``entities.aliases`` and ``events.actors`` (JSON)
    become lists, timestamps are UTC."""
    pa = require("pyarrow")
    if column.name in NAME_LISTS:
        return pa.list_(pa.string())
    kinds: list[tuple[type, pa.DataType]] = [
        (Boolean, pa.bool_()),
        (Integer, pa.int64()),
        (Float, pa.float64()),
        (DateTime, pa.timestamp("us", tz="UTC")),
        (Date, pa.date32()),
        (LargeBinary, pa.binary()),
    ]
    return next((arrow for kind, arrow in kinds if isinstance(column.type, kind)), pa.string())
