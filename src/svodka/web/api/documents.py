"""``/documents``: store articles (analyzed through ``svodka.corpus.ingest``, as the CLI
does), list the stored ones, read one back.

Writes need ``Authorization: Bearer <SVODKA_TOKEN>``: 401 without it or with another
token, 403 when the server has no token at all (writes disabled). An id may hold «/» (a
URL is a natural id): ``GET /documents/{id}`` is a path route, so
``/documents/https://example.ru/a`` and ``/documents/https%3A%2F%2Fexample.ru%2Fa`` both
reach it.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Path
from fastapi.responses import JSONResponse
from pydantic import Discriminator, Field, Tag

from svodka.doc import Record, Rejection
from svodka.errors import InputError
from svodka.io.decode import check_russian
from svodka.store import browse, text_hash
from svodka.web.api.deps import (
    DocumentFilters,
    Limit,
    Offset,
    ServicesDep,
    StoreDep,
    require_token,
)
from svodka.web.api.models import (
    PLAIN,
    DocumentPage,
    DocumentSummary,
    IngestOut,
    RecordIn,
    RejectOut,
    StoredDocumentOut,
)
from svodka.web.errors import BUSY, NOT_FOUND, Problem, ProblemOut, problem

#: Records per POST /documents: a batch analyzed within a request (~0.1 s a record).
MAX_RECORDS = 100

router = APIRouter(tags=["documents"])

Records = Annotated[list[RecordIn], Field(min_length=1, max_length=MAX_RECORDS)]


def body_shape(body: Any) -> str:
    """«articles» for a list, else «article»: the one shape a body is checked against, so
    a 422 names the fields of that shape only (``["body", "articles", 3, "text"]``)."""
    return "articles" if isinstance(body, list) else "article"


#: One article, or a list of them.
Articles = Annotated[
    Annotated[RecordIn, Tag("article")] | Annotated[Records, Tag("articles")],
    Discriminator(body_shape),
]


@router.post(
    "/documents",
    response_model=IngestOut,
    status_code=201,
    dependencies=[Depends(require_token)],
    responses={
        **BUSY,
        401: problem(ProblemOut, "No token, or a wrong one"),
        403: problem(ProblemOut, "Writes disabled: the server has no token"),
    },
)
def add_documents(
    services: ServicesDep,
    body: Annotated[
        Articles,
        Body(description=f"One article, or a list of at most {MAX_RECORDS}; `id` recommended."),
    ],
) -> IngestOut:
    """Analyze and store articles (201, whatever was stored). Texts stored already are
    skipped; an article whose text is not Russian, or whose analysis fails, is rejected
    with a reason, and the rest are stored. A request that does not fit the schema is
    refused whole (422 naming the fields)."""
    items = body if isinstance(body, list) else [body]
    done = services.ingest(read_records(items))
    return IngestOut(
        added=done.summary.added,
        duplicates=done.summary.duplicates,
        near_duplicates=done.summary.near_duplicates,
        rejected=done.summary.rejected,
        ids=done.ids,
        rejects=[RejectOut(source=r.source, reason=r.reason) for r in done.rejects],
    )


def read_records(items: list[RecordIn]) -> list[Record | Rejection]:
    """Each article as a record, or as a rejection naming what is wrong with it."""
    return [read_record(number, item) for number, item in enumerate(items)]


def read_record(number: int, article: RecordIn) -> Record | Rejection:
    """Article ``number`` of a request as a record (its id defaults to a hash of its
    text), or a rejection when its text is not Russian (the rule of every entry point).
    What the store cannot hold (NUL, a lone surrogate) the schema refuses already."""
    source = f"records[{number}]" + (f" ({article.id})" if article.id is not None else "")
    try:
        check_russian(article.text, "text")
    except InputError as error:
        return Rejection(source, error.reason)
    return article.record(f"api-{text_hash(article.text)[:12]}")


@router.get("/documents", response_model=DocumentPage)
def list_documents(
    store: StoreDep, filters: DocumentFilters, limit: Limit = 20, offset: Offset = 0
) -> DocumentPage:
    """Stored documents, newest first."""
    total, rows = browse.document_page(store, filters, limit, offset)
    items = [DocumentSummary(**row) for row in rows]
    return DocumentPage(items=items, total=total, limit=limit, offset=offset)


@router.get("/documents/{doc_id:path}", response_model=StoredDocumentOut, responses=NOT_FOUND)
def get_document(
    store: StoreDep, doc_id: Annotated[str, Path(max_length=500, pattern=PLAIN)]
) -> JSONResponse:
    """A stored document: its contract document and ``duplicate_of``. The id as stored,
    «/» included (URL-encoded or not)."""
    found = browse.stored_analysis(store, doc_id)
    if found is None:
        raise Problem(404, f"no document with id {doc_id!r}")
    analysis, duplicate_of = found
    return JSONResponse({**analysis, "duplicate_of": duplicate_of})
