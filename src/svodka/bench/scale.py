"""``make bench-scale``: search latency and store size as a store grows to 100,000 documents.

    python -m svodka.bench.scale --rucoco ../shared/data/rucoco-news --queries bench/queries.txt

1. Analyse the first ``--articles`` RuCoCo articles once into a SQLite store (``jobs``
   processes), and the bare pipeline over the same texts and processes: ingest articles/s
   against bare articles/s, measured in the same run.
2. Copy that store into PostgreSQL when ``SVODKA_TEST_PG`` (or ``--pg``) names a server:
   the bench creates its own database next to the one named, and drops it at the end.
3. Grow each store to 10k, 30k and 100k documents by copying the analysed rows under new
   ids (each copy dated a few weeks later, so date ranges stay selective), and at each size
   time the benchmark queries three ways: plain, with an entity filter, with a date range.
4. Print one JSON line last: ``<backend>_<kind>_p50_ms`` / ``_p95_ms`` at 100k, the same
   per size under ``sizes``, store MB per 1,000 documents, and the ingest ratio.

Each query runs ``PASSES`` times per kind and size after a short warm-up, and counts with
its median time; p95 is the nearest rank over those medians.
The query list lives outside the installed package (``bench/queries.txt``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import create_engine, select, text

from svodka.bench.scale_plot import plot_svg
from svodka.bench.store import measure_ingest as measure_ingest_rates
from svodka.doc import Record
from svodka.store import Store, facets, fts
from svodka.store.schema import metadata
from svodka.store.search import Filters, search
from svodka.store.store import database_url

SIZES = (10_000, 30_000, 100_000)
QUERIES = Path("bench/queries.txt")
KINDS = ("text", "entity", "date")
#: Passes per kind and size; a query counts with its median (one slow run moved p95 by half).
PASSES = 3
#: Days between one copy of the corpus and the next.
COPY_SHIFT_DAYS = 23


@dataclass(frozen=True, slots=True)
class BenchQuery:
    """One line of the query list: words, an entity for the filtered run, a date range."""

    words: str
    entity: str
    date_from: date
    date_to: date

    def filters(self, kind: str) -> Filters:
        """The filters of this query's ``kind`` run (text, entity, date)."""
        if kind == "entity":
            return Filters(entity=self.entity)
        if kind == "date":
            return Filters(date_from=self.date_from, date_to=self.date_to)
        return Filters()


def read_queries(path: Path) -> list[BenchQuery]:
    """``words<TAB>entity<TAB>YYYY-MM-DD..YYYY-MM-DD`` lines; ``#`` starts a comment."""
    found = []
    for line in path.read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        words, entity, dates = line.split("\t")
        start, stop = dates.split("..")
        found.append(BenchQuery(words, entity, date.fromisoformat(start), date.fromisoformat(stop)))
    return found


def load_records(folder: Path, limit: int) -> list[Record]:
    """The first ``limit`` RuCoCo articles (sorted by name) as records: the first line as
    title, the rubric of the file name («2001_finance_…») as source, and a date in the
    year of the file name, the day drawn from the name's hash."""
    paths = sorted(folder.glob("*.json"))[:limit]
    if not paths:
        raise FileNotFoundError(f"no RuCoCo *.json articles in {folder}")
    records = []
    for path in paths:
        body = json.loads(path.read_text("utf-8"))["text"]
        year, rubric = [*path.stem.split("_"), "", ""][:2]
        day = int(hashlib.sha256(path.stem.encode()).hexdigest(), 16) % 365
        published = date(int(year), 1, 1) + timedelta(days=day) if year.isdecimal() else None
        title = body.strip().split("\n", 1)[0][:300]
        records.append(Record(path.stem, body, title, published, rubric or None))
    return records


def measure_ingest(store: Store, records: list[Record], jobs: int) -> dict:
    """Ingest articles/s into ``store`` against the bare pipeline's over the same texts
    (:func:`svodka.bench.store.measure_ingest`), rounded for the report."""
    found = measure_ingest_rates(store, records, jobs)
    keys = ("articles", "jobs", "ingest_articles_per_s", "bare_articles_per_s")
    keys += ("bare_with_start_articles_per_s", "ingest_over_bare", "ingest_over_bare_analysis")
    return {
        key: round(found[key], 3) if isinstance(found[key], float) else found[key] for key in keys
    }


# ------------------------------------------------------------------------ the stores


def copy_store(source: Store, target: Store) -> None:
    """Every row of ``source`` into the empty, migrated ``target`` (another backend), the
    full-text index rebuilt from the texts."""
    skip = {"meta"}
    with source.engine.connect() as reading, target.engine.begin() as writing:
        for table in metadata.sorted_tables:
            if table.name in skip:
                continue
            rows = [dict(row._mapping) for row in reading.execute(select(table))]
            for i in range(0, len(rows), 500):
                writing.execute(table.insert(), rows[i : i + 500])
        writing.execute(text("DELETE FROM fts"))
        writing.execute(
            text(
                "INSERT INTO fts (doc_id, seq, tsv) SELECT id, seq, "
                "to_tsvector('russian', coalesce(title, '') || chr(10) || text) FROM documents"
            )
        )
        facets.index_facets(writing)


def grow(store: Store, target: int) -> int:
    """Copy the original documents and their rows under new ids («id~k») until the store
    holds ``target`` documents; how many it holds."""
    sqlite = store.backend == "sqlite"
    with store.engine.begin() as connection:
        base = connection.execute(
            text("SELECT count(*), max(seq) FROM documents WHERE id NOT LIKE '%~%'")
        ).one()
        count = connection.execute(text("SELECT count(*) FROM documents")).scalar_one()
        copy = count // base[0]
        while count < target:
            wanted = min(base[0], target - count)
            cut = connection.execute(
                text(
                    "SELECT seq FROM documents WHERE id NOT LIKE '%~%' ORDER BY seq "
                    "LIMIT 1 OFFSET :n"
                ),
                {"n": wanted - 1},
            ).scalar_one()
            copy_once(connection, copy, base[1], cut, sqlite)
            count += wanted
            copy += 1
        if sqlite:
            connection.exec_driver_sql("ANALYZE")
    if not sqlite:  # what autovacuum does in a live store: statistics and visibility
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.exec_driver_sql("VACUUM ANALYZE")
    return count


def copy_once(connection, k: int, last_seq: int, cut: int, sqlite: bool) -> None:
    """Copy ``k`` of the original documents up to ``seq`` ``cut``, dated later."""
    days = k * COPY_SHIFT_DAYS
    shifted = f"date(published, '+{days} days')" if sqlite else f"published + {days}"
    params = {"s": f"~{k}", "shift": k * last_seq, "cut": cut}
    kept = "FROM documents WHERE id NOT LIKE '%~%' AND seq <= :cut"
    originals, original_seqs = f"SELECT id {kept}", f"SELECT seq {kept}"
    connection.execute(
        text(
            "INSERT INTO documents (id, seq, hash, title, text, published, source, url, "
            "duplicate_of, version, analysis, minhash, ingested_at) "
            "SELECT id || :s, seq + :shift, substr(hash, 1, 64 - length(:s)) || :s, title, "
            f"text, {shifted}, source, url, NULL, version, analysis, NULL, ingested_at {kept}"
        ),
        params,
    )
    for table in per_document_tables():
        columns = [c.name for c in table.c if c.name != "id"]  # ``id``: autoincrement
        chosen = ", ".join("doc_id || :s" if c == "doc_id" else f'"{c}"' for c in columns)
        listed = ", ".join(f'"{c}"' for c in columns)
        connection.execute(
            text(
                f"INSERT INTO {table.name} ({listed}) SELECT {chosen} FROM {table.name} "
                f"WHERE doc_id IN ({originals})"
            ),
            params,
        )
    # the copy's filters' tokens: its entities' and source's as they are, its day's anew
    if sqlite:
        day = "coalesce(strftime('y%Y m%Y%m d%Y%m%d', c.published), '')"
        columns, copied = "rowid, body, about, dated", f"f.rowid + :shift, f.body, f.about, {day}"
    else:
        block = f"ARRAY['{fts.TAG_MARK}b' || (f.seq / {fts.BLOCK})]"
        old, new = f"{day_tags('o.published')} || {block}", day_tags("c.published")
        tagged = f"array_to_tsvector({new}) || {fts.block_tag('f.seq + :shift')}"
        columns, copied = "seq, tsv", f"f.seq + :shift, ts_delete(f.tsv, {old}) || {tagged}"
    connection.execute(
        text(
            f"INSERT INTO fts (doc_id, {columns}) SELECT c.id, {copied} FROM fts f "
            "JOIN documents c ON c.id = f.doc_id || :s JOIN documents o ON o.id = f.doc_id "
            f"WHERE f.{'rowid' if sqlite else 'seq'} IN ({original_seqs})"
        ),
        params,
    )


def day_tags(published: str) -> str:
    """PostgreSQL: the lexemes a day is tagged with in ``tsv`` (``fts.tags``), as text[]."""
    mark = fts.TAG_MARK
    pattern = f'"{mark}y"YYYY "{mark}m"YYYYMM "{mark}d"YYYYMMDD'
    return f"coalesce(string_to_array(to_char({published}, '{pattern}'), ' '), '{{}}')"


def per_document_tables() -> list:
    """The tables whose rows hang off one document (``fts`` apart: it differs by backend)."""
    return [t for t in metadata.sorted_tables if "doc_id" in t.c and t.name != "fts"]


def store_mb(store: Store, path: Path | None) -> float:
    """The store's size on disk in MB: the SQLite file (write-ahead log folded in), or the
    PostgreSQL database."""
    with store.engine.connect() as connection:
        if store.backend == "sqlite":
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            return path.stat().st_size / 1e6
        size = connection.execute(text("SELECT pg_database_size(current_database())"))
        return size.scalar_one() / 1e6


# ----------------------------------------------------------------------- measurement


def measure_search(store: Store, queries: list[BenchQuery]) -> dict:
    """Per kind: p50/p95 ms over each query's median of ``PASSES`` passes, and hits."""
    for query in queries[:10]:
        search(store, query.words)
    report = {}
    for kind in KINDS:
        times: list[list[float]] = [[] for _ in queries]
        found = 0
        for _ in range(PASSES):
            found = 0
            for query, taken in zip(queries, times, strict=True):
                started = time.perf_counter()
                found += bool(search(store, query.words, query.filters(kind), limit=20))
                taken.append((time.perf_counter() - started) * 1000)
        medians = [statistics.median(taken) for taken in times]
        report[kind] = {**percentiles(medians), "with_hits": found}
    return report


def percentiles(times: list[float]) -> dict:
    """p50 and p95 (nearest rank) in ms, rounded to 0.1."""
    ordered = sorted(times)
    p95 = ordered[math.ceil(0.95 * len(ordered)) - 1]
    return {"p50_ms": round(statistics.median(ordered), 1), "p95_ms": round(p95, 1)}


def measure_backend(store: Store, path: Path | None, queries, sizes) -> dict:
    """Grow ``store`` through ``sizes``, timing the queries and weighing it at each."""
    found = {}
    for size in sizes:
        started = time.perf_counter()
        documents = grow(store, size)
        grown = time.perf_counter() - started
        result = {"documents": documents, "grow_s": round(grown, 1)}
        result["search"] = measure_search(store, queries)
        result["mb_per_1000"] = round(store_mb(store, path) / documents * 1000, 2)
        found[size] = result
        print_size(store.backend, result)
    return found


def print_size(backend: str, result: dict) -> None:
    """One line per size as it is measured (the bench is long)."""
    s = result["search"]
    kinds = ", ".join(
        f"{k} p50 {s[k]['p50_ms']} / p95 {s[k]['p95_ms']} ms ({s[k]['with_hits']} found)"
        for k in KINDS
    )
    print(
        f"{backend} {result['documents']:,} documents ({result['grow_s']} s to grow, "
        f"{result['mb_per_1000']} MB per 1,000): {kinds}",
        flush=True,
    )


def pg_bench_url(url: str) -> str:
    """A fresh database ``<name>_scale`` on the server of ``url``; its URL."""
    base, name = url.rsplit("/", 1)
    name = name.split("?", 1)[0] + "_scale"
    admin = create_engine(database_url(url), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    return f"{base}/{name}"


def drop_pg(url: str, bench_url: str) -> None:
    """Drop the bench's own database."""
    admin = create_engine(database_url(url), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{bench_url.rsplit("/", 1)[1]}"')
    admin.dispose()


def run(args: argparse.Namespace) -> dict:
    """The whole bench; the summary that the last line prints."""
    queries = read_queries(args.queries)
    sizes = tuple(args.sizes)
    report: dict = {"queries": len(queries), "sizes": {}}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "scale.db"
        if args.base and args.base.exists():  # an analysed store kept by an earlier run
            shutil.copy(args.base, path)
            store = Store.open(path)
        else:
            store = Store.open(path)
            records = load_records(args.rucoco, args.articles)
            report["ingest"] = measure_ingest(store, records, args.jobs)
            print(f"ingest: {json.dumps(report['ingest'])}", flush=True)
            if args.base:
                store_mb(store, path)  # the write-ahead log folded in
                shutil.copy(path, args.base)
        backends = {"sqlite": (store, path)}
        bench_url = None
        if args.pg:
            bench_url = pg_bench_url(args.pg)
            pg = Store.open(bench_url)
            copy_store(store, pg)
            backends["pg"] = (pg, None)
        try:
            for name, (opened, where) in backends.items():
                report["sizes"][name] = measure_backend(opened, where, queries, sizes)
        finally:
            for opened, _ in backends.values():
                opened.close()
            if bench_url:
                drop_pg(args.pg, bench_url)
    return summarize(report, sizes[-1])


def summarize(report: dict, largest: int) -> dict:
    """The flat keys of the last line: ``<backend>_<kind>_p50_ms`` … at the largest size,
    ``<backend>_mb_per_1000_docs``, ``<backend>_p95_growth`` (largest over smallest)."""
    flat: dict = {}
    for backend, sizes in report["sizes"].items():
        top, low = sizes[largest], sizes[min(sizes)]
        for kind in KINDS:
            for stat in ("p50_ms", "p95_ms"):
                flat[f"{backend}_{kind}_{stat}"] = top["search"][kind][stat]
            growth = top["search"][kind]["p95_ms"] / max(low["search"][kind]["p95_ms"], 0.1)
            flat[f"{backend}_{kind}_p95_growth"] = round(growth, 2)
        flat[f"{backend}_mb_per_1000_docs"] = top["mb_per_1000"]
    if "ingest" in report:
        flat.update({k: v for k, v in report["ingest"].items() if k != "jobs"})
    return {**flat, "documents": largest, "queries": report["queries"], "detail": report}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rucoco", type=Path, default=Path("../shared/data/rucoco-news"))
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--articles", type=int, default=1000, help="articles analysed once")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--pg", default=os.environ.get("SVODKA_TEST_PG"), help="server URL")
    parser.add_argument("--base", type=Path, help="an analysed SQLite store: reused or kept")
    parser.add_argument("--json", type=Path, help="also write the whole report here")
    parser.add_argument("--plot", type=Path, help="write the p95 growth curve here (SVG)")
    args = parser.parse_args(argv)
    try:
        summary = run(args)
    except FileNotFoundError as error:
        print(f"bench-scale: {error}", file=sys.stderr)
        return 2
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    detail = summary.pop("detail")
    if args.plot:
        args.plot.write_text(plot_svg(detail["sizes"]), "utf-8")
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
