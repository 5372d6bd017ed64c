"""Events in the web UI: the actor-pair (dyad) page ``/dyads?a=…&b=…`` — a timeline of the
events between two actors by PLOVER's quad classes, their types, and each event linked to
its clause in the article — and the events of one article, for the article page.

The page reads the store through ``svodka.store.events``; the SVG comes from ``charts``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from svodka.doc import Document, Event
from svodka.store.entities import find_entities
from svodka.store.events import QUADS, EventFilters, EventRow, dyad, find_events, partners
from svodka.store.plover import quad_classes
from svodka.web import charts
from svodka.web.api.deps import StoreDep
from svodka.web.labels import LABELS, label
from svodka.web.links import rooted
from svodka.web.pages import page, plain_request

router = APIRouter(include_in_schema=False, dependencies=[Depends(plain_request)])
#: Events listed on a dyad page, latest first; the charts count all of them.
MAX_LISTED = 200


def event_href(doc_id: str, event_id: str) -> str:
    """The article page with the event's clause marked, scrolled to it."""
    page = f"/documents/{quote(doc_id, safe='')}?event={quote(event_id)}#ev-{quote(event_id)}"
    return rooted(page)


def dyad_href(a: str, b: str) -> str:
    """The dyad page of two entity keys."""
    return rooted("/dyads?" + urlencode({"a": a, "b": b}))


def quad_index(event_type: str) -> int:
    """The position of a type's quad class in ``QUADS`` (its colour); 0 when unknown."""
    quad = quad_classes().get(event_type)
    return QUADS.index(quad) if quad in QUADS else 0


def type_label(event_type: str) -> str:
    """«консультации (CONSULT)»."""
    name = LABELS.get(f"event.{event_type}")
    return f"{name} ({event_type})" if name else event_type


@router.get("/dyads", response_class=HTMLResponse)
def dyad_page(request: Request, store: StoreDep) -> HTMLResponse:
    """The events between two actors (names or keys in ``a`` and ``b``): their timeline
    by quad class, their types, and the events themselves, each linked to its sentence.
    With one actor, its partners in events to choose from."""
    asked = {name: request.query_params.get(name, "").strip() for name in ("a", "b")}
    a, b = (resolve_actor(store, asked[name]) for name in ("a", "b"))
    context: dict[str, Any] = {"title": LABELS["dyad.title"], "asked": asked, "quads": QUADS}
    if a is None or b is None:
        known = a or b
        choices = partners(store, known, 30) if known else ()
        links = [(row, dyad_href(known, row.key)) for row in choices] if known else []
        return page(request, "dyad.html", choices=links, **context)
    summary = dyad(store, a, b)
    listed = find_events(store, EventFilters(actor=a, partner=b), limit=MAX_LISTED)
    months = [(m.month, m.quads) for m in summary.months]
    bars = [(type_label(t), n, f"quad-{quad_index(t)}") for t, n in summary.types if n]
    grid = [
        (name, css, [m.types.get(t, 0) for m in summary.months])
        for (name, _, css), t in zip(bars, (t for t, n in summary.types if n), strict=True)
    ]
    context["title"] = label("dyad.of", a=summary.a_name or a, b=summary.b_name or b)
    return page(
        request,
        "dyad.html",
        d=summary,
        timeline=charts.quad_timeline_svg(months, tuple(quad_label(q) for q in QUADS)),
        yearly=len(months) > charts.MAX_MONTHS,
        type_bars=charts.bars_svg(bars),
        type_grid=charts.type_grid_svg([m.month for m in summary.months], grid),
        undated=summary.total - sum(sum(m.quads) for m in summary.months),
        events=[event_item(row) for row in listed.events],
        listed_total=listed.total,
        **context,
    )


def resolve_actor(store, value: str) -> str | None:
    """An entity key: the value when the store holds it as a key, else the key of the
    entity ``find_entities`` puts first for that name; None for nothing."""
    if not value:
        return None
    found = find_entities(store, value)
    keyed = [row.key for row in found if row.key == value]
    return keyed[0] if keyed else (found[0].key if found else None)


def quad_label(quad: str) -> str:
    return LABELS.get(f"quad.{quad}", quad)


def event_item(row: EventRow) -> dict[str, Any]:
    """An event of a dyad page: the row, its day, its labels and its link."""
    return {
        "row": row,
        "day": row.date or (row.published.isoformat() if row.published else ""),
        "type": type_label(row.type),
        "quad": quad_index(row.type),
        "notes": notes(row.negated, row.modality),
        "href": event_href(row.doc_id, row.event_id),
    }


def notes(negated: bool, modality: str) -> list[str]:
    """«отрицание», «в будущем», …: what qualifies an event, in words."""
    said = [LABELS["event.negated"]] if negated else []
    return said + ([LABELS[f"modality.{modality}"]] if f"modality.{modality}" in LABELS else [])


def article_events(doc: Document, link) -> list[dict[str, Any]]:
    """The events of one article for its side panel: type, trigger, actors (linked to
    their pages when ``link`` gives one), place, date and qualifiers."""
    return [article_event(doc, event, link) for event in doc.events]


def article_event(doc: Document, event: Event, link) -> dict[str, Any]:
    source = doc.entity(event.source) if event.source else None
    target = doc.entity(event.target) if event.target else None
    place = doc.entity(event.place) if event.place else None
    pair = dyad_href(source.key, target.key) if source and target else None
    return {
        "event": event,
        "type": type_label(event.type),
        "quad": quad_index(event.type),
        "source": (event.source_name, link(source.key) if source else None),
        "target": (event.target_name, link(target.key) if target else None),
        "facts": [
            *([f"{LABELS['event.place']}: {place.name}"] if place else []),
            *([event.date] if event.date else []),
            *([event.mode] if event.mode else []),
        ],
        "notes": notes(event.negated, event.modality),
        "dyad": pair if pair and link(source.key) and link(target.key) else None,
    }
