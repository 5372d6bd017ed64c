"""Scale-out on a real Dask LocalCluster: the batch gives what one process gives, a killed
worker loses and doubles nothing, and the store loaded from Parquet or filled through
``ingest --cluster`` equals a plain ingest."""

import json
import os
import signal
import socket
import subprocess
import sys
from itertools import islice
from pathlib import Path

import dask
import pyarrow.parquet as pq
import pytest

from svodka.corpus.batch import (
    SCHEMAS,
    BatchError,
    analyze_partition,
    is_complete,
    load_parquet,
    outcome_tables,
    part_name,
    read_manifest,
    run_batch,
    write_partition,
)
from svodka.corpus.cluster import ClusterError, connect, map_ordered, map_unordered
from svodka.corpus.ingest import ingest
from svodka.corpus.workers import analyze_items
from svodka.io.readers import read_records
from svodka.store import Store
from svodka.store.export import export
from svodka.store.parquet import PARQUET_TABLES
from tests.stores import snapshot

pytestmark = pytest.mark.slow

SAMPLE = Path(__file__).parents[1] / "examples" / "corpus" / "wikinews.jsonl"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """30 real articles, with a near-duplicate, an exact copy, a broken line and an
    English one among them."""
    lines = list(islice(SAMPLE.read_text("utf-8").splitlines(), 30))
    first = json.loads(lines[3])
    lines.insert(10, json.dumps({**first, "id": "copy"}, ensure_ascii=False))
    near = {**first, "id": "near", "text": first["text"] + " Источник: ТАСС."}
    lines.insert(20, json.dumps(near, ensure_ascii=False))
    lines.insert(5, '{"id": "broken", "text": ')
    english = "The president of Kazakhstan met the president of Russia in Sochi on Friday."
    lines.insert(15, json.dumps({"id": "english", "text": english}))
    path = tmp_path_factory.mktemp("corpus") / "news.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


@pytest.fixture(scope="module")
def client():
    with connect(local=2) as client:
        yield client


@pytest.fixture(scope="module")
def expected(corpus) -> dict[str, list]:
    """Every output table as one process makes it."""
    items = list(read_records([corpus]))
    return rows_of({name: [t] for name, t in outcome_tables(analyze_items(items)).items()})


@pytest.fixture(scope="module")
def batch_out(corpus, client, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("batch") / "out"
    run_batch(read_records([corpus]), out, client, inputs=[str(corpus)], size=4)
    return out


def rows_of(tables: dict[str, list]) -> dict[str, list]:
    """Sorted rows of each table (a table given as a list of Arrow tables)."""
    return {
        name: sorted((tuple(row.values()) for t in parts for row in t.to_pylist()), key=repr)
        for name, parts in tables.items()
    }


def read_output(out: Path) -> dict[str, list]:
    """The batch's tables read back as datasets, the way pandas or DuckDB read them."""
    return rows_of({name: [pq.read_table(out / name)] for name in SCHEMAS})


def test_batch_equals_one_process(batch_out, expected):
    found = read_output(batch_out)
    assert found == expected
    assert len(found["documents"]) == 32  # 30 articles, the copy and the near-duplicate
    reasons = " ".join(row[1] for row in found["rejects"])
    assert "broken JSON" in reasons and "not Russian" in reasons


def test_batch_writes_partitions_and_a_manifest(batch_out, corpus):
    manifest = read_manifest(batch_out)
    assert manifest["complete"] and manifest["partitions"] == 9  # 34 records by 4
    assert manifest["documents"] == 32 and manifest["rejects"] == 2
    for name in SCHEMAS:
        assert sorted(p.name for p in (batch_out / name).iterdir()) == [
            part_name(i) for i in range(9)
        ]
    documents = pq.read_table(batch_out / "documents")
    assert documents.schema == SCHEMAS["documents"]
    entities = pq.read_table(batch_out / "doc_entities").to_pylist()
    assert any(e["country"] and e["lat"] is not None for e in entities)
    assert not (batch_out / "entities").exists()  # corpus-wide: only an export has it


def test_rerun_redoes_only_missing_partitions(batch_out, corpus, client, expected):
    (batch_out / "documents" / part_name(2)).unlink()
    summary = run_batch(read_records([corpus]), batch_out, client, inputs=[str(corpus)], size=4)
    assert (summary.partitions, summary.skipped) == (9, 8)
    assert (summary.documents, summary.rejected) == (32, 2)
    assert read_output(batch_out) == expected


def test_batch_refuses_a_folder_of_another_batch(batch_out, corpus, client, tmp_path):
    with pytest.raises(BatchError, match="another batch"):
        run_batch(iter([]), batch_out, client, inputs=[str(corpus)], size=8)
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(BatchError, match="not empty"):
        run_batch(iter([]), tmp_path, client, inputs=[str(corpus)])
    with pytest.raises(BatchError, match="not a svodka batch"):
        load_parquet(tmp_path, None)


def test_killed_worker_loses_and_doubles_nothing(corpus, expected, tmp_path):
    out = tmp_path / "out"
    killed: list[int] = []
    with connect(local=2) as client:

        def kill_a_busy_worker(_done: int) -> None:
            if killed:
                return
            busy = [worker for worker, keys in client.processing().items() if keys]
            pid = client.run(os.getpid, workers=busy[:1])[busy[0]]
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

        records = read_records([corpus])
        run_batch(
            records, out, client, inputs=[str(corpus)], size=4, on_progress=kill_a_busy_worker
        )
        alive = set(client.run(os.getpid).values())
    assert killed and killed[0] not in alive  # the kill happened; the nanny started another
    found = read_output(out)
    assert found == expected
    assert len({row[0] for row in found["documents"]}) == len(found["documents"])
    assert not list(out.glob("*/.*.tmp"))


def test_a_crash_mid_partition_commits_nothing(tmp_path, monkeypatch):
    tables = outcome_tables([])
    written = []

    def fail_on_documents(table, where):
        written.append(Path(where).parent.name)
        if Path(where).parent.name == "documents":
            raise OSError("disk full")
        Path(where).write_bytes(b"partial")

    monkeypatch.setattr(pq, "write_table", fail_on_documents)
    with pytest.raises(OSError):
        write_partition(tmp_path, 0, tables)
    assert written[-1] == "documents" and len(written) == len(SCHEMAS)
    assert not is_complete(tmp_path, 0)  # readers see no documents, a rerun redoes it
    assert not (tmp_path / "documents" / part_name(0)).exists()


def test_maps_keep_order_or_not_read_ahead_little_and_survive_failures(client):
    pulled = []

    def numbers():
        for i in range(40):
            pulled.append(i)
            yield str(i) if i != 7 else "seven"

    results = map_ordered(client, int, numbers(), on_failure=lambda item, error: -1)
    first = next(results)
    assert first == 0 and len(pulled) <= 2 * 2 + 1  # two per worker thread in flight
    rest = list(results)
    assert [first, *rest] == [*range(7), -1, *range(8, 40)]
    pulled.clear()
    results = map_unordered(client, int, numbers(), on_failure=lambda item, error: -1)
    first = next(results)
    assert len(pulled) <= 2 * 2 + 1
    assert sorted([first, *results]) == [-1, *range(7), *range(8, 40)]


def test_partition_on_a_worker_reports_its_memory_and_runs_unprofiled(corpus, tmp_path, client):
    from svodka.corpus.batch import Partition

    items = list(islice(read_records([corpus]), 3))
    result = client.submit(analyze_partition, Partition(0, items, str(tmp_path))).result()
    assert result["documents"] == 3 and result["worker"].startswith("tcp://")
    assert 100 < result["peak_mb"] < 2000
    assert is_complete(tmp_path, 0)
    profiling = client.run(lambda: dask.config.get("distributed.worker.profile.enabled"))
    assert set(profiling.values()) == {False}  # the sampling profiler costs pipeline speed


def test_load_parquet_equals_a_plain_ingest(batch_out, corpus, tmp_path):
    plain, loaded = tmp_path / "plain.db", tmp_path / "loaded.db"
    with Store.open(plain) as store:
        ingest(read_records([corpus]), store, jobs=1)
    with Store.open(loaded) as store:
        summary = load_parquet(batch_out, store)
        again = load_parquet(batch_out, store)
    assert snapshot(loaded) == snapshot(plain)
    assert (summary.added, summary.duplicates, summary.near_duplicates) == (31, 1, 1)
    assert again.added == 0 and again.duplicates == 32
    with Store.open(loaded) as store:
        export(store, "parquet", tmp_path / "export")
    shared = set(SCHEMAS) & set(PARQUET_TABLES)
    assert shared == set(PARQUET_TABLES) - {"entities"}  # one layout: same names, same columns
    for name in shared:
        exported = pq.read_table(tmp_path / "export" / name)
        assert exported.schema == pq.read_table(batch_out / name).schema, name


def test_ingest_on_a_cluster_equals_a_plain_ingest(corpus, client, tmp_path):
    plain, clustered = tmp_path / "plain.db", tmp_path / "cluster.db"
    with Store.open(plain) as store:
        ingest(read_records([corpus]), store, jobs=1, batch_size=8)
    with Store.open(clustered) as store:
        summary = ingest(read_records([corpus]), store, client=client, batch_size=8)
    assert snapshot(clustered) == snapshot(plain)
    assert (summary.added, summary.rejected) == (31, 2)


def test_an_unreachable_scheduler_is_a_clear_error():
    with (
        pytest.raises(ClusterError, match="cannot reach the Dask scheduler"),
        connect("tcp://127.0.0.1:1", timeout="1s"),
    ):
        pass


def test_cli_batch_then_load_parquet(corpus, tmp_path):
    from typer.testing import CliRunner

    from svodka.cli.main import app

    runner = CliRunner()
    out, db = tmp_path / "out", tmp_path / "x.db"
    result = runner.invoke(
        app, ["batch", str(corpus), "--out", str(out), "--local", "1", "--partition-size", "16"]
    )
    assert result.exit_code == 0, result.output
    assert "documents" in result.output and "32" in result.output
    result = runner.invoke(app, ["load-parquet", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with Store.open(db) as store:
        assert store.count() == 31 and store.count("rejects") == 2
    result = runner.invoke(app, ["load-parquet", str(tmp_path), "--db", str(db)])
    assert result.exit_code == 1 and "not a svodka batch" in result.output


def test_batch_on_a_cluster_started_with_the_dask_commands(corpus, tmp_path):
    """What docs/scale.md has a user run: ``dask scheduler``, ``dask worker``, then
    ``svodka batch --cluster``, each its own process."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    dask = str(Path(sys.executable).with_name("dask"))
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    scheduler = subprocess.Popen(
        [dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"], **quiet
    )
    worker = subprocess.Popen(
        [dask, "worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard"], **quiet
    )
    out = tmp_path / "out"
    try:
        command = [sys.executable, "-m", "svodka", "batch", str(corpus), "--out", str(out)]
        result = subprocess.run(
            [*command, "--cluster", address], capture_output=True, text=True, timeout=600
        )
    finally:
        for process in (worker, scheduler):
            process.terminate()
            process.wait(timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    manifest = read_manifest(out)
    assert manifest["complete"] and (manifest["documents"], manifest["rejects"]) == (32, 2)
