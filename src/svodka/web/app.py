"""The FastAPI application: the services (``services.py``), the API (``api/``) and the
web UI (``ui.py``) over one store."""

from __future__ import annotations

import os

from fastapi import FastAPI

from svodka.config import DEFAULT_DB
from svodka.version import __version__
from svodka.web import api, ui
from svodka.web.services import MAX_BODY, Services, Settings


def create_app(db: str = DEFAULT_DB, token: str | None = None, max_body: int = MAX_BODY) -> FastAPI:
    """The whole web application over the store at ``db``."""
    settings = Settings(db=db, token=token or os.environ.get("SVODKA_TOKEN"), max_body=max_body)
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
    return app
