"""The Russian web UI: HTML pages rendered on the server with Jinja2 (autoescaped).

Pages: home ``/``, article ``/documents/{id}``, analyze ``/analyze``, entity
``/entities/{key}``, search ``/search`` and map ``/map``. Every handler reads the store
through its queries (``svodka.store.search``, ``entities``, ``profile``, ``browse``), or
analyzes through the web services (under the pipeline's lock), and hands plain values to a
template; the highlighted article comes from ``render``, the SVG from ``charts``. Assets
are served from ``static/``; nothing is loaded from another host.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from svodka.doc import Document, Record, Rejection
from svodka.store import browse
from svodka.store.entities import top_entities
from svodka.store.profile import UnknownEntity, profile
from svodka.store.search import Filters, search
from svodka.web import charts, render
from svodka.web.api.deps import ServicesDep, StoreDep
from svodka.web.labels import LABELS, label
from svodka.web.services import Services

HERE = Path(__file__).parent
TEMPLATES = Jinja2Templates(directory=HERE / "templates")
TEMPLATES.env.globals["t"] = LABELS
TEMPLATES.env.globals["entity_url"] = render.entity_url
#: The home page's window for the most mentioned entities, back from the newest article.
WINDOW = timedelta(days=30)
#: Longest text /analyze accepts; a long article is ~20,000 characters.
MAX_ANALYZE = 200_000

router = APIRouter(include_in_schema=False)


def install(app: FastAPI) -> None:
    """Add the HTML pages and the ``/static`` assets to ``app``."""
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Template ``name`` rendered with ``context`` (the labels are always there as ``t``)."""
    return TEMPLATES.TemplateResponse(request, name, context, status_code=status)


def not_found(request: Request, message: str) -> HTMLResponse:
    return page(request, "error.html", 404, title=LABELS["error.404"], message=message)


# ------------------------------------------------------------------------------- home


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep) -> HTMLResponse:
    """Latest articles and the most mentioned people, organisations and places."""
    newest = browse.newest_published(store)
    kinds = ("PER", "ORG", "LOC")
    tops, window = {}, LABELS["home.all_time"]
    if newest is not None:
        since = newest - WINDOW
        tops = {k: top_entities(store, k, 10, date_from=since, date_to=newest) for k in kinds}
        window = label("home.window", day=newest.isoformat())
    if not any(tops.values()):  # an empty window: all time instead
        tops, window = {k: top_entities(store, k, 10) for k in kinds}, LABELS["home.all_time"]
    recent = browse.latest_documents(store, 15)
    return page(
        request, "home.html", title=LABELS["nav.home"], recent=recent, tops=tops, window=window
    )


# ---------------------------------------------------------------------------- article


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, store: StoreDep, doc_id: str) -> HTMLResponse:
    """A stored article, highlighted, with its analysis beside it."""
    stored = browse.stored_document(store, doc_id)
    if stored is None:
        return not_found(request, label("error.no_document", id=doc_id))
    view = article_view(stored.doc, render.linker())
    return page(
        request,
        "document.html",
        title=stored.doc.title or LABELS["doc.untitled"],
        doc=stored.doc,
        duplicate_of=stored.duplicate_of,
        **view,
    )


def article_view(doc: Document, link) -> dict[str, Any]:
    """The highlighted text and the side panel of ``doc``; ``link`` maps keys to pages."""
    people = [e for e in doc.entities if e.type == "PER"]
    orgs = [e for e in doc.entities if e.type == "ORG"]
    places = [e for e in doc.entities if e.type == "LOC"]
    dots = [
        charts.Dot(e.place.lat, e.place.lon, e.name, len(e.mentions), link(e.key))
        for e in places
        if e.place and e.place.lat is not None and e.place.lon is not None
    ]
    quotes = [
        {"quote": q, "speaker": s.speaker, "href": s.href}
        for q, s in zip(doc.quotes, render.document_quotes(doc, link), strict=True)
    ]
    return {
        "html": render.highlight(doc, link),
        "people": [(e, link(e.key)) for e in people],
        "orgs": [(e, link(e.key)) for e in orgs],
        "places": [(e, link(e.key)) for e in places],
        "place_map": charts.world_map(dots, zoom=True, css_class="map small") if dots else "",
        "quotes": quotes,
        "amounts": doc.amounts,
        "dates": doc.dates,
    }


# ---------------------------------------------------------------------------- analyze


@router.get("/analyze", response_class=HTMLResponse)
def analyze_form(request: Request) -> HTMLResponse:
    """The form: a text and an optional publication date."""
    return page(request, "analyze.html", title=LABELS["analyze.title"], text="", day="")


@router.post("/analyze", response_class=HTMLResponse)
async def analyze_page(request: Request, services: ServicesDep) -> HTMLResponse:
    """The form's text analyzed (not stored) and shown like a stored article. The form is
    read by hand (urlencoded) so that the UI needs no multipart parser."""
    form = parse_qs((await request.body()).decode("utf-8", "replace"))
    text = form.get("text", [""])[0].replace("\r\n", "\n")
    day = form.get("published", [""])[0].strip()
    published, error = parse_day(day)
    if not text.strip():
        error = LABELS["analyze.empty"]
    elif len(text) > MAX_ANALYZE:
        error = label("analyze.too_long", n=len(text), max=MAX_ANALYZE)
    context: dict[str, Any] = {"title": LABELS["analyze.title"], "text": text, "day": day}
    if error:
        return page(request, "analyze.html", 400, error=error, **context)
    record = Record("doc", text, published=published)
    found = await run_in_threadpool(analyze_text, services, record)
    if isinstance(found, Rejection):
        return page(request, "analyze.html", 500, error=LABELS["analyze.failed"], **context)
    return page(request, "analyze.html", doc=found[0], **found[1], **context)


def analyze_text(services: Services, record: Record) -> tuple[Document, dict] | Rejection:
    """The analysis and its view, or the rejection of a failed analysis; entities link to
    their pages only when the store knows them."""
    doc = services.analyze(record)
    if isinstance(doc, Rejection):
        return doc
    known = browse.known_keys(services.open_store(), (e.key for e in doc.entities if e.key))
    return doc, article_view(doc, render.linker(known.__contains__))


def parse_day(value: str) -> tuple[date | None, str | None]:
    """A form's ISO date, and an error message when it is not one (empty is no date)."""
    if not value:
        return None, None
    try:
        return date.fromisoformat(value), None
    except ValueError:
        return None, label("search.bad_date", value=value)


# ----------------------------------------------------------------------------- entity


@router.get("/entities/{key:path}", response_class=HTMLResponse)
def entity_page(request: Request, store: StoreDep, key: str) -> HTMLResponse:
    """What the corpus says about one entity: timeline, graph, roles, quotes, articles."""
    try:
        found = profile(store, key, quotes_limit=20, documents_limit=30)
    except UnknownEntity:
        return not_found(request, label("error.no_entity", key=key))
    place_map = ""
    if found.place and found.place.lat is not None and found.place.lon is not None:
        dot = charts.Dot(found.place.lat, found.place.lon, found.name, found.documents)
        place_map = charts.world_map([dot], zoom=True, css_class="map small")
    nodes, edges = graph_of(store, found)
    return page(
        request,
        "entity.html",
        title=found.name,
        p=found,
        place_map=place_map,
        timeline=charts.timeline_svg(found.timeline),
        nodes=nodes,
        edges=edges,
    )


def graph_of(store, found) -> tuple[list[charts.Node], list[tuple[int, int, int]]]:
    """The co-occurrence graph: the entity, its companions, and an edge (i, j, documents)
    for every pair of them that share an article."""
    centre = charts.Node(found.key, found.name, found.type, found.documents, "")
    others = [
        charts.Node(c.key, c.name, c.type, c.documents, render.entity_url(c.key))
        for c in found.cooccurring
    ]
    nodes = charts.circle_layout(centre, others)
    index = {node.key: i for i, node in enumerate(nodes)}
    shared = browse.shared_documents(store, list(index))
    edges = [(index[a], index[b], n) for (a, b), n in sorted(shared.items())]
    return nodes, edges


# ----------------------------------------------------------------------------- search


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, store: StoreDep) -> HTMLResponse:
    """Full-text search with filters; snippets with the matched words marked. A date that
    is not one is left out with a warning, not refused: a form is forgiving."""
    args = {name: request.query_params.get(name, "").strip() for name in SEARCH_FIELDS}
    date_from, error_from = parse_day(args["from"])
    date_to, error_to = parse_day(args["to"])
    asked = any(args.values())
    filters = Filters(
        entity=args["entity"] or None,
        type=args["type"] or None,
        date_from=date_from,
        date_to=date_to,
        source=args["source"] or None,
    )
    hits = search(store, args["q"], filters, limit=50) if asked else []
    snippets = [marked_snippet(hit.snippet, hit.highlights) for hit in hits]
    errors = [e for e in (error_from, error_to) if e]
    return page(
        request,
        "search.html",
        title=LABELS["search.title"],
        args=args,
        asked=asked,
        results=list(zip(hits, snippets, strict=True)),
        errors=errors,
    )


SEARCH_FIELDS = ("q", "entity", "type", "from", "to", "source")


def marked_snippet(snippet: str, highlights: tuple[tuple[int, int], ...]):
    """The snippet as safe HTML: matched words in ``<mark>``, everything else escaped."""
    marks = [render.Mark(a, b, "hit", "", "") for a, b in highlights]
    return render.weave_plain(snippet, render.drop_overlaps(marks))


# -------------------------------------------------------------------------------- map


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, store: StoreDep) -> HTMLResponse:
    """Places in the corpus (or in the articles a search finds) sized by documents."""
    q = request.query_params.get("q", "").strip()
    doc_ids = [hit.doc_id for hit in search(store, q, limit=500)] if q else None
    places = browse.place_counts(store, doc_ids)
    dots = [charts.Dot(p.lat, p.lon, p.name, p.documents, render.entity_url(p.key)) for p in places]
    return page(
        request,
        "map.html",
        title=LABELS["map.title"],
        q=q,
        places=places,
        world=charts.world_map(dots),
    )
