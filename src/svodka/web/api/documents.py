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

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Query
from fastapi.responses import JSONResponse
from pydantic import ValidationError

from svodka.doc import Record, Rejection
from svodka.store import browse, text_hash
from svodka.store.checks import printable, problems
from svodka.web.api.deps import DocumentFilters, Limit, ServicesDep, StoreDep, require_token
from svodka.web.api.models import (
    PLAIN,
    ArticleIn,
    DocumentPage,
    DocumentSummary,
    IngestOut,
    RejectOut,
    StoredDocumentOut,
)
from svodka.web.errors import BUSY, NOT_FOUND, ErrorOut

#: Records per POST /documents: a batch analyzed within a request (~0.1 s a record).
MAX_RECORDS = 100

router = APIRouter(tags=["documents"])


@router.post(
    "/documents",
    response_model=IngestOut,
    dependencies=[Depends(require_token)],
    responses={
        **BUSY,
        401: {"model": ErrorOut, "description": "No token, or a wrong one"},
        403: {"model": ErrorOut, "description": "Writes disabled: the server has no token"},
    },
)
def add_documents(
    services: ServicesDep,
    body: Annotated[
        list[Any] | dict[str, Any],
        Body(description="One article (as for /analyze, `id` recommended) or a list of them."),
    ],
) -> IngestOut:
    """Analyze and store articles. Texts stored already are skipped; invalid articles
    are rejected with a reason, and the rest are stored."""
    items = body if isinstance(body, list) else [body]
    if len(items) > MAX_RECORDS:
        raise HTTPException(422, f"{len(items)} records in one request; at most {MAX_RECORDS}")
    done = services.ingest(read_records(items))
    return IngestOut(
        added=done.summary.added,
        duplicates=done.summary.duplicates,
        near_duplicates=done.summary.near_duplicates,
        rejected=done.summary.rejected,
        ids=done.ids,
        rejects=[RejectOut(source=r.source, reason=r.reason) for r in done.rejects],
    )


def read_records(items: list[Any]) -> list[Record | Rejection]:
    """Each item as a record, or as a rejection naming what is wrong with it."""
    return [read_record(number, item) for number, item in enumerate(items)]


def read_record(number: int, item: Any) -> Record | Rejection:
    """Item ``number`` of a request as a record; its id defaults to a hash of its text."""
    source = f"records[{number}]"
    if isinstance(item, dict) and isinstance(item.get("id"), int | str):
        item = {**item, "id": str(item["id"])}
        source = f"{source} ({printable(item['id'][:200])})"
    why = problems(**item) if isinstance(item, dict) else None
    if why:  # said plainly, before Pydantic's «unable to parse raw data»
        return Rejection(source, why)
    try:
        article = ArticleIn.model_validate(item)
    except ValidationError as error:
        return Rejection(source, describe(error))
    return article.record(f"api-{text_hash(article.text)[:12]}")


def describe(error: ValidationError) -> str:
    """«text: String should have at least 1 character; published: …»."""
    problems = (
        f"{'.'.join(str(part) for part in e['loc']) or 'record'}: {e['msg']}"
        for e in error.errors()
    )
    return "; ".join(problems)


@router.get("/documents", response_model=DocumentPage)
def list_documents(
    store: StoreDep,
    filters: DocumentFilters,
    limit: Limit = 20,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> DocumentPage:
    """Stored documents, newest first."""
    total, rows = browse.document_page(store, filters, limit, offset)
    items = [DocumentSummary(**row) for row in rows]
    return DocumentPage(total=total, limit=limit, offset=offset, items=items)


@router.get("/documents/{doc_id:path}", response_model=StoredDocumentOut, responses=NOT_FOUND)
def get_document(
    store: StoreDep, doc_id: Annotated[str, Path(max_length=500, pattern=PLAIN)]
) -> JSONResponse:
    """A stored document: its contract document and ``duplicate_of``. The id as stored,
    «/» included (URL-encoded or not)."""
    found = browse.stored_analysis(store, doc_id)
    if found is None:
        raise HTTPException(404, f"no document with id {doc_id!r}")
    analysis, duplicate_of = found
    return JSONResponse({**analysis, "duplicate_of": duplicate_of})
