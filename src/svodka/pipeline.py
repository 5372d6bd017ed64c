"""The pipeline: load every stage once, then run documents through them in order.

Importing this module loads no stage: the stage table is imported when a pipeline is built,
so the corpus services and the shells can name the pipeline without paying for the models.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from datetime import date
from functools import cache
from itertools import chain, groupby
from time import thread_time
from types import ModuleType
from typing import Any, get_args, get_type_hints

from threadpoolctl import threadpool_limits

from svodka.config import Config
from svodka.doc import Document, Record, Rejection
from svodka.errors import PipelineError
from svodka.lang import caches
from svodka.memory import release_free_memory
from svodka.parts import join_parts, split_record

OnError = Callable[[Record, Exception], None]
OnPart = Callable[[Record, int, int], None]

#: Layers every document has before any stage runs.
BASE_LAYERS = frozenset({"text", "title", "published"})


def stage_name(stage: ModuleType) -> str:
    """«ner» for svodka.stages.ner."""
    return stage.__name__.rsplit(".", 1)[-1]


def check_stages(stages: Sequence[ModuleType]) -> None:
    """Raise PipelineError unless every stage's REQUIRES is provided by an earlier stage
    and every layer it names is a field of ``Document``."""
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
        unknown = [layer for layer in stage.PROVIDES if not is_layer(layer)]
        if unknown:
            raise PipelineError(f"stage {stage.__name__} provides {unknown}, not Document fields")
        available.update(stage.PROVIDES)


def is_layer(name: str) -> bool:
    """«entities» (a field of Document) or «entities.roles» (a field of its items)."""
    owner: type = Document
    for part in name.split("."):
        hints = get_type_hints(owner)
        if part not in hints:
            return False
        args = get_args(hints[part])
        owner = args[0] if args and isinstance(args[0], type) else hints[part]
    return True


class Pipeline:
    """Loads the models once; analyzes one text or a stream of records.

    >>> pipeline = Pipeline()
    >>> doc = pipeline.analyze("Владимир Путин прилетел в Сочи.")
    >>> [e.name for e in doc.entities]
    ['Владимир Путин', 'Сочи']
    """

    def __init__(self, config: Config | None = None, stages: Sequence[ModuleType] | None = None):
        if stages is None:
            from svodka.stages import STAGES  # the models load here, not on import

            stages = STAGES
        check_stages(stages)
        if config is None:  # the environment's settings: SVODKA_KB, SVODKA_EVENTS
            from svodka.settings import load_settings

            config = load_settings().config()
        self.config = config
        # process-wide, as the models are: the last pipeline built sets them
        caches.resize(config.cache_words)
        if config.gc_thresholds is not None:
            gc.set_threshold(*config.gc_thresholds)
        if config.overlap:  # the stages ahead already keep a second core busy
            threadpool_limits(limits=1, user_api="blas")
        self.stages = tuple(stages)
        self.resources: tuple[Any, ...] = tuple(stage.load(self.config) for stage in stages)
        #: How many stages, from the first, run ahead on the next batch (see analyze_many).
        self.ahead = count_ahead(self.stages)
        #: CPU seconds of the thread running each stage so far, for benchmarks: {"ner": 12.3, …}.
        self.stage_seconds: dict[str, float] = {stage_name(s): 0.0 for s in stages}

    def analyze(
        self,
        text: str | Record,
        *,
        published: date | str | None = None,
        title: str | None = None,
        id: str | None = None,
    ) -> Document:
        """Analyze one text (or a ``Record``); ``published`` is a date or «YYYY-MM-DD»."""
        return next(self.analyze_many([as_record(text, published, title=title, id=id)]))

    def pipe(
        self, texts: Iterable[str | Record], *, published: date | str | None = None
    ) -> Iterator[Document]:
        """Analyze a stream of texts or records in batches, like spaCy's ``nlp.pipe``;
        plain texts are named «doc-1», «doc-2»… and dated ``published``."""
        records = (
            as_record(text, published, id=f"doc-{n}") for n, text in enumerate(texts, start=1)
        )
        return self.analyze_many(records)

    def analyze_many(
        self,
        records: Iterable[Record],
        *,
        on_error: OnError | None = None,
        on_part: OnPart | None = None,
    ) -> Iterator[Document]:
        """Analyze records in batches, yielding documents in input order.

        Without ``on_error`` an exception in a stage propagates. With it, a failing batch
        is rerun one record at a time: each record that fails again is passed to
        ``on_error`` with its exception and left out, and the rest go on.

        A record longer than ``config.part_chars`` is analyzed in parts and joined
        (:mod:`svodka.parts`); ``on_part(record, done, parts)`` follows its progress.
        """
        limit = self.config.part_chars
        for huge, group in groupby(records, key=lambda r: len(r.text) > limit):
            if not huge:
                yield from self.analyze_batches(group, on_error)
                continue
            for record in group:
                yield from self.analyze_in_parts(record, on_error, on_part)

    def analyze_in_parts(
        self, record: Record, on_error: OnError | None, on_part: OnPart | None
    ) -> Iterator[Document]:
        """Analyze a huge record part by part and yield its joined document; with
        ``on_error``, a failing part fails the record."""
        parts = split_record(record, self.config.part_chars)
        offsets = {part.id: offset for offset, part in parts}
        errors: list[Exception] = []
        note = None if on_error is None else (lambda part, error: errors.append(error))

        def analyzed() -> Iterator[tuple[int, Document]]:
            """Each part's document as it comes, joined and let go one by one."""
            docs = self.analyze_batches((part for _, part in parts), note)
            for done, doc in enumerate(docs, start=1):
                if on_part is not None:
                    on_part(record, done, len(parts))
                yield offsets[doc.id], doc

        joined = join_parts(record, analyzed())
        if errors and on_error is not None:
            on_error(record, errors[0])
            return
        yield joined

    def analyze_batches(
        self, records: Iterable[Record], on_error: OnError | None
    ) -> Iterator[Document]:
        """Analyze records in batches of ``config.docs_per_batch`` records and at most
        ``config.batch_chars`` characters (a record longer than that is a batch alone), in
        order.

        With ``config.overlap`` and more than one batch, the stages up to the last one
        that ``RELEASES_GIL`` (the NER network) work on the next batch in a thread while
        the other stages finish this one.
        """
        batches = cut_batches(records, self.config.docs_per_batch, self.config.batch_chars)
        first, second = next(batches, None), next(batches, None)
        if first is None:
            return
        if second is None or not self.config.overlap or not self.ahead:
            for batch in chain([first], [second] if second else [], batches):
                yield from self.finish(batch, None, on_error)
            return
        with ThreadPoolExecutor(1, thread_name_prefix="svodka-ahead") as pool:
            pending = (first, pool.submit(self.start, first))
            for batch in chain([second], batches):
                ahead = (batch, pool.submit(self.start, batch))
                yield from self.finish(*pending, on_error)
                pending = ahead
            yield from self.finish(*pending, on_error)

    def start(self, batch: list[Record]) -> list[Document]:
        """A batch's documents through the stages that run ahead."""
        return self.run_stages(0, self.ahead, [Document.from_record(r) for r in batch])

    def finish(
        self, batch: list[Record], started: Future | None, on_error: OnError | None
    ) -> Iterator[Document]:
        """Run the rest of the stages over a batch ``start`` is running (or, with no
        ``started``, every stage)."""
        try:
            docs = started.result() if started is not None else self.start(batch)
            docs = self.run_stages(self.ahead, len(self.stages), docs)
        except Exception:
            if on_error is None:
                raise
            yield from self.run_alone(batch, on_error)
            return
        if self.config.trim_memory:
            release_free_memory()
        yield from docs

    def run_alone(self, batch: list[Record], on_error: OnError) -> Iterator[Document]:
        """Run each record of a failed batch alone; report the ones that fail again."""
        for record in batch:
            try:
                yield from self.run_batch([Document.from_record(record)])
            except Exception as error:  # the caller decides what to record
                on_error(record, error)

    def run_batch(self, docs: list[Document]) -> list[Document]:
        """Run every stage over a batch of documents."""
        return self.run_stages(0, len(self.stages), docs)

    def run_stages(self, first: int, last: int, docs: list[Document]) -> list[Document]:
        """Run stages ``[first, last)`` over a batch, adding each one's CPU seconds to
        ``stage_seconds``."""
        for stage, resources in zip(
            self.stages[first:last], self.resources[first:last], strict=True
        ):
            started = thread_time()
            apply_many = getattr(stage, "apply_many", None)
            if apply_many is not None:
                docs = apply_many(docs, resources)
            else:
                docs = [stage.apply(doc, resources) for doc in docs]
            self.stage_seconds[stage_name(stage)] += thread_time() - started
        return docs


def cut_batches(records: Iterable[Record], size: int, chars: int) -> Iterator[list[Record]]:
    """Consecutive batches of at most ``size`` records whose texts add up to at most
    ``chars`` characters; a record longer than ``chars`` is a batch of its own."""
    batch: list[Record] = []
    total = 0
    for record in records:
        if batch and (len(batch) == size or total + len(record.text) > chars):
            yield batch
            batch, total = [], 0
        batch.append(record)
        total += len(record.text)
    if batch:
        yield batch


def count_ahead(stages: Sequence[ModuleType]) -> int:
    """How many stages run up to the last one whose work ``RELEASES_GIL``: they can run on
    the next batch in a thread while the rest run on this one; 0 when no stage does."""
    marked = [i for i, stage in enumerate(stages) if getattr(stage, "RELEASES_GIL", False)]
    return marked[-1] + 1 if marked else 0


def failure(error: BaseException, where: str = "") -> str:
    """The one wording of a failed analysis: «analysis failed: ValueError: …»; ``where``
    names the place when it is not this process («on the cluster»)."""
    place = f" {where}" if where else ""
    return f"analysis failed{place}: {type(error).__name__}: {error}"


def reject(item: Record | Rejection, reason: str) -> Rejection:
    """``item`` as a rejection with ``reason``; a rejection stays as it is."""
    return item if isinstance(item, Rejection) else Rejection(item.id, reason)


def analyze_outcomes(
    pipeline: Pipeline, items: Iterable[Record | Rejection]
) -> Iterator[Document | Rejection]:
    """Every item's outcome in input order: a record as its document, or as a rejection
    when its analysis raised; rejections pass through. Nothing is lost and nothing raises."""
    items = list(items)
    failed: dict[int, str] = {}

    def on_error(record: Record, error: Exception) -> None:
        failed[id(record)] = failure(error)

    records = [r for r in items if isinstance(r, Record)]
    docs = iter(list(pipeline.analyze_many(records, on_error=on_error)))
    for item in items:
        if isinstance(item, Rejection):
            yield item
        elif id(item) in failed:
            yield reject(item, failed[id(item)])
        else:
            yield next(docs)


@cache
def default_pipeline() -> Pipeline:
    """The process-wide pipeline with the default config, loaded on first use."""
    return Pipeline()


def analyze(
    text: str | Record,
    *,
    published: date | str | None = None,
    title: str | None = None,
    id: str | None = None,
) -> Document:
    """Analyze one text (or a ``Record``) with a process-wide pipeline, loaded on first
    use; ``published`` is a date or «YYYY-MM-DD»."""
    return default_pipeline().analyze(text, published=published, title=title, id=id)


def as_record(
    item: str | Record,
    published: date | str | None = None,
    *,
    title: str | None = None,
    id: str | None = None,
) -> Record:
    """``item`` as a record: a text gets ``id`` (default «doc»), ``title`` and the date;
    a record keeps its own fields, and takes ``published`` only when it has no date."""
    day = as_date(published)
    if isinstance(item, Record):
        return item if item.published or day is None else replace(item, published=day)
    if not isinstance(item, str):
        raise TypeError(f"expected a text or a Record, not {type(item).__name__}")
    return Record(id=id or "doc", text=item, title=title, published=day)


def as_date(value: date | str | None) -> date | None:
    """A date from a date or an ISO «YYYY-MM-DD» string; ValueError names a bad one."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValueError(f"published must be a date or «YYYY-MM-DD», not {value!r}") from None
