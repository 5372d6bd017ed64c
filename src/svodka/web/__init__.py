"""The web shell: a REST API under /api/v1 and a Russian web UI, over the store and the
pipeline. ``create_app`` builds it; ``svodka serve`` runs it with uvicorn. It needs the
``[web]`` extra; its renderer (``svodka.web.render``) does not."""

from __future__ import annotations

import typing

if typing.TYPE_CHECKING:
    from svodka.web.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str):
    if name != "create_app":
        raise AttributeError(f"module 'svodka.web' has no attribute {name!r}")
    from svodka.extras import require

    require("fastapi")
    from svodka.web.app import create_app

    return create_app
