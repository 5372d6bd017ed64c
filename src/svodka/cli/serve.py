"""``svodka serve``: the REST API and the web UI over a store, run by uvicorn. A thin shell
over :func:`svodka.web.create_app`."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from svodka.cli.common import DbOption, err, open_store, out
from svodka.config import DEFAULT_DB


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the ``svodka`` app."""
    app.command()(serve)


def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[
        str, typer.Option(help="Address to listen on; 0.0.0.0 exposes the server to the network.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the API (/api/v1, docs at /api/docs) and the web UI. Writes need SVODKA_TOKEN."""
    import uvicorn

    from svodka.web import create_app

    open_store(db, create=True).close()  # fail here, readably, on a bad --db
    token = os.environ.get("SVODKA_TOKEN")
    shown = f"[{host}]" if ":" in host else host
    out.print(f"svodka at http://{shown}:{port}/  (API docs: http://{shown}:{port}/api/docs)")
    if not token:
        err.print("SVODKA_TOKEN is not set: POST /api/v1/documents is disabled (403)")
    uvicorn.run(create_app(db, token), host=host, port=port, log_level="info")
