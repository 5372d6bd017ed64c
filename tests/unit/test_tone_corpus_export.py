"""Tone in the exports, over hand-made documents: the four tone tables in ``--format
parquet`` and in a batch partition, the GKG V1.5TONE column (BigQuery's ``V2Tone``), the
contract's tone fields in ``jsonl``, and ``svodka export`` on the command line."""

from __future__ import annotations

import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from tests.unit.test_query import db_of
from tests.unit.test_tone_corpus_store import IVANOV, SCANDAL, corpus
from typer.testing import CliRunner

from svodka.corpus.batch import SCHEMAS, outcome_tables
from svodka.store import prepare
from svodka.store.export import export
from svodka.store.parquet import PARQUET_TABLES, parquet_schema

runner = CliRunner()
TONE_TABLES = ("document_tones", "entity_tones", "mention_tones", "quote_tones")


@pytest.fixture
def toned(store):
    store.add([prepare(doc) for doc in corpus()])
    return store


def gkg(store) -> dict[str, dict[str, str]]:
    """The GKG rows by document identifier (a document's id: these have no URL)."""
    stream = io.StringIO()
    export(store, "gkg", stream)
    header, *lines = stream.getvalue().rstrip("\n").split("\n")
    columns = header.split("\t")
    rows = [dict(zip(columns, line.split("\t"), strict=True)) for line in lines]
    return {row["V2DOCUMENTIDENTIFIER"]: row for row in rows}


def test_tone_corpus_export_parquet_has_the_tone_tables(toned, tmp_path):
    written = export(toned, "parquet", tmp_path)
    assert {name: written[name] for name in TONE_TABLES} == {
        "document_tones": 5,
        "entity_tones": 9,
        "mention_tones": 12,
        "quote_tones": 1,
    }
    assert set(PARQUET_TABLES) >= set(TONE_TABLES)
    entities = pq.read_table(tmp_path / "entity_tones")
    schema = entities.schema
    assert schema.field("mean").type == pa.float64()
    assert schema.field("negative").type == pa.int64()
    assert schema.field("published").type == pa.date32()
    scandal = [r for r in entities.to_pylist() if (r["doc_id"], r["key"]) == ("scandal", IVANOV)]
    assert [(r["negative"], r["neutral"], r["positive"], r["mean"]) for r in scandal] == [
        (1, 1, 0, -0.5)
    ]
    mentions = pq.read_table(tmp_path / "mention_tones").to_pylist()
    assert {r["label"] for r in mentions} == {-1, 0, 1}
    quotes = pq.read_table(tmp_path / "quote_tones").to_pylist()
    assert [(q["doc_id"], q["speaker_key"], q["label"]) for q in quotes] == [("said", IVANOV, 1)]


def test_tone_corpus_export_gkg_fills_the_tone_column(toned):
    rows = gkg(toned)
    assert "scandal-copy" not in rows  # a near-duplicate has no GKG row
    tone = rows["scandal"]["V1.5TONE"].split(",")
    assert tone == ["-33.33", "0", "33.3333", "33.3333", "", "", str(len(SCANDAL.split()))]
    assert rows["praise"]["V1.5TONE"].startswith("40,")  # (0.7 + 0.5 + 0) / 3 × 100
    assert rows["old"]["V1.5TONE"] == ""  # analyzed before the tone stage


def test_tone_corpus_export_jsonl_keeps_the_tones(toned):
    stream = io.StringIO()
    export(toned, "jsonl", stream)
    docs = {d["id"]: d for d in map(json.loads, stream.getvalue().splitlines())}
    assert docs["said"]["tone"] == {"negative": 0, "neutral": 1, "positive": 1, "mean": 0.15}
    assert docs["said"]["quotes"][0]["tone"] == {"label": 1, "score": 0.6}
    assert docs["old"]["tone"] is None


def test_tone_corpus_export_batch_partition_has_the_tone_tables():
    tables = outcome_tables(corpus())
    assert set(TONE_TABLES) <= set(SCHEMAS) and list(SCHEMAS)[-1] == "documents"
    assert all(SCHEMAS[name] == parquet_schema(name) for name in TONE_TABLES)
    assert {name: tables[name].num_rows for name in TONE_TABLES} == {
        "document_tones": 5,
        "entity_tones": 9,
        "mention_tones": 12,
        "quote_tones": 1,
    }


def test_tone_corpus_export_cli_gkg_and_parquet(cli, toned, tmp_path):
    result = runner.invoke(cli, ["export", "--format", "gkg", "--db", db_of(toned)])
    assert result.exit_code == 0, result.output
    header, *lines = result.stdout.splitlines()
    column = header.split("\t").index("V1.5TONE")
    assert sum(bool(line.split("\t")[column]) for line in lines) == 4  # 5 originals, 1 untoned
    done = runner.invoke(
        cli, ["export", "-f", "parquet", "--out", str(tmp_path), "--db", db_of(toned)]
    )
    assert done.exit_code == 0 and (tmp_path / "document_tones" / "part-00000.parquet").is_file()
