"""Full-text search over a store: the words of a query in any of their forms, narrowed by
``Filters``, best first, each hit with a snippet and the matched words in it.

The match and its snippets differ by backend (``fts.py``); the filters and the ranking
are SQLAlchemy Core, the same on SQLite and PostgreSQL. Near-duplicates are left out
unless the filters include them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Connection, Select, func, literal, select

from svodka.store import facets, fts
from svodka.store.checks import check_query
from svodka.store.entities import resolve_keys
from svodka.store.fts_plan import prefer_indexes
from svodka.store.schema import doc_entities, documents, entities
from svodka.store.snippets import snippets
from svodka.store.store import Store


@dataclass(frozen=True, slots=True)
class Hit:
    """A document found by ``search``. ``highlights`` are (start, stop) ranges into
    ``snippet`` of the words that matched the query."""

    doc_id: str
    title: str | None
    published: date | None
    source: str | None
    score: float
    snippet: str
    highlights: tuple[tuple[int, int], ...] = ()

    def marked(self, open_: str = "[", close: str = "]") -> str:
        """The snippet with every matched word wrapped: «По словам [Токаева], …»."""
        parts, at = [], 0
        for start, stop in self.highlights:
            parts += [self.snippet[at:start], open_, self.snippet[start:stop], close]
            at = stop
        return "".join([*parts, self.snippet[at:]])


@dataclass(frozen=True, slots=True)
class Filters:
    """Which documents a search or a listing keeps, besides the words.

    ``entity`` keeps documents that mention it (a name or key, see
    ``entities.resolve_keys``); ``type`` (PER, ORG, LOC) narrows that name to entities of
    the type, or, without ``entity``, keeps documents with at least one entity of the
    type. ``date_from`` and ``date_to`` bound ``published`` (inclusive); ``source`` is
    compared exactly. Near-duplicates are left out unless ``include_duplicates``.
    """

    entity: str | None = None
    type: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    source: str | None = None
    include_duplicates: bool = False


#: Every document that is not a near-duplicate.
NO_FILTERS = Filters()


def search(
    store: Store, query: str, filters: Filters = NO_FILTERS, *, limit: int = 20, offset: int = 0
) -> list[Hit]:
    """Documents matching every word of ``query`` in any of its forms and passing the
    ``filters``, best first, from the ``offset``-th on. A query without words lists the
    filtered documents, latest first. Raises ``QueryError`` for a query or filter the store
    cannot take (NUL)."""
    return search_page(store, query, filters, limit=limit, offset=offset, count=False)[1]


def search_page(
    store: Store,
    query: str,
    filters: Filters = NO_FILTERS,
    *,
    limit: int = 20,
    offset: int = 0,
    count: bool = True,
) -> tuple[int | None, list[Hit]]:
    """How many hits there are to page through (with ``count``), and those of ``search``:
    with words, only the latest ``fts.CANDIDATES`` matches are ranked, so the count stops
    there too (it costs what the ranking does); without words, every filtered document."""
    check_query(query=query)
    with store.engine.connect() as connection:
        prefer_indexes(connection)
        ranking = ranked(connection, query, filters)
        rows = connection.execute(ranking.limit(limit).offset(offset)).all()
        total = connection.execute(counted(ranking)).scalar_one() if count else None
        # texts apart, so the ranking sorts short rows, not whole articles
        texts = select(documents.c.id, documents.c.text).where(
            documents.c.id.in_([row.id for row in rows])
        )
        found = snippets(query, dict(connection.execute(texts).all()))
    hits = [
        Hit(
            row.id,
            row.title,
            row.published,
            row.source,
            float(row.score),
            found[row.id].text,
            found[row.id].highlights,
        )
        for row in rows
    ]
    return total, hits


def counted(ranking: Select) -> Select:
    """How many rows ``ranking`` gives, unordered and without its scores."""
    rows = ranking.order_by(None).with_only_columns(documents.c.id).subquery("ranked")
    return select(func.count()).select_from(rows)


def ranked(connection: Connection, query: str, filters: Filters = NO_FILTERS) -> Select:
    """The id, title, date, source and score of the matches among the latest
    ``fts.CANDIDATES``, best first; without words, the latest documents. With words, the
    filters are tokens of the index (``facet_groups``), so the index's latest matches are
    those that pass them; near-duplicates are dropped after. The caller bounds it
    (``limit``)."""
    shown = (documents.c.id, documents.c.title, documents.c.published, documents.c.source)
    if not fts.query_words(query):
        return (
            select(*shown, literal(0.0).label("score"))
            .where(*document_filters(connection, filters))
            .order_by(documents.c.published.desc().nulls_last(), documents.c.id)
        )
    groups = facet_groups(connection, filters)
    backend = connection.dialect.name
    found = fts.matching(backend, query, facets=groups, connection=connection).subquery("matches")
    originals = [] if filters.include_duplicates else [documents.c.duplicate_of.is_(None)]
    return (
        select(*shown, found.c.score)
        .join(found, found.c.seq == documents.c.seq)
        .where(*originals)
        .order_by(found.c.score.desc(), documents.c.id)
    )


def facet_groups(connection: Connection, filters: Filters) -> list[tuple[str, list[str]]]:
    """The filters as (column, tokens) of the full-text index (``facets.py``): a document
    passes with one of each group's tokens; ``QueryError`` for a filter the store cannot
    take."""
    f = filters
    check_query(entity=f.entity, type=f.type, source=f.source)
    groups: list[tuple[str, list[str]]] = []
    if f.entity is not None:
        keys = resolve_keys(connection, f.entity, f.type)
        groups.append(("about", [facets.entity_token(key) for key in keys] or [facets.NOTHING]))
    elif f.type is not None:
        groups.append(("about", [facets.type_token(f.type.upper())]))
    if f.source is not None:
        groups.append(("about", [facets.source_token(f.source)]))
    if f.date_from is not None or f.date_to is not None:
        groups.append(
            ("dated", date_tokens(connection, f.date_from, f.date_to) or [facets.NOTHING])
        )
    return groups


def date_tokens(connection: Connection, first: date | None, last: date | None) -> list[str]:
    """The tokens of a date range, an open end closed by the store's first or last date."""
    if first is None or last is None:
        stored = connection.execute(
            select(func.min(documents.c.published), func.max(documents.c.published))
        ).one()
        first, last = first or stored[0], last or stored[1]
    if first is None or last is None:
        return []
    return facets.range_tokens(first, last)


def document_filters(connection: Connection, filters: Filters) -> list[ColumnElement]:
    """The conditions on ``documents`` that the filters make; ``QueryError`` for a filter
    the store cannot take."""
    f = filters
    check_query(entity=f.entity, type=f.type, source=f.source)
    conditions: list[ColumnElement] = []
    if not f.include_duplicates:
        conditions.append(documents.c.duplicate_of.is_(None))
    if f.date_from is not None:
        conditions.append(documents.c.published >= f.date_from)
    if f.date_to is not None:
        conditions.append(documents.c.published <= f.date_to)
    if f.source is not None:
        conditions.append(documents.c.source == f.source)
    if f.entity is not None:
        keys = resolve_keys(connection, f.entity, f.type)
        mentioning = select(doc_entities.c.doc_id).where(doc_entities.c.key.in_(keys))
        conditions.append(documents.c.id.in_(mentioning))
    elif f.type is not None:
        typed = (
            select(doc_entities.c.doc_id).join(entities).where(entities.c.type == f.type.upper())
        )
        conditions.append(documents.c.id.in_(typed))
    return conditions
