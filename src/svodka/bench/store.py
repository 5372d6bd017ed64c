"""``make bench``, corpus part: ingest throughput, search latency and store size.

    python -m svodka.bench.store --rucoco ../shared/data/rucoco-news --jobs 2

1. Ingest every RuCoCo article into a fresh SQLite store with ``jobs`` processes, and
   compare its articles/s with the bare pipeline over the same number of processes on the
   same texts, both timed from their processes' start (the issue's bar: ingest ≥ 80 % of
   bare).
2. Search latency, p50 and p95 over 100 typical queries (the most mentioned names, and
   topic words from ``tests/data/bench_queries.txt``), on that store.
3. The same queries on a store grown to 100,000 articles by copying the stored rows under
   distinct ids (what re-ingesting the corpus with new ids stores, without re-running
   the pipeline 30 times).
4. The store's size per 1,000 articles.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import text

from svodka.bench.pipeline import measure_processes
from svodka.corpus.ingest import ingest
from svodka.doc import Record
from svodka.store import Store
from svodka.store.entities import top_entities
from svodka.store.search import search

LARGE = 100_000
QUERIES = 100
#: Topic words, in the repository and not in the installed package: a benchmark's input.
TOPICS = Path("tests/data/bench_queries.txt")
#: Tables copied to grow the store (``fts`` and documents are handled apart).
COPIED = {
    "doc_entities": "doc_id, local_id, key, name, mentions",
    "mentions": "doc_id, local_id, key, start, stop, text",
    "roles": "doc_id, key, title, of_key, of_name, past",
    "quotes": "doc_id, start, stop, text, kind, speaker_key, speaker_name, cue, source",
    "amounts": "doc_id, start, stop, text, value, unit, approx, bound, low, high, object, per",
    "dates": "doc_id, start, stop, text, value, grain, relative",
    "durations": "doc_id, start, stop, text, value, unit, approx, bound, kind",
}


def load_records(folder: Path) -> list[Record]:
    """Every RuCoCo article as a record (id = file stem)."""
    paths = sorted(folder.glob("*.json"))
    if not paths:
        raise FileNotFoundError(f"no RuCoCo *.json articles in {folder}")
    return [Record(id=p.stem, text=json.loads(p.read_text("utf-8"))["text"]) for p in paths]


def measure_ingest(store: Store, records: list[Record], jobs: int) -> dict:
    """Ingest throughput against the bare pipeline's over the same texts and processes.

    Like for like, both from the start of their processes: ingest starts its workers
    itself, so its time includes their loading, and the bare pipeline's is its load plus
    its analysis (``ingest_over_bare``). ``ingest_over_bare_analysis`` is the older, mixed
    figure: the bare pipeline timed from its first article only.
    """
    summary = ingest(records, store, jobs=jobs)
    bare = measure_processes([r.text for r in records], jobs)
    bare_with_start = len(records) / (bare.load_s + bare.analysis_s)
    return {
        "articles": len(records),
        "jobs": jobs,
        "ingest_articles_per_s": summary.per_second,
        "ingest_seconds": summary.seconds,
        "bare_articles_per_s": bare.articles_per_s,
        "bare_with_start_articles_per_s": bare_with_start,
        "ingest_over_bare": summary.per_second / bare_with_start,
        "ingest_over_bare_analysis": summary.per_second / bare.articles_per_s,
        "added": summary.added,
        "near_duplicates": summary.near_duplicates,
    }


def typical_queries(store: Store, topics_file: Path = TOPICS) -> list[str]:
    """Topic words, and the most mentioned names up to 100 queries in all."""
    lines = (line.split("#", 1)[0].strip() for line in topics_file.read_text("utf-8").splitlines())
    topics = [line for line in lines if line]
    names = [row.name for row in top_entities(store, limit=QUERIES - len(topics))]
    return names + topics


def measure_search(store: Store, queries: list[str]) -> dict:
    """p50/p95 latency in ms over the queries (each run once after one warm-up pass)."""
    for query in queries[:10]:
        search(store, query)
    times = []
    hits = 0
    for query in queries:
        started = time.perf_counter()
        hits += bool(search(store, query, limit=20))
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "queries": len(queries),
        "with_hits": hits,
        "p50_ms": statistics.median(times),
        "p95_ms": times[math.ceil(0.95 * len(times)) - 1],  # nearest rank
    }


def grow(store: Store, target: int) -> int:
    """Copy every original document and its rows under new ids until ``target`` documents."""
    with store.engine.begin() as connection:
        base = connection.execute(text("SELECT count(*) FROM documents")).scalar_one()
        last = connection.execute(text("SELECT max(seq) FROM documents")).scalar_one()
        copies = max(0, -(-target // base) - 1)
        for k in range(1, copies + 1):
            suffix = f"~{k}"
            connection.execute(
                text(
                    "INSERT INTO documents (id, seq, hash, title, text, published, source, url, "
                    "duplicate_of, version, analysis, minhash, ingested_at) "
                    "SELECT id || :s, seq + :shift, hash || :s, title, text, published, source, "
                    "url, NULL, version, analysis, NULL, ingested_at FROM documents "
                    "WHERE id NOT LIKE '%~%'"
                ),
                {"s": suffix, "shift": k * last},
            )
            for table, columns in COPIED.items():
                select_columns = columns.replace("doc_id", "doc_id || :s", 1)
                connection.execute(
                    text(
                        f"INSERT INTO {table} ({columns}) SELECT {select_columns} FROM {table} "
                        "WHERE doc_id NOT LIKE '%~%'"
                    ),
                    {"s": suffix},
                )
            connection.execute(
                text(
                    "INSERT INTO fts (rowid, doc_id, body, about, dated) SELECT rowid + :shift, "
                    "doc_id || :s, body, about, dated FROM fts WHERE doc_id NOT LIKE '%~%'"
                ),
                {"s": suffix, "shift": k * last},
            )
        return connection.execute(text("SELECT count(*) FROM documents")).scalar_one()


def size_per_thousand(path: Path, documents: int) -> float:
    """MB per 1,000 articles, after folding the write-ahead log into the file."""
    store = Store.open(path)
    with store.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path.stat().st_size / 1e6 / documents * 1000


def run(rucoco: Path, jobs: int, large: int, topics: Path = TOPICS) -> dict:
    records = load_records(rucoco)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        store = Store.open(path)
        report = {"ingest": measure_ingest(store, records, jobs)}
        print_ingest(report["ingest"])  # the slow part: shown as soon as it is known
        documents = store.count("documents")
        queries = typical_queries(store, topics)
        report["search"] = measure_search(store, queries)
        store.close()
        report["mb_per_1000_articles"] = size_per_thousand(path, documents)
        if large:
            store = Store.open(path)
            report["large_documents"] = grow(store, large)
            report["search_large"] = measure_search(store, queries)
            store.close()
    return report


def print_ingest(i: dict) -> None:
    print(
        f"ingest: {i['articles']} RuCoCo articles, {i['jobs']} jobs: "
        f"{i['ingest_articles_per_s']:.1f} articles/s vs bare pipeline "
        f"{i['bare_with_start_articles_per_s']:.1f} → {i['ingest_over_bare']:.0%}, both "
        f"timed from their processes' start (bare {i['bare_articles_per_s']:.1f} once "
        f"loaded → {i['ingest_over_bare_analysis']:.0%}; "
        f"{i['near_duplicates']} near-duplicates marked)",
        flush=True,
    )


def print_report(report: dict) -> None:
    """The search and size figures (the ingest line is printed when measured)."""
    for key, label in (("search", "search"), ("search_large", "search at 100k")):
        if key in report:
            s = report[key]
            size = f" ({report['large_documents']:,} documents)" if key == "search_large" else ""
            print(
                f"{label}{size}: p50 {s['p50_ms']:.1f} ms, p95 {s['p95_ms']:.1f} ms over "
                f"{s['queries']} queries ({s['with_hits']} with hits)"
            )
    print(f"store size: {report['mb_per_1000_articles']:.1f} MB per 1,000 articles (SQLite)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rucoco", type=Path, required=True)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--large", type=int, default=LARGE, help="0 skips the large store")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--queries", type=Path, default=TOPICS, help="topic words, one a line")
    args = parser.parse_args(argv)
    try:
        report = run(args.rucoco, args.jobs, args.large, args.queries)
    except FileNotFoundError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
