"""Swagger UI at ``/api/docs``, from the files of the installed ``swagger_ui_bundle``
served by this app (never a CDN). Swagger UI 5 (the ``swagger-ui-bundle-v2`` wheel, the
same module) renders FastAPI's own OpenAPI 3.1 document; Swagger UI 4.15 (the frozen
``swagger-ui-bundle`` 1.1) needs it rewritten as 3.0 (``as_openapi_30``, served only then).

The page starts Swagger UI with one inline script: its Content-Security-Policy allows
that script by its SHA-256 and nothing else inline (``page_policy``).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

SWAGGER = "/api/static/swagger-ui"


def swagger_major(path: object = swagger_ui_path) -> int:
    """The major version of the Swagger UI a bundle carries: its folder is
    ``vendor/swagger-ui-5.31.0``."""
    found = re.search(r"swagger-ui-(\d+)\.", str(path))
    return int(found.group(1)) if found else 4


def install(app: FastAPI, prefix: str, major: int | None = None) -> None:
    """Serve Swagger UI and its assets over ``prefix``/openapi.json, or, for Swagger UI 4,
    over the 3.0 document at ``prefix``/openapi-3.0.json."""
    major = swagger_major() if major is None else major
    document = "openapi.json" if major >= 5 else "openapi-3.0.json"
    app.mount(SWAGGER, StaticFiles(directory=swagger_ui_path), name="swagger-ui")
    app.add_api_route("/api/docs", swagger_page(f"{prefix}/{document}"), include_in_schema=False)
    if major < 5:
        app.add_api_route(f"{prefix}/{document}", openapi_30, include_in_schema=False)
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


def openapi_30(request: Request) -> JSONResponse:
    """The OpenAPI document as 3.0 for Swagger UI 4, which cannot render 3.1; its server
    is the app's root path, as FastAPI's own document says."""
    document = as_openapi_30(request.app.openapi())
    root = request.scope.get("root_path", "").rstrip("/")
    if root:
        document = {**document, "servers": [{"url": root}]}
    return JSONResponse(document)


def as_openapi_30(node: Any) -> Any:
    """3.1's ``anyOf: [X, {type: null}]`` as 3.0's ``nullable``, ``const`` as a one-value
    ``enum``, a schema's ``examples`` list as its first ``example``; version 3.0.3. The
    result validates as OpenAPI 3.0 (openapi-spec-validator)."""
    if isinstance(node, list):
        return [as_openapi_30(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: as_openapi_30(value) for key, value in node.items()}
    if node.get("openapi", "").startswith("3.1"):
        node["openapi"] = "3.0.3"
    if "const" in node:
        node["enum"] = [node.pop("const")]
    if isinstance(node.get("examples"), list):  # a schema's; a parameter's is a map
        examples = node.pop("examples")
        if examples:
            node["example"] = examples[0]
    options = node.get("anyOf", [])
    if {"type": "null"} in options:
        rest = [option for option in options if option != {"type": "null"}]
        node.pop("anyOf")
        node.update(rest[0] if len(rest) == 1 and "$ref" not in rest[0] else {"anyOf": rest})
        node["nullable"] = True
    return node
