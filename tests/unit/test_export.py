"""Exports on both backends: JSON Lines of the contract, Parquet tables, GKG-style TSV, and
the events as PLOVER-style JSON Lines and TSV."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import jsonschema
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from tests.unit.test_query import RECORDS, db_of
from tests.unit.test_store_events import PUTIN, SOCHI, TOKAYEV
from tests.unit.test_store_events import corpus as event_corpus
from typer.testing import CliRunner

from svodka.schema import from_dict, json_schema
from svodka.store import prepare
from svodka.store.export import GKG_COLUMNS, ExportError, export
from svodka.store.parquet import PARQUET_TABLES, parquet_schema
from svodka.store.plover import TSV_COLUMNS

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


def test_parquet_writes_a_dataset_per_table(corpus, tmp_path):
    counts = export(corpus, "parquet", tmp_path / "out")
    assert set(counts) == set(PARQUET_TABLES)
    for name, count in counts.items():
        parts = sorted(p.name for p in (tmp_path / "out" / name).iterdir())
        assert parts == ["part-00000.parquet"], name
        table = pq.read_table(tmp_path / "out" / name)
        assert table.num_rows == count == corpus.count(name), name
        assert table.schema == parquet_schema(name), name
    assert counts["documents"] == 6 and counts["mentions"] > 20


def test_parquet_again_replaces_the_parts(corpus, tmp_path):
    export(corpus, "parquet", tmp_path)
    (tmp_path / "quotes" / "part-00007.parquet").write_bytes(b"stale")
    export(corpus, "parquet", tmp_path)
    assert [p.name for p in (tmp_path / "quotes").iterdir()] == ["part-00000.parquet"]


def test_parquet_refuses_the_folder_of_a_batch(cli, corpus, tmp_path):
    (tmp_path / "_batch.json").write_text("{}")
    with pytest.raises(ExportError, match="batch output"):
        export(corpus, "parquet", tmp_path)
    args = ["export", "-f", "parquet", "-o", str(tmp_path), "--db", db_of(corpus)]
    refused = runner.invoke(cli, args)
    assert refused.exit_code == 1 and "batch output" in refused.stderr


def test_parquet_columns_have_proper_types(corpus, tmp_path):
    export(corpus, "parquet", tmp_path)
    documents = pq.read_table(tmp_path / "documents")
    assert "analysis" not in documents.column_names and "minhash" not in documents.column_names
    assert documents.schema.field("published").type == pa.date32()
    assert documents.schema.field("ingested_at").type == pa.timestamp("us", tz="UTC")
    rows = {row["id"]: row for row in documents.to_pylist()}
    assert rows["a"]["published"] == date(2024, 1, 15) and rows["d"]["duplicate_of"] == "a"
    ingested = rows["a"]["ingested_at"]
    assert ingested.utcoffset() == timedelta(0)
    assert abs(datetime.now(UTC) - ingested) < timedelta(hours=1)  # UTC, not local time
    entities = pq.read_table(tmp_path / "entities").to_pylist()
    tokayev = next(e for e in entities if e["key"] == "per:касым-жомарт токаев")
    assert "Токаева" in tokayev["aliases"]
    kz = next(e for e in entities if e["key"] == "iso:KZ")
    assert kz["country"] == "KZ" and isinstance(kz["lat"], float)
    amounts = pq.read_table(tmp_path / "amounts")
    assert amounts.schema.field("value").type == pa.float64()
    assert amounts.schema.field("approx").type == pa.bool_()


def test_parquet_doc_entities_carry_type_and_place(corpus, tmp_path):
    export(corpus, "parquet", tmp_path)
    rows = pq.read_table(tmp_path / "doc_entities").to_pylist()
    assert len(rows) == corpus.count("doc_entities")
    kz = next(r for r in rows if r["key"] == "iso:KZ")
    assert (kz["type"], kz["country"], kz["place_kind"]) == ("LOC", "KZ", "country")
    assert {"doc_id", "local_id", "mentions", "wikidata", "lat"} <= set(kz)


def test_parquet_dates_carry_the_days_they_cover(corpus, tmp_path):
    export(corpus, "parquet", tmp_path)
    table = pq.read_table(tmp_path / "dates")
    assert table.schema.field("date_start").type == pa.date32()
    assert table.schema.field("date_end").type == pa.date32()
    for row in table.to_pylist():
        value = row["value"]
        if value is None:
            assert row["date_start"] is row["date_end"] is None
            continue
        assert row["date_start"].isoformat().startswith(value)
        if row["grain"] not in ("decade", "century"):  # those run past their first year
            assert row["date_end"].isoformat().startswith(value)
        assert row["date_start"] <= row["date_end"]


def test_parquet_of_an_empty_store_has_the_schema(store, tmp_path):
    counts = export(store, "parquet", tmp_path)
    assert set(counts.values()) == {0}
    assert pq.read_table(tmp_path / "quotes").column_names[:3] == ["doc_id", "start", "stop"]


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
    assert len(b["V1.5TONE"].split(",")) == 7 and b["V2GCAM"] == ""  # the tone stage's
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
    assert done.exit_code == 0 and (tmp_path / "mentions" / "part-00000.parquet").is_file()


def test_cli_export_refuses_an_unknown_format_and_a_missing_db(cli, corpus, tmp_path):
    assert runner.invoke(cli, ["export", "-f", "xml", "--db", db_of(corpus)]).exit_code == 2
    missing = runner.invoke(cli, ["export", "-f", "jsonl", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and not (tmp_path / "none.db").exists()


# ----------------------------------------------------------------------------- events


@pytest.fixture
def eventful(store):
    """The hand-made documents of ``test_store_events``: 5 events, 2 more in a
    near-duplicate, with a URL on one of them."""
    docs = event_corpus()
    docs[0] = replace(docs[0], url="https://example.ru/sochi", source="ТАСС")
    store.add([prepare(doc) for doc in docs])
    return store


def test_events_jsonl_one_plover_record_per_event_of_the_originals(eventful):
    stream = io.StringIO()
    assert export(eventful, "events", stream) == {"events": 5}
    records = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [r["id"] for r in records] == [
        "accuse:v1",
        "accuse:v2",
        "future:v1",
        "sochi:v1",
        "sochi:v2",
    ]  # the near-duplicate «sochi-copy» left out
    talks = records[3]
    assert (talks["event_type"], talks["quad_class"], talks["date"]) == (
        "CONSULT",
        "verbal cooperation",
        "2024-10-04",
    )
    assert talks["source"] == {"name": "Владимир Путин", "key": PUTIN}
    assert talks["target"] == {"name": "Касым-Жомарт Токаев", "key": TOKAYEV}
    assert talks["place"] == {"name": "Сочи", "key": SOCHI}
    assert [a["key"] for a in talks["actors"]] == [PUTIN, TOKAYEV]
    assert (talks["url"], talks["published"], talks["outlet"]) == (
        "https://example.ru/sochi",
        "2024-10-04",
        "ТАСС",
    )
    assert talks["text"] == "Владимир Путин и Касым-Жомарт Токаев провели переговоры в Сочи"
    attack = records[1]
    assert attack["source"] == {"name": "боевики", "key": None} and attack["target"] is None
    assert attack["actors"] == [{"name": "боевики", "key": None}]
    june = records[4]
    assert (june["date_start"], june["date_end"]) == ("2024-06-01", "2024-06-30")
    assert records[2]["modality"] == "future"


def test_events_tsv_one_row_per_event_under_a_header(eventful, tmp_path):
    path = tmp_path / "events.tsv"
    assert export(eventful, "events-tsv", path) == {"events": 5}
    header, *lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    assert tuple(header.split("\t")) == TSV_COLUMNS
    rows = [dict(zip(TSV_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    assert [r["id"] for r in rows] == [
        "accuse:v1",
        "accuse:v2",
        "future:v1",
        "sochi:v1",
        "sochi:v2",
    ]
    accuse, attack = rows[0], rows[1]
    assert (accuse["source_key"], accuse["target_key"], accuse["mode"]) == (
        TOKAYEV,
        PUTIN,
        "disapprove",
    )
    assert accuse["actor_names"] == "Касым-Жомарт Токаев;Владимир Путин"
    assert (attack["source_key"], attack["source_name"], attack["actor_keys"]) == (
        "",
        "боевики",
        "",
    )
    assert (attack["negated"], attack["date"], attack["url"]) == ("false", "", "")
    assert rows[3]["place_name"] == "Сочи" and rows[3]["url"] == "https://example.ru/sochi"


def test_events_parquet_has_the_events_table_with_actor_lists(eventful, tmp_path):
    counts = export(eventful, "parquet", tmp_path)
    assert counts["events"] == 7 == eventful.count("events")  # every stored row
    table = pq.read_table(tmp_path / "events")
    assert table.schema.field("actors").type == pa.list_(pa.string())
    assert table.schema.field("date_start").type == pa.date32()
    first = table.to_pylist()[0]
    assert (first["doc_id"], first["event_id"], first["actors"]) == (
        "accuse",
        "v1",
        ["Касым-Жомарт Токаев", "Владимир Путин"],
    )


def test_events_of_a_store_without_events_are_a_header(store):
    stream = io.StringIO()
    assert export(store, "events-tsv", stream) == {"events": 0}
    assert stream.getvalue() == "\t".join(TSV_COLUMNS) + "\n"


def test_cli_export_events_to_stdout_and_tsv_to_a_file(cli, eventful, tmp_path):
    result = runner.invoke(cli, ["export", "--format", "events", "--db", db_of(eventful)])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["event_type"] for line in result.stdout.splitlines()] == [
        "ACCUSE",
        "ASSAULT",
        "AGREE",
        "CONSULT",
        "CONSULT",
    ]
    assert "exported 5 events" in result.stderr
    out = tmp_path / "events.tsv"
    done = runner.invoke(
        cli, ["export", "-f", "events-tsv", "--out", str(out), "--db", db_of(eventful)]
    )
    assert done.exit_code == 0, done.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 6  # header + 5
