"""``/entities``: the most mentioned entities or those with a name, and one entity's
profile."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query

from svodka.store.entities import find_entities, top_entities
from svodka.store.profile import UnknownEntity, profile
from svodka.web.api.deps import EntityType, Limit, StoreDep
from svodka.web.api.models import (
    PLAIN,
    DocumentBrief,
    EntityCountOut,
    EntityList,
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


@router.get("/entities/{key:path}", response_model=ProfileOut, responses=NOT_FOUND)
def get_entity(
    store: StoreDep, key: Annotated[str, Path(max_length=500, pattern=PLAIN)]
) -> ProfileOut:
    """What the corpus says about the entity ``key`` (``per:касым-жомарт токаев``,
    ``iso:KZ``; URL-encoded): documents per month, roles, co-occurring entities, quotes,
    recent documents."""
    try:
        found = profile(store, key)
    except UnknownEntity as error:
        raise HTTPException(404, f"no entity with key {key!r}") from error
    timeline = [MonthOut(month=m, documents=n) for m, n in found.timeline]
    recent = [
        DocumentBrief(id=d.doc_id, title=d.title, published=d.published, source=d.source)
        for d in found.recent
    ]
    data = {name: getattr(found, name) for name in found.__slots__}
    return ProfileOut.model_validate(
        data | {"timeline": timeline, "recent": recent}, from_attributes=True
    )
