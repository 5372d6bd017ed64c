"""``GET /quotes``: who said what, and about whom."""

from __future__ import annotations

from fastapi import APIRouter

from svodka.store.quotes import quote_page
from svodka.web.api.deps import Limit, Name, Offset, StoreDep
from svodka.web.api.models import QuotePage, QuoteRowOut

router = APIRouter(tags=["quotes"])


@router.get("/quotes", response_model=QuotePage)
def list_quotes(
    store: StoreDep,
    speaker: Name = None,
    about: Name = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> QuotePage:
    """Quotes, latest first: said by ``speaker`` (a name, key or description such as
    «эксперты»), and about ``about`` (a name or key)."""
    total, rows = quote_page(store, speaker=speaker, about=about, limit=limit, offset=offset)
    items = [QuoteRowOut.model_validate(r, from_attributes=True) for r in rows]
    return QuotePage(items=items, total=total, limit=limit, offset=offset)
