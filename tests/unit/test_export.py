"""Exports on both backends: JSON Lines of the contract, Parquet tables, GKG-style TSV."""

from __future__ import annotations

import io
import json
from datetime import date

import jsonschema
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from tests.unit.test_query import RECORDS, db_of
from typer.testing import CliRunner

from svodka.schema import from_dict, json_schema
from svodka.store import prepare
from svodka.store.export import GKG_COLUMNS, PARQUET_TABLES, ExportError, export

pytestmark = pytest.mark.slow

runner = CliRunner()


@pytest.fixture(scope="module")
def prepared(pipeline):
    return [prepare(doc) for doc in pipeline.analyze_many(RECORDS)]


@pytest.fixture
def corpus(store, prepared):
    store.add(prepared)
    return store


def gkg_rows(store) -> tuple[list[str], list[dict[str, str]]]:
    stream = io.StringIO()
    export(store, "gkg", stream)
    header, *lines = stream.getvalue().rstrip("\n").split("\n")
    columns = header.split("\t")
    return columns, [dict(zip(columns, line.split("\t"), strict=True)) for line in lines]


# ------------------------------------------------------------------------------ jsonl


def test_jsonl_round_trips_through_the_contract(corpus):
    stream = io.StringIO()
    assert export(corpus, "jsonl", stream) == {"documents": 6}
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    for data in lines:
        jsonschema.validate(data, json_schema())
    docs = [from_dict(data) for data in lines]
    assert [d.id for d in docs] == ["a", "b", "c", "d", "e", "f"]
    assert {line["id"]: line["duplicate_of"] for line in lines}["d"] == "a"
    b = docs[1]
    assert b.published == date(2024, 2, 20) and b.source == "РИА Новости"
    assert "per:касым-жомарт токаев" in {e.key for e in b.entities}
    assert any(q.speaker_name == "Касым-Жомарт Токаев" for q in b.quotes)


def test_jsonl_to_a_file(corpus, tmp_path):
    path = tmp_path / "corpus.jsonl"
    export(corpus, "jsonl", path)
    assert len(path.read_text(encoding="utf-8").splitlines()) == 6


# ---------------------------------------------------------------------------- parquet


def test_parquet_writes_one_readable_file_per_table(corpus, tmp_path):
    counts = export(corpus, "parquet", tmp_path / "out")
    assert set(counts) == {table.name for table in PARQUET_TABLES}
    for name, count in counts.items():
        table = pq.read_table(tmp_path / "out" / f"{name}.parquet")
        assert table.num_rows == count == corpus.count(name), name
    assert counts["documents"] == 6 and counts["mentions"] > 20


def test_parquet_columns_have_proper_types(corpus, tmp_path):
    export(corpus, "parquet", tmp_path)
    documents = pq.read_table(tmp_path / "documents.parquet")
    assert "analysis" not in documents.column_names and "minhash" not in documents.column_names
    assert documents.schema.field("published").type == pa.date32()
    assert documents.schema.field("ingested_at").type == pa.timestamp("us")
    rows = {row["id"]: row for row in documents.to_pylist()}
    assert rows["a"]["published"] == date(2024, 1, 15) and rows["d"]["duplicate_of"] == "a"
    entities = pq.read_table(tmp_path / "entities.parquet").to_pylist()
    tokayev = next(e for e in entities if e["key"] == "per:касым-жомарт токаев")
    assert "Токаева" in tokayev["aliases"]
    kz = next(e for e in entities if e["key"] == "iso:KZ")
    assert kz["country"] == "KZ" and isinstance(kz["lat"], float)
    amounts = pq.read_table(tmp_path / "amounts.parquet")
    assert amounts.schema.field("value").type == pa.float64()
    assert amounts.schema.field("approx").type == pa.bool_()


def test_parquet_of_an_empty_store_has_the_schema(store, tmp_path):
    counts = export(store, "parquet", tmp_path)
    assert set(counts.values()) == {0}
    assert pq.read_table(tmp_path / "quotes.parquet").column_names[:3] == [
        "doc_id",
        "start",
        "stop",
    ]


def test_parquet_needs_a_directory(corpus):
    with pytest.raises(ExportError, match="directory"):
        export(corpus, "parquet", io.StringIO())


def test_unknown_format_is_refused(corpus):
    with pytest.raises(ExportError, match="expected one of jsonl, parquet, gkg"):
        export(corpus, "xml", io.StringIO())


# -------------------------------------------------------------------------------- gkg


def test_gkg_has_the_gkg_columns_and_one_row_per_original(corpus):
    columns, rows = gkg_rows(corpus)
    assert columns == list(GKG_COLUMNS) and len(columns) == 27
    assert [row["V2DOCUMENTIDENTIFIER"] for row in rows] == [
        "https://example.ru/a",
        "b",
        "c",
        "e",
        "f",
    ]
    a, b = rows[0], rows[1]
    assert a["GKGRECORDID"] == "20240115000000-1" and a["V2.1DATE"] == "20240115000000"
    assert (a["V2SOURCECOLLECTIONIDENTIFIER"], b["V2SOURCECOLLECTIONIDENTIFIER"]) == ("1", "2")
    assert b["V2SOURCECOMMONNAME"] == "РИА Новости"
    assert b["V1.5TONE"] == "" and b["V2GCAM"] == ""
    assert b["V2EXTRASXML"] == "<PAGE_TITLE>Токаев в Алматы</PAGE_TITLE>"


def test_gkg_names_locations_and_offsets(corpus):
    _, rows = gkg_rows(corpus)
    text = {r.id: r.text for r in RECORDS}
    b = rows[1]
    assert "Касым-Жомарт Токаев" in b["V1PERSONS"].split(";")
    for name, offset in (item.rsplit(",", 1) for item in b["V2ENHANCEDPERSONS"].split(";")):
        assert name == "Касым-Жомарт Токаев" and text["b"][int(offset) :].startswith(
            ("Касым", "Токаев")
        )
    almaty = b["V1LOCATIONS"].split("#")
    assert almaty[0] == "4" and almaty[1] == "Almaty, Kazakhstan" and almaty[2:4] == ["KZ", "KZ-75"]
    assert almaty[6] == "1526384"
    enhanced = b["V2ENHANCEDLOCATIONS"].split("#")
    assert len(enhanced) == 9 and text["b"][int(enhanced[8]) :].startswith("Алматы")
    country = next(loc for loc in rows[0]["V1LOCATIONS"].split(";") if "#Kazakhstan#" in loc)
    assert country.split("#")[0] == "1"
    assert "ТАСС" in rows[2]["V1ORGANIZATIONS"]


def test_gkg_quotes_amounts_and_dates(corpus):
    _, rows = gkg_rows(corpus)
    b, e = rows[1], rows[3]
    offset, length, verb, quote = b["V2.1QUOTATIONS"].split("#")[0].split("|")
    assert (verb, quote) == ("По словам", "завод даст городу 500 рабочих мест")
    assert RECORDS[1].text[int(offset) : int(offset) + int(length)] == quote
    assert b["V2.1AMOUNTS"].startswith("2000000000,RUB,")
    assert "500,место," in b["V2.1AMOUNTS"]
    assert "1#0#0#2023#" in e["V2.1ENHANCEDDATES"]  # «В прошлом году», a year


# ------------------------------------------------------------------------ command line


@pytest.mark.parametrize(("fmt", "lines"), [("jsonl", 6), ("gkg", 6)])  # gkg: header + 5
def test_cli_export_to_stdout(cli, corpus, fmt, lines):
    result = runner.invoke(cli, ["export", "--format", fmt, "--db", db_of(corpus)])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == lines
    assert "exported" in result.stderr


def test_cli_export_parquet_needs_out(cli, corpus, tmp_path):
    refused = runner.invoke(cli, ["export", "--format", "parquet", "--db", db_of(corpus)])
    assert refused.exit_code == 2
    done = runner.invoke(
        cli, ["export", "-f", "parquet", "--out", str(tmp_path), "--db", db_of(corpus)]
    )
    assert done.exit_code == 0 and (tmp_path / "mentions.parquet").is_file()


def test_cli_export_refuses_an_unknown_format_and_a_missing_db(cli, corpus, tmp_path):
    assert runner.invoke(cli, ["export", "-f", "xml", "--db", db_of(corpus)]).exit_code == 2
    missing = runner.invoke(cli, ["export", "-f", "jsonl", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and not (tmp_path / "none.db").exists()
