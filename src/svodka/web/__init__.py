"""The web shell: a REST API under /api/v1 and a Russian web UI, over the store and the
pipeline. ``create_app`` builds it; ``svodka serve`` runs it with uvicorn."""

from svodka.web.app import create_app

__all__ = ["create_app"]
