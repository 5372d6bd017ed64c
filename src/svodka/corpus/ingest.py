"""Ingest: read articles, analyze them in worker processes, store them in batches.

Records are analyzed in chunks by ``jobs`` processes (each loads the pipeline once), or
on the workers of a Dask cluster (``client``; see :mod:`svodka.corpus.cluster`), and come back in
input order, so a run is deterministic: the same files give the same store,
near-duplicate links included. The store commits every ``batch_size`` documents in one
transaction, and texts already stored are skipped before analysis, so a run killed at any
point resumes where it stopped. Bad input and failed analyses become rejects with reasons:
a record with text no store can hold (a NUL character, a lone surrogate from undecodable
bytes in a file name or a JSON escape) is rejected before analysis, and the rest of its
batch is stored.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from svodka.corpus.workers import Outcome, analyze_chunk, load_worker, single_threaded
from svodka.doc import Record, Rejection
from svodka.pipeline import Pipeline, analyze_outcomes, failure, reject
from svodka.store import AddCounts, Prepared, Store, prepare, text_hash
from svodka.store.checks import printable, problems

if TYPE_CHECKING:
    from distributed import Client

#: Told of each transaction: its counts (with the ids added) and the rejects it recorded.
OnStored = Callable[[AddCounts, list[Rejection]], None]

CHUNK = 32  # records per task sent to a worker: one NER batch (Config.docs_per_batch)
BATCH = 64  # documents per transaction


@dataclass(slots=True)
class IngestSummary:
    read: int = 0
    added: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    rejected: int = 0
    seconds: float = 0.0

    @property
    def per_second(self) -> float:
        return self.read / self.seconds if self.seconds else 0.0


def ingest(
    items: Iterable[Record | Rejection],
    store: Store,
    *,
    jobs: int = 0,
    batch_size: int = BATCH,
    on_progress: Callable[[int], None] | None = None,
    client: Client | None = None,
    pipeline: Pipeline | None = None,
    on_stored: OnStored | None = None,
) -> IngestSummary:
    """Analyze and store every record: in ``jobs`` worker processes (0: one per core), on
    the Dask cluster of ``client``, or in this process with ``pipeline`` (the web server's,
    loaded already). Either way this process does all the writing; ``on_stored`` hears of
    each transaction (the ids it added, the rejects it saw)."""
    started = time.perf_counter()
    summary = IngestSummary()
    jobs = jobs or os.cpu_count() or 1
    batch: list[Prepared] = []
    rejected: list[Rejection] = []

    def flush() -> None:
        counts = store.add(batch, rejected)
        summary.added += counts.added
        summary.duplicates += counts.duplicates
        summary.near_duplicates += counts.near_duplicates
        summary.rejected += len(rejected)  # seen in this run, recorded once in the store
        if on_stored:
            on_stored(counts, list(rejected))
        batch.clear()
        rejected.clear()

    analyzed = analyze_new(items, store, jobs, summary, on_progress, client, pipeline)
    for outcome in analyzed:
        if isinstance(outcome, Rejection):
            rejected.append(outcome)
        else:
            batch.append(outcome)
        if len(batch) >= batch_size or len(rejected) >= batch_size:
            flush()
    flush()
    summary.seconds = time.perf_counter() - started
    return summary


def reanalyze(
    store: Store,
    *,
    everything: bool = False,
    jobs: int = 0,
    batch_size: int = BATCH,
    on_progress: Callable[[int], None] | None = None,
    client: Client | None = None,
) -> IngestSummary:
    """Analyze stored texts again with this svodka: those of other versions, or all; in
    ``jobs`` processes or on the Dask cluster of ``client``."""
    started = time.perf_counter()
    summary = IngestSummary()
    jobs = jobs or os.cpu_count() or 1
    records = store.stored_records(stale_only=not everything)
    chunks = (records[i : i + CHUNK] for i in range(0, len(records), CHUNK))
    batch: list[Prepared] = []
    for outcomes in analyze_chunks(chunks, jobs, client):
        summary.read += len(outcomes)
        failed = [o for o in outcomes if isinstance(o, Rejection)]
        summary.rejected += store.add_rejects(failed)  # one transaction per chunk
        batch.extend(o for o in outcomes if not isinstance(o, Rejection))
        if len(batch) >= batch_size:
            summary.added += store.replace_analysis(batch)
            batch.clear()
        if on_progress:
            on_progress(len(outcomes))
    summary.added += store.replace_analysis(batch)
    summary.seconds = time.perf_counter() - started
    return summary


def analyze_new(
    items: Iterable[Record | Rejection],
    store: Store,
    jobs: int,
    summary: IngestSummary,
    on_progress: Callable[[int], None] | None,
    client: Client | None = None,
    pipeline: Pipeline | None = None,
) -> Iterator[Outcome]:
    """Outcomes in input order; records whose text is stored already are not analyzed."""
    chunks = new_chunks(items, store, summary, on_progress)
    if pipeline is not None:
        analyzed = (analyze_here(pipeline, chunk) for chunk in chunks)
    else:
        analyzed = analyze_chunks(chunks, jobs, client)
    for outcomes in analyzed:
        yield from outcomes
        if on_progress:
            on_progress(sum(1 for o in outcomes if not isinstance(o, Rejection)))


def new_chunks(
    items: Iterable[Record | Rejection],
    store: Store,
    summary: IngestSummary,
    on_progress: Callable[[int], None] | None,
) -> Iterator[list[Record | Rejection]]:
    """Chunks of records to analyze, with rejections passed along and known texts dropped."""
    seen: set[str] = set()
    iterator = iter(items)
    while window := [screened(item) for item in islice(iterator, CHUNK * 8)]:
        summary.read += len(window)
        hashes = {id(r): text_hash(r.text) for r in window if isinstance(r, Record)}
        known = store.known_hashes(hashes.values()) | seen
        fresh = [r for r in window if not isinstance(r, Record) or hashes[id(r)] not in known]
        seen.update(hashes.values())
        skipped = len(window) - len(fresh)
        summary.duplicates += skipped
        if on_progress and skipped:
            on_progress(skipped)
        for i in range(0, len(fresh), CHUNK):
            yield fresh[i : i + CHUNK]


def screened(item: Record | Rejection) -> Record | Rejection:
    """The item as a store can take it: a record with a field that holds a NUL character
    or a lone surrogate becomes a rejection naming the field; a rejection keeps its reason
    with such characters escaped (a file name may hold undecodable bytes)."""
    if isinstance(item, Rejection):
        return Rejection(printable(item.source), printable(item.reason))
    why = problems(id=item.id, text=item.text, title=item.title, source=item.source, url=item.url)
    return item if why is None else Rejection(printable(item.id), why)


def analyze_chunks(
    chunks: Iterable[list], jobs: int, client: Client | None = None
) -> Iterator[list[Outcome]]:
    """Each chunk's outcomes, in order: on a Dask cluster, in ``jobs`` worker processes,
    or in this process."""
    if client is not None:
        from svodka.corpus.cluster import map_ordered

        return map_ordered(client, analyze_chunk, chunks, on_failure=reject_chunk, label="ingest")
    return analyze_in_processes(iter(chunks), jobs) if jobs > 1 else map(analyze_chunk, chunks)


def analyze_here(pipeline: Pipeline, chunk: list[Record | Rejection]) -> list[Outcome]:
    """A chunk's outcomes from a pipeline of this process, ready to store."""
    outcomes = analyze_outcomes(pipeline, chunk)
    return [o if isinstance(o, Rejection) else prepare(o) for o in outcomes]


def reject_chunk(chunk: list[Record | Rejection], error: BaseException) -> list[Outcome]:
    """A chunk the cluster could not analyze, even after retries: its records as rejects."""
    reason = failure(error, "on the cluster")
    return [reject(r, reason) for r in chunk]


def analyze_in_processes(
    chunks: Iterator[list[Record | Rejection]], jobs: int
) -> Iterator[list[Outcome]]:
    """Results of ``analyze_chunk`` in input order, at most ``2 × jobs`` chunks in flight.

    A crashed worker (killed, out of memory) sinks only its chunk, whose records become
    rejects; a fresh pool takes the rest.
    """
    context = multiprocessing.get_context("spawn")
    with single_threaded():
        pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=load_worker)
    pending: deque[tuple[list, Future]] = deque()
    try:
        for chunk in chunks:
            pending.append((chunk, pool.submit(analyze_chunk, chunk)))
            if len(pending) >= 2 * jobs:
                chunk_, future = pending.popleft()
                result, pool = collect(chunk_, future, pool, jobs, context)
                yield result
        while pending:
            chunk_, future = pending.popleft()
            result, pool = collect(chunk_, future, pool, jobs, context)
            yield result
    finally:
        pool.shutdown(cancel_futures=True)


def collect(chunk, future, pool, jobs, context):
    try:
        return future.result(), pool
    except BrokenProcessPool:
        pool.shutdown(cancel_futures=False)
        with single_threaded():
            fresh = ProcessPoolExecutor(jobs, mp_context=context, initializer=load_worker)
        reason = "analysis failed: the worker process died"
        return [reject(r, reason) for r in chunk], fresh
