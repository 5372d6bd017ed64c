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
from pydantic import Discriminator, Field, Tag, ValidationError, WithJsonSchema

from svodka.doc import Record, Rejection
from svodka.errors import InputError
from svodka.io.decode import check_russian
from svodka.store import browse, text_hash
from svodka.store.checks import printable, problems
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

#: A list of articles, each checked on its own (:func:`read_record`): one that does not
#: fit ``RecordIn`` (or holds a NUL, a lone surrogate) is rejected, the rest stored.
Records = Annotated[
    list[Any],
    Field(min_length=1, max_length=MAX_RECORDS),
    WithJsonSchema(
        {
            "type": "array",
            "items": {"$ref": "#/components/schemas/RecordIn"},
            "minItems": 1,
            "maxItems": MAX_RECORDS,
        }
    ),
]


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
    with a reason, and the rest are stored: so is an article of a list that does not fit
    ``RecordIn`` or holds a NUL or a lone surrogate. A single article that does not fit,
    or a body that is neither an article nor a list of 1–100, is refused (422 naming the
    fields)."""
    records = read_records(body) if isinstance(body, list) else [read_record(0, body)]
    done = services.ingest(records)
    return IngestOut(
        added=done.summary.added,
        duplicates=done.summary.duplicates,
        near_duplicates=done.summary.near_duplicates,
        rejected=done.summary.rejected,
        ids=done.ids,
        rejects=[RejectOut(source=r.source, reason=r.reason) for r in done.rejects],
    )


def read_records(items: list[Any]) -> list[Record | Rejection]:
    """Each article as a record, or as a rejection naming what is wrong with it."""
    return [read_record(number, item) for number, item in enumerate(items)]


def read_record(number: int, item: Any) -> Record | Rejection:
    """Article ``number`` of a request as a record (its id defaults to a hash of its
    text), or a rejection naming what is wrong: a field the store cannot hold (NUL, a
    lone surrogate), one that does not fit ``RecordIn``, a text that is not Russian (the
    rule of every entry point)."""
    source = source_of(number, item)
    if isinstance(item, RecordIn):
        article = item
    else:
        fields = item if isinstance(item, dict) else {}
        if why := problems(**{str(name): value for name, value in fields.items()}):
            return Rejection(source, why)
        try:
            article = RecordIn.model_validate(item)
        except ValidationError as error:
            return Rejection(source, misfits(error))
    try:
        check_russian(article.text, "text")
    except InputError as error:
        return Rejection(source, error.reason)
    return article.record(f"api-{text_hash(article.text)[:12]}")


def source_of(number: int, item: Any) -> str:
    """How a rejection names article ``number``: «records[3] (its id)»."""
    named = item.get("id") if isinstance(item, dict) else getattr(item, "id", None)
    return f"records[{number}]" + (f" ({printable(str(named))})" if named not in (None, "") else "")


def misfits(error: ValidationError) -> str:
    """Where and how an article does not fit ``RecordIn``: «text: Field required»."""
    return "; ".join(
        f"{'.'.join(map(str, e['loc'])) or 'article'}: {e['msg']}" for e in error.errors()
    )


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
