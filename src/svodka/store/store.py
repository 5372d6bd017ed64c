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
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, delete, event, func, select, update

from svodka import __version__
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

DEFAULT_DB = "svodka.db"
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


def prepare(doc: Document) -> Prepared:
    """Hash, signature and lemma text of an analyzed document, its internal layers dropped."""
    lean = replace(doc, tokens=(), sentences=(), spans=())
    body = f"{doc.title or ''}\n{doc.text}"
    return Prepared(lean, text_hash(doc.text), dedup.signature(doc.text), fts.lemma_text(body))


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
        hashes = list(hashes)
        with self.engine.connect() as connection:
            found: set[str] = set()
            for i in range(0, len(hashes), 500):
                chunk = hashes[i : i + 500]
                rows = connection.execute(
                    select(documents.c.hash).where(documents.c.hash.in_(chunk))
                )
                found.update(row[0] for row in rows)
        return found

    def add(self, items: list[Prepared], rejected: Iterable[tuple[str, str]] = ()) -> AddCounts:
        """Store a batch of documents and rejects (source, reason) in one transaction."""
        counts = AddCounts()
        now = datetime.now()
        with self.engine.begin() as connection:
            for source, reason in rejected:
                counts.rejected += add_reject(connection, source, reason, now)
            seen = self_known(connection, [item.hash for item in items])
            for item in items:
                if item.hash in seen:
                    counts.duplicates += 1
                    continue
                seen.add(item.hash)
                doc_id = free_id(connection, item.doc.id, item.hash)
                original = find_original(connection, item.signature)
                insert_document(connection, item, doc_id, original, now)
                counts.added += 1
                counts.near_duplicates += original is not None
                counts.ids.append(doc_id)
        return counts

    def replace_analysis(self, items: list[Prepared]) -> int:
        """Swap in a new analysis of stored documents (``svodka reanalyze``), one transaction."""
        if not items:
            return 0
        with self.engine.begin() as connection:
            ids = [item.doc.id for item in items]
            clear_documents(connection, ids)
            for item in items:
                write_analysis(connection, item, item.doc.id)
                connection.execute(
                    update(documents)
                    .where(documents.c.id == item.doc.id)
                    .values(version=__version__, analysis=dumps(item.doc))
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
        now = datetime.now()
        with self.engine.begin() as connection:
            return sum(add_reject(connection, source, reason, now) for source, reason in rejected)

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


def self_known(connection: Connection, hashes: list[str]) -> set[str]:
    rows = connection.execute(select(documents.c.hash).where(documents.c.hash.in_(hashes)))
    return {row[0] for row in rows}


def free_id(connection: Connection, wanted: str, hash_: str) -> str:
    """The record's id, or ``<id>-<hash prefix>`` when another text already has that id."""
    taken = connection.execute(select(documents.c.id).where(documents.c.id == wanted)).first()
    return wanted if taken is None else f"{wanted}-{hash_[:8]}"


def find_original(connection: Connection, signature: bytes | None) -> str | None:
    """The earliest stored document this signature nearly duplicates, if any."""
    if signature is None:
        return None
    keys = dedup.bands(signature)
    candidates: set[str] = set()
    for band, bucket in keys:
        rows = connection.execute(
            select(lsh.c.doc_id).where(lsh.c.band == band, lsh.c.bucket == bucket)
        )
        candidates.update(row[0] for row in rows)
    if not candidates:
        return None
    rows = connection.execute(
        select(documents.c.id, documents.c.minhash, documents.c.duplicate_of)
        .where(documents.c.id.in_(sorted(candidates)))
        .order_by(documents.c.ingested_at, documents.c.id)
    )
    for doc_id, minhash, original in rows:
        if minhash and dedup.similarity(signature, minhash) >= dedup.NEAR:
            return original or doc_id
    return None


def insert_document(
    connection: Connection, item: Prepared, doc_id: str, original: str | None, now: datetime
) -> None:
    doc = replace(item.doc, id=doc_id)
    connection.execute(
        documents.insert().values(
            id=doc_id,
            hash=item.hash,
            title=doc.title,
            text=doc.text,
            published=doc.published,
            source=doc.source,
            url=doc.url,
            duplicate_of=original,
            version=__version__,
            analysis=dumps(doc),
            minhash=item.signature,
            ingested_at=now,
        )
    )
    write_analysis(connection, replace(item, doc=doc), doc_id)
    if item.signature is not None:
        connection.execute(
            lsh.insert(),
            [{"band": b, "bucket": k, "doc_id": doc_id} for b, k in dedup.bands(item.signature)],
        )
    fts.add(connection, [(doc_id, f"{doc.title or ''}\n{doc.text}", item.lemmas)])


def write_analysis(connection: Connection, item: Prepared, doc_id: str) -> None:
    """The rows of one document's analysis: entities (shared by key), mentions, roles,
    quotes, amounts, dates."""
    doc = item.doc
    keys = {e.id: e.key for e in doc.entities}
    upsert_entities(connection, doc.entities)
    rows = {
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
    for table, values in rows.items():
        if values:
            connection.execute(table.insert(), values)


def upsert_entities(connection: Connection, found: tuple[Entity, ...]) -> None:
    """Insert new entities; add new aliases (and a missing place or Wikidata id) to known ones."""
    by_key: dict[str, list[Entity]] = {}
    for entity in found:
        by_key.setdefault(entity.key, []).append(entity)
    if not by_key:
        return
    stored = {
        row.key: row
        for row in connection.execute(select(entities).where(entities.c.key.in_(sorted(by_key))))
    }
    for key, group in by_key.items():
        names = {name for e in group for name in (e.name, *(m.text for m in e.mentions))}
        first = group[0]
        if key not in stored:
            connection.execute(entities.insert().values(entity_row(first, sorted(names))))
            continue
        row = stored[key]
        aliases = sorted(set(json.loads(row.aliases)) | names)
        changes = {}
        if len(aliases) != len(json.loads(row.aliases)):
            changes["aliases"] = json.dumps(aliases, ensure_ascii=False)
        if row.wikidata is None and first.wikidata:
            changes["wikidata"] = first.wikidata
        if changes:
            connection.execute(update(entities).where(entities.c.key == key).values(**changes))


def entity_row(entity: Entity, aliases: list[str]) -> dict:
    place = entity.place
    return {
        "key": entity.key,
        "type": entity.type,
        "name": entity.name,
        "aliases": json.dumps(aliases, ensure_ascii=False),
        "wikidata": entity.wikidata,
        "geonameid": place.geonameid if place else None,
        "place_kind": place.kind if place else None,
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "population": place.population if place else None,
        "name_en": place.name_en if place else None,
    }


def add_reject(connection: Connection, source: str, reason: str, now: datetime) -> int:
    """1 when the reject is new, 0 when it was recorded before."""
    exists = connection.execute(
        select(rejects.c.id).where(rejects.c.source == source, rejects.c.reason == reason)
    ).first()
    if exists:
        return 0
    connection.execute(rejects.insert().values(source=source, reason=reason, at=now))
    return 1


def clear_documents(connection: Connection, ids: list[str]) -> None:
    """Delete the analysis rows of these documents (not the documents themselves)."""
    for table in DOCUMENT_ROWS:
        if table is lsh:
            continue
        connection.execute(delete(table).where(table.c.doc_id.in_(ids)))
    fts.remove(connection, ids)
