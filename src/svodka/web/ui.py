"""The Russian web UI: HTML pages rendered on the server with Jinja2 (autoescaped).

Pages: home ``/``, article ``/documents/{id}``, analyze ``/analyze``, entity
``/entities/{key}``, search ``/search``, map ``/map``, and the actor pairs ``/dyads``
(``dyads.py``). Every handler reads the store
through its queries (``svodka.store.search``, ``entities``, ``profile``, ``browse``), or
analyzes through the web services (under the pipeline's lock), and hands plain values to a
template; the highlighted article comes from ``render``, the SVG from ``charts``. Assets
are served from ``static/``; nothing is loaded from another host.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from svodka.doc import Document, Record, Rejection
from svodka.errors import InputError
from svodka.io.decode import check_russian
from svodka.store import browse
from svodka.store.entities import find_entities, top_entities
from svodka.store.events import partners
from svodka.store.profile import UnknownEntity, profile
from svodka.store.search import Filters, search
from svodka.store.tone_series import entity_tone
from svodka.web import charts, dyads, render, tones
from svodka.web.api.deps import ServicesDep, StoreDep, require_analyze_token
from svodka.web.labels import LABELS, label
from svodka.web.links import rooted
from svodka.web.pages import HERE, Assets, not_found, page, plain_request
from svodka.web.services import Services

#: The home page's windows for the most mentioned entities, back from the newest article,
#: narrowest first: the first that holds ``MIN_WINDOW_DOCUMENTS`` articles is shown, else
#: the whole corpus. A window of one or two articles makes whoever they name "most
#: mentioned".
WINDOWS = (timedelta(days=30), timedelta(days=365))
MIN_WINDOW_DOCUMENTS = 20
#: Longest text /analyze accepts; a long article is ~20,000 characters.
MAX_ANALYZE = 200_000


router = APIRouter(include_in_schema=False, dependencies=[Depends(plain_request)])
#: An entity key rather than a name: «per:…», «iso:KZ», «wd:Q…».
KEY_SHAPE = re.compile(r"[a-z]+:\S")


def install(app: FastAPI) -> None:
    """Add the HTML pages and the ``/static`` assets to ``app``."""
    app.include_router(router)
    app.include_router(dyads.router)
    app.mount("/static", Assets(directory=HERE / "static"), name="static")


@router.get("/favicon.ico")
def favicon() -> FileResponse:
    """The site icon, where browsers look for it."""
    return FileResponse(HERE / "static" / "favicon.ico", media_type="image/x-icon")


# ------------------------------------------------------------------------------- home


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep) -> HTMLResponse:
    """Latest articles and the most mentioned people, organisations and places."""
    kinds = ("PER", "ORG", "LOC")
    since, newest, window = top_window(store)
    tops = {k: top_entities(store, k, 10, date_from=since, date_to=newest) for k in kinds}
    recent = browse.latest_documents(store, 15)
    return page(
        request, "home.html", title=LABELS["nav.home"], recent=recent, tops=tops, window=window
    )


def top_window(store) -> tuple[date | None, date | None, str]:
    """The window of the home page's most mentioned entities (from, to, its label): the
    narrowest of ``WINDOWS`` that holds ``MIN_WINDOW_DOCUMENTS`` articles, else all time."""
    newest = browse.newest_published(store)
    if newest is not None:
        for width in WINDOWS:
            since = newest - width
            held, _ = browse.document_page(store, Filters(date_from=since, date_to=newest), 1)
            if held >= MIN_WINDOW_DOCUMENTS:
                return (
                    since,
                    newest,
                    label("home.window", days=width.days, day=f"{newest:%d.%m.%Y}", n=held),
                )
    total, _ = browse.document_page(store, Filters(), 1)
    return None, None, label("home.all_time", n=total)


# ---------------------------------------------------------------------------- article


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document_page(request: Request, store: StoreDep, doc_id: str) -> HTMLResponse:
    """A stored article, highlighted, with its analysis beside it; ``?event=v1`` marks
    that event's clause."""
    stored = browse.stored_document(store, doc_id)
    if stored is None:
        return not_found(request, label("error.no_document", id=doc_id))
    view = article_view(stored.doc, render.linker(), request.query_params.get("event"))
    return page(
        request,
        "document.html",
        title=stored.doc.title or LABELS["doc.untitled"],
        doc=stored.doc,
        duplicate_of=stored.duplicate_of,
        **view,
    )


def article_view(doc: Document, link, chosen: str | None = None) -> dict[str, Any]:
    """The highlighted text and the side panel of ``doc``; ``link`` maps keys to pages,
    ``chosen`` names the event whose clause is marked."""
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
        "html": render.highlight(doc, link, chosen),
        "events": dyads.article_events(doc, link),
        "chosen": chosen,
        "people": [(e, link(e.key)) for e in people],
        "orgs": [(e, link(e.key)) for e in orgs],
        "places": [(e, link(e.key)) for e in places],
        "place_map": charts.world_map(dots, zoom=True, css_class="map small") if dots else "",
        "quotes": quotes,
        "amounts": doc.amounts,
        "dates": doc.dates,
        "durations": doc.durations,
        "doc_tone": doc.tone,
        "toned": any(m.tone for e in doc.entities for m in e.mentions)
        or any(q.tone for q in doc.quotes),
    }


# ---------------------------------------------------------------------------- analyze


@router.get("/analyze", response_class=HTMLResponse)
def analyze_form(request: Request) -> HTMLResponse:
    """The form: a text and an optional publication date."""
    return page(request, "analyze.html", title=LABELS["analyze.title"], text="", day="")


@router.post("/analyze", response_class=HTMLResponse, dependencies=[Depends(require_analyze_token)])
async def analyze_page(request: Request, services: ServicesDep) -> HTMLResponse:
    """The form's text analyzed (not stored) and shown like a stored article. The form is
    read by hand (urlencoded) so that the UI needs no multipart parser."""
    form = parse_qs((await request.body()).decode("utf-8", "replace"))
    text = form.get("text", [""])[0].replace("\r\n", "\n")
    day = form.get("published", [""])[0].strip()
    published, error = parse_day(day)
    if len(text) > MAX_ANALYZE:
        error = label("analyze.too_long", n=len(text), max=MAX_ANALYZE)
    elif not text.strip():
        error = LABELS["analyze.empty"]
    else:
        error = error or refusal(text)
    context: dict[str, Any] = {"title": LABELS["analyze.title"], "text": text, "day": day}
    if error:
        return page(request, "analyze.html", 400, error=error, **context)
    record = Record("doc", text, published=published)
    found = await run_in_threadpool(analyze_text, services, record)
    if isinstance(found, Rejection):
        return page(request, "analyze.html", 500, error=LABELS["analyze.failed"], **context)
    return page(request, "analyze.html", doc=found[0], **found[1], **context)


def refusal(text: str) -> str | None:
    """Why ``text`` is refused by the input rule of every entry point, or None."""
    try:
        check_russian(text, "text")
    except InputError as error:
        return label("analyze.refused", reason=error.reason)
    return None


def analyze_text(services: Services, record: Record) -> tuple[Document, dict] | Rejection:
    """The analysis and its view, or the rejection of a failed analysis; entities link to
    their pages only when the store knows them."""
    doc = services.analyze(record)
    if isinstance(doc, Rejection):
        return doc
    known = browse.known_keys(services.open_store(), (e.key for e in doc.entities if e.key))
    return doc, article_view(doc, render.linker(known.__contains__))


def parse_day(value: str) -> tuple[date | None, str | None]:
    """A form's date, written the Russian way (ДД.ММ.ГГГГ) or ISO (ГГГГ-ММ-ДД, as links
    write it), and an error message when it is neither (empty is no date)."""
    if not value:
        return None, None
    try:
        return datetime.strptime(value, "%d.%m.%Y").date(), None
    except ValueError:
        pass
    try:
        return date.fromisoformat(value), None
    except ValueError:
        return None, label("search.bad_date", value=value)


# ----------------------------------------------------------------------------- entity


@router.get("/entities/{key:path}", response_class=HTMLResponse)
def entity_page(request: Request, store: StoreDep, key: str) -> Response:
    """What the corpus says about one entity: timeline, graph, roles, quotes, articles."""
    try:
        found = profile(store, key, quotes_limit=20, documents_limit=30)
    except UnknownEntity:
        return entity_by_name(request, store, key)
    place_map = ""
    if found.place and found.place.lat is not None and found.place.lon is not None:
        dot = charts.Dot(found.place.lat, found.place.lon, found.name, found.documents)
        place_map = charts.world_map([dot], zoom=True, css_class="map small")
    nodes, edges = graph_of(store, found)
    pairs = [(row, dyads.dyad_href(key, row.key)) for row in partners(store, found.key)]
    tone = tone_over_time(store, found.key)
    return page(
        request,
        "entity.html",
        title=found.name,
        p=found,
        place_map=place_map,
        timeline=charts.timeline_svg(found.timeline),
        yearly=charts.timeline_steps(found.timeline)[1] == "year",
        nodes=nodes,
        edges=edges,
        partners=pairs,
        tone=tone,
        tone_strip=tones.tone_strip_svg(tone.periods),
    )


def tone_over_time(store, key: str):
    """The tone toward ``key`` by month, or by year when the months would be more than
    the timeline draws (``charts.MAX_MONTHS``)."""
    monthly = entity_tone(store, key)
    if len(monthly.periods) <= charts.MAX_MONTHS:
        return monthly
    return entity_tone(store, key, period="year")


def entity_by_name(request: Request, store, name: str) -> Response:
    """``/entities/Путин``: a name or surname resolved as ``svodka entity`` does it. One
    entity (or one called exactly so) → its page; several → a page to choose from; none →
    the search for the name (a key no entity has, «per:никто», is a 404)."""
    candidates = find_entities(store, name) if name.strip() else []
    exact = [row for row in candidates if row.exact]
    chosen = exact if len(exact) == 1 else candidates
    if len(chosen) == 1:
        return RedirectResponse(render.entity_url(chosen[0].key), status_code=303)
    if not chosen and KEY_SHAPE.match(name):  # a key no entity has: a broken link
        return not_found(request, label("error.no_entity", key=name))
    if not chosen:
        return RedirectResponse(rooted("/search?" + urlencode({"q": name})), status_code=303)
    return page(
        request,
        "choose.html",
        title=label("entity.choose", query=name),
        query=name,
        candidates=chosen[:30],
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
    snippets = [marked_snippet(hit.snippet, hit.highlights, hit.title) for hit in hits]
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


def marked_snippet(snippet: str, highlights: tuple[tuple[int, int], ...], title: str | None = None):
    """The snippet as safe HTML: matched words in ``<mark>``, everything else escaped;
    without wiki markup or a repeat of the headline (``render.clean_snippet``)."""
    snippet, ranges = render.clean_snippet(snippet, highlights, title)
    marks = [render.Mark(a, b, "hit", "", "") for a, b in ranges]
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
