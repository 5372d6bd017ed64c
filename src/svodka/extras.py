"""The optional parts of svodka and the pip extra that installs each.

The core install is the analysis library (``svodka.analyze``, ``svodka analyze``) and the
embedded SQLite store. The web shell, the Dask cluster and Parquet, the PostgreSQL driver
and the HTML and feed readers come with extras; a missing one fails with one line naming
the extra, never with a bare ``ModuleNotFoundError``.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

#: Top-level module → the extra that installs it.
EXTRAS = {
    "fastapi": "web",
    "starlette": "web",
    "uvicorn": "web",
    "jinja2": "web",
    "swagger_ui_bundle": "web",
    "dask": "batch",
    "distributed": "batch",
    "pyarrow": "batch",
    "psycopg": "pg",
    "trafilatura": "html",
    "feedparser": "html",
}


class MissingExtra(ImportError):
    """An optional part of svodka is used without its extra installed."""


def explain(error: ModuleNotFoundError) -> str | None:
    """The one-line message for ``error`` when the missing module belongs to an extra."""
    module = (error.name or "").split(".")[0]
    extra = EXTRAS.get(module)
    if extra is None:
        return None
    return (
        f"this needs svodka's [{extra}] extra ({module} is not installed): "
        f"pip install 'svodka[{extra}]'"
    )


def require(module: str) -> ModuleType:
    """Import ``module``, or raise MissingExtra naming the extra that installs it."""
    try:
        return import_module(module)
    except ModuleNotFoundError as error:
        message = explain(error)
        if message is None:
            raise
        raise MissingExtra(message, name=error.name) from None
