"""How the web layer fails: RFC 9457 problem details (``application/problem+json``),
never a stack trace.

Every error answers ``{"type", "title", "status", "detail", "instance"}`` — ``type`` is
``about:blank``, so ``title`` is the status's phrase and ``detail`` says what went wrong —
with extension members where there is more to say: ``errors`` (the fields at fault of an
invalid request), ``retry_after`` (a full queue), ``limit`` (a body or text too large),
``search`` (where to look for an unknown entity), ``entities`` (the candidates of a
name, with 300).

``install`` adds the exception handlers — HTTP errors (404, 405, 401, …) keep their
status, invalid requests become 422 with the offending fields, a query value the store
cannot take (a NUL byte: ``QueryError``) 422, a text over the analysis limit 413, a full
analysis queue 503 with ``Retry-After``, and anything else 500 with the traceback logged
server-side only — and the middleware that refuses request bodies above
``settings.max_body`` with 413. The UI's pages answer their own HTML errors.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, MutableMapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from svodka.store.checks import QueryError
from svodka.web.services import Busy, TooLong

log = logging.getLogger("svodka.web")

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

#: The media type of every error (RFC 9457).
PROBLEM = "application/problem+json"


class FieldError(BaseModel):
    """What one field of an invalid request got wrong."""

    loc: list[str | int]
    msg: str
    type: str


class ProblemOut(BaseModel):
    """An error as RFC 9457 problem details; extension members say more when there is more
    (``errors``, ``retry_after``, ``limit``, ``search``, ``entities``)."""

    model_config = ConfigDict(extra="allow")

    type: str = Field("about:blank", description="about:blank: the status says it all")
    title: str = Field(description="The status's phrase: «Not Found»")
    status: int
    detail: str = Field(description="What went wrong, in a sentence")
    instance: str | None = Field(None, description="The path that was asked for")
    errors: list[FieldError] | None = Field(
        None, description="The fields at fault (invalid requests only)"
    )


def problem(model: type[BaseModel], description: str) -> dict[str, Any]:
    """An error response of the OpenAPI schema (moved to ``PROBLEM`` by ``install``)."""
    return {"model": model, "description": description}


#: The errors every API operation may answer, for the OpenAPI schema.
COMMON = {
    400: problem(ProblemOut, "Malformed request (a body that is not JSON)"),
    413: problem(ProblemOut, "Request body too large"),
    422: problem(ProblemOut, "Invalid request"),
    500: problem(ProblemOut, "Internal error"),
}
#: The error of an operation that reads one thing by its id or key.
NOT_FOUND = {404: problem(ProblemOut, "Not found")}
#: The errors of an operation that runs the pipeline.
BUSY = {
    503: problem(ProblemOut, "The analysis queue is full: try again after `Retry-After` seconds")
}


class Problem(StarletteHTTPException):
    """An HTTP error whose problem details carry extension members (``search=…``)."""

    def __init__(
        self,
        status: int,
        detail: str,
        headers: dict[str, str] | None = None,
        **extensions: Any,
    ):
        super().__init__(status, detail, headers)
        self.extensions = extensions


def install(app: FastAPI) -> None:
    """Add the problem-details handlers, their media type in the OpenAPI schema, and the
    body-size limit to ``app``."""
    app.add_exception_handler(StarletteHTTPException, http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, invalid_request)  # type: ignore[arg-type]
    app.add_exception_handler(QueryError, bad_query)  # type: ignore[arg-type]
    app.add_exception_handler(TooLong, too_long)  # type: ignore[arg-type]
    app.add_exception_handler(Busy, busy)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, internal_error)
    app.add_middleware(BodyLimit, max_body=app.state.settings.max_body)
    plain = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = as_problems(plain())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def as_problems(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with every 300 and error response as ``PROBLEM``: FastAPI files the
    model of an extra response under ``application/json`` whatever it is."""
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for status, response in operation.get("responses", {}).items():
                content = response.get("content", {})
                shown = status.isdecimal() and (status == "300" or int(status) >= 400)
                if shown and "application/json" in content:
                    content[PROBLEM] = content.pop("application/json")
    return schema


def problem_response(
    status: int,
    detail: str,
    *,
    instance: str | None = None,
    headers: dict[str, str] | None = None,
    **extensions: Any,
) -> JSONResponse:
    """The ``PROBLEM`` response of ``status``; ``extensions`` are added as members."""
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": instance,
        **jsonable_encoder(extensions),
    }
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM)


async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    """404, 405, 401, … with the exception's detail, headers and extension members."""
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = ", ".join(allowed_methods(request))
    extensions = getattr(exc, "extensions", {})
    return problem_response(
        exc.status_code,
        str(exc.detail),
        instance=request.url.path,
        headers=headers,
        **extensions,
    )


def allowed_methods(request: Request) -> list[str]:
    """Every method some route takes at this path: Starlette's 405 names only those of the
    first route that matched (GET /documents hides POST /documents)."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        match, _ = route.matches(request.scope)
        if match != Match.NONE:
            methods.update(getattr(route, "methods", None) or ())
    return sorted(methods)


async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
    """422 naming each field at fault in ``errors``; the rejected input is not echoed."""
    errors = [
        {
            "loc": [part if isinstance(part, int) else str(part) for part in error.get("loc", ())],
            "msg": str(error.get("msg", "")),
            "type": str(error.get("type", "")),
        }
        for error in exc.errors()
    ]
    fields = ", ".join(".".join(str(part) for part in e["loc"]) for e in errors)
    detail = f"invalid request: {fields}" if fields else "invalid request"
    return problem_response(422, detail, instance=request.url.path, errors=errors)


async def bad_query(request: Request, exc: QueryError) -> JSONResponse:
    """422 for a value the store cannot search for (a NUL byte), on every route."""
    return problem_response(422, f"invalid query: {exc}", instance=request.url.path)


async def too_long(request: Request, exc: TooLong) -> JSONResponse:
    """413 for a text longer than one analysis request may be."""
    limit = request.app.state.settings.max_text
    return problem_response(413, str(exc), instance=request.url.path, limit=limit)


async def busy(request: Request, exc: Busy) -> JSONResponse:
    """503 with ``Retry-After`` when every place in the analysis queue is taken."""
    wait = exc.retry_after
    headers = {"Retry-After": str(wait)}
    return problem_response(
        503, str(exc), instance=request.url.path, headers=headers, retry_after=wait
    )


async def internal_error(request: Request, exc: Exception) -> JSONResponse:
    """500 without details: the traceback goes to the server log, not to the client."""
    log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    return problem_response(500, "internal error", instance=request.url.path)


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
        # bytes: ``isdigit`` is ASCII digits only there (``str`` uses ``isdecimal``)
        if declared is not None and not declared.strip().isdigit():
            refusal = problem_response(400, "invalid Content-Length header", instance=scope["path"])
            await refusal(scope, receive, send)
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
        refusal = problem_response(413, error, instance=scope["path"], limit=self.max_body)
        await refusal(scope, receive, send)


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
