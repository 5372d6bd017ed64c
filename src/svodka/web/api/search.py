"""``GET /search``: full-text search with Russian morphology, filtered."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from svodka.store.search import Hit, search_page
from svodka.web.api.deps import Limit, Offset, SearchFilters, StoreDep
from svodka.web.api.models import PLAIN, Highlight, HitOut, HitPage

router = APIRouter(tags=["search"])


@router.get("/search", response_model=HitPage)
def search(
    store: StoreDep,
    filters: SearchFilters,
    query: Annotated[str, Query(alias="q", max_length=500, pattern=PLAIN)] = "",
    limit: Limit = 20,
    offset: Offset = 0,
) -> HitPage:
    """Documents matching every word of ``q`` in any of its forms, best first, with a
    snippet and the matched words' ranges in it; without words, the filtered documents,
    latest first. With words, only the latest 1,000 matches (``fts.CANDIDATES``) are
    ranked, so ``total`` counts at most those: the hits there are to page through."""
    total, hits = search_page(store, query, filters, limit=limit, offset=offset)
    items = [hit_out(hit) for hit in hits]
    return HitPage(items=items, total=total or 0, limit=limit, offset=offset)


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
