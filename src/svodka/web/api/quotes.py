"""``GET /quotes``: who said what, and about whom."""

from __future__ import annotations

from fastapi import APIRouter

from svodka.store.quotes import quotes
from svodka.web.api.deps import Limit, Name, StoreDep
from svodka.web.api.models import QuoteList, QuoteRowOut

router = APIRouter(tags=["quotes"])


@router.get("/quotes", response_model=QuoteList)
def list_quotes(
    store: StoreDep, speaker: Name = None, about: Name = None, limit: Limit = 50
) -> QuoteList:
    """Quotes, latest first: said by ``speaker`` (a name, key or description such as
    «эксперты»), and about ``about`` (a name or key)."""
    rows = quotes(store, speaker=speaker, about=about, limit=limit)
    return QuoteList(quotes=[QuoteRowOut.model_validate(r, from_attributes=True) for r in rows])
