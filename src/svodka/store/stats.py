"""Counts of everything a store holds: documents, entities by type, layers (events among
them), dates, sources, the schema and the svodka versions that analyzed it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Column, Connection, Table, func, select

from svodka.store.migrations import SCHEMA_VERSION
from svodka.store.schema import (
    amounts,
    dates,
    documents,
    entities,
    events,
    mentions,
    meta,
    quotes,
    rejects,
)
from svodka.store.store import Store


@dataclass(frozen=True, slots=True)
class Stats:
    documents: int
    originals: int  # documents that are not near-duplicates
    near_duplicates: int
    entities: dict[str, int]  # by type
    mentions: int
    quotes: int
    amounts: int
    dates: int
    events: int
    rejects: int
    first_published: date | None
    last_published: date | None
    sources: tuple[tuple[str, int], ...]  # the ten largest, documents each
    schema_version: int
    versions: dict[str, int]  # svodka version → documents it analyzed


def stats(store: Store, *, top_sources: int = 10) -> Stats:
    """Counts of everything in the store. Rows of near-duplicates are counted too: this
    is what the store holds; ``originals`` is how many articles it holds."""
    with store.engine.connect() as connection:
        total = count_rows(connection, documents)
        near = count_rows(connection, documents, documents.c.duplicate_of.is_not(None))
        span = select(func.min(documents.c.published), func.max(documents.c.published))
        first, last = connection.execute(span).one()
        version = connection.execute(
            select(meta.c.value).where(meta.c.key == "schema_version")
        ).scalar()
        return Stats(
            documents=total,
            originals=total - near,
            near_duplicates=near,
            entities=dict(grouped(connection, entities.c.type)),
            mentions=count_rows(connection, mentions),
            quotes=count_rows(connection, quotes),
            amounts=count_rows(connection, amounts),
            dates=count_rows(connection, dates),
            events=count_rows(connection, events),
            rejects=count_rows(connection, rejects),
            first_published=first,
            last_published=last,
            sources=grouped(connection, documents.c.source, top_sources),
            schema_version=int(version) if version else SCHEMA_VERSION,
            versions=dict(grouped(connection, documents.c.version)),
        )


def count_rows(connection: Connection, table: Table, *where) -> int:
    """Rows of ``table`` that meet the conditions."""
    query = select(func.count()).select_from(table).where(*where)
    return connection.execute(query).scalar_one()


def grouped(connection: Connection, column: Column, limit: int | None = None) -> tuple[tuple, ...]:
    """(value, rows) for each value of ``column`` but NULL, most rows first."""
    n = func.count()
    query = select(column, n).where(column.is_not(None)).group_by(column)
    query = query.order_by(n.desc(), column).limit(limit)
    return tuple(tuple(row) for row in connection.execute(query))
