"""The corpus store: analyzed documents in SQLite (default) or PostgreSQL, behind one class.

The store takes documents of the model (``svodka.doc``) and knows nothing of the stages
that made them. Each ``add`` is one transaction: a batch is stored whole or not at all, so
a run killed at any moment and restarted ends with the same store as an uninterrupted one.
A document whose text hash is already stored is skipped (exact duplicate); one whose
MinHash is close to a stored document's is stored with ``duplicate_of`` pointing at it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import (
    Connection,
    Engine,
    bindparam,
    create_engine,
    delete,
    event,
    func,
    select,
    tuple_,
    update,
)

from svodka.config import DEFAULT_DB
from svodka.doc import Document, Entity, Record
from svodka.schema import dumps
from svodka.store import dedup, fts
from svodka.store.schema import (
    amounts,
    dates,
    doc_entities,
    documents,
    entities,
    lsh,
    mentions,
    migrate,
    quotes,
    rejects,
    roles,
)
from svodka.version import __version__

#: Tables that hang off a document, cleared when it is analyzed again.
DOCUMENT_ROWS = (doc_entities, mentions, roles, quotes, amounts, dates, lsh)


@dataclass(frozen=True, slots=True)
class Prepared:
    """A document ready to store, with what is costly to compute done beforehand (in the
    worker processes): the text hash, the MinHash signature and the lemmatized text."""

    doc: Document
    hash: str
    signature: bytes | None
    lemmas: str
    analysis: str  # the contract document as JSON


@dataclass(slots=True)
class AddCounts:
    added: int = 0
    duplicates: int = 0  # exact: skipped
    near_duplicates: int = 0  # stored, marked duplicate_of
    rejected: int = 0
    ids: list[str] = field(default_factory=list)


def text_hash(text: str) -> str:
    """SHA-256 of the text: the identity of an article's content."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def lean(doc: Document) -> Document:
    """The document without its internal layers (tokens, sentences, spans): what is kept."""
    return replace(doc, tokens=(), sentences=(), spans=())


def prepare(doc: Document) -> Prepared:
    """Hash, signature and lemma text of an analyzed document, its internal layers dropped."""
    lean_doc = lean(doc)
    body = f"{doc.title or ''}\n{doc.text}"
    signature = dedup.signature(doc.text)
    return Prepared(lean_doc, text_hash(doc.text), signature, fts.lemma_text(body), dumps(lean_doc))


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
        url = database_url(db)
        engine = create_engine(url)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", tune_sqlite)
        with engine.begin() as connection:
            migrate(connection)
        return cls(engine)

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these text hashes are stored already."""
        with self.engine.connect() as connection:
            return stored_hashes(connection, list(hashes))

    def add(self, items: list[Prepared], rejected: Iterable[tuple[str, str]] = ()) -> AddCounts:
        """Store a batch of documents and rejects (source, reason) in one transaction.

        A handful of statements per batch, whatever its size: the writer shares the CPU
        with the analysis workers, so it must stay cheap.
        """
        counts = AddCounts()
        now = datetime.now()
        with self.engine.begin() as connection:
            counts.rejected = add_rejects(connection, list(rejected), now)
            fresh = drop_known(connection, items)
            counts.duplicates = len(items) - len(fresh)
            ids = assign_ids(connection, fresh)
            originals = find_originals(connection, fresh, ids)
            first = next_seq(connection)
            triples = zip(fresh, ids, originals, strict=True)
            rows = [document_row(*triple, first + i, now) for i, triple in enumerate(triples)]
            if rows:
                connection.execute(documents.insert(), rows)
            docs = [replace(item.doc, id=doc_id) for item, doc_id in zip(fresh, ids, strict=True)]
            write_analyses(connection, docs)
            lsh_rows = [
                {"band": band, "bucket": bucket, "doc_id": doc_id}
                for item, doc_id in zip(fresh, ids, strict=True)
                if item.signature is not None
                for band, bucket in dedup.bands(item.signature)
            ]
            if lsh_rows:
                connection.execute(lsh.insert(), lsh_rows)
            pairs = zip(docs, fresh, strict=True)
            fts.add(connection, [(d.id, f"{d.title or ''}\n{d.text}", i.lemmas) for d, i in pairs])
        counts.added = len(fresh)
        counts.near_duplicates = sum(original is not None for original in originals)
        counts.ids = ids
        return counts

    def replace_analysis(self, items: list[Prepared]) -> int:
        """Swap in a new analysis of stored documents (``svodka reanalyze``), one transaction."""
        if not items:
            return 0
        with self.engine.begin() as connection:
            ids = [item.doc.id for item in items]
            clear_documents(connection, ids)
            write_analyses(connection, [item.doc for item in items])
            connection.execute(
                update(documents)
                .where(documents.c.id == bindparam("doc_id"))
                .values(version=__version__, analysis=bindparam("analysis")),
                [{"doc_id": item.doc.id, "analysis": item.analysis} for item in items],
            )
            fts.add(
                connection,
                [(i.doc.id, f"{i.doc.title or ''}\n{i.doc.text}", i.lemmas) for i in items],
            )
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

    def add_rejects(self, rejected: Iterable[tuple[str, str]]) -> int:
        """Record rejects (source, reason); each is kept once however often it recurs."""
        with self.engine.begin() as connection:
            return add_rejects(connection, list(rejected), datetime.now())

    def count(self, table_name: str = "documents") -> int:
        table = {t.name: t for t in (documents, entities, rejects, *DOCUMENT_ROWS)}[table_name]
        with self.engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(table)).scalar_one()


def tune_sqlite(dbapi_connection, _record) -> None:
    """WAL: readers never block the writer, and a killed writer leaves a consistent file."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def in_chunks(values: list, size: int = 400) -> Iterator[list]:
    """Slices small enough for any backend's limit on bound parameters."""
    for i in range(0, len(values), size):
        yield values[i : i + size]


def stored_hashes(connection: Connection, hashes: list[str]) -> set[str]:
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


LATER = 10**15  # orders this batch's documents after every stored one


def find_originals(
    connection: Connection, items: list[Prepared], ids: list[str]
) -> list[str | None]:
    """For each item, the earliest document (stored, or earlier in the batch) it nearly
    duplicates, or None. Candidates share an LSH band; the signatures decide."""
    keys = {pair for item in items if item.signature for pair in dedup.bands(item.signature)}
    stored: dict[tuple[int, str], list[str]] = {}
    for chunk in in_chunks(sorted(keys), 200):
        rows = connection.execute(
            select(lsh.c.band, lsh.c.bucket, lsh.c.doc_id).where(
                tuple_(lsh.c.band, lsh.c.bucket).in_(chunk)
            )
        )
        for band, bucket, doc_id in rows:
            stored.setdefault((band, bucket), []).append(doc_id)
    known = candidate_signatures(connection, sorted({d for ds in stored.values() for d in ds}))
    batch: dict[tuple[int, str], list[str]] = {}
    originals: list[str | None] = []
    for position, (item, doc_id) in enumerate(zip(items, ids, strict=True)):
        original = None
        if item.signature is not None:
            pairs = dedup.bands(item.signature)
            names = {d for pair in pairs for d in stored.get(pair, []) + batch.get(pair, [])}
            near = [d for d in names if dedup.similarity(item.signature, known[d][0]) >= dedup.NEAR]
            if near:
                earliest = min(near, key=lambda d: known[d][2])
                original = known[earliest][1] or earliest
            for pair in pairs:
                batch.setdefault(pair, []).append(doc_id)
            known[doc_id] = (item.signature, original, LATER + position)  # after every stored one
        originals.append(original)
    return originals


def candidate_signatures(
    connection: Connection, doc_ids: list[str]
) -> dict[str, tuple[bytes, str | None, int]]:
    """doc id → (signature, duplicate_of, seq) of stored documents."""
    found = {}
    for chunk in in_chunks(doc_ids):
        rows = connection.execute(
            select(
                documents.c.id, documents.c.minhash, documents.c.duplicate_of, documents.c.seq
            ).where(documents.c.id.in_(chunk))
        )
        for doc_id, minhash, original, seq in rows:
            if minhash:
                found[doc_id] = (minhash, original, seq)
    return found


def document_row(
    item: Prepared, doc_id: str, original: str | None, seq: int, now: datetime
) -> dict:
    doc = replace(item.doc, id=doc_id)
    return {
        "id": doc_id,
        "seq": seq,
        "hash": item.hash,
        "title": doc.title,
        "text": doc.text,
        "published": doc.published,
        "source": doc.source,
        "url": doc.url,
        "duplicate_of": original,
        "version": __version__,
        "analysis": item.analysis if doc_id == item.doc.id else dumps(doc),
        "minhash": item.signature,
        "ingested_at": now,
    }


def write_analyses(connection: Connection, docs: list[Document]) -> None:
    """The rows of the documents' analyses: entities (shared by key), mentions, roles,
    quotes, amounts, dates; one statement per table for the whole batch."""
    upsert_entities(connection, [e for doc in docs for e in doc.entities])
    rows: dict = {table: [] for table in (doc_entities, mentions, roles, quotes, amounts, dates)}
    for doc in docs:
        for table, values in analysis_rows(doc).items():
            rows[table].extend(values)
    for table, values in rows.items():
        if values:
            connection.execute(table.insert(), values)


def analysis_rows(doc: Document) -> dict:
    doc_id = doc.id
    keys = {e.id: e.key for e in doc.entities}
    return {
        doc_entities: [
            {
                "doc_id": doc_id,
                "local_id": e.id,
                "key": e.key,
                "name": e.name,
                "mentions": len(e.mentions),
            }
            for e in doc.entities
        ],
        mentions: [
            {
                "doc_id": doc_id,
                "local_id": e.id,
                "key": e.key,
                "start": m.start,
                "stop": m.stop,
                "text": m.text,
            }
            for e in doc.entities
            for m in e.mentions
        ],
        roles: [
            {
                "doc_id": doc_id,
                "key": e.key,
                "title": r.title,
                "of_key": keys.get(r.of),
                "of_name": r.of_name,
                "past": r.past,
            }
            for e in doc.entities
            for r in e.roles
        ],
        quotes: [
            {
                "doc_id": doc_id,
                "start": q.start,
                "stop": q.stop,
                "text": q.text,
                "kind": q.kind,
                "speaker_key": keys.get(q.speaker),
                "speaker_name": q.speaker_name,
                "cue": q.cue,
                "source": q.source,
            }
            for q in doc.quotes
        ],
        amounts: [
            {
                "doc_id": doc_id,
                "start": a.start,
                "stop": a.stop,
                "text": a.text,
                "value": a.value,
                "unit": a.unit,
                "approx": a.approx,
                "bound": a.bound,
                "low": a.range[0] if a.range else None,
                "high": a.range[1] if a.range else None,
                "object": a.object,
                "per": a.per,
            }
            for a in doc.amounts
        ],
        dates: [
            {
                "doc_id": doc_id,
                "start": d.start,
                "stop": d.stop,
                "text": d.text,
                "value": d.value,
                "grain": d.grain,
                "relative": d.relative,
            }
            for d in doc.dates
        ],
    }


def upsert_entities(connection: Connection, found: list[Entity]) -> None:
    """Insert new entities (named as first seen); add new aliases, and a missing Wikidata
    id, to known ones. Three statements for any number of entities."""
    by_key: dict[str, list[Entity]] = {}
    for entity in found:
        by_key.setdefault(entity.key, []).append(entity)
    stored = {}
    for chunk in in_chunks(sorted(by_key)):
        rows = connection.execute(
            select(entities.c.key, entities.c.aliases, entities.c.wikidata).where(
                entities.c.key.in_(chunk)
            )
        )
        stored.update({key: (aliases, wikidata) for key, aliases, wikidata in rows})
    new, changed = [], []
    for key, group in by_key.items():
        names = {name for e in group for name in (e.name, *(m.text for m in e.mentions))}
        wikidata = next((e.wikidata for e in group if e.wikidata), None)
        if key not in stored:
            new.append(entity_row(group[0], sorted(names), wikidata))
            continue
        old, old_wikidata = stored[key]
        aliases = sorted(set(json.loads(old)) | names)
        if len(aliases) != len(json.loads(old)) or (wikidata and not old_wikidata):
            changed.append(
                {
                    "k": key,
                    "aliases": json.dumps(aliases, ensure_ascii=False),
                    "wikidata": old_wikidata or wikidata,
                }
            )
    if new:
        connection.execute(entities.insert(), new)
    if changed:
        connection.execute(
            update(entities)
            .where(entities.c.key == bindparam("k"))
            .values(aliases=bindparam("aliases"), wikidata=bindparam("wikidata")),
            changed,
        )


def entity_row(entity: Entity, aliases: list[str], wikidata: str | None) -> dict:
    place = entity.place
    return {
        "key": entity.key,
        "type": entity.type,
        "name": entity.name,
        "aliases": json.dumps(aliases, ensure_ascii=False),
        "wikidata": wikidata,
        "geonameid": place.geonameid if place else None,
        "place_kind": place.kind if place else None,
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "population": place.population if place else None,
        "name_en": place.name_en if place else None,
    }


def add_rejects(connection: Connection, rejected: list[tuple[str, str]], now: datetime) -> int:
    """Record the rejects not recorded before; how many were new."""
    fresh = list(dict.fromkeys(rejected))
    if not fresh:
        return 0
    known = set()
    for chunk in in_chunks(sorted({source for source, _ in fresh})):
        rows = connection.execute(
            select(rejects.c.source, rejects.c.reason).where(rejects.c.source.in_(chunk))
        )
        known.update(tuple(row) for row in rows)
    fresh = [pair for pair in fresh if pair not in known]
    if fresh:
        connection.execute(
            rejects.insert(), [{"source": s, "reason": r, "at": now} for s, r in fresh]
        )
    return len(fresh)


def clear_documents(connection: Connection, ids: list[str]) -> None:
    """Delete the analysis rows of these documents (not the documents themselves)."""
    for table in DOCUMENT_ROWS:
        if table is lsh:
            continue
        connection.execute(delete(table).where(table.c.doc_id.in_(ids)))
    fts.remove(connection, ids)
