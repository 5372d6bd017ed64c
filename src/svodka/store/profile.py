"""What a store says about one entity: its counts, timeline, roles over time, the entities
it is seen with, its quotes and its latest documents. Near-duplicates count nowhere."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Connection, and_, func, select

from svodka.doc import Place
from svodka.errors import SvodkaError
from svodka.store.browse import DocumentRow
from svodka.store.checks import check_query
from svodka.store.entities import EntityCount
from svodka.store.quotes import QuoteRow, latest_quotes
from svodka.store.schema import doc_entities, documents, entities, mentions, roles
from svodka.store.schema import quotes as quotes_table
from svodka.store.store import Store


class UnknownEntity(SvodkaError, KeyError):
    """``profile`` was asked for a key the store does not hold."""


@dataclass(frozen=True, slots=True)
class RoleSpan:
    """A position held, as the corpus reports it over time."""

    title: str
    of_name: str | None
    of_key: str | None
    past: bool
    first_seen: date | None
    last_seen: date | None
    documents: int


@dataclass(frozen=True, slots=True)
class Profile:
    """Everything the corpus says about one entity. ``timeline`` has every month from the
    first to the last seen, empty ones as 0; ``cooccurring`` counts shared documents."""

    key: str
    type: str
    name: str
    aliases: tuple[str, ...]
    place: Place | None
    wikidata: str | None
    mentions: int
    documents: int
    first_seen: date | None
    last_seen: date | None
    timeline: tuple[tuple[str, int], ...]
    roles: tuple[RoleSpan, ...]
    cooccurring: tuple[EntityCount, ...]
    quotes: tuple[QuoteRow, ...]
    recent: tuple[DocumentRow, ...]


def profile(
    store: Store, key: str, *, quotes_limit: int = 10, documents_limit: int = 10
) -> Profile:
    """What the corpus says about the entity ``key``; raises ``UnknownEntity`` for a key
    the store does not hold, ``QueryError`` for one it cannot take (NUL)."""
    check_query(key=key)
    with store.engine.connect() as connection:
        row = connection.execute(select(entities).where(entities.c.key == key)).first()
        if row is None:
            raise UnknownEntity(f"no entity with key {key!r} in the store")
        days = dated_counts(connection, key)
        seen = sorted(day for day in days if day is not None)
        said = [quotes_table.c.speaker_key == key]
        return Profile(
            key=key,
            type=row.type,
            name=row.name,
            aliases=tuple(json.loads(row.aliases)),
            place=place_of(row),
            wikidata=row.wikidata,
            mentions=count_mentions(connection, key),
            documents=sum(days.values()),
            first_seen=seen[0] if seen else None,
            last_seen=seen[-1] if seen else None,
            timeline=monthly(days),
            roles=role_spans(connection, key),
            cooccurring=cooccurring(connection, key),
            quotes=tuple(latest_quotes(connection, said, quotes_limit)),
            recent=recent_documents(connection, key, documents_limit),
        )


def place_of(row) -> Place | None:
    """The place of an ``entities`` row, or None for an entity that is not a place."""
    if row.place_kind is None:
        return None
    return Place(
        row.geonameid,
        row.name_en,
        row.place_kind,
        row.country,
        row.admin1,
        row.lat,
        row.lon,
        row.population,
    )


def original_mentions(key: str) -> tuple[ColumnElement, ...]:
    """``doc_entities`` rows of ``key`` in documents that are not near-duplicates."""
    return (
        doc_entities.c.key == key,
        documents.c.id == doc_entities.c.doc_id,
        documents.c.duplicate_of.is_(None),
    )


def dated_counts(connection: Connection, key: str) -> dict[date | None, int]:
    """Publication day → documents that mention ``key`` that day."""
    count = func.count(func.distinct(doc_entities.c.doc_id))
    query = (
        select(documents.c.published, count)
        .where(*original_mentions(key))
        .group_by(documents.c.published)
    )
    return dict(connection.execute(query).all())


def monthly(days: dict[date | None, int]) -> tuple[tuple[str, int], ...]:
    """Documents per month, «YYYY-MM», every month from the first to the last present."""
    months: dict[tuple[int, int], int] = {}
    for day, n in days.items():
        if day is not None:
            months[day.year, day.month] = months.get((day.year, day.month), 0) + n
    if not months:
        return ()
    (year, month), last = min(months), max(months)
    timeline = []
    while (year, month) <= last:
        timeline.append((f"{year:04d}-{month:02d}", months.get((year, month), 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(timeline)


def count_mentions(connection: Connection, key: str) -> int:
    """Mentions of ``key`` in documents that are not near-duplicates."""
    query = (
        select(func.count())
        .select_from(mentions)
        .join(documents, documents.c.id == mentions.c.doc_id)
        .where(mentions.c.key == key, documents.c.duplicate_of.is_(None))
    )
    return connection.execute(query).scalar_one()


def role_spans(connection: Connection, key: str) -> tuple[RoleSpan, ...]:
    """The positions of ``key``, latest seen first."""
    last = func.max(documents.c.published)
    count = func.count(func.distinct(roles.c.doc_id))
    query = (
        select(
            roles.c.title,
            roles.c.of_name,
            func.max(roles.c.of_key),
            roles.c.past,
            func.min(documents.c.published),
            last,
            count,
        )
        .join(documents, documents.c.id == roles.c.doc_id)
        .where(roles.c.key == key, documents.c.duplicate_of.is_(None))
        .group_by(roles.c.title, roles.c.of_name, roles.c.past)
        .order_by(last.desc().nulls_last(), count.desc(), roles.c.title)
    )
    return tuple(RoleSpan(*row) for row in connection.execute(query))


def cooccurring(connection: Connection, key: str, limit: int = 10) -> tuple[EntityCount, ...]:
    """The entities that share most documents with ``key``."""
    own, other = doc_entities.alias("own"), doc_entities.alias("other")
    count = func.count(func.distinct(other.c.doc_id))
    query = (
        select(other.c.key, entities.c.name, entities.c.type, count)
        .select_from(own)
        .join(other, and_(other.c.doc_id == own.c.doc_id, other.c.key != key))
        .join(documents, documents.c.id == own.c.doc_id)
        .join(entities, entities.c.key == other.c.key)
        .where(own.c.key == key, documents.c.duplicate_of.is_(None))
        .group_by(other.c.key, entities.c.name, entities.c.type)
        .order_by(count.desc(), other.c.key)
        .limit(limit)
    )
    return tuple(EntityCount(*row) for row in connection.execute(query))


def recent_documents(connection: Connection, key: str, limit: int) -> tuple[DocumentRow, ...]:
    """The latest documents that mention ``key``."""
    query = (
        select(documents.c.id, documents.c.title, documents.c.published, documents.c.source)
        .where(*original_mentions(key))
        .distinct()
        .order_by(documents.c.published.desc().nulls_last(), documents.c.id)
        .limit(limit)
    )
    return tuple(DocumentRow(*row) for row in connection.execute(query))
