"""Every export read the way its users read it, with DuckDB and with pandas: the Parquet
datasets of ``export --format parquet`` and of a batch (one layout, the same tables and
columns), range queries on the days a date covers, UTC timestamps, and the JSON Lines and
TSV files. The documents are written by hand (no pipeline), the dates invented.
"""

from __future__ import annotations

import csv
import io
import time
from datetime import UTC, date, datetime

import pytest

from svodka.doc import DateMention, Document, Entity, Event, Mention, Place, Quote
from svodka.store import prepare
from svodka.store.export import export
from svodka.store.parquet import PARQUET_TABLES, date_span, utc

duckdb = pytest.importorskip("duckdb")
pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

ALMATY = Place(1526384, "Almaty", "city", "KZ", "KZ-75", 43.25, 76.92, 2000900)
MAY = "Соглашение подписали 3 мая 2024 года в Алматы, а в апреле министры готовили его."
YEARS = "В 2023 году завод не работал. В девяностые годы его закрывали, в XX веке строили."
FRIDAY = "Иванов заявил: «Встреча будет в пятницу»."
KEY = "geonames:1526384"
#: The formats that write one file, and its name.
FILES = {
    "jsonl": "docs.jsonl",
    "gkg": "gkg.tsv",
    "events": "events.jsonl",
    "events-tsv": "events.tsv",
}


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def date_of(text: str, words: str, value: str | None, grain: str) -> DateMention:
    return DateMention(*span(text, words), words, value, value is not None, grain)


def documents() -> list[Document]:
    """Three invented articles: six dates, one of each precision and one unresolved, a
    city, a person, a quote and an event."""
    almaty = Mention(*span(MAY, "Алматы"), "Алматы")
    ivanov = Mention(*span(FRIDAY, "Иванов"), "Иванов")
    said = "Встреча будет в пятницу"
    return [
        Document(
            "may",
            MAY,
            title="Соглашение",
            published=date(2024, 5, 20),
            source="Тест",
            entities=(Entity("e1", "LOC", "Алматы", (almaty,), place=ALMATY, key=KEY),),
            dates=(
                date_of(MAY, "3 мая 2024 года", "2024-05-03", "day"),
                date_of(MAY, "в апреле", "2024-04", "month"),
            ),
            events=(
                Event("v1", "AGREE", "подписали", 0, MAY.index(","), place="e1", date="2024-05-03"),
            ),
        ),
        Document(
            "years",
            YEARS,
            published=date(2024, 6, 1),
            dates=(
                date_of(YEARS, "В 2023 году", "2023", "year"),
                date_of(YEARS, "В девяностые годы", "1990", "decade"),
                date_of(YEARS, "XX веке", "1900", "century"),
            ),
        ),
        Document(
            "friday",
            FRIDAY,
            entities=(Entity("e1", "PER", "Иванов", (ivanov,), key="per:иванов"),),
            quotes=(Quote(*span(FRIDAY, said), said, "direct", speaker="e1", cue="заявил"),),
            dates=(date_of(FRIDAY, "в пятницу", None, "day"),),
        ),
    ]


@pytest.fixture
def exported(store, tmp_path):
    """The documents stored and exported in every format: (folder, rows per format)."""
    store.add([prepare(doc) for doc in documents()])
    counts = export(store, "parquet", tmp_path / "parquet")
    for fmt, name in FILES.items():
        counts[fmt] = sum(export(store, fmt, tmp_path / name).values())
    return tmp_path, counts


@pytest.fixture
def batch_out(tmp_path):
    """The same documents as a batch writes them: two partitions."""
    from svodka.corpus.batch import outcome_tables, write_partition

    docs = documents()
    write_partition(tmp_path / "batch", 0, outcome_tables(docs[:2]))
    write_partition(tmp_path / "batch", 1, outcome_tables(docs[2:]))
    return tmp_path / "batch"


def count(sql: str) -> int:
    return duckdb.execute(sql).fetchone()[0]


def dataset(folder, name: str) -> str:
    return f"read_parquet('{folder / name}/*.parquet')"


def test_export_duckdb_reads_every_parquet_table(exported):
    folder, counts = exported
    for name in PARQUET_TABLES:
        assert count(f"select count(*) from {dataset(folder / 'parquet', name)}") == counts[name]
        assert len(pd.read_parquet(folder / "parquet" / name)) == counts[name], name
    assert (counts["documents"], counts["dates"], counts["doc_entities"]) == (3, 6, 2)


@pytest.mark.parametrize("where", ["parquet", "batch"])
def test_export_duckdb_filters_dates_by_the_days_they_cover(exported, batch_out, where):
    folder = exported[0] / "parquet" if where == "parquet" else batch_out
    dates = dataset(folder, "dates")
    spring = "date_start between DATE '2024-04-01' and DATE '2024-05-31'"
    assert count(f"select count(*) from {dates} where {spring}") == 2  # «3 мая», «в апреле»
    covering = "DATE '1995-06-01' between date_start and date_end"
    assert count(f"select count(*) from {dates} where {covering}") == 2  # the 1990s, XX век
    assert count(f"select count(*) from {dates} where date_start is null") == 1  # «в пятницу»
    types = duckdb.execute(f"select typeof(date_start), typeof(date_end) from {dates} limit 1")
    assert types.fetchone() == ("DATE", "DATE")
    frame = pd.read_parquet(folder / "dates")
    after = frame[frame["date_start"] >= date(2023, 1, 1)]
    assert sorted(after["value"]) == ["2023", "2024-04", "2024-05-03"]


def test_export_duckdb_batch_and_export_have_one_layout(exported, batch_out):
    folder = exported[0] / "parquet"
    shared = set(PARQUET_TABLES) - {"entities"}  # one row per key: a corpus has it, not a batch
    assert {p.name for p in batch_out.iterdir()} == shared | {"analyses", "rejects"}
    for name in shared:
        mine = duckdb.execute(f"describe select * from {dataset(folder, name)}").fetchall()
        theirs = duckdb.execute(f"describe select * from {dataset(batch_out, name)}").fetchall()
        assert mine == theirs, name
        assert count(f"select count(*) from {dataset(batch_out, name)}") == exported[1][name]


def test_export_duckdb_joins_document_entities_to_the_corpus_entities(exported):
    folder = exported[0] / "parquet"
    joined = duckdb.execute(
        f"select d.doc_id, d.type, d.country, e.aliases from {dataset(folder, 'doc_entities')} d "
        f"join {dataset(folder, 'entities')} e using (key) order by d.doc_id"
    ).fetchall()
    assert joined == [("friday", "PER", None, ["Иванов"]), ("may", "LOC", "KZ", ["Алматы"])]


def test_export_duckdb_timestamps_are_utc(exported):
    folder = exported[0] / "parquet"
    documents = dataset(folder, "documents")
    kind = duckdb.execute(f"select typeof(ingested_at) from {documents} limit 1").fetchone()[0]
    assert kind == "TIMESTAMP WITH TIME ZONE"
    recent = "ingested_at > now() - interval 1 hour and ingested_at <= now() + interval 1 minute"
    assert count(f"select count(*) from {documents} where {recent}") == 3
    frame = pd.read_parquet(folder / "documents")
    assert str(frame["ingested_at"].dt.tz) == "UTC"


def test_export_duckdb_reads_the_json_lines_and_tsv_files(exported):
    folder, counts = exported
    for fmt in ("jsonl", "events"):
        path = folder / FILES[fmt]
        sql = f"select count(*) from read_json('{path}', format='newline_delimited')"
        assert count(sql) == counts[fmt]
        assert len(pd.read_json(path, lines=True)) == counts[fmt]
    for fmt in ("gkg", "events-tsv"):
        path = folder / FILES[fmt]
        sql = f"select count(*) from read_csv('{path}', delim='\\t', header=true, quote='')"
        assert count(sql) == counts[fmt]
        assert len(pd.read_csv(path, sep="\t", quoting=csv.QUOTE_NONE)) == counts[fmt]
    assert (counts["jsonl"], counts["gkg"], counts["events"], counts["events-tsv"]) == (3, 3, 1, 1)
    event = duckdb.execute(
        f"select date_start, place.name from read_json('{folder / 'events.jsonl'}')"
    ).fetchone()
    assert event == (date(2024, 5, 3), "Алматы")


@pytest.mark.parametrize(
    ("value", "grain", "expected"),
    [
        ("2024-05-03", "day", ("2024-05-03", "2024-05-03")),
        ("2024-02", "month", ("2024-02-01", "2024-02-29")),
        ("2024-02", "week", ("2024-02-01", "2024-02-29")),
        ("2023", "year", ("2023-01-01", "2023-12-31")),
        ("2023", "season", ("2023-01-01", "2023-12-31")),
        ("1980", "decade", ("1980-01-01", "1989-12-31")),
        ("1800", "century", ("1800-01-01", "1899-12-31")),
        (None, "day", (None, None)),
    ],
)
def test_export_duckdb_date_span_covers_the_grain(value, grain, expected):
    found = date_span(value, grain)
    assert tuple(d.isoformat() if d else None for d in found) == expected


def test_export_duckdb_naive_store_time_is_local_time(monkeypatch):
    """The store keeps ``datetime.now()`` without a zone: Moscow's noon is 09:00 UTC."""
    monkeypatch.setenv("TZ", "Europe/Moscow")
    time.tzset()
    try:
        assert utc(datetime(2024, 5, 3, 12, 0)) == datetime(2024, 5, 3, 9, 0, tzinfo=UTC)
    finally:
        monkeypatch.undo()
        time.tzset()


def test_export_duckdb_gkg_date_of_an_undated_document_is_utc(exported):
    folder = exported[0]
    rows = list(csv.DictReader(io.StringIO((folder / "gkg.tsv").read_text()), delimiter="\t"))
    friday = next(r for r in rows if r["V2DOCUMENTIDENTIFIER"] == "friday")
    stamp = datetime.strptime(friday["V2.1DATE"], "%Y%m%d%H%M%S").replace(tzinfo=UTC)
    assert abs((datetime.now(UTC) - stamp).total_seconds()) < 3600
