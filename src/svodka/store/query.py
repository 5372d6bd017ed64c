"""Questions to a corpus store: full-text search, entities and their profiles, quotes, counts.

Every function takes a ``Store`` and returns frozen dataclasses; nothing found is an empty
list. Queries are SQLAlchemy Core, so they run unchanged on SQLite and PostgreSQL; only the
full-text match and its snippets differ by backend (``fts.py``). Near-duplicates
(``documents.duplicate_of`` set) are left out of every count and list, except where a
function takes ``include_duplicates``.

Names resolve to entity keys the same way everywhere (``resolve_keys``): a key as written
(``iso:KZ``), else every entity one of whose names or aliases equals the name with case
and ё folded, else every entity one of whose names has a word starting with it
(«Путин» → «Владимир Путин»).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Connection, Select, and_, exists, func, literal, or_, select

from svodka.doc import Place
from svodka.errors import SvodkaError
from svodka.knowledge.keys import fold
from svodka.store import fts
from svodka.store.schema import (
    SCHEMA_VERSION,
    amounts,
    dates,
    doc_entities,
    documents,
    entities,
    mentions,
    meta,
    rejects,
    roles,
)
from svodka.store.schema import quotes as quotes_table
from svodka.store.store import Store

#: A word of a name, for the prefilter that finds alias candidates in SQL (see ``probes``).
NAME_RUN = re.compile(r"[^\W_её]+")


class UnknownEntity(SvodkaError, KeyError):
    """``profile`` was asked for a key the store does not hold."""


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
    """What ``search`` keeps besides the words (see there)."""

    entity: str | None = None
    type: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    source: str | None = None
    include_duplicates: bool = False


@dataclass(frozen=True, slots=True)
class EntityRow:
    key: str
    type: str
    name: str
    aliases: tuple[str, ...]
    documents: int
    exact: bool  # a name or alias equals the query; else a word of one starts with it


@dataclass(frozen=True, slots=True)
class EntityCount:
    key: str
    name: str
    type: str
    documents: int


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
class QuoteRow:
    doc_id: str
    published: date | None
    text: str
    kind: str
    speaker_key: str | None
    speaker_name: str | None
    cue: str | None


@dataclass(frozen=True, slots=True)
class DocumentRow:
    doc_id: str
    title: str | None
    published: date | None
    source: str | None


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
    rejects: int
    first_published: date | None
    last_published: date | None
    sources: tuple[tuple[str, int], ...]  # the ten largest, documents each
    schema_version: int
    versions: dict[str, int]  # svodka version → documents it analyzed


# ----------------------------------------------------------------------------- search


def search(
    store: Store,
    query: str,
    *,
    entity: str | None = None,
    type: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    source: str | None = None,
    limit: int = 20,
    include_duplicates: bool = False,
) -> list[Hit]:
    """Documents matching every word of ``query`` in any of its forms, best first.

    ``entity`` keeps documents that mention it (a name or key, see ``resolve_keys``);
    ``type`` (PER, ORG, LOC) narrows that name to entities of the type, or, without
    ``entity``, keeps documents with at least one entity of the type. ``date_from`` and
    ``date_to`` bound ``published`` (inclusive); ``source`` is compared exactly. A query
    without words lists the filtered documents, latest first.
    """
    filters = Filters(entity, type, date_from, date_to, source, include_duplicates)
    with store.engine.connect() as connection:
        conditions = document_filters(connection, filters)
        rows = best_rows(connection, store.backend, query, conditions, limit, filters)
        # texts apart, so the ranking sorts short rows, not whole articles
        texts = select(documents.c.id, documents.c.text).where(
            documents.c.id.in_([row.id for row in rows])
        )
        found = fts.snippets(connection, query, dict(connection.execute(texts).all()))
    return [
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


def best_rows(
    connection: Connection,
    backend: str,
    query: str,
    conditions: list[ColumnElement],
    limit: int,
    filters: Filters,
) -> list:
    """The ranked rows. Without narrowing filters, only the index's best ``2 × limit + 20``
    are joined to the documents — the same rows unless near-duplicates crowd them out, when
    it asks again in full: a common word matches half of 100,000 articles, and joining all
    of them costs 5×."""
    narrowing = (filters.entity, filters.type, filters.date_from, filters.date_to, filters.source)
    if all(value is None for value in narrowing):
        rows = connection.execute(ranked(backend, query, conditions, limit, 2 * limit + 20)).all()
        if len(rows) == limit:
            return rows
    return connection.execute(ranked(backend, query, conditions, limit, None)).all()


def ranked(
    backend: str, query: str, conditions: list[ColumnElement], limit: int, best: int | None
) -> Select:
    """The id, title, date, source and score of the best ``limit`` matches, among the
    ``best`` highest scores of the index when given."""
    shown = (documents.c.id, documents.c.title, documents.c.published, documents.c.source)
    matches = fts.matching(backend, query, best)
    if matches is None:
        return (
            select(*shown, literal(0.0).label("score"))
            .where(*conditions)
            .order_by(documents.c.published.desc().nulls_last(), documents.c.id)
            .limit(limit)
        )
    found = matches.subquery("matches")
    return (
        select(*shown, found.c.score)
        .join(found, found.c.doc_id == documents.c.id)
        .where(*conditions)
        .order_by(found.c.score.desc(), documents.c.id)
        .limit(limit)
    )


def document_filters(connection: Connection, filters: Filters) -> list[ColumnElement]:
    """The conditions on ``documents`` that the filters make."""
    f = filters
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


# --------------------------------------------------------------------------- entities


def find_entities(store: Store, name: str, type: str | None = None) -> list[EntityRow]:
    """Entities called ``name``: exact matches of a name or alias first (case and ё
    folded), then those with a name a word of which starts with it; more documents first."""
    with store.engine.connect() as connection:
        found = match_entities(connection, name, type)
        counts = document_counts(connection, list(found))
    rows = [
        EntityRow(key, kind, canonical, aliases, counts.get(key, 0), exact)
        for key, (kind, canonical, aliases, exact) in found.items()
    ]
    return sorted(rows, key=lambda r: (not r.exact, -r.documents, r.name, r.key))


def resolve_keys(connection: Connection, name: str, type: str | None = None) -> list[str]:
    """The keys a name stands for: the exact matches when there are any, else every prefix
    match (see ``find_entities``)."""
    found = match_entities(connection, name, type)
    exact = [key for key, (*_, is_exact) in found.items() if is_exact]
    return sorted(exact or found)


def match_entities(
    connection: Connection, name: str, type: str | None
) -> dict[str, tuple[str, str, tuple[str, ...], bool]]:
    """key → (type, name, aliases, exact) for every entity ``name`` matches."""
    wanted = fold(name)
    if not wanted:
        return {}
    query = select(entities.c.key, entities.c.type, entities.c.name, entities.c.aliases)
    spellings = probes(wanted)
    if spellings:
        query = query.where(
            or_(
                entities.c.key == name.strip(),
                *(entities.c.aliases.contains(s, autoescape=True) for s in spellings),
            )
        )
    if type is not None:
        query = query.where(entities.c.type == type.upper())
    found = {}
    for key, kind, canonical, aliases_json in connection.execute(query):
        aliases = tuple(json.loads(aliases_json))
        level = match_level(wanted, (canonical, *aliases))
        if key == name.strip() or level is not None:
            found[key] = (kind, canonical, aliases, key == name.strip() or level == 0)
    return found


def probes(folded: str) -> list[str]:
    """Spellings of the longest run of letters without е/ё in a folded name, as written
    lowercase, capitalized and in capitals: LIKE is case-sensitive for Cyrillic on both
    backends, and names are written one of these three ways. Python checks the rows found.
    Empty when no run is long enough to narrow the search (every row is checked)."""
    runs = sorted(NAME_RUN.findall(folded), key=len, reverse=True)
    if not runs or len(runs[0]) < 2:
        return []
    run = runs[0]
    return sorted({run, run.capitalize(), run.upper()})


def match_level(wanted: str, names: Iterable[str]) -> int | None:
    """0 when a name equals ``wanted``, 1 when a word of one starts with it, else None."""
    folded = [fold(n) for n in names]
    if wanted in folded:
        return 0
    for name in folded:
        if name.startswith(wanted) or f" {wanted}" in name or f"-{wanted}" in name:
            return 1
    return None


def document_counts(connection: Connection, keys: list[str]) -> dict[str, int]:
    """Documents (not near-duplicates) that mention each key."""
    if not keys:
        return {}
    query = (
        select(doc_entities.c.key, func.count(func.distinct(doc_entities.c.doc_id)))
        .join(documents, documents.c.id == doc_entities.c.doc_id)
        .where(doc_entities.c.key.in_(keys), documents.c.duplicate_of.is_(None))
        .group_by(doc_entities.c.key)
    )
    return dict(connection.execute(query).all())


def top_entities(
    store: Store,
    type: str | None = None,
    limit: int = 10,
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[EntityCount]:
    """The entities in most documents (near-duplicates not counted), most first."""
    count = func.count(func.distinct(doc_entities.c.doc_id)).label("documents")
    query = (
        select(entities.c.key, entities.c.name, entities.c.type, count)
        .join(doc_entities, doc_entities.c.key == entities.c.key)
        .join(documents, documents.c.id == doc_entities.c.doc_id)
        .where(documents.c.duplicate_of.is_(None))
        .group_by(entities.c.key, entities.c.name, entities.c.type)
        .order_by(count.desc(), entities.c.key)
        .limit(limit)
    )
    if type is not None:
        query = query.where(entities.c.type == type.upper())
    if date_from is not None:
        query = query.where(documents.c.published >= date_from)
    if date_to is not None:
        query = query.where(documents.c.published <= date_to)
    with store.engine.connect() as connection:
        return [EntityCount(*row) for row in connection.execute(query)]


# ---------------------------------------------------------------------------- profile


def profile(
    store: Store, key: str, *, quotes_limit: int = 10, documents_limit: int = 10
) -> Profile:
    """What the corpus says about the entity ``key``; raises ``UnknownEntity`` for a key
    the store does not hold. Near-duplicates count nowhere."""
    with store.engine.connect() as connection:
        row = connection.execute(select(entities).where(entities.c.key == key)).first()
        if row is None:
            raise UnknownEntity(f"no entity with key {key!r} in the store")
        days = dated_counts(connection, key)
        seen = sorted(day for day in days if day is not None)
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
            quotes=tuple(quote_rows(connection, [quotes_table.c.speaker_key == key], quotes_limit)),
            recent=recent_documents(connection, key, documents_limit),
        )


def place_of(row) -> Place | None:
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
    query = (
        select(documents.c.id, documents.c.title, documents.c.published, documents.c.source)
        .where(*original_mentions(key))
        .distinct()
        .order_by(documents.c.published.desc().nulls_last(), documents.c.id)
        .limit(limit)
    )
    return tuple(DocumentRow(*row) for row in connection.execute(query))


# ----------------------------------------------------------------------------- quotes


def quotes(
    store: Store, speaker: str | None = None, about: str | None = None, limit: int = 50
) -> list[QuoteRow]:
    """Quotes, latest first. ``speaker``: said by that entity (a name or key), or by a
    speaker described so («эксперты»). ``about``: a mention of that entity lies inside the
    quoted words — the coreference stage's mentions, so «Его» does not count but «Токаева»
    and «президент Казахстана», when linked, do."""
    with store.engine.connect() as connection:
        conditions: list[ColumnElement] = []
        if speaker is not None:
            said = speaker.strip()
            spellings = {said, said.lower(), said.capitalize()}
            conditions.append(
                or_(
                    quotes_table.c.speaker_key.in_(resolve_keys(connection, speaker)),
                    quotes_table.c.speaker_name.in_(sorted(spellings)),
                )
            )
        if about is not None:
            inside = exists().where(
                mentions.c.doc_id == quotes_table.c.doc_id,
                mentions.c.key.in_(resolve_keys(connection, about)),
                mentions.c.start >= quotes_table.c.start,
                mentions.c.stop <= quotes_table.c.stop,
            )
            conditions.append(inside)
        return quote_rows(connection, conditions, limit)


def quote_rows(
    connection: Connection, conditions: list[ColumnElement], limit: int
) -> list[QuoteRow]:
    q = quotes_table
    query = (
        select(
            q.c.doc_id,
            documents.c.published,
            q.c.text,
            q.c.kind,
            q.c.speaker_key,
            q.c.speaker_name,
            q.c.cue,
        )
        .join(documents, documents.c.id == q.c.doc_id)
        .where(documents.c.duplicate_of.is_(None), *conditions)
        .order_by(documents.c.published.desc().nulls_last(), q.c.doc_id, q.c.start)
        .limit(limit)
    )
    return [QuoteRow(*row) for row in connection.execute(query)]


# ------------------------------------------------------------------------------ stats


def stats(store: Store, *, top_sources: int = 10) -> Stats:
    """Counts of everything in the store. Rows of near-duplicates are counted too: this
    is what the store holds; ``originals`` is how many articles it holds."""
    with store.engine.connect() as connection:

        def count(table, *where) -> int:
            query = select(func.count()).select_from(table).where(*where)
            return connection.execute(query).scalar_one()

        def grouped(column, limit: int | None = None) -> tuple[tuple, ...]:
            n = func.count()
            query = select(column, n).where(column.is_not(None)).group_by(column)
            query = query.order_by(n.desc(), column).limit(limit)
            return tuple(tuple(row) for row in connection.execute(query))

        total = count(documents)
        near = count(documents, documents.c.duplicate_of.is_not(None))
        span = select(func.min(documents.c.published), func.max(documents.c.published))
        first, last = connection.execute(span).one()
        version = connection.execute(
            select(meta.c.value).where(meta.c.key == "schema_version")
        ).scalar()
        return Stats(
            documents=total,
            originals=total - near,
            near_duplicates=near,
            entities=dict(grouped(entities.c.type)),
            mentions=count(mentions),
            quotes=count(quotes_table),
            amounts=count(amounts),
            dates=count(dates),
            rejects=count(rejects),
            first_published=first,
            last_published=last,
            sources=grouped(documents.c.source, top_sources),
            schema_version=int(version) if version else SCHEMA_VERSION,
            versions=dict(grouped(documents.c.version)),
        )
