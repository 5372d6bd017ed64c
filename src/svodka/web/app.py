"""The FastAPI application: settings, shared dependencies, the API and UI routers.

Everything request handlers need comes from ``request.app.state``: ``settings`` (the store
URL, the write token, the body limit) and, loaded on first use, the ``pipeline`` and the
``store``. Handlers stay thin; the work is in :mod:`svodka.store.query` and the pipeline.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property

from fastapi import FastAPI

from svodka.config import DEFAULT_DB
from svodka.version import __version__

#: Largest request body accepted, in bytes (an article is rarely above 100 KB).
MAX_BODY = 2_000_000


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = DEFAULT_DB
    token: str | None = None  # SVODKA_TOKEN: write endpoints refuse requests without it
    max_body: int = MAX_BODY


class Services:
    """The store and the pipeline, opened once per process on first use."""

    def __init__(self, settings: Settings):
        self.settings = settings

    @cached_property
    def store(self):
        from svodka.store import Store

        return Store.open(self.settings.db)

    @cached_property
    def pipeline(self):
        from svodka.pipeline import default_pipeline

        return default_pipeline()


def create_app(db: str = DEFAULT_DB, token: str | None = None, max_body: int = MAX_BODY) -> FastAPI:
    """The whole web application over the store at ``db``."""
    from svodka.web import api, ui

    settings = Settings(db=db, token=token or os.environ.get("SVODKA_TOKEN"), max_body=max_body)
    app = FastAPI(
        title="svodka",
        version=__version__,
        description="Russian news into structured, linked knowledge.",
        docs_url=None,  # served by api.py from vendored assets, never from a CDN
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    app.state.settings = settings
    app.state.services = Services(settings)
    api.install(app)
    ui.install(app)
    return app
