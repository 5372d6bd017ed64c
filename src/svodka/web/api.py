"""The REST API under ``/api/v1``: analyze a text, ingest and read documents, search,
entities and their profiles, quotes, the co-occurrence graph, health — and Swagger UI at
``/api/docs`` from vendored files, never a CDN.

Handlers translate HTTP to :mod:`svodka.store.query` and the pipeline and back; each
response has a Pydantic model, so the OpenAPI schema says exactly what comes back. Errors
are JSON ``{"error": …}`` (see :mod:`svodka.web.errors`).

Writes (``POST /documents``) need ``Authorization: Bearer <SVODKA_TOKEN>``: 401 without it
or with another token, 403 when the server has no token at all (writes disabled).
"""

from __future__ import annotations

import re
import secrets
import threading
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator
from swagger_ui_bundle import swagger_ui_path

from svodka.doc import Record
from svodka.schema import to_dict
from svodka.store import Store, browse, prepare, text_hash
from svodka.store import query as corpus
from svodka.store.graph import cooccurrence_graph
from svodka.version import __version__
from svodka.web import errors
from svodka.web.errors import ErrorOut

PREFIX = "/api/v1"
SWAGGER = "/api/static/swagger-ui"
#: No NUL characters: PostgreSQL refuses them in text, and no article has one.
PLAIN = r"^[^\x00]*$"
#: Records per POST /documents: a batch analyzed within a request (~0.1 s a record).
MAX_RECORDS = 100

router = APIRouter(
    prefix=PREFIX,
    responses={
        400: {"model": ErrorOut, "description": "Malformed request (a body that is not JSON)"},
        413: {"model": ErrorOut, "description": "Request body too large"},
        422: {"model": ErrorOut, "description": "Invalid request"},
        500: {"model": ErrorOut, "description": "Internal error"},
    },
)
bearer = HTTPBearer(auto_error=False, description="SVODKA_TOKEN, for writes")


# ----------------------------------------------------------------------------- models


class ArticleIn(BaseModel):
    """An article to analyze: its text and what is known of it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=1_000_000, pattern=PLAIN)
    id: str | None = Field(None, max_length=200, pattern=PLAIN)
    title: str | None = Field(None, max_length=2000, pattern=PLAIN)
    published: str | None = Field(
        None,
        pattern=r"^\d{4}-\d{2}-\d{2}$",
        json_schema_extra={"format": "date"},
        examples=["2024-08-19"],
    )
    source: str | None = Field(None, max_length=2000, pattern=PLAIN)
    url: str | None = Field(None, max_length=2000, pattern=PLAIN)

    @field_validator("published")
    @classmethod
    def check_day(cls, value: str | None) -> str | None:
        if value is not None:
            date.fromisoformat(value)  # ValueError for 2024-02-30
        return value

    def record(self, default_id: str) -> Record:
        day = date.fromisoformat(self.published) if self.published else None
        return Record(self.id or default_id, self.text, self.title, day, self.source, self.url)


class MentionOut(BaseModel):
    start: int
    stop: int
    text: str


class RoleOut(BaseModel):
    title: str
    of: str | None
    of_name: str | None
    past: bool


class PlaceOut(BaseModel):
    geonameid: int | None
    name_en: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int | None


class EntityOut(BaseModel):
    id: str
    type: Literal["PER", "ORG", "LOC"]
    name: str
    mentions: list[MentionOut]
    roles: list[RoleOut]
    place: PlaceOut | None
    key: str
    wikidata: str | None


class QuoteOut(BaseModel):
    start: int
    stop: int
    text: str
    kind: Literal["direct", "indirect"]
    speaker: str | None
    speaker_name: str | None
    cue: str | None
    source: bool


class AmountOut(BaseModel):
    start: int
    stop: int
    text: str
    value: float
    unit: str | None
    approx: bool
    bound: Literal["min", "max"] | None
    range: list[float] | None
    object: str | None
    per: str | None


class DateOut(BaseModel):
    start: int
    stop: int
    text: str
    value: str | None
    relative: bool
    grain: str


class DocumentOut(BaseModel):
    """An analyzed article in the ``svodka.document/1`` contract (docs/output.md)."""

    schema_: Literal["svodka.document/1"] = Field(alias="schema")
    id: str
    title: str | None
    published: date | None
    source: str | None
    url: str | None
    text: str
    entities: list[EntityOut]
    quotes: list[QuoteOut]
    amounts: list[AmountOut]
    dates: list[DateOut]


class StoredDocumentOut(DocumentOut):
    """A stored document; ``duplicate_of`` names the original of a near-duplicate."""

    duplicate_of: str | None


class RejectOut(BaseModel):
    source: str
    reason: str


class IngestOut(BaseModel):
    added: int
    duplicates: int  # the text was stored already: skipped
    near_duplicates: int  # stored, with duplicate_of set
    rejected: int
    ids: list[str]  # of the documents added
    rejects: list[RejectOut]


class DocumentBrief(BaseModel):
    id: str
    title: str | None
    published: date | None
    source: str | None


class DocumentSummary(DocumentBrief):
    url: str | None
    duplicate_of: str | None


class DocumentPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[DocumentSummary]


class Highlight(BaseModel):
    start: int
    stop: int


class HitOut(DocumentBrief):
    score: float
    snippet: str
    highlights: list[Highlight]  # ranges of ``snippet``


class SearchOut(BaseModel):
    hits: list[HitOut]


class EntityCountOut(BaseModel):
    key: str
    name: str
    type: str
    documents: int


class EntityList(BaseModel):
    entities: list[EntityCountOut]


class RoleSpanOut(BaseModel):
    title: str
    of_name: str | None
    of_key: str | None
    past: bool
    first_seen: date | None
    last_seen: date | None
    documents: int


class QuoteRowOut(BaseModel):
    doc_id: str
    published: date | None
    text: str
    kind: str
    speaker_key: str | None
    speaker_name: str | None
    cue: str | None


class MonthOut(BaseModel):
    month: str  # YYYY-MM
    documents: int


class ProfileOut(BaseModel):
    key: str
    type: str
    name: str
    aliases: list[str]
    place: PlaceOut | None
    wikidata: str | None
    mentions: int
    documents: int
    first_seen: date | None
    last_seen: date | None
    timeline: list[MonthOut]
    roles: list[RoleSpanOut]
    cooccurring: list[EntityCountOut]
    quotes: list[QuoteRowOut]
    recent: list[DocumentBrief]


class QuoteList(BaseModel):
    quotes: list[QuoteRowOut]


class NodeOut(EntityCountOut):
    """An entity of the graph; ``documents`` counts those of the graph's scope."""


class EdgeOut(BaseModel):
    source: str
    target: str
    weight: int  # shared documents


class GraphOut(BaseModel):
    documents: int  # in the scope the graph is drawn over
    nodes: list[NodeOut]
    edges: list[EdgeOut]


class HealthOut(BaseModel):
    status: Literal["ok"]
    version: str
    backend: str
    documents: int


# ----------------------------------------------------------------------- dependencies


def get_store(request: Request) -> Store:
    services = request.app.state.services
    if "store" not in vars(services):
        with request.app.state.lock:  # opened once, even by concurrent first requests
            return services.store
    return services.store


def require_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    """Let a write through only with the server's token (compared in constant time)."""
    token = request.app.state.settings.token
    if not token:
        raise HTTPException(403, "writes are disabled: the server has no SVODKA_TOKEN")
    given = credentials.credentials if credentials else ""
    if not secrets.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "a valid bearer token is required", {"WWW-Authenticate": "Bearer"})


def iso_day(value: Any) -> Any:
    """Only YYYY-MM-DD: Pydantic would also take «0» (a Unix timestamp) for a date."""
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("expected a date YYYY-MM-DD")
    return value


StoreDep = Annotated[Store, Depends(get_store)]
Limit = Annotated[int, Query(ge=1, le=200, description="At most this many.")]
EntityType = Literal["PER", "ORG", "LOC"]
Name = Annotated[str | None, Query(max_length=200, pattern=PLAIN)]
Day = Annotated[date, BeforeValidator(iso_day)]
From = Annotated[Day | None, Query(alias="from", description="Published on or after.")]
To = Annotated[Day | None, Query(alias="to", description="Published on or before.")]
NOT_FOUND = {404: {"model": ErrorOut, "description": "Not found"}}


# --------------------------------------------------------------------------- analysis


def analyze_records(request: Request, records: list[Record]) -> tuple[list, list]:
    """Documents of the records that analyze, and (id, reason) of those that fail."""
    failed: list[tuple[str, str]] = []

    def on_error(record: Record, error: Exception) -> None:
        failed.append((record.id, f"analysis failed: {type(error).__name__}: {error}"))

    with request.app.state.lock:  # one analysis at a time: the models are not thread-safe
        pipeline = request.app.state.services.pipeline
        return list(pipeline.analyze_many(records, on_error=on_error)), failed


@router.post("/analyze", response_model=DocumentOut, tags=["analysis"])
def analyze(request: Request, article: ArticleIn) -> JSONResponse:
    """Analyze one article; the result is not stored."""
    docs, failed = analyze_records(request, [article.record("doc")])
    if failed:
        raise HTTPException(422, failed[0][1])
    return JSONResponse(to_dict(docs[0]))


@router.post(
    "/documents",
    response_model=IngestOut,
    tags=["documents"],
    dependencies=[Depends(require_token)],
    responses={
        401: {"model": ErrorOut, "description": "No token, or a wrong one"},
        403: {"model": ErrorOut, "description": "Writes disabled: the server has no token"},
    },
)
def add_documents(
    request: Request,
    store: StoreDep,
    body: Annotated[
        list[Any] | dict[str, Any],
        Body(description="One article (as for /analyze, `id` recommended) or a list of them."),
    ],
) -> IngestOut:
    """Analyze and store articles. Texts stored already are skipped; invalid articles
    are rejected with a reason, and the rest are stored."""
    items = body if isinstance(body, list) else [body]
    if len(items) > MAX_RECORDS:
        raise HTTPException(422, f"{len(items)} records in one request; at most {MAX_RECORDS}")
    records, rejected = read_records(items)
    known = store.known_hashes(text_hash(r.text) for r in records)
    fresh = [r for r in records if text_hash(r.text) not in known]
    docs, failed = analyze_records(request, fresh)
    rejected += failed
    with request.app.state.lock:
        counts = store.add([prepare(doc) for doc in docs], rejected)
    return IngestOut(
        added=counts.added,
        duplicates=counts.duplicates + len(records) - len(fresh),
        near_duplicates=counts.near_duplicates,
        rejected=len(rejected),
        ids=counts.ids,
        rejects=[RejectOut(source=s, reason=r) for s, r in rejected],
    )


def read_records(items: list[Any]) -> tuple[list[Record], list[tuple[str, str]]]:
    """Records of the valid items, and (source, reason) of the others."""
    records, rejected = [], []
    for number, item in enumerate(items):
        source = f"records[{number}]"
        if isinstance(item, dict) and isinstance(item.get("id"), int | str):
            item = {**item, "id": str(item["id"])}
            source = f"{source} ({item['id'][:200]})"
        try:
            article = ArticleIn.model_validate(item)
        except ValidationError as error:
            rejected.append((source, describe(error)))
            continue
        records.append(article.record(f"api-{text_hash(article.text)[:12]}"))
    return records, rejected


def describe(error: ValidationError) -> str:
    """«text: String should have at least 1 character; published: …»."""
    problems = (
        f"{'.'.join(str(part) for part in e['loc']) or 'record'}: {e['msg']}"
        for e in error.errors()
    )
    return "; ".join(problems)


# -------------------------------------------------------------------------- documents


@router.get("/documents", response_model=DocumentPage, tags=["documents"])
def list_documents(
    store: StoreDep,
    limit: Limit = 20,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    date_from: From = None,
    date_to: To = None,
    source: Name = None,
    include_duplicates: bool = False,
) -> DocumentPage:
    """Stored documents, newest first."""
    filters = corpus.Filters(None, None, date_from, date_to, source, include_duplicates)
    total, rows = browse.document_page(store, filters, limit, offset)
    items = [DocumentSummary(**row) for row in rows]
    return DocumentPage(total=total, limit=limit, offset=offset, items=items)


@router.get(
    "/documents/{doc_id}", response_model=StoredDocumentOut, tags=["documents"], responses=NOT_FOUND
)
def get_document(
    store: StoreDep, doc_id: Annotated[str, Path(max_length=500, pattern=PLAIN)]
) -> JSONResponse:
    """A stored document: its contract document and ``duplicate_of``."""
    found = browse.stored_analysis(store, doc_id)
    if found is None:
        raise HTTPException(404, f"no document with id {doc_id!r}")
    analysis, duplicate_of = found
    return JSONResponse({**analysis, "duplicate_of": duplicate_of})


# ----------------------------------------------------------------------------- search


@router.get("/search", response_model=SearchOut, tags=["search"])
def search(
    store: StoreDep,
    query: Annotated[str, Query(alias="q", max_length=500, pattern=PLAIN)] = "",
    entity: Name = None,
    type: EntityType | None = None,
    date_from: From = None,
    date_to: To = None,
    source: Name = None,
    limit: Limit = 20,
    include_duplicates: bool = False,
) -> SearchOut:
    """Documents matching every word of ``q`` in any of its forms, best first, with a
    snippet and the matched words' ranges in it; without words, the filtered documents."""
    hits = corpus.search(
        store,
        query,
        entity=entity,
        type=type,
        date_from=date_from,
        date_to=date_to,
        source=source,
        limit=limit,
        include_duplicates=include_duplicates,
    )
    return SearchOut(hits=[hit_out(hit) for hit in hits])


def hit_out(hit: corpus.Hit) -> HitOut:
    return HitOut(
        id=hit.doc_id,
        title=hit.title,
        published=hit.published,
        source=hit.source,
        score=hit.score,
        snippet=hit.snippet,
        highlights=[Highlight(start=a, stop=b) for a, b in hit.highlights],
    )


# --------------------------------------------------------------------------- entities


@router.get("/entities", response_model=EntityList, tags=["entities"])
def list_entities(
    store: StoreDep,
    type: EntityType | None = None,
    name: Annotated[str | None, Query(alias="q", max_length=200, pattern=PLAIN)] = None,
    limit: Limit = 20,
) -> EntityList:
    """Entities in most documents, or those named ``q`` (a name, or the start of a word
    of one: «Токаев», «Касым»), exact matches first."""
    if name:
        rows = corpus.find_entities(store, name, type)[:limit]
        found = [
            EntityCountOut(key=r.key, name=r.name, type=r.type, documents=r.documents) for r in rows
        ]
    else:
        found = [EntityCountOut(**vars_of(r)) for r in corpus.top_entities(store, type, limit)]
    return EntityList(entities=found)


@router.get(
    "/entities/{key:path}", response_model=ProfileOut, tags=["entities"], responses=NOT_FOUND
)
def get_entity(
    store: StoreDep, key: Annotated[str, Path(max_length=500, pattern=PLAIN)]
) -> ProfileOut:
    """What the corpus says about the entity ``key`` (``per:касым-жомарт токаев``,
    ``iso:KZ``; URL-encoded): documents per month, roles, co-occurring entities, quotes,
    recent documents."""
    try:
        found = corpus.profile(store, key)
    except corpus.UnknownEntity as error:
        raise HTTPException(404, f"no entity with key {key!r}") from error
    data = vars_of(found)
    data["place"] = vars_of(found.place) if found.place else None
    data["timeline"] = [MonthOut(month=m, documents=n) for m, n in found.timeline]
    data["roles"] = [vars_of(r) for r in found.roles]
    data["cooccurring"] = [vars_of(e) for e in found.cooccurring]
    data["quotes"] = [vars_of(r) for r in found.quotes]
    data["recent"] = [DocumentBrief(id=d.doc_id, **vars_of(d, "doc_id")) for d in found.recent]
    return ProfileOut(**data)


def vars_of(row: Any, *leave_out: str) -> dict[str, Any]:
    """The fields of a slotted dataclass, as a dict (not recursively, unlike asdict)."""
    return {name: getattr(row, name) for name in row.__slots__ if name not in leave_out}


# ----------------------------------------------------------------------- quotes, graph


@router.get("/quotes", response_model=QuoteList, tags=["quotes"])
def list_quotes(
    store: StoreDep, speaker: Name = None, about: Name = None, limit: Limit = 50
) -> QuoteList:
    """Quotes, latest first: said by ``speaker`` (a name, key or description such as
    «эксперты»), and about ``about`` (a name or key)."""
    rows = corpus.quotes(store, speaker=speaker, about=about, limit=limit)
    return QuoteList(quotes=[QuoteRowOut(**vars_of(r)) for r in rows])


@router.get("/graph", response_model=GraphOut, tags=["entities"])
def graph(
    store: StoreDep,
    entity: Name = None,
    query: Annotated[str | None, Query(alias="q", max_length=500, pattern=PLAIN)] = None,
    limit: Annotated[int, Query(ge=1, le=100, description="Nodes at most.")] = 30,
) -> GraphOut:
    """Entities that share documents: over the documents mentioning ``entity`` (a key or
    a name), those matching ``q``, both, or — with neither — the whole corpus. Edges weigh
    shared documents."""
    found = cooccurrence_graph(store, entity=entity, query=query, limit=limit)
    return GraphOut(
        documents=found.documents,
        nodes=[NodeOut(**vars_of(n)) for n in found.nodes],
        edges=[EdgeOut(**vars_of(e)) for e in found.edges],
    )


@router.get("/health", response_model=HealthOut, tags=["service"])
def health(store: StoreDep) -> HealthOut:
    """The service is up: its version, the store's backend and how many documents it holds."""
    return HealthOut(
        status="ok", version=__version__, backend=store.backend, documents=store.count()
    )


# ------------------------------------------------------------------------- Swagger UI


def swagger_page() -> HTMLResponse:
    """Swagger UI from the files of ``swagger-ui-bundle``, served by this app."""
    return get_swagger_ui_html(
        openapi_url=f"{PREFIX}/openapi-3.0.json",
        title="svodka API",
        swagger_js_url=f"{SWAGGER}/swagger-ui-bundle.js",
        swagger_css_url=f"{SWAGGER}/swagger-ui.css",
        swagger_favicon_url=f"{SWAGGER}/favicon-32x32.png",
        swagger_ui_parameters={"validatorUrl": None},  # no badge fetched from swagger.io
    )


def openapi_30(request: Request) -> JSONResponse:
    """The OpenAPI document as 3.0 for Swagger UI 4, which cannot render 3.1."""
    return JSONResponse(as_openapi_30(request.app.openapi()))


def as_openapi_30(node: Any) -> Any:
    """3.1's ``anyOf: [X, {type: null}]`` as 3.0's ``nullable``; version 3.0.3."""
    if isinstance(node, list):
        return [as_openapi_30(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: as_openapi_30(value) for key, value in node.items()}
    if node.get("openapi", "").startswith("3.1"):
        node["openapi"] = "3.0.3"
    options = node.get("anyOf", [])
    if {"type": "null"} in options:
        rest = [option for option in options if option != {"type": "null"}]
        node.pop("anyOf")
        node.update(rest[0] if len(rest) == 1 and "$ref" not in rest[0] else {"anyOf": rest})
        node["nullable"] = True
    return node


# ---------------------------------------------------------------------------- install


def install(app: FastAPI) -> None:
    """Add the API, its error handling and Swagger UI to ``app``."""
    app.state.lock = threading.RLock()
    errors.install(app)
    app.include_router(router)
    app.mount(SWAGGER, StaticFiles(directory=swagger_ui_path), name="swagger-ui")
    app.add_api_route("/api/docs", swagger_page, include_in_schema=False)
    app.add_api_route(f"{PREFIX}/openapi-3.0.json", openapi_30, include_in_schema=False)
    app.add_api_route("/docs", lambda: RedirectResponse("/api/docs"), include_in_schema=False)
