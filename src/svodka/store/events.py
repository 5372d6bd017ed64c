"""Events in a store: who did what to whom, found by actor, target, type and date, and the
summary of a pair of actors (a dyad) by PLOVER type, by quad class and by month.

An actor is an entity key on either side of an event (source or target); a group the text
only describes («боевики») has no key and is found by no actor filter. An event's day is
its own date when the text gives one, else its document's publication date: a date
filter keeps events whose days overlap it («2024-06» overlaps 10 June). Near-duplicates
count nowhere, as in every other query.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Connection, and_, func, literal, or_, select, union_all

from svodka.store.checks import check_query
from svodka.store.entities import EntityCount, resolve_keys
from svodka.store.plover import quad_classes
from svodka.store.schema import documents, entities
from svodka.store.schema import events as events_table
from svodka.store.store import Store

#: PLOVER's quad classes, in the order pages and tables show them.
QUADS = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")


@dataclass(frozen=True, slots=True)
class EventRow:
    """A stored event with its document's title and the clause as written."""

    doc_id: str
    event_id: str
    type: str
    quad: str
    mode: str | None
    source_key: str | None
    source_name: str | None
    target_key: str | None
    target_name: str | None
    actors: tuple[str, ...]
    place_key: str | None
    date: str | None
    date_start: date | None
    date_end: date | None
    negated: bool
    modality: str
    trigger: str
    start: int
    stop: int
    quote: str | None
    published: date | None
    title: str | None
    clause: str  # the document's text[start:stop]


@dataclass(frozen=True, slots=True)
class EventPage:
    total: int  # events that pass the filters, all pages
    events: tuple[EventRow, ...]


@dataclass(frozen=True, slots=True)
class EventFilters:
    """Which events a query keeps. ``actor`` and ``partner``: an entity (a name or key, see
    ``entities.resolve_keys``) on either side, both when both are given — the events
    between two actors; ``target``: the entity on the receiving side; ``type``: a PLOVER
    type; ``date_from``/``date_to``: the event's days overlap them (inclusive)."""

    actor: str | None = None
    partner: str | None = None
    target: str | None = None
    type: str | None = None
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True, slots=True)
class DyadMonth:
    month: str  # YYYY-MM
    quads: tuple[int, ...]  # events of each of ``QUADS``
    types: dict[str, int]  # PLOVER type → events


@dataclass(frozen=True, slots=True)
class Dyad:
    """The events between two actors: totals by type (PLOVER's order), by quad class
    (``QUADS``' order) and by direction, and a month for every month from the first event
    to the last (empty ones included), by an event's day."""

    a: str
    b: str
    a_name: str | None
    b_name: str | None
    total: int
    a_to_b: int  # a the source, b the target
    b_to_a: int
    types: tuple[tuple[str, int], ...]
    quads: tuple[tuple[str, int], ...]
    months: tuple[DyadMonth, ...]


def find_events(
    store: Store, filters: EventFilters, *, limit: int = 50, offset: int = 0
) -> EventPage:
    """The events that pass ``filters``, latest day first, ``limit`` from ``offset``, and
    how many pass in all. ``QueryError`` for a value the store cannot take (NUL)."""
    f = filters
    check_query(actor=f.actor, partner=f.partner, target=f.target, type=f.type)
    with store.engine.connect() as connection:
        conditions = event_conditions(connection, f)
        count = select(func.count()).select_from(events_table).join(documents, joined())
        total = connection.execute(count.where(*conditions)).scalar_one()
        query = event_query().where(*conditions).order_by(*latest()).limit(limit).offset(offset)
        rows = tuple(event_row(row) for row in connection.execute(query))
    return EventPage(total, rows)


def joined() -> ColumnElement:
    return documents.c.id == events_table.c.doc_id


def event_day() -> ColumnElement:
    """An event's first day: its own date, else its document's publication date."""
    return func.coalesce(events_table.c.date_start, events_table.c.published)


def latest() -> tuple[ColumnElement, ...]:
    e = events_table.c
    return (event_day().desc().nulls_last(), e.doc_id, e.start, e.event_id)


def event_query():
    """Every column of ``events``, the document's title and the clause's words."""
    e = events_table.c
    clause = func.substr(documents.c.text, e.start + 1, e.stop - e.start).label("clause")
    return select(events_table, documents.c.title, clause).join(documents, joined())


def event_row(row) -> EventRow:
    values = row._asdict()
    values["actors"] = tuple(json.loads(values["actors"]))
    values["clause"] = values["clause"] or ""
    return EventRow(**values)


def event_conditions(connection: Connection, f: EventFilters) -> list[ColumnElement]:
    """The conditions on ``events`` (joined to ``documents``) that the filters make."""
    e = events_table.c
    conditions: list[ColumnElement] = [documents.c.duplicate_of.is_(None)]
    if f.actor is not None:
        conditions.append(either_side(resolve_keys(connection, f.actor)))
    if f.partner is not None:
        conditions.append(either_side(resolve_keys(connection, f.partner)))
    if f.target is not None:
        conditions.append(e.target_key.in_(resolve_keys(connection, f.target)))
    if f.type is not None:
        conditions.append(e.type == f.type.strip().upper())
    if f.date_from is not None:
        conditions.append(func.coalesce(e.date_end, e.published) >= f.date_from)
    if f.date_to is not None:
        conditions.append(event_day() <= f.date_to)
    return conditions


def either_side(keys: list[str]) -> ColumnElement:
    """Events with one of ``keys`` as their source or their target."""
    return or_(events_table.c.source_key.in_(keys), events_table.c.target_key.in_(keys))


# --------------------------------------------------------------------------- dyads


def dyad(store: Store, a: str, b: str) -> Dyad:
    """The summary of the events between the entities ``a`` and ``b`` (keys), either way."""
    check_query(a=a, b=b)
    e = events_table.c
    pair = or_(
        and_(e.source_key == a, e.target_key == b), and_(e.source_key == b, e.target_key == a)
    )
    query = (
        select(e.source_key, e.type, event_day())
        .join(documents, joined())
        .where(pair, documents.c.duplicate_of.is_(None))
    )
    with store.engine.connect() as connection:
        rows = connection.execute(query).all()
        names = entity_names(connection, [a, b])
    kinds = quad_classes()
    types = {t: 0 for t in kinds}
    for _, kind, _ in rows:
        types[kind] = types.get(kind, 0) + 1
    quads = {q: sum(n for t, n in types.items() if kinds.get(t) == q) for q in QUADS}
    forward = sum(source == a for source, _, _ in rows)
    return Dyad(
        a=a,
        b=b,
        a_name=names.get(a),
        b_name=names.get(b),
        total=len(rows),
        a_to_b=forward,
        b_to_a=len(rows) - forward,
        types=tuple(types.items()),
        quads=tuple(quads.items()),
        months=monthly([(kind, day) for _, kind, day in rows]),
    )


def monthly(dated: list[tuple[str, date | None]]) -> tuple[DyadMonth, ...]:
    """Events per month by quad class and type, every month from the first to the last
    (events without a day left out)."""
    kinds = quad_classes()
    found: dict[tuple[int, int], list[str]] = {}
    for kind, day in dated:
        if day is not None:
            found.setdefault((day.year, day.month), []).append(kind)
    if not found:
        return ()
    (year, month), last = min(found), max(found)
    months = []
    while (year, month) <= last:
        kinds_of = found.get((year, month), [])
        types: dict[str, int] = {}
        for kind in kinds_of:
            types[kind] = types.get(kind, 0) + 1
        quads = tuple(sum(kinds.get(k) == q for k in kinds_of) for q in QUADS)
        months.append(DyadMonth(f"{year:04d}-{month:02d}", quads, types))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(months)


def entity_names(connection: Connection, keys: list[str]) -> dict[str, str]:
    """key → the stored entity's name, for the keys the store holds."""
    query = select(entities.c.key, entities.c.name).where(entities.c.key.in_(keys))
    return dict(connection.execute(query).all())


def partners(store: Store, key: str, limit: int = 10) -> tuple[EntityCount, ...]:
    """The entities ``key`` has most events with, either way; ``documents`` counts the
    events (an ``EntityCount`` as the profile's companions)."""
    check_query(key=key)
    e = events_table.c
    original = documents.c.duplicate_of.is_(None)
    sides = union_all(
        select(e.target_key.label("other"), literal(1).label("one"))
        .join(documents, joined())
        .where(e.source_key == key, e.target_key.is_not(None), e.target_key != key, original),
        select(e.source_key.label("other"), literal(1).label("one"))
        .join(documents, joined())
        .where(e.target_key == key, e.source_key.is_not(None), e.source_key != key, original),
    ).subquery("sides")
    count = func.count().label("events")
    query = (
        select(sides.c.other, entities.c.name, entities.c.type, count)
        .join(entities, entities.c.key == sides.c.other)
        .group_by(sides.c.other, entities.c.name, entities.c.type)
        .order_by(count.desc(), sides.c.other)
        .limit(limit)
    )
    with store.engine.connect() as connection:
        return tuple(EntityCount(*row) for row in connection.execute(query))
