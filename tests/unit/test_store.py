"""The store on both backends: idempotent ingest, duplicates, rejects, ids, reanalysis;
concurrent writers, readers that close their connections, text the store cannot hold."""

import json
import os
import threading

import pytest
from sqlalchemy import select
from sqlalchemy.pool import NullPool

from svodka.corpus.ingest import ingest
from svodka.doc import Record, Rejection
from svodka.lang.text import fold_name
from svodka.store import Prepared, Store, browse, graph, prepare, profile, quotes, search, stats
from svodka.store import entities as entity_queries
from svodka.store.checks import QueryError
from svodka.store.engine import open_engine
from svodka.store.entities import match_level
from svodka.store.migrations import SCHEMA_VERSION, create_v6, create_v9, schema_version
from svodka.store.rows import text_hash
from svodka.store.schema import (
    documents,
    durations,
    entities,
    entity_names,
    entity_word_starts,
    rejects,
)

pytestmark = pytest.mark.slow

BODY = (
    "Президент Казахстана Касым-Жомарт Токаев прилетел в Сочи на переговоры с Владимиром "
    "Путиным. Стороны обсудили торговлю, энергетику и транспорт. По словам Токаева, "
    "товарооборот двух стран в этом году вырастет на 30%. Министерство иностранных дел "
    "России сообщило, что следующая встреча пройдет в Алма-Ате осенью."
)
OTHER = (
    "В Новоуральске открыли новый завод. Губернатор Свердловской области Евгений Куйвашев "
    "сказал, что предприятие даст городу 500 рабочих мест. Инвестиции составили 2 млрд "
    "рублей, сообщает ТАСС."
)


def records(*texts, prefix="doc"):
    return [Record(id=f"{prefix}{i}", text=t) for i, t in enumerate(texts)]


def test_store_migrates_to_the_current_schema(store):
    with store.engine.connect() as connection:
        assert schema_version(connection) == SCHEMA_VERSION >= 1


def test_ingest_twice_adds_nothing_the_second_time(store):
    first = ingest(records(BODY, OTHER), store, jobs=1)
    again = ingest(records(BODY, OTHER), store, jobs=1)
    assert (first.added, again.added, again.duplicates) == (2, 0, 2)
    assert store.count("documents") == 2


def test_durations_are_rows_of_their_own(store):
    text = "Переговоры в Сочи длились три дня. Соглашение подписано на пять лет."
    ingest(records(text), store, jobs=1)
    with store.engine.connect() as connection:
        query = select(durations.c.text, durations.c.value, durations.c.unit, durations.c.kind)
        rows = sorted(connection.execute(query).all())
    assert rows == [
        ("на пять лет", "P5Y", "year", "duration"),
        ("три дня", "P3D", "day", "duration"),
    ]


def test_entities_are_shared_across_documents_by_key(store):
    ingest(records(BODY, BODY.replace("Сочи", "Москве") + " Подробности позже."), store, jobs=1)
    with store.engine.connect() as connection:
        rows = connection.execute(select(entities.c.key, entities.c.aliases)).all()
    keys = [key for key, _ in rows]
    assert len(keys) == len(set(keys))
    aliases = dict(rows)
    assert "per:касым-жомарт токаев" in aliases
    assert {"Касым-Жомарт Токаев", "Токаева"} <= set(json.loads(aliases["per:касым-жомарт токаев"]))
    assert any(key.startswith("org:министерство иностранный дело") for key in aliases)


def test_entity_names_index_every_alias_folded_and_a_rebuild_gives_the_same(store):
    ingest(records(BODY), store, jobs=1)
    ingest(records(BODY + " Токаеву вручили орден.", OTHER, prefix="more"), store, jobs=1)
    with store.engine.begin() as connection:
        aliases = dict(connection.execute(select(entities.c.key, entities.c.aliases)).all())
        indexed = set(connection.execute(select(entity_names.c.name, entity_names.c.key)).all())
        create_v6(connection)
        rebuilt = set(connection.execute(select(entity_names.c.name, entity_names.c.key)).all())
        keys = entity_queries.resolve_keys(connection, "токаева")
    expected = {(fold_name(a), k) for k, names in aliases.items() for a in json.loads(names)}
    assert ("токаеву", "per:касым-жомарт токаев") in expected  # an alias the second ingest added
    assert indexed == rebuilt == expected
    assert keys == ["per:касым-жомарт токаев"]


def test_word_starts_find_what_a_scan_of_every_name_finds(store):
    ingest(records(BODY), store, jobs=1)
    ingest(records(BODY + " Токаеву вручили орден.", OTHER, prefix="more"), store, jobs=1)
    with store.engine.begin() as connection:
        indexed = set(connection.execute(select(entity_word_starts)).all())
        create_v9(connection)
        rebuilt = set(connection.execute(select(entity_word_starts)).all())
        rows = connection.execute(select(entities.c.key, entities.c.name, entities.c.aliases))
        names = {key: [fold_name(n) for n in [name, *json.loads(a)]] for key, name, a in rows}
        found = {
            wanted: set(entity_queries.match_entities(connection, wanted, None))
            for wanted in ("токаев", "жомарт", "касым-жомарт т", "министерство ин", "ток")
        }
    assert indexed == rebuilt and ("жом", "per:касым-жомарт токаев") in indexed
    for wanted, keys in found.items():
        scanned = {k for k, folded in names.items() if match_level(wanted, folded) is not None}
        assert keys == scanned and keys, wanted


def test_near_duplicate_is_stored_and_points_at_the_original(store):
    copy = BODY + " Об этом сообщает корреспондент."
    summary = ingest(records(BODY, OTHER, copy), store, jobs=1)
    assert (summary.added, summary.near_duplicates) == (3, 1)
    with store.engine.connect() as connection:
        marks = dict(connection.execute(select(documents.c.id, documents.c.duplicate_of)).all())
    assert marks == {"doc0": None, "doc1": None, "doc2": "doc0"}


def test_rejects_are_recorded_once_with_their_reason(store):
    items = [*records(BODY), Rejection("bad.bin", "binary file, not text")]
    first = ingest(items, store, jobs=1)
    again = ingest(items, store, jobs=1)
    assert (first.rejected, again.rejected) == (1, 1)  # seen by each run, stored once
    assert store.count("rejects") == 1


def test_a_taken_id_with_another_text_gets_a_suffix(store):
    ingest([Record(id="article", text=BODY)], store, jobs=1)
    ingest([Record(id="article", text=OTHER)], store, jobs=1)
    with store.engine.connect() as connection:
        ids = sorted(row[0] for row in connection.execute(select(documents.c.id)))
    assert ids[0] == "article" and ids[1].startswith("article-") and len(ids) == 2


def test_reanalyze_replaces_the_analysis_of_stale_documents(store, pipeline):
    ingest(records(BODY), store, jobs=1)
    with store.engine.begin() as connection:
        connection.execute(documents.update().values(version="0.0.1"))
    stale = store.stored_records()
    assert [r.id for r in stale] == ["doc0"]
    mentions_before = store.count("mentions")
    store.replace_analysis([prepare(doc) for doc in pipeline.analyze_many(stale)])
    assert store.stored_records() == []
    assert store.count("mentions") == mentions_before


# ------------------------------------------------------------------ concurrency and input


def same_store(store) -> Store:
    """Another ``Store`` (its own engine and connections) over the database of ``store``."""
    return Store.open(store.engine.url.render_as_string(hide_password=False))


class Locked:
    """A pipeline two threads may share: one analysis at a time, results read whole (the
    models are not thread-safe). Writes are not held by it."""

    def __init__(self, pipeline):
        self.pipeline = pipeline
        self.lock = threading.Lock()

    def analyze_many(self, records, **options):
        with self.lock:
            return iter(list(self.pipeline.analyze_many(records, **options)))


def short_texts(count: int, offset: int = 0) -> list[str]:
    return [
        f"Губернатор Свердловской области Евгений Куйвашев открыл завод номер {n}. "
        f"Предприятие даст работу {100 + n} жителям."
        for n in range(offset, offset + count)
    ]


def test_two_writers_adding_at_once_store_every_document_once(store, pipeline):
    texts = short_texts(24)
    docs = pipeline.analyze_many([Record(f"doc{i}", t) for i, t in enumerate(texts)])
    items = [prepare(doc) for doc in docs]
    other = same_store(store)
    failures: list[BaseException] = []

    def add_one_by_one(target: Store, order: list[Prepared]) -> None:
        try:
            for item in order:
                target.add([item], [Rejection(f"bad-{item.doc.id}", "binary")])
        except BaseException as error:  # reported by the assertion below
            failures.append(error)

    writers = [
        threading.Thread(target=add_one_by_one, args=(store, items)),
        threading.Thread(target=add_one_by_one, args=(other, items[::-1])),
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    other.close()
    assert failures == []
    with store.engine.connect() as connection:
        rows = connection.execute(select(documents.c.id, documents.c.seq)).all()
    assert sorted(doc_id for doc_id, _ in rows) == sorted(f"doc{i}" for i in range(24))
    assert sorted(seq for _, seq in rows) == list(range(1, 25))
    assert store.count("rejects") == 24


def test_two_ingests_at_once_on_one_store(store, pipeline):
    shared = Locked(pipeline)
    first, second = short_texts(12), short_texts(12, offset=6)  # six texts in both
    other = same_store(store)
    summaries, failures = [], []

    def run(target: Store, texts: list[str], prefix: str) -> None:
        try:
            found = records(*texts, prefix=prefix)
            summaries.append(ingest(found, target, pipeline=shared, batch_size=1))
        except BaseException as error:  # reported by the assertion below
            failures.append(error)

    threads = [
        threading.Thread(target=run, args=(store, first, "a")),
        threading.Thread(target=run, args=(other, second, "b")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    other.close()
    assert failures == []
    assert store.count("documents") == 18  # each of the 18 texts once
    assert sum(s.added for s in summaries) == 18


def test_readers_read_every_result_before_releasing_their_connection(store, pipeline):
    """With no pool, a released connection is closed at once: a result read after its
    ``with`` block ends fails. Every reader must give the same answer as over a pool."""
    ingest(records(BODY, OTHER), store, jobs=1)
    url = store.engine.url.render_as_string(hide_password=False)
    unpooled = Store(open_engine(url, poolclass=NullPool))
    key = "per:касым-жомарт токаев"
    for target in (store, unpooled):
        answers = [
            graph.cooccurrence_graph(target),
            graph.cooccurrence_graph(target, entity="Токаев", query="переговоры"),
            search.search(target, "переговоры"),
            search.search(target, "", search.Filters(entity="Токаев")),
            entity_queries.find_entities(target, "Токаев"),
            entity_queries.top_entities(target),
            profile.profile(target, key),
            quotes.quotes(target, speaker="Токаев"),
            browse.document_page(target, search.NO_FILTERS, 10),
            browse.stored_analysis(target, "doc0"),
            browse.place_counts(target),
            browse.known_keys(target, [key]),
            browse.shared_documents(target, [key, "iso:RU"]),
            browse.newest_published(target),
            stats.stats(target),
            target.known_hashes([text_hash(BODY)]),
            target.stored_records(stale_only=False),
        ]
        if target is store:
            expected = answers
    unpooled.close()
    assert answers == expected
    assert answers[0].documents == 2 and answers[2][0].doc_id == "doc0"


def test_records_the_store_cannot_hold_are_rejected_and_the_rest_stored(store):
    items = [
        Record("\udfff", BODY),  # a JSON escape or an undecodable file name
        Record("nul", OTHER + "\x00"),
        Record("fine", OTHER, title="Заголовок \ud800"),
        Record("good", BODY + " Подробности позже."),
        Rejection("папка/\udcff.txt", "binary file, not text"),
    ]
    summary = ingest(items, store, jobs=1)
    assert (summary.added, summary.rejected) == (1, 4)
    with store.engine.connect() as connection:
        stored = connection.execute(select(documents.c.id)).scalars().all()
        reasons = dict(connection.execute(select(rejects.c.source, rejects.c.reason)).all())
    assert stored == ["good"]
    assert reasons == {
        "\\udfff": "id contains a lone surrogate (U+DFFF), which is not valid Unicode",
        "nul": "text contains a NUL character (U+0000)",
        "fine": "title contains a lone surrogate (U+D800), which is not valid Unicode",
        "папка/\\udcff.txt": "binary file, not text",
    }


@pytest.mark.parametrize(
    "ask",
    [
        lambda s: search.search(s, "Токаев\x00"),
        lambda s: search.search(s, "", search.Filters(source="ТАСС\x00")),
        lambda s: search.search(s, "", search.Filters(entity="\x00")),
        lambda s: browse.document_page(s, search.Filters(source="\x00"), 10),
        lambda s: graph.cooccurrence_graph(s, entity="Токаев\x00"),
        lambda s: graph.cooccurrence_graph(s, query="\x00"),
        lambda s: entity_queries.find_entities(s, "\x00"),
        lambda s: entity_queries.top_entities(s, type="PER\x00"),
        lambda s: profile.profile(s, "per:\x00"),
        lambda s: quotes.quotes(s, speaker="\x00"),
        lambda s: quotes.quotes(s, about="\udfff"),
        lambda s: browse.stored_analysis(s, "doc\x00"),
        lambda s: browse.known_keys(s, ["\x00"]),
        lambda s: browse.place_counts(s, ["\x00"]),
    ],
)
def test_every_query_refuses_text_the_store_cannot_take(store, ask):
    """PostgreSQL refuses NUL in text (the driver raised DataError, a 500 on the web):
    every query refuses it itself, on both backends, with an error the web maps to 422."""
    with pytest.raises(QueryError, match=r"contains a (NUL character|lone surrogate)"):
        ask(store)


def test_a_folder_with_an_undecodable_file_name_stores_the_rest(store, tmp_path):
    from svodka.io.readers import read_records

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(BODY, encoding="utf-8")
    bad = os.path.join(os.fsencode(folder), b"\xff.txt")  # not UTF-8: «\udcff» in Python
    with open(bad, "wb") as file:
        file.write(OTHER.encode("utf-8"))
    first = ingest(read_records([str(folder)]), store, jobs=1)
    again = ingest(read_records([str(folder)]), store, jobs=1)  # every rerun the same
    assert (first.added, first.rejected, again.added, again.rejected) == (1, 1, 0, 1)
    with store.engine.connect() as connection:
        assert connection.execute(select(documents.c.id)).scalars().all() == ["good"]
        sources = connection.execute(select(rejects.c.source)).scalars().all()
    assert sources == ["\\udcff"]


def test_insert_rows_writes_what_core_writes(store):
    """The driver-level bulk insert stores the rows Core's ``insert()`` does, on both
    backends: dates, booleans, floats, NULLs for missing keys, quotes and Cyrillic."""
    from datetime import date

    from sqlalchemy import Boolean, Column, Date, Float, Integer, MetaData, String, Table, Text
    from sqlalchemy import select as select_rows

    from svodka.store.engine import insert_rows

    tables = MetaData()
    columns = lambda: [  # noqa: E731 - one column list for two tables
        Column("id", Integer, primary_key=True),
        Column("key", String),
        Column("text", Text),
        Column("score", Float),
        Column("flag", Boolean),
        Column("day", Date),
    ]
    core, driver = Table("t_core", tables, *columns()), Table("t_driver", tables, *columns())
    rows = [
        {
            "id": 1,
            "key": "Путин",
            "text": "«Это» 'так' %s ?",
            "score": 0.1 + 0.2,
            "flag": True,
            "day": date(2024, 2, 29),
        },
        {"id": 2, "key": None, "score": -1e-300, "flag": False},
        {"id": 3},
    ]
    with store.engine.begin() as connection:
        tables.create_all(connection)
        names = [c.name for c in core.columns]  # Core wants every key in every row
        connection.execute(core.insert(), [{n: row.get(n) for n in names} for row in rows])
        insert_rows(connection, driver, rows)
        insert_rows(connection, driver, [])
        found = [connection.execute(select_rows(t).order_by(t.c.id)).all() for t in (core, driver)]
        tables.drop_all(connection)
    assert found[0] == found[1]
    assert found[1][0].day == date(2024, 2, 29) and found[1][1].flag is False
