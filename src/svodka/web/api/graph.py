"""``GET /graph``: the entities that share documents, and how many."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from svodka.store.graph import cooccurrence_graph
from svodka.web.api.deps import Name, StoreDep
from svodka.web.api.models import PLAIN, GraphOut

router = APIRouter(tags=["entities"])


@router.get("/graph", response_model=GraphOut)
def graph(
    store: StoreDep,
    entity: Name = None,
    query: Annotated[str | None, Query(alias="q", max_length=500, pattern=PLAIN)] = None,
    limit: Annotated[int, Query(ge=1, le=100, description="Nodes at most.")] = 30,
) -> GraphOut:
    """Entities that share documents: over the documents mentioning ``entity`` (a key or
    a name), those matching ``q``, both, or — with neither — the whole corpus. Edges weigh
    shared documents."""
    found = cooccurrence_graph(store, entity=entity, query=query, limit=limit)
    return GraphOut.model_validate(found, from_attributes=True)
