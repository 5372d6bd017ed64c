"""The store on both backends: idempotent ingest, duplicates, rejects, ids, reanalysis."""

import json

import pytest
from sqlalchemy import select

from svodka.corpus.ingest import ingest
from svodka.doc import Record, Rejection
from svodka.store.schema import SCHEMA_VERSION, documents, entities, schema_version

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
    from svodka.store import prepare

    ingest(records(BODY), store, jobs=1)
    with store.engine.begin() as connection:
        connection.execute(documents.update().values(version="0.0.1"))
    stale = store.stored_records()
    assert [r.id for r in stale] == ["doc0"]
    mentions_before = store.count("mentions")
    store.replace_analysis([prepare(doc) for doc in pipeline.analyze_many(stale)])
    assert store.stored_records() == []
    assert store.count("mentions") == mentions_before
