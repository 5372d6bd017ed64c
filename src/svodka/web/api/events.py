"""``/events``: who did what to whom (PLOVER), by actor, target, type and date, and the
summary of the events between two actors."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from svodka.store.events import EventFilters, dyad, find_events
from svodka.store.plover import quad_classes
from svodka.web.api.deps import Limit, Name, Offset, StoreDep
from svodka.web.api.models import PLAIN, Day, DyadOut, EventPage, EventRowOut

router = APIRouter(tags=["events"])

EventType = Literal[tuple(quad_classes())]  # type: ignore[valid-type]
Key = Annotated[str, Query(min_length=1, max_length=500, pattern=PLAIN)]
From = Annotated[Day | None, Query(alias="from", description="Events on or after this day.")]
To = Annotated[Day | None, Query(alias="to", description="Events on or before this day.")]


@router.get("/events", response_model=EventPage)
def list_events(
    store: StoreDep,
    actor: Name = None,
    target: Name = None,
    partner: Name = None,
    type: EventType | None = None,
    date_from: From = None,
    date_to: To = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> EventPage:
    """Events, latest first. ``actor``: an entity (key or name) as source or target;
    ``partner``: a second one, for the events between the two; ``target``: the entity on
    the receiving side; ``type``: a PLOVER type. An event's day is its own date when the
    text gives one, else its document's publication date; ``from``/``to`` keep the
    events whose days overlap them. Near-duplicate documents are left out."""
    filters = EventFilters(actor, partner, target, type, date_from, date_to)
    page = find_events(store, filters, limit=limit, offset=offset)
    rows = [EventRowOut.model_validate(row, from_attributes=True) for row in page.events]
    return EventPage(items=rows, total=page.total, limit=limit, offset=offset)


@router.get("/events/dyad", response_model=DyadOut)
def get_dyad(store: StoreDep, a: Key, b: Key) -> DyadOut:
    """The events between the entities ``a`` and ``b`` (keys), either way: by PLOVER type,
    by quad class (verbal/material × cooperation/conflict) and by month."""
    found = dyad(store, a, b)
    data = {name: getattr(found, name) for name in found.__slots__}
    return DyadOut.model_validate(
        data | {"types": dict(found.types), "quads": dict(found.quads)}, from_attributes=True
    )
