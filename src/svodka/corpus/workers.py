"""What runs inside a worker, a local process or a Dask worker alike: the pipeline loaded
once per process, and the analysis of a chunk of records into documents or rejections.

Imports nothing heavy at module level: a spawned process or a Dask worker loads the
pipeline in :func:`load_worker`, once.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from svodka.doc import Document, Record, Rejection
from svodka.store import Prepared, prepare

Outcome = Prepared | Rejection

THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@contextmanager
def single_threaded() -> Iterator[None]:
    """Workers spawned inside get one math thread each: N workers on N cores, not N × N
    BLAS threads fighting over them."""
    saved = {name: os.environ.get(name) for name in THREAD_VARIABLES}
    os.environ.update(dict.fromkeys(THREAD_VARIABLES, "1"))
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


_pipeline = None


def load_worker() -> None:
    """Load the pipeline once in a worker process."""
    global _pipeline
    from svodka.pipeline import Pipeline

    _pipeline = Pipeline()


def analyze_chunk(chunk: list[Record | Rejection]) -> list[Outcome]:
    """Analyze the records of a chunk, ready to store (rejections pass through); failures
    become rejects."""
    return [o if isinstance(o, Rejection) else prepare(o) for o in analyze_items(chunk)]


def analyze_items(chunk: list[Record | Rejection]) -> list[Document | Rejection]:
    """The analyzed documents of a chunk's records, in order (rejections pass through);
    a record whose analysis raised becomes a rejection."""
    from svodka.pipeline import analyze_outcomes

    if _pipeline is None:
        load_worker()
    return list(analyze_outcomes(_pipeline, chunk))
