"""What every HTML page shares: the Jinja2 templates (autoescaped) with their globals, the
check of a page's parameters, and the two ways to answer with a page."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.types import Scope

from svodka.store.checks import check_query
from svodka.web import render, tones
from svodka.web.labels import LABELS
from svodka.web.links import root

HERE = Path(__file__).parent
TEMPLATES = Jinja2Templates(directory=HERE / "templates")
TEMPLATES.env.globals["t"] = LABELS
TEMPLATES.env.globals["entity_url"] = render.entity_url
TEMPLATES.env.globals["tones"] = tones
TEMPLATES.env.globals["root"] = root  # «href="{{ root() }}/search"»: under the root path


def role_phrase(title: str, of_name: str | None) -> str:
    """«президент России»: the organisation in the genitive (pymorphy3 loads on first use,
    not with the app)."""
    from svodka.lang.inflect import role_phrase as phrase

    return phrase(title, of_name)


TEMPLATES.env.globals["role_phrase"] = role_phrase

#: How long a browser keeps a static file whose URL names its content: a year.
FOREVER = "public, max-age=31536000, immutable"


@functools.cache
def content_hash(name: str) -> str:
    """The first 12 hex digits of the SHA-256 of the static file ``name``."""
    return hashlib.sha256((HERE / "static" / name).read_bytes()).hexdigest()[:12]


def static_url(name: str) -> str:
    """The URL of the static file ``name`` under the app's root path, its content hash in
    the query (``/static/style.css?v=3f2a…``): a changed file is a new URL, so browsers
    may keep each one for a year (``Assets``)."""
    return f"{root()}/static/{name}?v={content_hash(name)}"


TEMPLATES.env.globals["static_url"] = static_url


class Assets(StaticFiles):
    """The static files; one asked for by its content hash (``?v=``) is cached for a year,
    any other is revalidated every time."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code == 200:
            versioned = b"v=" in scope.get("query_string", b"")
            response.headers["Cache-Control"] = FOREVER if versioned else "no-cache"
        return response


def plain_request(request: Request) -> None:
    """Every page's query and path parameters must be storable text: a NUL byte (which
    PostgreSQL refuses) or a lone surrogate answers 422, as the API does, before any
    query runs (``QueryError``, see ``svodka.web.errors``)."""
    check_query(**{f"query parameter {k!r}": v for k, v in request.query_params.multi_items()})
    check_query(**{f"path parameter {k!r}": str(v) for k, v in request.path_params.items()})


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Template ``name`` rendered with ``context`` (the labels are always there as ``t``)."""
    return TEMPLATES.TemplateResponse(request, name, context, status_code=status)


def not_found(request: Request, message: str) -> HTMLResponse:
    return page(request, "error.html", 404, title=LABELS["error.404"], message=message)
