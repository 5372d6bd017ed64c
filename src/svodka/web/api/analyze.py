"""``POST /analyze``: one article analyzed, not stored."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from fastapi.responses import JSONResponse

from svodka.doc import Rejection
from svodka.schema import to_dict
from svodka.web.api.deps import ServicesDep
from svodka.web.api.models import ArticleIn, DocumentOut

router = APIRouter(tags=["analysis"])


@router.post("/analyze", response_model=DocumentOut)
def analyze(services: ServicesDep, article: ArticleIn) -> JSONResponse:
    """Analyze one article; the result is not stored."""
    found = services.analyze(article.record("doc"))
    if isinstance(found, Rejection):
        raise HTTPException(422, found.reason)
    return JSONResponse(to_dict(found))
