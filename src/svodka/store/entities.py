"""Entities in a store: which ones a name stands for, and which are in most documents.

Names resolve to entity keys the same way everywhere (``resolve_keys``): a key as written
(``iso:KZ``), else every entity one of whose names or aliases equals the name with case
and ё folded, else every entity one of whose names has a word starting with it
(«Путин» → «Владимир Путин»; its candidates from ``entity_word_starts``). Near-duplicates
count nowhere.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, func, or_, select

from svodka.lang.text import fold_name
from svodka.store.checks import check_query
from svodka.store.schema import (
    WORD_START,
    doc_entities,
    documents,
    entities,
    entity_names,
    entity_word_starts,
)
from svodka.store.store import Store

#: A word of a name, for the prefilter that finds alias candidates in SQL (see ``probes``).
NAME_RUN = re.compile(r"[^\W_её]+")


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


def find_entities(store: Store, name: str, type: str | None = None) -> list[EntityRow]:
    """Entities called ``name``: exact matches of a name or alias first (case and ё
    folded), then those with a name a word of which starts with it; more documents first."""
    check_query(name=name, type=type)
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
    check_query(name=name, type=type)
    exact = exact_keys(connection, name, type)
    return exact or sorted(match_entities(connection, name, type))


def exact_keys(connection: Connection, name: str, type: str | None) -> list[str]:
    """The keys of the entities that have ``name`` as their key or as a name or alias (case
    and ё folded), from the ``entity_names`` index; sorted."""
    named = select(entity_names.c.key).where(entity_names.c.name == fold_name(name))
    query = select(entities.c.key).where(
        or_(entities.c.key == name.strip(), entities.c.key.in_(named))
    )
    if type is not None:
        query = query.where(entities.c.type == type.upper())
    return sorted(connection.execute(query).scalars())


def match_entities(
    connection: Connection, name: str, type: str | None
) -> dict[str, tuple[str, str, tuple[str, ...], bool]]:
    """key → (type, name, aliases, exact) for every entity ``name`` matches."""
    wanted = fold_name(name)
    if not wanted:
        return {}
    query = select(entities.c.key, entities.c.type, entities.c.name, entities.c.aliases)
    if len(wanted) >= WORD_START:  # the words starting like it, from their index
        starting = select(entity_word_starts.c.key).where(
            entity_word_starts.c.start == wanted[:WORD_START]
        )
        query = query.where(or_(entities.c.key == name.strip(), entities.c.key.in_(starting)))
    elif spellings := probes(wanted):  # a short name: its longest run of letters
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
        level = match_level(wanted, [fold_name(n) for n in (canonical, *aliases)])
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


def match_level(wanted: str, folded: list[str]) -> int | None:
    """0 when a (folded) name equals ``wanted``, 1 when a word of one starts with it, else
    None."""
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
    *,
    offset: int = 0,
) -> list[EntityCount]:
    """The entities in most documents (near-duplicates not counted), most first, from the
    ``offset``-th on; only documents published from ``date_from`` to ``date_to`` when
    given."""
    check_query(type=type)
    count = func.count(func.distinct(doc_entities.c.doc_id)).label("documents")
    query = (
        select(entities.c.key, entities.c.name, entities.c.type, count)
        .join(doc_entities, doc_entities.c.key == entities.c.key)
        .join(documents, documents.c.id == doc_entities.c.doc_id)
        .where(*counted_in(type, date_from, date_to))
        .group_by(entities.c.key, entities.c.name, entities.c.type)
        .order_by(count.desc(), entities.c.key)
        .limit(limit)
        .offset(offset)
    )
    with store.engine.connect() as connection:
        return [EntityCount(*row) for row in connection.execute(query)]


def count_entities(store: Store, type: str | None = None) -> int:
    """How many entities ``top_entities`` ranks: those of ``type`` in at least one document
    that is not a near-duplicate (one pass over the same rows as the ranking)."""
    check_query(type=type)
    query = (
        select(func.count(func.distinct(doc_entities.c.key)))
        .join(entities, entities.c.key == doc_entities.c.key)
        .join(documents, documents.c.id == doc_entities.c.doc_id)
        .where(*counted_in(type, None, None))
    )
    with store.engine.connect() as connection:
        return connection.execute(query).scalar_one()


def counted_in(type: str | None, date_from: date | None, date_to: date | None) -> list:
    """The conditions of the entities and documents a ranking of entities counts."""
    conditions = [documents.c.duplicate_of.is_(None)]
    if type is not None:
        conditions.append(entities.c.type == type.upper())
    if date_from is not None:
        conditions.append(documents.c.published >= date_from)
    if date_to is not None:
        conditions.append(documents.c.published <= date_to)
    return conditions
