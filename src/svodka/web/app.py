"""The FastAPI application: the services (``services.py``), the API (``api/``) and the
web UI (``ui.py``) over one store, behind ``Guard``: the security headers on every
response and, when the server has an allow-list of host names, the ``Host`` check that
defeats DNS rebinding."""

from __future__ import annotations

from collections.abc import Iterable

from fastapi import FastAPI
from starlette.datastructures import MutableHeaders

from svodka.settings import load_settings
from svodka.version import __version__
from svodka.web import api, ui
from svodka.web.errors import Message, Receive, Send, problem_response
from svodka.web.links import ROOT
from svodka.web.services import MAX_BODY, MAX_TEXT, QUEUE, Services, Settings

#: Everything from this server, nothing inline, no frames: the UI's scripts and styles
#: are files under /static. Swagger UI's page sets its own (``api/docs.py``).
POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
#: Sent with every response that does not set its own.
HEADERS = {
    "Content-Security-Policy": POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
#: Names of this machine that are always allowed.
LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})


def create_app(
    db: str | None = None,
    token: str | None = None,
    max_body: int = MAX_BODY,
    *,
    analyze_token: bool = False,
    allowed_hosts: Iterable[str] | None = None,
    queue: int = QUEUE,
    max_text: int = MAX_TEXT,
) -> FastAPI:
    """The whole web application over the store at ``db`` (else ``SVODKA_DB``, else
    ``svodka.db``), so that ``uvicorn --factory svodka.web:create_app`` serves the
    configured store.

    ``token`` (else ``SVODKA_TOKEN``; at least 16 characters, ``ValueError`` otherwise)
    opens writes, and with ``analyze_token`` is required for analyses too.
    ``allowed_hosts``: the host names the server answers to (loopback names always);
    None answers any. ``queue``: analyses that may wait for the pipeline (503 beyond);
    ``max_text``: the longest text one analysis takes (413 beyond).
    """
    hosts = None if allowed_hosts is None else LOOPBACK | {normal_host(h) for h in allowed_hosts}
    configured = load_settings(db=db, token=token)
    settings = Settings(
        db=configured.db,
        token=configured.token,
        max_body=max_body,
        max_text=max_text,
        queue=queue,
        analyze_token=analyze_token,
        allowed_hosts=hosts,
    )
    app = FastAPI(
        title="svodka",
        version=__version__,
        description="Russian news into structured, linked knowledge.",
        docs_url=None,  # served by api/docs.py from vendored assets, never from a CDN
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    app.state.settings = settings
    app.state.services = Services(settings)
    api.install(app)
    ui.install(app)
    app.add_middleware(Guard, allowed_hosts=hosts)  # outermost: every response passes it
    return app


def normal_host(host: str) -> str:
    """A host name as compared: lowercase, without a port or IPv6 brackets, no final dot."""
    host = host.strip().lower()
    if host.startswith("["):
        host = host[1:].split("]", 1)[0]
    elif host.count(":") == 1:
        host = host.split(":", 1)[0]
    return host.rstrip(".")


class Guard:
    """Refuse, with 400, a request whose ``Host`` is not allowed (a DNS-rebinding page
    that made the browser's «evil.example» resolve to this server), and add ``HEADERS``
    to every response."""

    def __init__(self, app, allowed_hosts: frozenset[str] | None):
        self.app = app
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope: Message, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_guarded(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        ROOT.set(scope.get("root_path", "").rstrip("/"))  # for the links pages write
        host = normal_host(dict(scope["headers"]).get(b"host", b"").decode("latin-1"))
        if self.allowed_hosts is not None and host not in self.allowed_hosts:
            refusal = f"host {host!r} is not served here (svodka serve --allow-host {host})"
            await problem_response(400, refusal, instance=scope["path"])(
                scope, receive, send_guarded
            )
            return
        await self.app(scope, receive, send_guarded)
