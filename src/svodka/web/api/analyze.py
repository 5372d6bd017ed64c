"""``POST /analyze``: one article analyzed, not stored.

At most ``Settings.max_text`` characters (413 above), one analysis at a time with a
bounded queue (503 with ``Retry-After`` when it is full), and the token when the server
requires it for analyses (``svodka serve --analyze-token``).
"""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from svodka.doc import Rejection
from svodka.schema import to_dict
from svodka.web.api.deps import ServicesDep, require_analyze_token
from svodka.web.api.models import ArticleIn, DocumentOut
from svodka.web.errors import BUSY, Problem, ProblemOut, problem

router = APIRouter(tags=["analysis"])


@router.post(
    "/analyze",
    response_model=DocumentOut,
    dependencies=[Depends(require_analyze_token)],
    responses={
        **BUSY,
        401: problem(ProblemOut, "The server requires the token for analyses"),
    },
)
def analyze(services: ServicesDep, article: ArticleIn) -> JSONResponse:
    """Analyze one article (by default at most 200,000 characters); the result is not stored."""
    found = services.analyze(article.record("doc"))
    if isinstance(found, Rejection):
        raise Problem(422, found.reason)
    return JSONResponse(to_dict(found))
