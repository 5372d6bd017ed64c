"""The store's versioned migrations, for SQLite and PostgreSQL alike.

A migration is a function of a connection, applied once, in order, inside a transaction;
``meta.schema_version`` records how many have run. Add a migration, never edit one.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace

from sqlalchemy import Connection, select

from svodka.schema import from_dict
from svodka.store import facets, fts
from svodka.store.plover import tabulate_events
from svodka.store.rows import name_rows, start_rows
from svodka.store.schema import (
    TONE_TABLES,
    documents,
    durations,
    entities,
    entity_names,
    entity_word_starts,
    events,
    in_chunks,
    meta,
    metadata,
)
from svodka.store.tone import tabulate_tones


def create_v1(connection: Connection) -> None:
    """Every table of ``schema.py``, and the backend's full-text index."""
    metadata.create_all(connection)
    fts.create(connection)


def create_v2(connection: Connection) -> None:
    """The ``events`` table, and the rows of the events already in stored analyses (the
    contract ``svodka.document/2``). A store created at version 2 or later has the table
    from ``create_v1``, which creates every table, and no documents yet."""
    events.create(connection, checkfirst=True)
    backfill_events(connection)


def backfill_events(connection: Connection) -> int:
    """The ``events`` rows of every stored analysis that has events (a store that kept
    ``svodka.document/2`` analyses before it had the table), read 200 documents at a time;
    how many rows were written."""
    has_events = documents.c.analysis.contains('"events": [{', autoescape=True)
    ids = list(connection.execute(select(documents.c.id).where(has_events)).scalars())
    written = 0
    for chunk in in_chunks(sorted(ids), 200):
        query = select(documents.c.id, documents.c.analysis).where(documents.c.id.in_(chunk))
        for doc_id, analysis in connection.execute(query).all():
            doc = replace(from_dict(json.loads(analysis)), id=doc_id)
            rows = tabulate_events(doc, {e.id: e.key for e in doc.entities})
            if rows:
                connection.execute(events.insert(), rows)
                written += len(rows)
    return written


def create_v3(connection: Connection) -> None:
    """The tone tables (``document_tones``, ``entity_tones``, ``mention_tones``,
    ``quote_tones``), and the rows of the tones already in stored analyses."""
    for table in TONE_TABLES.values():
        table.create(connection, checkfirst=True)
    backfill_tones(connection)


def backfill_tones(connection: Connection) -> int:
    """The tone rows of every stored analysis that has tones (``svodka.document/2`` with
    the tone fields), 200 documents at a time, replacing any the documents had: running
    it twice leaves the same rows. How many rows were written."""
    has_tone = documents.c.analysis.contains('"tone": {', autoescape=True)
    ids = list(connection.execute(select(documents.c.id).where(has_tone)).scalars())
    written = 0
    for chunk in in_chunks(sorted(ids), 200):
        for table in TONE_TABLES.values():
            connection.execute(table.delete().where(table.c.doc_id.in_(chunk)))
        query = select(documents.c.id, documents.c.analysis).where(documents.c.id.in_(chunk))
        for doc_id, analysis in connection.execute(query).all():
            doc = replace(from_dict(json.loads(analysis)), id=doc_id)
            for name, rows in tabulate_tones(doc).items():
                if rows:
                    connection.execute(TONE_TABLES[name].insert(), rows)
                    written += len(rows)
    return written


def create_v4(connection: Connection) -> None:
    """Search at scale (issue 21): an index on ``doc_entities (key, doc_id)`` that answers an
    entity filter alone, and the full-text index's rows ordered the way the documents are
    (``fts.order_index``), so a search ranks only the latest matches that can reach a page."""
    connection.exec_driver_sql(
        "CREATE INDEX IF NOT EXISTS doc_entities_key_doc ON doc_entities (key, doc_id)"
    )
    fts.order_index(connection)


def create_v5(connection: Connection) -> None:
    """The ``durations`` table. Analyses stored before it have no durations to copy:
    ``svodka reanalyze`` fills it for them."""
    durations.create(connection, checkfirst=True)


def create_v6(connection: Connection) -> None:
    """The ``entity_names`` index of every stored entity's names and aliases, folded, so a
    name filter finds exact names without scanning ``entities.aliases``; rebuilt whole, so
    running it again leaves the same rows."""
    entity_names.create(connection, checkfirst=True)
    connection.execute(entity_names.delete())
    query = select(entities.c.key, entities.c.name, entities.c.aliases)
    rows = [
        row
        for key, name, aliases in connection.execute(query)
        for row in name_rows(key, [name, *json.loads(aliases)])
    ]
    for chunk in in_chunks(rows, 2000):
        connection.execute(entity_names.insert(), chunk)


def create_v7(connection: Connection) -> None:
    """Filters in the full-text index (issue 21): each document's entities, types, source
    and publication day as tokens beside its text (``facets.index_facets``), so a filtered
    search is one index query whatever the size of the filter."""
    facets.index_facets(connection)


def create_v8(connection: Connection) -> None:
    """SQLite: the columns a search ranks and lists, indexed by ``seq`` (the full-text
    index's rowid), so ranking 1,000 matches reads none of their rows: SQLite reaches a
    column stored after a document's text through the text's overflow pages. PostgreSQL
    keeps long texts out of line (TOAST) and needs none."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(
            "CREATE INDEX IF NOT EXISTS documents_listing "
            "ON documents (seq, duplicate_of, id, published, source, title)"
        )


def create_v9(connection: Connection) -> None:
    """The ``entity_word_starts`` index of the words of every stored name, rebuilt whole
    from ``entity_names``, so a name filter that starts a word of a name («Путин») looks its
    candidates up instead of scanning every entity's aliases."""
    entity_word_starts.create(connection, checkfirst=True)
    connection.execute(entity_word_starts.delete())
    named = connection.execute(select(entity_names.c.name, entity_names.c.key)).mappings()
    for chunk in in_chunks(start_rows([dict(row) for row in named]), 2000):
        connection.execute(entity_word_starts.insert(), chunk)


#: The migrations, in order. Never edit one that has shipped; add the next.
MIGRATIONS: tuple[Callable[[Connection], None], ...] = (
    create_v1,
    create_v2,
    create_v3,
    create_v4,
    create_v5,
    create_v6,
    create_v7,
    create_v8,
    create_v9,
)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(connection: Connection) -> int:
    """How many migrations this database has had (0 for an empty one)."""
    if not connection.dialect.has_table(connection, "meta"):
        return 0
    row = connection.execute(select(meta.c.value).where(meta.c.key == "schema_version")).first()
    return int(row[0]) if row else 0


def migrate(connection: Connection) -> int:
    """Apply the migrations this database lacks; returns the version it is now at."""
    current = schema_version(connection)
    if current > SCHEMA_VERSION:
        raise RuntimeError(
            f"the store has schema version {current}; this svodka knows up to {SCHEMA_VERSION}"
        )
    for version in range(current, SCHEMA_VERSION):
        MIGRATIONS[version](connection)
        set_meta(connection, "schema_version", str(version + 1))
    return SCHEMA_VERSION


def set_meta(connection: Connection, key: str, value: str) -> None:
    connection.execute(meta.delete().where(meta.c.key == key))
    connection.execute(meta.insert().values(key=key, value=value))
