"""``svodka batch``: analyze articles on a Dask cluster into partitioned Parquet, and
``svodka load-parquet``: bulk-load such an output into a store.

The client reads the inputs as a stream and cuts it into partitions of ``size`` records,
numbered in input order. At most two partitions per worker thread are in flight, so memory
stays flat however long the input. Each worker has the pipeline loaded once
(``cluster.PipelinePlugin``), analyzes a partition in NER-sized chunks and writes its
tables itself, one file per table::

    OUT/_batch.json                      the run: inputs, partition size, svodka version
    OUT/documents/part-00042.parquet     …and doc_entities, mentions, roles, quotes,
    OUT/mentions/part-00042.parquet      amounts, dates, durations, events, the tone tables,
                                         analyses, rejects: one folder per table

The tables and their columns are those of ``svodka export --format parquet``
(``store/parquet.py``), so one query reads either.

Every file is written under a hidden temporary name and renamed into place, documents
last, so a partition whose documents file exists is complete. A worker killed mid-write
leaves only hidden temporaries, which readers ignore; Dask runs the partition again on
another worker and the rename makes it appear exactly once. Running the same batch again
skips the complete partitions. ``docs/scale.md`` documents every column.
"""

from __future__ import annotations

import json
import os
import resource
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.parquet as pq

from svodka.corpus.arrow import rows_table
from svodka.corpus.ingest import CHUNK, IngestSummary
from svodka.corpus.workers import analyze_items
from svodka.doc import Document, Record, Rejection
from svodka.errors import SvodkaError
from svodka.pipeline import failure, reject
from svodka.schema import dumps, from_dict
from svodka.store import Store, prepare, text_hash
from svodka.store.parquet import (
    ENTITY_FIELDS,
    MANIFEST,
    PARQUET_TABLES,
    parquet_row,
    parquet_schema,
    part_name,
)
from svodka.store.rows import analysis_rows, entity_row, lean
from svodka.version import __version__

if TYPE_CHECKING:
    from distributed import Client

FORMAT = "svodka.corpus.batch/2"
PARTITION = 100  # records per partition: ~5 s of work for one worker, one file per table


#: The tables of a batch output: those of an export (``store/parquet.py``) but
#: ``entities``, which only a whole corpus has (group ``doc_entities`` by key), and two of
#: its own: ``analyses``, the contract JSON ``load-parquet`` reads, and ``rejects``.
#: Documents last: its file commits a partition.
SCHEMAS: dict[str, pa.Schema] = {
    "rejects": pa.schema([("source", pa.string()), ("reason", pa.string())]),
    "analyses": pa.schema([("doc_id", pa.string()), ("analysis", pa.string())]),
    **{n: parquet_schema(n) for n in PARQUET_TABLES if n not in ("entities", "documents")},
    "documents": parquet_schema("documents"),
}


class BatchError(SvodkaError, ValueError):
    """An output folder that holds another batch, or one that is not a batch output."""


@dataclass(slots=True)
class BatchSummary:
    partitions: int = 0
    skipped: int = 0  # complete already, from an earlier run
    failed: int = 0  # their records recorded as rejects after Dask's retries ran out
    documents: int = 0
    rejected: int = 0
    seconds: float = 0.0
    peak_mb: dict[str, float] = field(default_factory=dict)  # worker → peak RSS

    @property
    def per_second(self) -> float:
        return (self.documents + self.rejected) / self.seconds if self.seconds else 0.0


@dataclass(frozen=True, slots=True)
class Partition:
    number: int
    items: list[Record | Rejection]
    out: str


def run_batch(
    items: Iterable[Record | Rejection],
    out: str | Path,
    client: Client,
    *,
    inputs: list[str],
    size: int = PARTITION,
    on_progress: Callable[[int], None] | None = None,
) -> BatchSummary:
    """Analyze ``items`` on the cluster of ``client`` into Parquet under ``out``.

    ``inputs`` names what was read (recorded in the manifest, so a rerun can tell it
    resumes the same batch). Partitions complete from an earlier run are skipped.
    """
    from svodka.corpus.cluster import map_unordered

    started = time.perf_counter()
    folder = Path(out).absolute()
    manifest = start_manifest(folder, inputs, size)
    summary = BatchSummary()

    def todo() -> Iterator[Partition]:
        for partition in partitions(items, size, folder):
            summary.partitions += 1
            if is_complete(folder, partition.number):
                done = count_rows(folder, partition.number)
                summary.skipped += 1
                summary.documents += done["documents"]
                summary.rejected += done["rejects"]
                if on_progress:
                    on_progress(len(partition.items))
                continue
            yield partition

    for result in map_unordered(
        client, analyze_partition, todo(), on_failure=reject_partition, label="batch"
    ):
        summary.documents += result["documents"]
        summary.rejected += result["rejects"]
        summary.failed += result.get("failed", 0)
        worker = result.get("worker")
        if worker:
            summary.peak_mb[worker] = max(summary.peak_mb.get(worker, 0.0), result["peak_mb"])
        if on_progress:
            on_progress(result["documents"] + result["rejects"])
    remove_temporaries(folder)
    summary.seconds = time.perf_counter() - started
    manifest |= {
        "complete": True,
        "partitions": summary.partitions,
        "documents": summary.documents,
        "rejects": summary.rejected,
    }
    write_json(folder / MANIFEST, manifest)
    return summary


def partitions(items: Iterable[Record | Rejection], size: int, folder: Path) -> Iterator[Partition]:
    """The input stream cut into numbered partitions of ``size`` items."""
    iterator = iter(items)
    number = 0
    while chunk := list(islice(iterator, size)):
        yield Partition(number, chunk, str(folder))
        number += 1


def start_manifest(folder: Path, inputs: list[str], size: int) -> dict:
    """Create ``folder`` and its manifest, or check an existing one describes this batch."""
    manifest = {
        "format": FORMAT,
        "svodka": __version__,
        "inputs": [str(Path(i).absolute()) if i != "-" else i for i in inputs],
        "partition_size": size,
    }
    path = folder / MANIFEST
    if path.exists():
        old = json.loads(path.read_text("utf-8"))
        same = {k: old.get(k) for k in manifest} == manifest
        if not same:
            raise BatchError(
                f"{folder} holds another batch (other inputs, partition size or svodka "
                "version); give a new --out folder"
            )
    elif folder.exists() and any(folder.iterdir()):
        raise BatchError(f"{folder} is not empty and holds no batch; give a new --out folder")
    folder.mkdir(parents=True, exist_ok=True)
    write_json(path, manifest)
    return manifest


# ------------------------------------------------------------------- on the workers


def analyze_partition(partition: Partition) -> dict:
    """Analyze one partition and write its tables (runs on a worker). Returns counts, the
    worker's address and its peak memory."""
    tables: dict[str, list[pa.Table]] = {name: [] for name in SCHEMAS}
    counts = {"documents": 0, "rejects": 0}
    for i in range(0, len(partition.items), CHUNK):
        outcomes = analyze_items(partition.items[i : i + CHUNK])
        for name, table in outcome_tables(outcomes).items():
            tables[name].append(table)
        counts["rejects"] += sum(isinstance(o, Rejection) for o in outcomes)
        counts["documents"] += sum(not isinstance(o, Rejection) for o in outcomes)
    merged = {name: pa.concat_tables(parts) for name, parts in tables.items()}
    write_partition(Path(partition.out), partition.number, merged)
    return counts | {"worker": worker_name(), "peak_mb": peak_mb()}


def outcome_tables(outcomes: list[Document | Rejection]) -> dict[str, pa.Table]:
    """The rows of analyzed documents and rejections, as one Arrow table per output table."""
    rows: dict[str, list[dict]] = {name: [] for name in SCHEMAS}
    for outcome in outcomes:
        if isinstance(outcome, Rejection):
            rows["rejects"].append({"source": outcome.source, "reason": outcome.reason})
            continue
        for name, values in document_rows(lean(outcome)).items():
            rows[name].extend(values)
    return {name: rows_table(rows[name], SCHEMAS[name]) for name in SCHEMAS}


def document_rows(doc: Document) -> dict[str, list[dict]]:
    """One document's rows in every table: the store's rows as an export writes them, each
    entity of the document carrying its type, Wikidata id and place. ``seq``,
    ``duplicate_of`` and ``ingested_at`` stay null: the store sets them on loading."""
    found = {table.name: rows for table, rows in analysis_rows(doc).items()}
    found["doc_entities"] = [
        row
        | {
            name: value
            for name, value in entity_row(e, [], e.wikidata).items()
            if name in ENTITY_FIELDS
        }
        for row, e in zip(found["doc_entities"], doc.entities, strict=True)
    ]
    document = {
        "id": doc.id,
        "hash": text_hash(doc.text),
        "title": doc.title,
        "text": doc.text,
        "published": doc.published,
        "source": doc.source,
        "url": doc.url,
        "version": __version__,
    }
    tables = {name: [parquet_row(name, row) for row in rows] for name, rows in found.items()}
    analysis = {"doc_id": doc.id, "analysis": dumps(doc)}
    return tables | {"documents": [document], "analyses": [analysis]}


def write_partition(folder: Path, number: int, tables: dict[str, pa.Table]) -> None:
    """Write a partition's files, each to a temporary name renamed into place; documents
    last, so its file appearing commits the partition."""
    name = part_name(number)
    for table_name in SCHEMAS:  # documents is last
        target = folder / table_name / name
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{name}.{uuid.uuid4().hex[:8]}.tmp")
        pq.write_table(tables[table_name], temporary)
        os.replace(temporary, target)


def reject_partition(partition: Partition, error: BaseException) -> dict:
    """A partition the cluster could not analyze even after retries (say a worker died
    on it each time): written with its records as rejects, so nothing is lost silently."""
    reason = failure(error, "on the cluster")
    rejected = [reject(item, reason) for item in partition.items]
    write_partition(Path(partition.out), partition.number, outcome_tables(rejected))
    return {"documents": 0, "rejects": len(rejected), "failed": 1}


def worker_name() -> str:
    try:
        from distributed import get_worker

        return get_worker().address
    except ValueError:  # not on a worker
        return f"pid:{os.getpid()}"


def peak_mb() -> float:
    """This process's peak resident memory, in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --------------------------------------------------------------------- the outputs


def is_complete(folder: Path, number: int) -> bool:
    return (folder / "documents" / part_name(number)).exists()


def count_rows(folder: Path, number: int) -> dict[str, int]:
    """Documents and rejects in a complete partition, from the files' footers."""
    return {
        name: pq.read_metadata(folder / name / part_name(number)).num_rows
        for name in ("documents", "rejects")
    }


def remove_temporaries(folder: Path) -> None:
    """Hidden leftovers of workers that died mid-write."""
    for path in folder.glob("*/.part-*.tmp"):
        path.unlink(missing_ok=True)


def write_json(path: Path, data: dict) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
    os.replace(temporary, path)


def read_manifest(folder: str | Path) -> dict:
    """The manifest of a batch output; BatchError if ``folder`` is not one."""
    path = Path(folder) / MANIFEST
    try:
        manifest = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        raise BatchError(
            f"{folder} is not a svodka batch output (no readable {MANIFEST})"
        ) from None
    if manifest.get("format") != FORMAT:
        raise BatchError(f"{path}: format {manifest.get('format')!r}, expected {FORMAT!r}")
    return manifest


def load_parquet(
    folder: str | Path,
    store: Store,
    *,
    batch_size: int = 64,
    on_progress: Callable[[int], None] | None = None,
) -> IngestSummary:
    """Store the documents and rejects of a batch output, partition by partition, through
    the same ``Store.add`` as ingest: texts already stored are skipped, near-duplicates
    marked, and each batch is one transaction, so an interrupted load resumes cleanly."""
    manifest = read_manifest(folder)
    if manifest["svodka"] != __version__:
        raise BatchError(
            f"{folder} was analyzed by svodka {manifest['svodka']}, this is {__version__}: "
            "load it with that version, or run the batch again"
        )
    started = time.perf_counter()
    summary = IngestSummary()
    root = Path(folder)
    for path in sorted((root / "documents").glob("part-*.parquet")):
        rejected = pq.read_table(root / "rejects" / path.name).to_pylist()
        summary.rejected += store.add_rejects(Rejection(r["source"], r["reason"]) for r in rejected)
        summary.read += len(rejected)
        analyses = pq.ParquetFile(root / "analyses" / path.name)
        for batch in analyses.iter_batches(batch_size, columns=["analysis"]):
            prepared = [prepare(from_dict(json.loads(a))) for a in batch.column(0).to_pylist()]
            counts = store.add(prepared)
            summary.read += len(prepared)
            summary.added += counts.added
            summary.duplicates += counts.duplicates
            summary.near_duplicates += counts.near_duplicates
            if on_progress:
                on_progress(len(prepared))
    summary.seconds = time.perf_counter() - started
    return summary
