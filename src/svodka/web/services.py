"""What the web handlers share: the settings, the store and the pipeline, each opened on
first use, and the pipeline's lock with its bounded queue.

Handlers reach them through ``request.app.state.services`` (see
:mod:`svodka.web.api.deps`). Every analysis — REST ``/api/v1/analyze``,
``POST /api/v1/documents``, the UI's ``/analyze`` — goes through ``Services.analyze`` or
``Services.ingest``, which hold the lock: one analysis at a time. At most
``Settings.queue`` more wait for it; the next is refused at once with ``Busy`` (503 with
``Retry-After``): a waiting request holds a worker thread, and readers (search, pages)
need the rest.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property

from svodka.config import DEFAULT_DB
from svodka.corpus.ingest import IngestSummary, ingest, screened
from svodka.doc import Document, Record, Rejection
from svodka.errors import SvodkaError
from svodka.pipeline import Pipeline, analyze_outcomes, default_pipeline
from svodka.store import AddCounts, Store

#: Largest request body accepted, in bytes (an article is rarely above 100 KB).
MAX_BODY = 2_000_000
#: Longest text one analysis request takes, in characters (the UI's limit too): a long
#: article is ~20,000; 200,000 take a few seconds, and the pipeline serves one at a time.
MAX_TEXT = 200_000
#: Analyses that may wait for the pipeline behind the one running; the next gets 503.
QUEUE = 16
#: Shortest token accepted: a shorter one can be guessed.
MIN_TOKEN = 16


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = DEFAULT_DB
    token: str | None = None  # SVODKA_TOKEN: write endpoints refuse requests without it
    max_body: int = MAX_BODY
    max_text: int = MAX_TEXT
    queue: int = QUEUE
    analyze_token: bool = False  # /analyze needs the token too
    #: Host names the server answers to (DNS rebinding); None: any (tests, embedding).
    allowed_hosts: frozenset[str] | None = None

    def __post_init__(self) -> None:
        if self.token is not None and len(self.token) < MIN_TOKEN:
            raise ValueError(
                f"SVODKA_TOKEN has {len(self.token)} characters; use at least {MIN_TOKEN} "
                "(e.g. python -c 'import secrets; print(secrets.token_urlsafe(24))')"
            )
        if self.analyze_token and not self.token:
            raise ValueError("requiring the token for /analyze needs SVODKA_TOKEN to be set")


class Busy(SvodkaError):
    """Every place in the analysis queue is taken: try again after ``retry_after`` s."""

    def __init__(self, waiting: int, retry_after: int):
        super().__init__(f"the server is busy: {waiting} analyses are waiting; try again later")
        self.retry_after = retry_after


class TooLong(SvodkaError):
    """A text longer than one analysis request may be."""


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
        self.lock = threading.Lock()  # held by every use of the pipeline
        self.counting = threading.Lock()  # guards ``queued`` and ``seconds``
        self.queued = 0  # analyses running or waiting
        self.seconds = 1.0  # a running mean of one turn's length, for Retry-After
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

    @contextmanager
    def turn(self) -> Iterator[None]:
        """Hold the pipeline: wait in the queue, or raise ``Busy`` when it is full."""
        with self.counting:
            if self.queued > self.settings.queue:
                raise Busy(self.queued - 1, max(1, math.ceil(self.seconds * self.queued)))
            self.queued += 1
        try:
            with self.lock:
                started = time.perf_counter()
                try:
                    yield
                finally:
                    took = time.perf_counter() - started
                    with self.counting:
                        self.seconds = 0.8 * self.seconds + 0.2 * took
        finally:
            with self.counting:
                self.queued -= 1

    def check_length(self, text: str) -> None:
        """Raise ``TooLong`` for a text longer than ``settings.max_text``."""
        if len(text) > self.settings.max_text:
            raise TooLong(
                f"the text has {len(text)} characters; one request takes at most "
                f"{self.settings.max_text} (store longer texts with svodka ingest)"
            )

    def analyze(self, record: Record) -> Document | Rejection:
        """One record analyzed (not stored), or its rejection: a text no store can hold, a
        failed analysis. ``TooLong`` for a text over the limit, ``Busy`` when the queue is
        full."""
        self.check_length(record.text)
        checked = screened(record)
        if isinstance(checked, Rejection):
            return checked
        with self.turn():
            return next(analyze_outcomes(self.pipeline, [checked]))

    def ingest(self, items: list[Record | Rejection]) -> Ingested:
        """Analyze and store the records through ``svodka.corpus.ingest``, the path the CLI
        takes, in one transaction; rejections are recorded like any ingest's. ``Busy`` when
        the queue is full."""
        done: list[tuple[AddCounts, list[Rejection]]] = []
        with self.turn():
            summary = ingest(
                items,
                self.open_store(),
                pipeline=self.pipeline,
                batch_size=max(len(items), 1),
                on_stored=lambda counts, rejects: done.append((counts, rejects)),
            )
        ids = [doc_id for counts, _ in done for doc_id in counts.ids]
        return Ingested(summary, ids, [r for _, rejects in done for r in rejects])
