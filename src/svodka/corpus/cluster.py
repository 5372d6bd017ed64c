"""Dask glue: connect to a cluster (or start a local one), load the pipeline once per
worker, and map a function over a stream of items with a bounded number in flight.

Dask does the scheduling, retries and worker restarts; this module only shapes how svodka
uses it: ``svodka ingest --cluster`` goes through ``map_ordered`` (the store wants input
order), ``svodka batch`` through ``map_unordered`` (partition files are numbered anyway).
"""

from __future__ import annotations

import os
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import dask
from distributed import Client, LocalCluster, WorkerPlugin, as_completed

from svodka.errors import SvodkaError
from svodka.version import __version__

T = TypeVar("T")
R = TypeVar("R")

RETRIES = 2  # a task that raises is tried this many more times; a dead worker's tasks are
# rescheduled by Dask itself (distributed.scheduler.allowed-failures, 3 by default)
PLUGIN = "svodka-pipeline"
#: Dask's statistical profiler samples the task thread's stack every 10 ms; on the
#: pipeline's pure-Python work that cost ~6 % of a worker's speed. docs/scale.md tells
#: how to turn it off on a real cluster.
WORKER_SETTINGS = {"distributed.worker.profile.enabled": False}


class ClusterError(SvodkaError, RuntimeError):
    """The cluster cannot be reached, or its workers run another svodka."""


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline when a worker starts (and when a restarted one comes back), so
    tasks find it ready: once per worker process, never once per task."""

    name = PLUGIN

    def setup(self, worker) -> None:
        from svodka.corpus.workers import load_worker

        load_worker()


@contextmanager
def connect(
    address: str | None = None, local: int = 0, *, timeout: str = "20s"
) -> Iterator[Client]:
    """A client of the scheduler at ``address`` (``tcp://host:8786``), or of a new
    LocalCluster of ``local`` worker processes (one thread each; 0: one per core)."""
    if address:
        try:
            client = Client(address, timeout=timeout)
        except OSError as error:
            raise ClusterError(f"cannot reach the Dask scheduler at {address}: {error}") from None
        cluster = None
    else:
        with dask.config.set(WORKER_SETTINGS):
            cluster = LocalCluster(
                n_workers=local or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",  # any free port: never clash with another cluster
            )
        client = Client(cluster)
    try:
        prepare_workers(client)
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def prepare_workers(client: Client) -> None:
    """Check the workers run this svodka, then have each load the pipeline."""
    versions = client.run(worker_version)
    other = {address: v for address, v in versions.items() if v != __version__}
    if other:
        found = ", ".join(f"{a}: {v}" for a, v in sorted(other.items()))
        raise ClusterError(f"workers run another svodka than the client ({__version__}): {found}")
    client.register_plugin(PipelinePlugin(), name=PLUGIN)


def worker_version() -> str:
    """The svodka version of the worker this runs on (pickled by reference, so a worker
    imports its own ``svodka.corpus.cluster``)."""
    return __version__


def threads(client: Client) -> int:
    """Worker threads in the cluster now (it may grow or shrink while a job runs)."""
    return max(1, sum(client.nthreads().values()))


def map_ordered(
    client: Client,
    func: Callable[[T], R],
    items: Iterable[T],
    *,
    on_failure: Callable[[T, BaseException], R],
    label: str = "svodka",
) -> Iterator[R]:
    """``func(item)`` for each item on the cluster, yielded in input order.

    At most two items per worker thread are in flight, so a stream of any length runs in
    flat memory on the client. Dask retries a task that raised (``RETRIES``) and reruns
    the tasks of a worker that died; a task that still fails gives ``on_failure(item,
    error)`` instead, and the stream goes on.
    """
    pending: deque[tuple[T, Any]] = deque()
    for item, future in submit_each(client, func, items, label):
        pending.append((item, future))
        if len(pending) >= 2 * threads(client):
            yield settle(*pending.popleft(), on_failure)
    while pending:
        yield settle(*pending.popleft(), on_failure)


def map_unordered(
    client: Client,
    func: Callable[[T], R],
    items: Iterable[T],
    *,
    on_failure: Callable[[T, BaseException], R],
    label: str = "svodka",
) -> Iterator[R]:
    """As ``map_ordered``, but each result as soon as it is ready: a slow item never
    leaves a worker idle behind it, which keeps every worker busy to the end of a batch."""
    running = as_completed()
    items_of: dict[str, T] = {}
    for item, future in submit_each(client, func, items, label):
        items_of[future.key] = item
        running.add(future)
        if running.count() >= 2 * threads(client):
            done = next(running)
            yield settle(items_of.pop(done.key), done, on_failure)
    for done in running:
        yield settle(items_of.pop(done.key), done, on_failure)


def submit_each(
    client: Client, func: Callable[[T], R], items: Iterable[T], label: str
) -> Iterator[tuple[T, Any]]:
    """Each item with the future of ``func(item)``, submitted only when asked for."""
    run = uuid.uuid4().hex[:8]
    for number, item in enumerate(items):
        key = f"{label}-{run}-{number}"
        yield item, client.submit(func, item, key=key, retries=RETRIES, pure=False)


def settle(item: T, future, on_failure: Callable[[T, BaseException], R]) -> R:
    try:
        return future.result()
    except Exception as error:  # KilledWorker, or the task's own error after its retries
        return on_failure(item, error)
    finally:
        future.release()
