"""The REST API under ``/api/v1``: one router per resource — ``analyze``, ``documents``,
``search``, ``entities``, ``quotes``, ``events``, ``graph``, ``health`` — over the models of
``models.py`` and the dependencies of ``deps.py``; Swagger UI at ``/api/docs`` (``docs.py``).

Handlers translate HTTP to the store's queries and the web services and back; each
response has a Pydantic model, so the OpenAPI schema says exactly what comes back. Every
listing answers one envelope, ``Page``: ``{"items", "total", "limit", "offset"}``, and takes
``limit`` and ``offset``. Errors are RFC 9457 problem details (see
:mod:`svodka.web.errors`).
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

from svodka.web import errors
from svodka.web.api import (
    analyze,
    docs,
    documents,
    entities,
    events,
    graph,
    health,
    quotes,
    search,
)

PREFIX = "/api/v1"
RESOURCES = (analyze, documents, search, entities, quotes, events, graph, health)


def install(app: FastAPI) -> None:
    """Add the API, its error handling and Swagger UI to ``app``."""
    errors.install(app)
    api = APIRouter(prefix=PREFIX, responses=errors.COMMON)  # type: ignore[arg-type]
    for resource in RESOURCES:
        api.include_router(resource.router)
    app.include_router(api)
    docs.install(app, PREFIX)
