"""The corpus store: analyzed documents in SQLite (default) or PostgreSQL, behind one class.

The store takes documents of the model (``svodka.doc``) and knows nothing of the stages
that made them. Each ``add`` is one transaction: a batch is stored whole or not at all, so
a run killed at any moment and restarted ends with the same store as an uninterrupted one.
A document whose text hash is already stored is skipped (exact duplicate); one whose
MinHash is close to a stored document's is stored with ``duplicate_of`` pointing at it.
Rows are made in ``rows.py``, near-duplicates found in ``dedup.py``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, bindparam, delete, func, select, update

from svodka.config import DEFAULT_DB
from svodka.doc import Document, Entity, Record, Rejection
from svodka.store import dedup, fts
from svodka.store.checks import printable, problems
from svodka.store.engine import insert_rows, open_engine, retrying, write_transaction
from svodka.store.migrations import migrate
from svodka.store.rows import (
    Prepared,
    analysis_rows,
    document_row,
    entity_row,
    index_row,
    lsh_rows,
    name_rows,
    start_rows,
)
from svodka.store.schema import (
    TONE_TABLES,
    amounts,
    dates,
    doc_entities,
    documents,
    durations,
    entities,
    entity_names,
    entity_word_starts,
    events,
    in_chunks,
    lsh,
    mentions,
    quotes,
    rejects,
    roles,
)
from svodka.version import __version__

#: Tables that hang off a document, cleared when it is analyzed again.
DOCUMENT_ROWS = (
    doc_entities,
    mentions,
    roles,
    quotes,
    amounts,
    dates,
    durations,
    events,
    *TONE_TABLES.values(),
    lsh,
)


@dataclass(slots=True)
class AddCounts:
    added: int = 0
    duplicates: int = 0  # exact: skipped
    near_duplicates: int = 0  # stored, marked duplicate_of
    rejected: int = 0
    ids: list[str] = field(default_factory=list)


def database_url(db: str | Path) -> str:
    """A SQLAlchemy URL: a path means SQLite; ``postgresql://…`` uses psycopg 3."""
    db = str(db)
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if "://" in db:
        return db
    return f"sqlite:///{db}"


class Store:
    """One corpus. ``Store.open("svodka.db")`` or ``Store.open("postgresql://…")``."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @classmethod
    def open(cls, db: str | Path = DEFAULT_DB) -> Store:
        """Connect, creating or migrating the schema as needed."""
        engine = open_engine(database_url(db))

        def migrated() -> None:
            with write_transaction(engine) as connection:
                migrate(connection)

        retrying(migrated)  # two processes opening a new store: one creates it
        return cls(engine)

    @property
    def backend(self) -> str:
        """«sqlite» or «postgresql»."""
        return self.engine.dialect.name

    def close(self) -> None:
        """Close every connection of the store."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these text hashes are stored already."""
        with self.engine.connect() as connection:
            return stored_hashes(connection, list(hashes))

    def add(self, items: list[Prepared], rejected: Iterable[Rejection] = ()) -> AddCounts:
        """Store a batch of documents and rejects in one transaction.

        The transaction holds the store's writer lock (``engine.write_transaction``) from
        before it reads what is stored, so concurrent writers — two ingests, an ingest and
        ``POST /documents`` — take turns, and it runs again while the database is busy.
        A handful of statements per batch, whatever its size: the writer shares the CPU
        with the analysis workers, so it must stay cheap.
        """
        items, refused = split_storable(items)
        rejected = [*clean_rejections(rejected), *refused]
        return retrying(lambda: self.add_once(items, rejected))

    def add_once(self, items: list[Prepared], rejected: list[Rejection]) -> AddCounts:
        """One attempt of ``add``: one write transaction."""
        now = datetime.now()
        with write_transaction(self.engine) as connection:
            new_rejects = add_rejects(connection, rejected, now)
            fresh = drop_known(connection, items)
            ids = assign_ids(connection, fresh)
            originals = dedup.find_originals(connection, [i.signature for i in fresh], ids)
            insert_documents(connection, fresh, ids, originals, now)
        near = sum(original is not None for original in originals)
        return AddCounts(len(fresh), len(items) - len(fresh), near, new_rejects, ids)

    def replace_analysis(self, items: list[Prepared]) -> int:
        """Swap in a new analysis of stored documents (``svodka reanalyze``), one transaction."""
        if not items:
            return 0
        return retrying(lambda: self.replace_once(items))

    def replace_once(self, items: list[Prepared]) -> int:
        """One attempt of ``replace_analysis``: one write transaction."""
        with write_transaction(self.engine) as connection:
            ids = [item.doc.id for item in items]
            clear_documents(connection, ids)
            write_analyses(connection, [item.doc for item in items])
            connection.execute(
                update(documents)
                .where(documents.c.id == bindparam("doc_id"))
                .values(version=__version__, analysis=bindparam("analysis")),
                [{"doc_id": item.doc.id, "analysis": item.analysis} for item in items],
            )
            fts.add(connection, [index_row(i.doc, i.lemmas) for i in items])
        return len(items)

    def stored_records(self, *, stale_only: bool = True) -> list[Record]:
        """Stored articles as records to analyze again: those analyzed by another svodka
        version, or all of them."""
        query = select(
            documents.c.id,
            documents.c.text,
            documents.c.title,
            documents.c.published,
            documents.c.source,
            documents.c.url,
        ).order_by(documents.c.id)
        if stale_only:
            query = query.where(documents.c.version != __version__)
        with self.engine.connect() as connection:
            return [Record(*row) for row in connection.execute(query)]

    def add_rejects(self, rejected: Iterable[Rejection]) -> int:
        """Record rejects; each is kept once however often it recurs. How many were new."""
        rejected = clean_rejections(rejected)

        def write() -> int:
            with write_transaction(self.engine) as connection:
                return add_rejects(connection, rejected, datetime.now())

        return retrying(write)

    def count(self, table_name: str = "documents") -> int:
        """Rows in one table of the store («documents», «entities», «mentions», …)."""
        table = {t.name: t for t in (documents, entities, rejects, *DOCUMENT_ROWS)}[table_name]
        with self.engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(table)).scalar_one()


def split_storable(items: list[Prepared]) -> tuple[list[Prepared], list[Rejection]]:
    """The items the store can take, and a rejection for each one with a field it cannot
    (a NUL character, a lone surrogate): one bad record never sinks its batch."""
    kept, refused = [], []
    for item in items:
        doc = item.doc
        why = problems(id=doc.id, text=doc.text, title=doc.title, source=doc.source, url=doc.url)
        if why:
            refused.append(Rejection(printable(doc.id), why))
        else:
            kept.append(item)
    return kept, refused


def clean_rejections(rejected: Iterable[Rejection]) -> list[Rejection]:
    """Rejections whose source and reason can be stored: unstorable characters escaped."""
    return [Rejection(printable(r.source), printable(r.reason)) for r in rejected]


def stored_hashes(connection: Connection, hashes: list[str]) -> set[str]:
    """Which of these text hashes the documents table holds."""
    found: set[str] = set()
    for chunk in in_chunks(hashes):
        rows = connection.execute(select(documents.c.hash).where(documents.c.hash.in_(chunk)))
        found.update(row[0] for row in rows)
    return found


def drop_known(connection: Connection, items: list[Prepared]) -> list[Prepared]:
    """The items whose text is neither stored nor earlier in the batch."""
    seen = stored_hashes(connection, [item.hash for item in items])
    fresh = []
    for item in items:
        if item.hash not in seen:
            seen.add(item.hash)
            fresh.append(item)
    return fresh


def assign_ids(connection: Connection, items: list[Prepared]) -> list[str]:
    """Each record's id, or ``<id>-<hash prefix>`` when another text already has that id."""
    wanted = [item.doc.id for item in items]
    taken: set[str] = set()
    for chunk in in_chunks(sorted(set(wanted))):
        taken.update(
            row[0]
            for row in connection.execute(select(documents.c.id).where(documents.c.id.in_(chunk)))
        )
    ids = []
    for item in items:
        doc_id = item.doc.id if item.doc.id not in taken else f"{item.doc.id}-{item.hash[:8]}"
        taken.add(doc_id)
        ids.append(doc_id)
    return ids


def next_seq(connection: Connection) -> int:
    """The insertion number the next document gets: input order, across runs."""
    return (connection.execute(select(func.max(documents.c.seq))).scalar() or 0) + 1


def insert_documents(
    connection: Connection,
    items: list[Prepared],
    ids: list[str],
    originals: list[str | None],
    now: datetime,
) -> None:
    """Insert new documents under their ``ids``: their rows, analyses, LSH bands and
    full-text index entries."""
    first = next_seq(connection)
    triples = zip(items, ids, originals, strict=True)
    rows = [document_row(*triple, first + i, now) for i, triple in enumerate(triples)]
    if rows:
        connection.execute(documents.insert(), rows)
    docs = [replace(item.doc, id=doc_id) for item, doc_id in zip(items, ids, strict=True)]
    write_analyses(connection, docs)
    bands = [
        row for d, item in zip(docs, items, strict=True) for row in lsh_rows(d.id, item.signature)
    ]
    insert_rows(connection, lsh, bands)
    pairs = zip(docs, items, strict=True)
    fts.add(connection, [index_row(doc, item.lemmas) for doc, item in pairs])


def write_analyses(connection: Connection, docs: list[Document]) -> None:
    """The rows of the documents' analyses: entities (shared by key), mentions, roles,
    quotes, amounts, dates, durations, events, tones; one statement per table for the batch."""
    upsert_entities(connection, [e for doc in docs for e in doc.entities])
    rows: dict = {}
    for doc in docs:
        for table, values in analysis_rows(doc).items():
            rows.setdefault(table, []).extend(values)
    for table, values in rows.items():
        insert_rows(connection, table, values)


def upsert_entities(connection: Connection, found: list[Entity]) -> None:
    """Insert new entities (named as first seen); add new aliases, and a missing Wikidata
    id, to known ones, and the new names to ``entity_names`` and their words' starts to
    ``entity_word_starts``. Five statements for any number of entities."""
    by_key: dict[str, list[Entity]] = {}
    for entity in found:
        by_key.setdefault(entity.key, []).append(entity)
    stored = stored_entities(connection, sorted(by_key))
    new, changed, named = [], [], []
    for key, group in by_key.items():
        names = {name for e in group for name in (e.name, *(m.text for m in e.mentions))}
        wikidata = next((e.wikidata for e in group if e.wikidata), None)
        if key not in stored:
            new.append(entity_row(group[0], sorted(names), wikidata))
            named.extend(name_rows(key, names))
            continue
        old, old_wikidata = stored[key]
        added = names - set(old)
        if added:  # only a new spelling can fold to a new name
            named.extend(name_rows(key, added, known=old))
        aliases = sorted(set(old) | added)
        if added or (wikidata and not old_wikidata):
            changed.append(
                {
                    "k": key,
                    "aliases": json.dumps(aliases, ensure_ascii=False),
                    "wikidata": old_wikidata or wikidata,
                }
            )
    if new:
        connection.execute(entities.insert(), new)
    insert_rows(connection, entity_names, named)
    insert_rows(connection, entity_word_starts, start_rows(named))
    if changed:
        connection.execute(
            update(entities)
            .where(entities.c.key == bindparam("k"))
            .values(aliases=bindparam("aliases"), wikidata=bindparam("wikidata")),
            changed,
        )


def stored_entities(
    connection: Connection, keys: list[str]
) -> dict[str, tuple[list[str], str | None]]:
    """key → (aliases, Wikidata id) of the stored entities among ``keys``."""
    stored = {}
    for chunk in in_chunks(keys):
        rows = connection.execute(
            select(entities.c.key, entities.c.aliases, entities.c.wikidata).where(
                entities.c.key.in_(chunk)
            )
        )
        stored.update({key: (json.loads(aliases), wikidata) for key, aliases, wikidata in rows})
    return stored


def add_rejects(connection: Connection, rejected: list[Rejection], now: datetime) -> int:
    """Record the rejects not recorded before; how many were new."""
    fresh = list(dict.fromkeys(rejected))
    if not fresh:
        return 0
    known = set()
    for chunk in in_chunks(sorted({r.source for r in fresh})):
        rows = connection.execute(
            select(rejects.c.source, rejects.c.reason).where(rejects.c.source.in_(chunk))
        )
        known.update(Rejection(source, reason) for source, reason in rows)
    fresh = [r for r in fresh if r not in known]
    if fresh:
        connection.execute(
            rejects.insert(), [{"source": r.source, "reason": r.reason, "at": now} for r in fresh]
        )
    return len(fresh)


def clear_documents(connection: Connection, ids: list[str]) -> None:
    """Delete the analysis rows of these documents (not the documents themselves)."""
    for table in DOCUMENT_ROWS:
        if table is lsh:
            continue
        connection.execute(delete(table).where(table.c.doc_id.in_(ids)))
    fts.remove(connection, ids)
