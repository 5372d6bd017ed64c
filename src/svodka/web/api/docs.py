"""Swagger UI 5 at ``/api/docs``, from the files of the ``swagger-ui-bundle-v2`` wheel
served by this app (never a CDN), over FastAPI's own OpenAPI 3.1 document.

The page starts Swagger UI with one inline script: its Content-Security-Policy allows
that script by its SHA-256 and nothing else inline (``page_policy``).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

SWAGGER = "/api/static/swagger-ui"


def install(app: FastAPI, prefix: str) -> None:
    """Serve Swagger UI and its assets over ``prefix``/openapi.json."""
    app.mount(SWAGGER, StaticFiles(directory=swagger_ui_path), name="swagger-ui")
    app.add_api_route("/api/docs", swagger_page(f"{prefix}/openapi.json"), include_in_schema=False)
    app.add_api_route("/docs", to_swagger_page, include_in_schema=False)


def to_swagger_page(request: Request) -> RedirectResponse:
    """``/docs``, where FastAPI users look first, leads to ``/api/docs``."""
    return RedirectResponse(request.scope.get("root_path", "") + "/api/docs")


def swagger_page(document: str):
    """The handler of the Swagger UI page over the OpenAPI ``document`` (a path), its links
    under the app's root path (``uvicorn --root-path /x``)."""

    @functools.lru_cache(maxsize=8)  # one page per root path: a server has one or two
    def render(root: str) -> tuple[bytes, str]:
        html = get_swagger_ui_html(
            openapi_url=f"{root}{document}",
            title="svodka API",
            swagger_js_url=f"{root}{SWAGGER}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{SWAGGER}/swagger-ui.css",
            swagger_favicon_url=f"{root}{SWAGGER}/favicon-32x32.png",
            swagger_ui_parameters={"validatorUrl": None},  # no badge fetched from swagger.io
        ).body
        return bytes(html), page_policy(bytes(html).decode("utf-8"))

    def page(request: Request) -> HTMLResponse:
        html, policy = render(request.scope.get("root_path", ""))
        return HTMLResponse(html, headers={"Content-Security-Policy": policy})

    return page


def page_policy(html: str) -> str:
    """The Swagger UI page's Content-Security-Policy: its own files, its inline scripts by
    their hashes; inline styles (Swagger UI sets some), ``data:`` images (its icons)."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"
        for script in re.findall(r"<script>(.*?)</script>", html, flags=re.DOTALL)
    )
    return (
        f"default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    )
