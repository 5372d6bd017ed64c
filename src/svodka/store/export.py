"""Export a whole store: JSON Lines of the contract, Parquet tables, a GDELT-GKG-style TSV,
or its events as PLOVER-style JSON Lines or TSV (``plover.py``).

Rows stream from the database in batches of ``BATCH``, so a store of any size exports in
constant memory. ``docs/export.md`` describes every column of every format.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from html import escape
from pathlib import Path
from typing import TextIO

import pycountry
from sqlalchemy import Select, select

from svodka.doc import DateMention, Document, Entity, Mention, Place
from svodka.errors import SvodkaError
from svodka.extras import require
from svodka.schema import from_dict
from svodka.store.parquet import (
    MANIFEST,
    PARQUET_TABLES,
    parquet_row,
    parquet_schema,
    part_name,
    utc,
)
from svodka.store.plover import TSV_COLUMNS, event_records, tsv_cells
from svodka.store.schema import doc_entities, documents, entities, events
from svodka.store.store import Store
from svodka.store.tone import gkg_tone

FORMATS = ("jsonl", "parquet", "gkg", "events", "events-tsv")
BATCH = 5000
#: The columns of a GDELT Global Knowledge Graph 2.1 file, in its order.
GKG_COLUMNS = (
    "GKGRECORDID",
    "V2.1DATE",
    "V2SOURCECOLLECTIONIDENTIFIER",
    "V2SOURCECOMMONNAME",
    "V2DOCUMENTIDENTIFIER",
    "V1COUNTS",
    "V2.1COUNTS",
    "V1THEMES",
    "V2ENHANCEDTHEMES",
    "V1LOCATIONS",
    "V2ENHANCEDLOCATIONS",
    "V1PERSONS",
    "V2ENHANCEDPERSONS",
    "V1ORGANIZATIONS",
    "V2ENHANCEDORGANIZATIONS",
    "V1.5TONE",
    "V2.1ENHANCEDDATES",
    "V2GCAM",
    "V2.1SHARINGIMAGE",
    "V2.1RELATEDIMAGES",
    "V2.1SOCIALIMAGEEMBEDS",
    "V2.1SOCIALVIDEOEMBEDS",
    "V2.1QUOTATIONS",
    "V2.1ALLNAMES",
    "V2.1AMOUNTS",
    "V2.1TRANSLATIONINFO",
    "V2EXTRASXML",
)
#: GKG location types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
GKG_TYPES = {"country": ("1", "1"), "region": ("5", "2"), "city": ("4", "3")}
GKG_POINT = ("4", "3")  # physical features and other places: GDELT files landmarks as cities


class ExportError(SvodkaError, ValueError):
    """An export was asked in an unknown format or to a target that cannot take it."""


def export(store: Store, fmt: str, out: str | Path | TextIO) -> dict[str, int]:
    """Write the whole store as ``fmt`` (jsonl, parquet, gkg, events, events-tsv) to
    ``out``: a file path or a text stream, a directory for parquet. Returns rows written
    per table (``{"documents": n}`` for jsonl and gkg, ``{"events": n}`` for the events)."""
    if fmt not in FORMATS:
        raise ExportError(f"export format {fmt!r}: expected one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if not isinstance(out, str | Path):
            raise ExportError("export --format parquet writes a directory: give a path")
        return write_parquet(store, Path(out))
    write = WRITERS[fmt]
    table = "events" if fmt.startswith("events") else "documents"
    if isinstance(out, str | Path):
        with open(out, "w", encoding="utf-8", newline="") as stream:
            return {table: write(store, stream)}
    return {table: write(store, out)}


def batches(store: Store, query: Select) -> Iterator[list]:
    """The rows of ``query`` in lists of ``BATCH``, from a server-side cursor where the
    backend has one."""
    with store.engine.connect() as connection:
        result = connection.execution_options(yield_per=BATCH).execute(query)
        yield from result.partitions()


# ------------------------------------------------------------------------------ jsonl


def write_jsonl(store: Store, out: TextIO) -> int:
    """The stored contract documents, one per line in id order, each with ``duplicate_of``
    (the id of the document it nearly duplicates, or null) added — the contract allows
    extra keys."""
    query = select(documents.c.analysis, documents.c.duplicate_of).order_by(documents.c.id)
    count = 0
    for rows in batches(store, query):
        for analysis, duplicate_of in rows:
            data = json.loads(analysis)
            data["duplicate_of"] = duplicate_of
            out.write(json.dumps(data, ensure_ascii=False) + "\n")
            count += 1
    return count


# ---------------------------------------------------------------------------- parquet


def write_parquet(store: Store, folder: Path) -> dict[str, int]:
    """A Parquet dataset per table in ``folder`` (created if need be), as ``svodka batch``
    writes them: ``<folder>/<table>/part-00000.parquet``. A batch output's folder is
    refused: the export would replace some of its tables and leave the others."""
    if (folder / MANIFEST).exists():
        raise ExportError(f"{folder} holds a svodka batch output: export to another folder")
    folder.mkdir(parents=True, exist_ok=True)
    return {name: write_table(store, name, folder / name) for name in PARQUET_TABLES}


def write_table(store: Store, name: str, folder: Path) -> int:
    """The table ``name`` as the one part of the dataset ``folder``, replacing the parts of
    an earlier export there; returns its rows."""
    pq = require("pyarrow.parquet")  # the [batch] extra: the other formats need no pyarrow
    pa = require("pyarrow")
    schema = parquet_schema(name)
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{part_name(0)}.tmp"
    count = 0
    with pq.ParquetWriter(temporary, schema) as writer:
        for rows in batches(store, table_query(name)):
            records = [parquet_row(name, dict(row._mapping)) for row in rows]
            writer.write_table(pa.Table.from_pylist(records, schema=schema))
            count += len(rows)
    for stale in folder.glob("part-*.parquet"):
        stale.unlink()
    temporary.replace(folder / part_name(0))
    return count


def table_query(name: str) -> Select:
    """The stored columns of a Parquet table, in its order; ``doc_entities`` joined to
    ``entities`` for each entity's type and place."""
    columns, order = PARQUET_TABLES[name]
    stored = [c for c in columns if c.table is not None]  # DATE_SPAN is computed
    by_name = {c.name: c for c in reversed(stored)}
    query = select(*stored).order_by(*(by_name[n] for n in order))
    if name == "doc_entities":
        query = query.select_from(doc_entities.join(entities, doc_entities.c.key == entities.c.key))
    return query


def write_gkg(store: Store, out: TextIO) -> int:
    """One GKG 2.1 row per document that is not a near-duplicate, in id order, after a
    header line of the column names."""
    query = (
        select(documents.c.analysis, documents.c.ingested_at)
        .where(documents.c.duplicate_of.is_(None))
        .order_by(documents.c.id)
    )
    out.write("\t".join(GKG_COLUMNS) + "\n")
    count = 0
    for rows in batches(store, query):
        for analysis, ingested_at in rows:
            count += 1
            row = gkg_row(from_dict(json.loads(analysis)), count, ingested_at)
            out.write("\t".join(row[name] for name in GKG_COLUMNS) + "\n")
    return count


def gkg_row(doc: Document, number: int, ingested_at: datetime) -> dict[str, str]:
    """The GKG columns of one document; the ones svodka has nothing for stay empty."""
    stamp = doc.published.strftime("%Y%m%d000000") if doc.published else ""
    stamp = stamp or utc(ingested_at).strftime("%Y%m%d%H%M%S")
    located = [e for e in doc.entities if e.place is not None and e.place.resolved]
    row = dict.fromkeys(GKG_COLUMNS, "")
    row |= {
        "GKGRECORDID": f"{stamp}-{number}",
        "V2.1DATE": stamp,
        "V2SOURCECOLLECTIONIDENTIFIER": "1" if doc.url else "2",
        "V2SOURCECOMMONNAME": clean(doc.source or ""),
        "V2DOCUMENTIDENTIFIER": clean(doc.url or doc.id),
        "V1LOCATIONS": ";".join(dict.fromkeys(gkg_location(e.place, e.name) for e in located)),
        "V2ENHANCEDLOCATIONS": ";".join(
            gkg_location(e.place, e.name, m.start)
            for m, e in sorted(((m, e) for e in located for m in e.mentions), key=by_start)
        ),
        "V1PERSONS": names_of(doc, "PER"),
        "V2ENHANCEDPERSONS": offsets_of(doc, "PER"),
        "V1ORGANIZATIONS": names_of(doc, "ORG"),
        "V2ENHANCEDORGANIZATIONS": offsets_of(doc, "ORG"),
        "V1.5TONE": gkg_tone(doc),
        "V2.1ENHANCEDDATES": ";".join(filter(None, map(gkg_date, doc.dates))),
        "V2.1QUOTATIONS": "#".join(
            f"{q.start}|{q.stop - q.start}|{clean(q.cue or '', '|#')}|{clean(q.text, '|#')}"
            for q in doc.quotes
        ),
        "V2.1ALLNAMES": offsets_of(doc, "PER", "ORG", "LOC"),
        "V2.1AMOUNTS": ";".join(
            f"{number_text(a.value)},{clean(a.object or a.unit or '', ',;')},{a.start}"
            for a in doc.amounts
        ),
        "V2EXTRASXML": f"<PAGE_TITLE>{escape(clean(doc.title))}</PAGE_TITLE>" if doc.title else "",
    }
    return row


def by_start(pair: tuple[Mention, Entity]) -> int:
    return pair[0].start


def clean(value: str, delimiters: str = "") -> str:
    """A value safe inside a TSV cell and its GKG sub-fields: tabs, line breaks and the
    given delimiters become spaces."""
    for char in "\t\r\n" + delimiters:
        value = value.replace(char, " ")
    return value.strip()


def names_of(doc: Document, kind: str) -> str:
    """«Name;Name»: the canonical names of the document's entities of one type."""
    return ";".join(dict.fromkeys(clean(e.name, ";") for e in doc.entities if e.type == kind))


def offsets_of(doc: Document, *kinds: str) -> str:
    """«Name,offset;…» for every mention of an entity of these types, in text order."""
    found = sorted(
        (m.start, clean(e.name, ",;")) for e in doc.entities if e.type in kinds for m in e.mentions
    )
    return ";".join(f"{name},{start}" for start, name in found)


def gkg_location(place: Place, name: str, offset: int | None = None) -> str:
    """«type#full name#country#ADM1#lat#lon#feature id», with ADM2 (empty) and the
    character offset added in the V2 form (``offset`` given)."""
    us = place.country == "US"
    kind = GKG_TYPES.get(place.kind, GKG_POINT)[us]
    feature = place.geonameid or (place.country if place.kind == "country" else place.admin1)
    admin1 = place.country if place.kind == "country" else place.admin1
    cells = [
        kind,
        clean(full_name(place, name), "#;"),
        place.country or "",
        admin1 or "",
        *([""] if offset is not None else []),
        coordinate(place.lat),
        coordinate(place.lon),
        str(feature or ""),
        *([str(offset)] if offset is not None else []),
    ]
    return "#".join(cells)


def full_name(place: Place, name: str) -> str:
    """«Almaty, Kazakhstan»: the English name, then the country's, as GKG writes them."""
    own = place.name_en or name
    country = pycountry.countries.get(alpha_2=place.country) if place.country else None
    if place.kind == "country" or country is None:
        return own
    return f"{own}, {getattr(country, 'common_name', country.name)}"


def coordinate(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def gkg_date(mention: DateMention) -> str:
    """«resolution#month#day#year#offset» of a resolved date; "" for an unresolved one."""
    if not mention.value:
        return ""
    parts = [int(p) for p in mention.value.split("-")]
    year, month, day = (*parts, 0, 0)[:3]
    # GKG's resolution: 3 a day with its year, 2 a month with its year, 1 a year — the
    # number of parts of the value (4, a day without a year, svodka always resolves).
    return f"{len(parts)}#{month}#{day}#{year}#{mention.start}"


def number_text(value: float) -> str:
    """An amount as GKG writes it: no exponent, no trailing «.0»."""
    return str(int(value)) if float(value).is_integer() else f"{value:f}".rstrip("0")


# ----------------------------------------------------------------------------- events


def originals(store: Store) -> Iterator[Document]:
    """The stored documents that are not near-duplicates and have events, in id order."""
    query = (
        select(documents.c.analysis)
        .where(documents.c.duplicate_of.is_(None))
        .where(documents.c.id.in_(select(events.c.doc_id)))
        .order_by(documents.c.id)
    )
    for rows in batches(store, query):
        for (analysis,) in rows:
            yield from_dict(json.loads(analysis))


def write_events(store: Store, out: TextIO) -> int:
    """One PLOVER-style record per event (``plover.event_record``) a line."""
    count = 0
    for doc in originals(store):
        for record in event_records(doc):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def write_events_tsv(store: Store, out: TextIO) -> int:
    """One row per event (``plover.TSV_COLUMNS``) after a header line of the column names;
    tabs and line breaks in a cell become spaces."""
    out.write("\t".join(TSV_COLUMNS) + "\n")
    count = 0
    for doc in originals(store):
        for record in event_records(doc):
            cells = tsv_cells(record)
            out.write("\t".join(clean(cells[name]) for name in TSV_COLUMNS) + "\n")
            count += 1
    return count


#: The writers of the formats that write one file.
WRITERS = {
    "jsonl": write_jsonl,
    "gkg": write_gkg,
    "events": write_events,
    "events-tsv": write_events_tsv,
}
