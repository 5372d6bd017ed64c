"""How the web layer fails: always JSON ``{"error": …}``, never a stack trace.

``install`` adds the exception handlers — HTTP errors (404, 405, 401, …) keep their
status, invalid requests become 422 with the offending fields, a query value the store
cannot take (a NUL byte: ``QueryError``) 422, a text over the analysis limit 413, a full
analysis queue 503 with ``Retry-After``, and anything else 500
``{"error": "internal error"}`` with the traceback logged server-side only — and the
middleware that refuses request bodies above ``settings.max_body`` with 413.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from svodka.store.checks import QueryError
from svodka.web.services import Busy, TooLong

log = logging.getLogger("svodka.web")

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class Problem(BaseModel):
    """What one field of an invalid request got wrong."""

    loc: list[str | int]
    msg: str
    type: str


class ErrorOut(BaseModel):
    """Every error response: a sentence, and for invalid requests the fields at fault."""

    error: str
    details: list[Problem] | None = None


#: The errors every API operation may answer, for the OpenAPI schema.
COMMON = {
    400: {"model": ErrorOut, "description": "Malformed request (a body that is not JSON)"},
    413: {"model": ErrorOut, "description": "Request body too large"},
    422: {"model": ErrorOut, "description": "Invalid request"},
    500: {"model": ErrorOut, "description": "Internal error"},
}
#: The error of an operation that reads one thing by its id or key.
NOT_FOUND = {404: {"model": ErrorOut, "description": "Not found"}}
#: The errors of an operation that runs the pipeline.
BUSY = {
    503: {
        "model": ErrorOut,
        "description": "The analysis queue is full: try again after `Retry-After` seconds",
    }
}


def install(app: FastAPI) -> None:
    """Add the JSON error handlers and the body-size limit to ``app``."""
    app.add_exception_handler(StarletteHTTPException, http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, invalid_request)  # type: ignore[arg-type]
    app.add_exception_handler(QueryError, bad_query)  # type: ignore[arg-type]
    app.add_exception_handler(TooLong, too_long)  # type: ignore[arg-type]
    app.add_exception_handler(Busy, busy)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, internal_error)
    app.add_middleware(BodyLimit, max_body=app.state.settings.max_body)


def error_response(status: int, error: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": error}, status_code=status, headers=headers)


async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    """404, 405, 401, … as ``{"error": detail}``, with the exception's headers."""
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = ", ".join(allowed_methods(request))
    return error_response(exc.status_code, str(exc.detail), headers)


def allowed_methods(request: Request) -> list[str]:
    """Every method some route takes at this path: Starlette's 405 names only those of the
    first route that matched (GET /documents hides POST /documents)."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        match, _ = route.matches(request.scope)
        if match != Match.NONE:
            methods.update(getattr(route, "methods", None) or ())
    return sorted(methods)


async def invalid_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
    """422 naming each field at fault; the rejected input is not echoed back."""
    details = [
        {
            "loc": [part if isinstance(part, int) else str(part) for part in error.get("loc", ())],
            "msg": str(error.get("msg", "")),
            "type": str(error.get("type", "")),
        }
        for error in exc.errors()
    ]
    return JSONResponse({"error": "invalid request", "details": details}, status_code=422)


async def bad_query(_request: Request, exc: QueryError) -> JSONResponse:
    """422 for a value the store cannot search for (a NUL byte), on every route."""
    return error_response(422, f"invalid query: {exc}")


async def too_long(_request: Request, exc: TooLong) -> JSONResponse:
    """413 for a text longer than one analysis request may be."""
    return error_response(413, str(exc))


async def busy(_request: Request, exc: Busy) -> JSONResponse:
    """503 with ``Retry-After`` when every place in the analysis queue is taken."""
    return error_response(503, str(exc), {"Retry-After": str(exc.retry_after)})


async def internal_error(request: Request, exc: Exception) -> JSONResponse:
    """500 without details: the traceback goes to the server log, not to the client."""
    log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    return error_response(500, "internal error")


class BodyLimit:
    """Refuse, with 413, a request whose body is larger than ``max_body`` bytes — by its
    Content-Length before reading it, and by counting what actually arrives (a chunked
    body declares no length). Bodies at most that large are read whole and handed on."""

    def __init__(self, app: Callable, max_body: int):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Message, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and not declared.strip().isdigit():
            await error_response(400, "invalid Content-Length header")(scope, receive, send)
            return
        if declared is not None and int(declared) > self.max_body:
            await self.too_large(scope, receive, send)
            return
        body = await self.read_body(receive)
        if body is None:
            await self.too_large(scope, receive, send)
            return
        await self.app(scope, replay(body, receive), send)

    async def read_body(self, receive: Receive) -> bytes | None:
        """The whole body, or None once it grows past the limit."""
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client left
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)

    async def too_large(self, scope: Message, receive: Receive, send: Send) -> None:
        error = f"request body larger than {self.max_body} bytes"
        await error_response(413, error)(scope, receive, send)


def replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that gives the body read beforehand, then waits on the client."""
    sent = False

    async def receive_again() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return receive_again
