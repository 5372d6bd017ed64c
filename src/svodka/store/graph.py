"""The co-occurrence graph: which entities share documents, and how many.

A graph is drawn over a scope of documents — those that mention an entity, those that
match a query, or the whole corpus — never near-duplicates. Its nodes are the entities in
most documents of the scope (the asked-for entity always among them); an edge joins two
nodes that share documents of the scope, weighted by how many. SQLAlchemy Core, so it runs
unchanged on SQLite and PostgreSQL, every value a bound parameter.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Select, and_, case, func, select

from svodka.store import fts
from svodka.store.checks import check_query
from svodka.store.entities import resolve_keys
from svodka.store.schema import doc_entities, documents, entities
from svodka.store.store import Store

#: Documents a query's graph is drawn over, best matches first: a common word matches
#: half the corpus, and a graph of 50,000 documents says no more than one of 500.
QUERY_SCOPE = 500


@dataclass(frozen=True, slots=True)
class Node:
    key: str
    name: str
    type: str
    documents: int  # in the scope


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    weight: int  # documents of the scope that mention both


@dataclass(frozen=True, slots=True)
class Graph:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    documents: int  # in the scope


def cooccurrence_graph(
    store: Store,
    *,
    entity: str | None = None,
    query: str | None = None,
    limit: int = 30,
) -> Graph:
    """The ``limit`` entities in most documents of the scope and the edges between them.

    ``entity`` (a key or a name, see ``entities.resolve_keys``) scopes the graph to the
    documents that mention it; ``query`` to the best ``QUERY_SCOPE`` full-text matches;
    both to documents that do both; neither to the whole corpus. An unknown entity or a
    query that matches nothing gives an empty graph.
    """
    check_query(entity=entity, query=query)
    with store.engine.connect() as connection:
        centre = resolve_keys(connection, entity) if entity else []
        if entity and not centre:
            return Graph((), (), 0)
        scope = scope_ids(store.backend, centre, query)
        # read every result before the connection goes back to the pool: a result read
        # after it is released fails once another thread has taken the connection
        total = connection.execute(select(func.count()).select_from(scope.subquery()))
        documents_in_scope = total.scalar_one()
        nodes = top_nodes(connection, scope, centre, limit)
        edges = weighted_edges(connection, scope, [node.key for node in nodes])
    return Graph(tuple(nodes), tuple(edges), documents_in_scope)


def scope_ids(backend: str, keys: list[str], query: str | None) -> Select:
    """The ids of the documents a graph is drawn over (near-duplicates left out)."""
    scope = select(documents.c.id).where(documents.c.duplicate_of.is_(None))
    if keys:
        mentioning = select(doc_entities.c.doc_id).where(doc_entities.c.key.in_(keys))
        scope = scope.where(documents.c.id.in_(mentioning))
    matches = fts.matching(backend, query, QUERY_SCOPE) if query else None
    if matches is not None:
        found = matches.subquery("matches")
        scope = scope.where(documents.c.seq.in_(select(found.c.seq)))
    return scope


def top_nodes(connection: Connection, scope: Select, centre: list[str], limit: int) -> list[Node]:
    """The entities in most documents of the scope, those of ``centre`` first."""
    count = func.count(func.distinct(doc_entities.c.doc_id)).label("documents")
    first = case((entities.c.key.in_(centre), 0), else_=1) if centre else None
    query = (
        select(entities.c.key, entities.c.name, entities.c.type, count)
        .join(doc_entities, doc_entities.c.key == entities.c.key)
        .where(doc_entities.c.doc_id.in_(scope))
        .group_by(entities.c.key, entities.c.name, entities.c.type)
        .limit(limit)
    )
    order = (
        (count.desc(), entities.c.key) if first is None else (first, count.desc(), entities.c.key)
    )
    return [Node(*row) for row in connection.execute(query.order_by(*order))]


def weighted_edges(connection: Connection, scope: Select, keys: list[str]) -> list[Edge]:
    """Each pair of ``keys`` that shares documents of the scope, heaviest first."""
    if len(keys) < 2:
        return []
    one, other = doc_entities.alias("one"), doc_entities.alias("other")
    weight = func.count(func.distinct(one.c.doc_id)).label("weight")
    query = (
        select(one.c.key, other.c.key, weight)
        .select_from(one)
        .join(other, and_(other.c.doc_id == one.c.doc_id, other.c.key > one.c.key))
        .where(one.c.key.in_(keys), other.c.key.in_(keys), one.c.doc_id.in_(scope))
        .group_by(one.c.key, other.c.key)
        .order_by(weight.desc(), one.c.key, other.c.key)
    )
    return [Edge(*row) for row in connection.execute(query)]
