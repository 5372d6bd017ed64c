"""Browsing a store: one stored document, a page of documents, the latest ones, places
with their document counts, which keys the store knows, and how often entities meet.

Like the other queries: SQLAlchemy Core on both backends, frozen results, near-duplicates left out
of lists and counts, nothing found is empty (or None for one document).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, select

from svodka.doc import Document
from svodka.schema import from_dict
from svodka.store.checks import check_query
from svodka.store.schema import doc_entities, documents, entities, in_chunks
from svodka.store.search import NO_FILTERS, Filters, document_filters
from svodka.store.store import Store


@dataclass(frozen=True, slots=True)
class DocumentRow:
    doc_id: str
    title: str | None
    published: date | None
    source: str | None


@dataclass(frozen=True, slots=True)
class StoredDocument:
    doc: Document
    duplicate_of: str | None


@dataclass(frozen=True, slots=True)
class PlaceCount:
    key: str
    name: str
    lat: float
    lon: float
    documents: int


def stored_analysis(store: Store, doc_id: str) -> tuple[dict, str | None] | None:
    """The stored contract document of ``doc_id`` (a dict) and its ``duplicate_of``."""
    check_query(id=doc_id)
    query = select(documents.c.analysis, documents.c.duplicate_of).where(documents.c.id == doc_id)
    with store.engine.connect() as connection:
        row = connection.execute(query).first()
    return None if row is None else (json.loads(row.analysis), row.duplicate_of)


def stored_document(store: Store, doc_id: str) -> StoredDocument | None:
    """The analysis of document ``doc_id`` as a Document, or None when there is none."""
    found = stored_analysis(store, doc_id)
    return None if found is None else StoredDocument(from_dict(found[0]), found[1])


def document_page(
    store: Store, filters: Filters, limit: int, offset: int = 0
) -> tuple[int, list[dict]]:
    """How many documents pass the filters, and one page of them, newest first: id, title,
    published, source, url, duplicate_of."""
    shown = (
        documents.c.id,
        documents.c.title,
        documents.c.published,
        documents.c.source,
        documents.c.url,
        documents.c.duplicate_of,
    )
    with store.engine.connect() as connection:
        conditions = document_filters(connection, filters)
        total = connection.execute(
            select(func.count()).select_from(documents).where(*conditions)
        ).scalar_one()
        query = (
            select(*shown)
            .where(*conditions)
            .order_by(documents.c.published.desc().nulls_last(), documents.c.seq.desc())
            .limit(limit)
            .offset(offset)
        )
        rows = [row._asdict() for row in connection.execute(query)]
    return total, rows


def latest_documents(store: Store, limit: int = 10) -> list[DocumentRow]:
    """The latest published documents (near-duplicates left out), newest first."""
    _, rows = document_page(store, NO_FILTERS, limit)
    return [DocumentRow(r["id"], r["title"], r["published"], r["source"]) for r in rows]


def newest_published(store: Store) -> date | None:
    """The latest publication date in the store."""
    with store.engine.connect() as connection:
        return connection.execute(select(func.max(documents.c.published))).scalar()


def place_counts(
    store: Store, doc_ids: Iterable[str] | None = None, limit: int = 500
) -> list[PlaceCount]:
    """Places with coordinates and the documents that mention each, most first; only in
    ``doc_ids`` when given."""
    if doc_ids is not None:
        doc_ids = list(doc_ids)
        check_query(id=doc_ids)
    count = func.count(func.distinct(doc_entities.c.doc_id)).label("documents")
    query = (
        select(entities.c.key, entities.c.name, entities.c.lat, entities.c.lon, count)
        .join(doc_entities, doc_entities.c.key == entities.c.key)
        .join(documents, documents.c.id == doc_entities.c.doc_id)
        .where(
            documents.c.duplicate_of.is_(None),
            entities.c.lat.is_not(None),
            entities.c.lon.is_not(None),
        )
        .group_by(entities.c.key, entities.c.name, entities.c.lat, entities.c.lon)
        .order_by(count.desc(), entities.c.key)
        .limit(limit)
    )
    if doc_ids is not None:
        query = query.where(documents.c.id.in_(list(doc_ids)))
    with store.engine.connect() as connection:
        return [PlaceCount(*row) for row in connection.execute(query)]


def known_keys(store: Store, keys: Iterable[str]) -> set[str]:
    """The ``keys`` the store holds an entity for."""
    keys = list(keys)
    check_query(key=keys)
    found: set[str] = set()
    with store.engine.connect() as connection:
        for chunk in in_chunks(sorted(set(keys))):
            query = select(entities.c.key).where(entities.c.key.in_(chunk))
            found.update(connection.execute(query).scalars())
    return found


def shared_documents(store: Store, keys: list[str]) -> dict[tuple[str, str], int]:
    """(key, other key) → documents that mention both, for each pair of ``keys`` that meet
    (key < other key; near-duplicates not counted)."""
    check_query(key=keys)
    own, other = doc_entities.alias("own"), doc_entities.alias("other")
    count = func.count(func.distinct(own.c.doc_id))
    query = (
        select(own.c.key, other.c.key, count)
        .join(other, and_(other.c.doc_id == own.c.doc_id, own.c.key < other.c.key))
        .join(documents, documents.c.id == own.c.doc_id)
        .where(own.c.key.in_(keys), other.c.key.in_(keys), documents.c.duplicate_of.is_(None))
        .group_by(own.c.key, other.c.key)
    )
    with store.engine.connect() as connection:
        return {(a, b): n for a, b, n in connection.execute(query)}
