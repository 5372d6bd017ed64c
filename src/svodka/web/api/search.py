"""``GET /search``: full-text search with Russian morphology, filtered."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from svodka.store.search import Hit
from svodka.store.search import search as run_search
from svodka.web.api.deps import Limit, SearchFilters, StoreDep
from svodka.web.api.models import PLAIN, Highlight, HitOut, SearchOut

router = APIRouter(tags=["search"])


@router.get("/search", response_model=SearchOut)
def search(
    store: StoreDep,
    filters: SearchFilters,
    query: Annotated[str, Query(alias="q", max_length=500, pattern=PLAIN)] = "",
    limit: Limit = 20,
) -> SearchOut:
    """Documents matching every word of ``q`` in any of its forms, best first, with a
    snippet and the matched words' ranges in it; without words, the filtered documents."""
    hits = run_search(store, query, filters, limit=limit)
    return SearchOut(hits=[hit_out(hit) for hit in hits])


def hit_out(hit: Hit) -> HitOut:
    """A hit as the API gives it: the document's id as ``id``, highlights as objects."""
    return HitOut(
        id=hit.doc_id,
        title=hit.title,
        published=hit.published,
        source=hit.source,
        score=hit.score,
        snippet=hit.snippet,
        highlights=[Highlight(start=a, stop=b) for a, b in hit.highlights],
    )
