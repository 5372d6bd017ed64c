"""What API handlers ask FastAPI for, as ``Annotated`` dependencies: the app's services,
its store, the write token, and the query parameters every listing shares — the filters
among them arrive as one ``Filters``, the store's own."""

from __future__ import annotations

import secrets
from dataclasses import replace
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import Depends, HTTPException, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from svodka.store import Store
from svodka.store.search import Filters
from svodka.web.api.models import PLAIN, Day
from svodka.web.services import Services

bearer = HTTPBearer(auto_error=False, description="SVODKA_TOKEN, for writes")


def get_services(request: Request) -> Services:
    """The services of the app that serves the request."""
    return request.app.state.services


ServicesDep = Annotated[Services, Depends(get_services)]


def get_store(services: ServicesDep) -> Store:
    """The app's store, opened by the first request that needs it."""
    return services.open_store()


StoreDep = Annotated[Store, Depends(get_store)]


def link(request: Request, name: str, query: dict[str, str] | None = None, **params) -> str:
    """The path of the route ``name`` with ``params``, under the app's root path (``svodka
    serve --root-path /x``), with ``query`` appended: for links in answers."""
    path = request.url_for(name, **params).path
    return f"{path}?{urlencode(query)}" if query else path


def require_token(
    services: ServicesDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    """Let a write through only with the server's token (compared in constant time)."""
    token = services.settings.token
    if not token:
        raise HTTPException(403, "writes are disabled: the server has no SVODKA_TOKEN")
    given = credentials.credentials if credentials else ""
    if not secrets.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "a valid bearer token is required", {"WWW-Authenticate": "Bearer"})


def require_analyze_token(services: ServicesDep, request: Request) -> None:
    """Let an analysis through only with the server's token when the server requires it
    for analyses (``svodka serve --analyze-token``); otherwise let every one through. The
    header is read here, not through ``bearer``: the OpenAPI schema would then say every
    analysis needs the token, which is true only of such servers."""
    if services.settings.analyze_token:
        require_token(services, bearer_credentials(request))


def bearer_credentials(request: Request) -> HTTPAuthorizationCredentials | None:
    """The bearer token of the ``Authorization`` header, or None."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return HTTPAuthorizationCredentials(scheme=scheme, credentials=token.strip())


Limit = Annotated[int, Query(ge=1, le=200, description="At most this many.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Skip this many first.")]
EntityType = Literal["PER", "ORG", "LOC"]
Name = Annotated[str | None, Query(max_length=200, pattern=PLAIN)]
From = Annotated[Day | None, Query(alias="from", description="Published on or after.")]
To = Annotated[Day | None, Query(alias="to", description="Published on or before.")]


def document_filters(
    date_from: From = None,
    date_to: To = None,
    source: Name = None,
    include_duplicates: bool = False,
) -> Filters:
    """The filters of a document listing: dates, source, near-duplicates."""
    return Filters(
        date_from=date_from,
        date_to=date_to,
        source=source,
        include_duplicates=include_duplicates,
    )


DocumentFilters = Annotated[Filters, Depends(document_filters)]


def search_filters(
    filters: DocumentFilters, entity: Name = None, type: EntityType | None = None
) -> Filters:
    """The filters of a search: a listing's, and an entity or a type of entity."""
    return replace(filters, entity=entity, type=type)


SearchFilters = Annotated[Filters, Depends(search_filters)]
