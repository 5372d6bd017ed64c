"""What the web handlers share: the settings, the store and the pipeline, each opened on
first use, and the pipeline's lock.

Handlers reach them through ``request.app.state.services`` (see
:mod:`svodka.web.api.deps`). Every analysis — REST ``/api/v1/analyze``,
``POST /api/v1/documents``, the UI's ``/analyze`` — goes through ``Services.analyze`` or
``Services.ingest``, which hold the lock: one analysis at a time.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import cached_property

from svodka.config import DEFAULT_DB
from svodka.corpus.ingest import IngestSummary, ingest
from svodka.doc import Document, Record, Rejection
from svodka.pipeline import Pipeline, analyze_outcomes, default_pipeline
from svodka.store import AddCounts, Store

#: Largest request body accepted, in bytes (an article is rarely above 100 KB).
MAX_BODY = 2_000_000


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = DEFAULT_DB
    token: str | None = None  # SVODKA_TOKEN: write endpoints refuse requests without it
    max_body: int = MAX_BODY


@dataclass(slots=True)
class Ingested:
    """What one ``Services.ingest`` did: the summary, the ids it added, every reject."""

    summary: IngestSummary
    ids: list[str] = field(default_factory=list)
    rejects: list[Rejection] = field(default_factory=list)


class Services:
    """The store and the pipeline, opened once per process on first use, and the lock
    that lets one analysis run at a time: the pipeline's models are not thread-safe, and
    FastAPI runs handlers in a thread pool."""

    def __init__(self, settings: Settings):
        self.settings = settings
        # held by every use of the pipeline, and so by every write: two concurrent writers
        # would take the same insertion numbers (``documents.seq``)
        self.lock = threading.Lock()
        self.opening = threading.Lock()  # opens the store once under concurrent requests

    @cached_property
    def store(self) -> Store:
        """The store at ``settings.db``; ``open_store`` opens it once under concurrency."""
        return Store.open(self.settings.db)

    @cached_property
    def pipeline(self) -> Pipeline:
        """Loaded by the first analysis, not with the app: serving a store needs no model."""
        return default_pipeline()

    def open_store(self) -> Store:
        """The store, opened by the first request that needs it, once."""
        if "store" not in vars(self):
            with self.opening:
                return self.store
        return self.store

    def analyze(self, record: Record) -> Document | Rejection:
        """One record analyzed (not stored), or its rejection when the analysis failed."""
        with self.lock:
            return next(analyze_outcomes(self.pipeline, [record]))

    def ingest(self, items: list[Record | Rejection]) -> Ingested:
        """Analyze and store the records through ``svodka.corpus.ingest``, the path the CLI
        takes, in one transaction; rejections are recorded like any ingest's."""
        done: list[tuple[AddCounts, list[Rejection]]] = []
        with self.lock:
            summary = ingest(
                items,
                self.open_store(),
                pipeline=self.pipeline,
                batch_size=max(len(items), 1),
                on_stored=lambda counts, rejects: done.append((counts, rejects)),
            )
        ids = [doc_id for counts, _ in done for doc_id in counts.ids]
        return Ingested(summary, ids, [r for _, rejects in done for r in rejects])
