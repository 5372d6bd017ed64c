"""``make bench``, scale-out part: ``svodka batch`` and ``ingest --cluster`` on Dask.

    python -m svodka.bench.batch --rucoco ../shared/data/rucoco-news

On the same RuCoCo articles, in one run:

1. ``svodka batch --local 1`` and ``--local 2`` into Parquet: articles/s once the cluster
   is up (its start, which loads the pipeline on every worker, is reported apart), the
   speed-up of two workers over one (the issue's bar: ≥ 1.8×), and the peak memory of a
   worker process (goal: ≤ 500 MB).
2. The plain multiprocess ingest (``--jobs N``) against the same ingest with the analysis
   on an N-worker LocalCluster, both timed from start to end: what Dask costs over
   ``multiprocessing`` for the same work.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from svodka.bench.store import load_records
from svodka.corpus.batch import PARTITION, run_batch
from svodka.corpus.cluster import connect
from svodka.corpus.ingest import ingest
from svodka.doc import Record
from svodka.store import Store


def measure_batch(records: list[Record], workers: int, out: Path) -> dict:
    """One batch over ``records`` on a fresh LocalCluster of ``workers`` processes."""
    started = time.perf_counter()
    with connect(local=workers) as client:
        start_s = time.perf_counter() - started
        summary = run_batch(records, out, client, inputs=["bench"], size=PARTITION)
    return {
        "workers": workers,
        "articles": summary.documents + summary.rejected,
        "start_s": start_s,
        "run_s": summary.seconds,
        "articles_per_s": summary.per_second,
        "with_start_articles_per_s": len(records) / (start_s + summary.seconds),
        "peak_mb_per_worker": max(summary.peak_mb.values()),
    }


def measure_ingests(records: list[Record], jobs: int, folder: Path) -> dict:
    """Plain ingest with ``jobs`` processes vs ingest on a ``jobs``-worker LocalCluster."""
    with Store.open(folder / "plain.db") as store:
        plain = ingest(records, store, jobs=jobs)
    started = time.perf_counter()
    with connect(local=jobs) as client, Store.open(folder / "cluster.db") as store:
        ingest(records, store, client=client)
        clustered = time.perf_counter() - started
    return {
        "jobs": jobs,
        "plain_articles_per_s": len(records) / plain.seconds,
        "cluster_articles_per_s": len(records) / clustered,
        "cluster_over_plain": plain.seconds / clustered,
    }


def run(rucoco: Path, jobs: int, limit: int = 0) -> dict:
    records = load_records(rucoco)[: limit or None]
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        one = measure_batch(records, 1, root / "local1")
        print_batch(one)
        many = measure_batch(records, jobs, root / f"local{jobs}")
        print_batch(many)
        report = {"batch": [one, many], "speedup": one["run_s"] / many["run_s"]}
        report["speedup_with_start"] = (one["start_s"] + one["run_s"]) / (
            many["start_s"] + many["run_s"]
        )
        report["ingest"] = measure_ingests(records, jobs, root)
        plain = report["ingest"]["plain_articles_per_s"]
        report["batch_over_plain_ingest"] = many["with_start_articles_per_s"] / plain
    return report


def print_batch(b: dict) -> None:
    print(
        f"batch --local {b['workers']}: {b['articles']} RuCoCo articles at "
        f"{b['articles_per_s']:.1f} articles/s after a {b['start_s']:.1f} s cluster start "
        f"({b['with_start_articles_per_s']:.1f}/s with it); peak "
        f"{b['peak_mb_per_worker']:.0f} MB per worker",
        flush=True,
    )


def print_report(report: dict) -> None:
    i = report["ingest"]
    print(
        f"batch speed-up, {report['batch'][1]['workers']} workers over 1: "
        f"{report['speedup']:.2f}× ({report['speedup_with_start']:.2f}× with the start)\n"
        f"ingest, {i['jobs']} jobs: plain {i['plain_articles_per_s']:.1f} articles/s, on a "
        f"LocalCluster {i['cluster_articles_per_s']:.1f} → {i['cluster_over_plain']:.0%} of "
        f"plain\nbatch --local {i['jobs']} into Parquet, start included: "
        f"{report['batch_over_plain_ingest']:.0%} of the plain ingest's articles/s"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rucoco", type=Path, required=True)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    try:
        report = run(args.rucoco, args.jobs, args.limit)
    except FileNotFoundError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
