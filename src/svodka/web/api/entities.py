"""``/entities``: the most mentioned entities or those with a name, and one entity's
profile."""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from svodka.store.entities import find_entities, top_entities
from svodka.store.profile import UnknownEntity, profile
from svodka.store.tone_series import entity_tone
from svodka.web.api.deps import EntityType, From, Limit, StoreDep, To
from svodka.web.api.models import (
    PLAIN,
    DocumentBrief,
    EntityChoices,
    EntityCountOut,
    EntityList,
    EntityToneOut,
    MonthOut,
    ProfileOut,
)
from svodka.web.errors import NOT_FOUND

router = APIRouter(tags=["entities"])


@router.get("/entities", response_model=EntityList)
def list_entities(
    store: StoreDep,
    type: EntityType | None = None,
    name: Annotated[str | None, Query(alias="q", max_length=200, pattern=PLAIN)] = None,
    limit: Limit = 20,
) -> EntityList:
    """Entities in most documents, or those named ``q`` (a name, or the start of a word
    of one: «Токаев», «Касым»), exact matches first."""
    rows = find_entities(store, name, type)[:limit] if name else top_entities(store, type, limit)
    found = [EntityCountOut.model_validate(row, from_attributes=True) for row in rows]
    return EntityList(entities=found)


#: What a name instead of a key answers (see ``by_name``).
BY_NAME = {
    **NOT_FOUND,
    300: {"model": EntityChoices, "description": "Several entities have that name"},
    307: {"description": "The one entity with that name"},
}


#: ``/entities/{key}/tone`` comes before ``/entities/{key}``, whose path would take it.
@router.get("/entities/{key:path}/tone", response_model=EntityToneOut, responses=BY_NAME)
def get_entity_tone(
    request: Request,
    store: StoreDep,
    key: Annotated[str, Path(max_length=500, pattern=PLAIN)],
    date_from: From = None,
    date_to: To = None,
    period: Literal["month", "year"] = "month",
) -> EntityToneOut | Response:
    """How the corpus speaks of the entity ``key`` (stage ``tone``): its mentions read
    negative, neutral or positive, counted with their mean score, in all, by ``period``
    (every month or year from the first to the last, empty ones as zeros) and by outlet
    (most documents first). ``from``/``to`` keep the documents published between them.
    Documents analyzed before the tone stage count nowhere. A name instead of a key
    resolves as for ``/entities/{key}`` (307 to the one entity's tone, 300, 404)."""
    try:
        found = entity_tone(store, key, period=period, date_from=date_from, date_to=date_to)
    except UnknownEntity as error:
        query = f"?{request.url.query}" if request.url.query else ""
        return by_name(store, key, error, "/tone" + query)
    return EntityToneOut.model_validate(found, from_attributes=True)


@router.get("/entities/{key:path}", response_model=ProfileOut, responses=BY_NAME)
def get_entity(
    store: StoreDep, key: Annotated[str, Path(max_length=500, pattern=PLAIN)]
) -> ProfileOut | Response:
    """What the corpus says about the entity ``key`` (``per:касым-жомарт токаев``,
    ``iso:KZ``; URL-encoded): documents per month, roles (``display`` reads «президент
    России»), co-occurring entities, quotes, recent documents. A name or surname instead
    of a key resolves as ``svodka entity`` does: one entity → a 307 redirect to its key,
    several → 300 with the candidates, none → 404."""
    try:
        found = profile(store, key)
    except UnknownEntity as error:
        return by_name(store, key, error)
    timeline = [MonthOut(month=m, documents=n) for m, n in found.timeline]
    recent = [
        DocumentBrief(id=d.doc_id, title=d.title, published=d.published, source=d.source)
        for d in found.recent
    ]
    roles = [
        {**{name: getattr(r, name) for name in r.__slots__}, "display": shown_role(r)}
        for r in found.roles
    ]
    data = {name: getattr(found, name) for name in found.__slots__}
    return ProfileOut.model_validate(
        data | {"timeline": timeline, "recent": recent, "roles": roles}, from_attributes=True
    )


def shown_role(role) -> str:
    """«президент России», «бывший мэр Казани» (pymorphy3 loads on first use)."""
    from svodka.lang.inflect import role_phrase

    return role_phrase(role.title, role.of_name, role.past)


def by_name(store, name: str, error: UnknownEntity, suffix: str = "") -> Response:
    """The entity or entities called ``name`` (see ``get_entity``); a redirect goes to
    the one entity's URL with ``suffix`` («/tone?period=year»)."""
    candidates = find_entities(store, name) if name.strip() else []
    exact = [row for row in candidates if row.exact]
    chosen = exact if len(exact) == 1 else candidates
    if not chosen:
        raise HTTPException(
            404, f"no entity with key or name {name!r}; try /api/v1/search?q=…"
        ) from error
    if len(chosen) == 1:
        return RedirectResponse(
            "/api/v1/entities/" + quote(chosen[0].key, safe=":") + suffix, status_code=307
        )
    listed = [EntityCountOut.model_validate(row, from_attributes=True) for row in chosen[:50]]
    body = EntityChoices(error=f"several entities are called {name!r}", entities=listed)
    return JSONResponse(body.model_dump(mode="json"), status_code=300)
