"""``/entities``: the most mentioned entities or those with a name, and one entity's
profile."""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import quote

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from svodka.store.entities import count_entities, find_entities, top_entities
from svodka.store.profile import UnknownEntity, profile
from svodka.store.tone_series import entity_tone
from svodka.web.api.deps import EntityType, From, Limit, Offset, StoreDep, To, link
from svodka.web.api.models import (
    PLAIN,
    ChoicesOut,
    DocumentBrief,
    EntityCountOut,
    EntityPage,
    EntityToneOut,
    MonthOut,
    ProfileOut,
)
from svodka.web.errors import NOT_FOUND, Problem, problem, problem_response

router = APIRouter(tags=["entities"])


@router.get("/entities", response_model=EntityPage)
def list_entities(
    store: StoreDep,
    type: EntityType | None = None,
    name: Annotated[str | None, Query(alias="q", max_length=200, pattern=PLAIN)] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> EntityPage:
    """Entities in most documents, or those named ``q`` (a name, or the start of a word
    of one: «Токаев», «Касым»), exact matches first."""
    if name:
        named = find_entities(store, name, type)  # a name's matches: a few, found whole
        total, rows = len(named), named[offset : offset + limit]
    else:
        total = count_entities(store, type)
        rows = top_entities(store, type, limit, offset=offset)  # type: ignore[assignment]
    found = [EntityCountOut.model_validate(row, from_attributes=True) for row in rows]
    return EntityPage(items=found, total=total, limit=limit, offset=offset)


#: What a name instead of a key answers (see ``by_name``).
BY_NAME = {
    **NOT_FOUND,
    300: problem(ChoicesOut, "Several entities have that name"),
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
        return by_name(request, store, key, error, tone=True)
    return EntityToneOut.model_validate(found, from_attributes=True)


@router.get("/entities/{key:path}", response_model=ProfileOut, responses=BY_NAME)
def get_entity(
    request: Request, store: StoreDep, key: Annotated[str, Path(max_length=500, pattern=PLAIN)]
) -> ProfileOut | Response:
    """What the corpus says about the entity ``key`` (``per:касым-жомарт токаев``,
    ``iso:KZ``; URL-encoded): documents per month, roles (``display`` reads «президент
    России»), co-occurring entities, quotes, recent documents. A name or surname instead
    of a key resolves as ``svodka entity`` does: one entity → a 307 redirect to its key,
    several → 300 with the candidates, none → 404."""
    try:
        found = profile(store, key)
    except UnknownEntity as error:
        return by_name(request, store, key, error)
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


def by_name(
    request: Request, store, name: str, error: UnknownEntity, *, tone: bool = False
) -> Response:
    """The entity or entities called ``name`` (see ``get_entity``); a redirect goes to
    the one entity's profile, or with ``tone`` to its tone, with the query kept."""
    candidates = find_entities(store, name) if name.strip() else []
    exact = [row for row in candidates if row.exact]
    chosen = exact if len(exact) == 1 else candidates
    if not chosen:
        search = link(request, "search", {"q": name})
        detail = f"no entity with key or name {name!r}; search for it: {search}"
        raise Problem(404, detail, search=search) from error
    if len(chosen) == 1:
        route = "get_entity_tone" if tone else "get_entity"
        target = link(request, route, key=quote(chosen[0].key, safe=":"))
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(target + query, status_code=307)
    listed = [EntityCountOut.model_validate(row, from_attributes=True) for row in chosen[:50]]
    return problem_response(
        300,
        f"several entities are called {name!r}: choose one by its key",
        instance=request.url.path,
        entities=[row.model_dump(mode="json") for row in listed],
    )
