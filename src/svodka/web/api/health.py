"""``GET /health``: the service is up, and over which store."""

from __future__ import annotations

from fastapi import APIRouter

from svodka.version import __version__
from svodka.web.api.deps import StoreDep
from svodka.web.api.models import HealthOut

router = APIRouter(tags=["service"])


@router.get("/health", response_model=HealthOut)
def health(store: StoreDep) -> HealthOut:
    """The service is up: its version, the store's backend and how many documents it holds."""
    return HealthOut(
        status="ok", version=__version__, backend=store.backend, documents=store.count()
    )
