"""The pipeline: load every stage once, then run documents through them in order."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from functools import cache
from itertools import islice
from time import perf_counter
from types import ModuleType
from typing import Any

from svodka.config import Config
from svodka.doc import Document, Record
from svodka.errors import PipelineError
from svodka.stages import STAGES

OnError = Callable[[Record, Exception], None]

#: Layers every document has before any stage runs.
BASE_LAYERS = frozenset({"text", "title", "published"})


def stage_name(stage: ModuleType) -> str:
    """«ner» for svodka.stages.ner."""
    return stage.__name__.rsplit(".", 1)[-1]


def check_stages(stages: Sequence[ModuleType]) -> None:
    """Raise PipelineError unless every stage's REQUIRES is provided by an earlier stage."""
    available = set(BASE_LAYERS)
    for stage in stages:
        for attr in ("REQUIRES", "PROVIDES", "load", "apply"):
            if not hasattr(stage, attr):
                raise PipelineError(f"stage {stage.__name__} has no {attr}")
        missing = [layer for layer in stage.REQUIRES if layer not in available]
        if missing:
            raise PipelineError(
                f"stage {stage.__name__} requires {missing}, which no earlier stage provides"
            )
        available.update(stage.PROVIDES)


class Pipeline:
    """Loads the models once; analyzes one text or a stream of records.

    >>> pipeline = Pipeline()
    >>> doc = pipeline.analyze("Владимир Путин прилетел в Сочи.")
    >>> [e.name for e in doc.entities]
    ['Владимир Путин', 'Сочи']
    """

    def __init__(self, config: Config | None = None, stages: Sequence[ModuleType] = STAGES):
        check_stages(stages)
        self.config = config or Config()
        self.stages = tuple(stages)
        self.resources: tuple[Any, ...] = tuple(stage.load(self.config) for stage in stages)
        #: Seconds spent in each stage so far, for benchmarks: {"ner": 12.3, …}.
        self.stage_seconds: dict[str, float] = {stage_name(s): 0.0 for s in stages}

    def analyze(
        self,
        text: str,
        *,
        published: date | None = None,
        title: str | None = None,
        id: str | None = None,
    ) -> Document:
        """Analyze one text."""
        record = Record(id=id or "doc", text=text, title=title, published=published)
        return next(self.analyze_many([record]))

    def analyze_many(
        self, records: Iterable[Record], *, on_error: OnError | None = None
    ) -> Iterator[Document]:
        """Analyze records in batches, yielding documents in input order.

        Without ``on_error`` an exception in a stage propagates. With it, a failing batch
        is rerun one record at a time: each record that fails again is passed to
        ``on_error`` with its exception and left out, and the rest go on.
        """
        iterator = iter(records)
        while batch := list(islice(iterator, self.config.docs_per_batch)):
            if on_error is None:
                yield from self.run_batch([Document.from_record(r) for r in batch])
            else:
                yield from self.run_guarded(batch, on_error)

    def run_guarded(self, batch: list[Record], on_error: OnError) -> Iterator[Document]:
        """Run a batch; on failure, run its records alone and report the ones that fail."""
        try:
            yield from self.run_batch([Document.from_record(r) for r in batch])
            return
        except Exception:  # retried one by one below, where each failure is reported
            pass
        for record in batch:
            try:
                yield from self.run_batch([Document.from_record(record)])
            except Exception as error:  # the caller decides what to record
                on_error(record, error)

    def run_batch(self, docs: list[Document]) -> list[Document]:
        """Run every stage over a batch of documents."""
        for stage, resources in zip(self.stages, self.resources, strict=True):
            started = perf_counter()
            apply_many = getattr(stage, "apply_many", None)
            if apply_many is not None:
                docs = apply_many(docs, resources)
            else:
                docs = [stage.apply(doc, resources) for doc in docs]
            self.stage_seconds[stage_name(stage)] += perf_counter() - started
        return docs


@cache
def default_pipeline() -> Pipeline:
    """The process-wide pipeline with the default config, loaded on first use."""
    return Pipeline()


def analyze(
    text: str,
    *,
    published: date | None = None,
    title: str | None = None,
    id: str | None = None,
) -> Document:
    """Analyze one text with a process-wide pipeline, loaded on first use."""
    return default_pipeline().analyze(text, published=published, title=title, id=id)
