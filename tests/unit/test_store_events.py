"""Events in the store on both backends: rows written with their documents (keys, dates,
quad classes), replaced on reanalysis, skipped for exact duplicates and left out of every
query for near-duplicates; queries by actor, target, type and date; dyads and partners;
the migration that adds the table to a version-1 store and fills it from the analyses.

The documents are written by hand (no pipeline): what is tested is the store, so the
events stage may change what it finds without changing these tests.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select, text

from svodka.doc import Document, Entity, Event, Mention, Quote
from svodka.store import Store, prepare
from svodka.store.events import QUADS, EventFilters, dyad, find_events, partners
from svodka.store.migrations import SCHEMA_VERSION, schema_version, set_meta
from svodka.store.plover import date_range, quad_classes
from svodka.store.schema import events
from svodka.store.stats import stats

pytestmark = pytest.mark.slow

PUTIN = "per:владимир путин"
TOKAYEV = "per:касым-жомарт токаев"
SOCHI = "geonames:491422"
KEYS = {
    "Владимир Путин": (PUTIN, "PER"),
    "Путин": (PUTIN, "PER"),
    "Путина": (PUTIN, "PER"),
    "Касым-Жомарт Токаев": (TOKAYEV, "PER"),
    "Токаев": (TOKAYEV, "PER"),
    "Сочи": (SOCHI, "LOC"),
    "Санкт-Петербурге": ("geonames:498817", "LOC"),
    "Казахстан": ("iso:KZ", "LOC"),
}


def article(doc_id: str, published: str, body: str, *events: dict) -> Document:
    """A document whose entities are the names of ``KEYS`` found in ``body`` (one entity
    per key) and whose events are given as dicts: ``clause`` (the words the event spans),
    ``source``/``target``/``place`` (names of ``KEYS``) and any other ``Event`` field."""
    found: dict[str, list[Mention]] = {}
    names: dict[str, tuple[str, str]] = {}
    for name, (key, kind) in KEYS.items():
        at = body.find(name)
        if at >= 0 and not any(m.start <= at < m.stop for ms in found.values() for m in ms):
            found.setdefault(key, []).append(Mention(at, at + len(name), name))
            names.setdefault(key, (name, kind))
    entities = tuple(
        Entity(f"e{i}", names[key][1], names[key][0], tuple(ms), key=key)
        for i, (key, ms) in enumerate(found.items(), 1)
    )
    local = {e.key: e.id for e in entities}
    made = []
    for i, spec in enumerate(events, 1):
        spec = dict(spec)
        clause = spec.pop("clause")
        start = body.index(clause)
        for side in ("source", "target", "place"):
            if spec.get(side):
                spec[side] = local[KEYS[spec[side]][0]]
        made.append(Event(f"v{i}", start=start, stop=start + len(clause), **spec))
    return Document(
        doc_id,
        body,
        title=f"Статья {doc_id}",
        published=date.fromisoformat(published),
        entities=entities,
        events=tuple(made),
    )


SOCHI_TEXT = (
    "Владимир Путин и Касым-Жомарт Токаев провели переговоры в Сочи. "
    "В июне они встречались в Санкт-Петербурге."
)
ACCUSE_TEXT = "Токаев раскритиковал Путина за задержку поставок. Боевики обстреляли колонну."
FUTURE_TEXT = "Путин и Токаев планируют подписать соглашение о поставках газа в Казахстан."


def corpus() -> list[Document]:
    """Four articles: talks in Сочи (October) and Петербург (June), an accusation and an
    attack by described actors (December), a planned agreement (January), and a
    near-duplicate of the first (its events must count nowhere)."""
    sochi = article(
        "sochi",
        "2024-10-04",
        SOCHI_TEXT,
        {
            "type": "CONSULT",
            "trigger": "провели переговоры",
            "clause": SOCHI_TEXT.split(". ")[0],
            "source": "Владимир Путин",
            "target": "Касым-Жомарт Токаев",
            "source_name": "Владимир Путин",
            "target_name": "Касым-Жомарт Токаев",
            "actors": ("Владимир Путин", "Касым-Жомарт Токаев"),
            "place": "Сочи",
            "date": "2024-10-04",
        },
        {
            "type": "CONSULT",
            "trigger": "встречались",
            "clause": "В июне они встречались в Санкт-Петербурге.",
            "source": "Владимир Путин",
            "target": "Касым-Жомарт Токаев",
            "source_name": "Владимир Путин",
            "target_name": "Касым-Жомарт Токаев",
            "actors": ("Владимир Путин", "Касым-Жомарт Токаев"),
            "place": "Санкт-Петербурге",
            "date": "2024-06",
        },
    )
    accuse = article(
        "accuse",
        "2024-12-01",
        ACCUSE_TEXT,
        {
            "type": "ACCUSE",
            "mode": "disapprove",
            "trigger": "раскритиковал",
            "clause": "Токаев раскритиковал Путина за задержку поставок.",
            "source": "Токаев",
            "target": "Путина",
            "source_name": "Касым-Жомарт Токаев",
            "target_name": "Владимир Путин",
            "actors": ("Касым-Жомарт Токаев", "Владимир Путин"),
        },
        {
            "type": "ASSAULT",
            "mode": "firearms",
            "trigger": "обстреляли",
            "clause": "Боевики обстреляли колонну.",
            "source_name": "боевики",
            "actors": ("боевики",),
        },
    )
    future = article(
        "future",
        "2025-01-10",
        FUTURE_TEXT,
        {
            "type": "AGREE",
            "trigger": "подписать соглашение",
            "clause": FUTURE_TEXT,
            "source": "Путин",
            "target": "Токаев",
            "source_name": "Владимир Путин",
            "target_name": "Касым-Жомарт Токаев",
            "actors": ("Владимир Путин", "Касым-Жомарт Токаев"),
            "modality": "future",
            "date": "2025",
        },
    )
    copy = replace(sochi, id="sochi-copy", text=SOCHI_TEXT + " Подробности позже.")
    return [sochi, accuse, future, copy]


@pytest.fixture
def filled(store) -> Store:
    counts = store.add([prepare(doc) for doc in corpus()])
    assert (counts.added, counts.near_duplicates) == (4, 1)
    return store


def stored_events(store: Store) -> list[dict]:
    with store.engine.connect() as connection:
        query = select(events).order_by(events.c.doc_id, events.c.event_id)
        return [row._asdict() for row in connection.execute(query)]


def test_store_events_rows_carry_keys_dates_and_quads(filled):
    rows = {(r["doc_id"], r["event_id"]): r for r in stored_events(filled)}
    assert len(rows) == 7  # 2 + 2 + 1, and the near-duplicate's 2
    talks = rows["sochi", "v1"]
    assert (talks["source_key"], talks["target_key"], talks["place_key"]) == (
        PUTIN,
        TOKAYEV,
        SOCHI,
    )
    assert (talks["type"], talks["quad"], talks["published"]) == (
        "CONSULT",
        "verbal cooperation",
        date(2024, 10, 4),
    )
    june = rows["sochi", "v2"]
    assert (june["date"], june["date_start"], june["date_end"]) == (
        "2024-06",
        date(2024, 6, 1),
        date(2024, 6, 30),
    )
    attack = rows["accuse", "v2"]
    assert (attack["source_key"], attack["source_name"], attack["quad"]) == (
        None,
        "боевики",
        "material conflict",
    )
    assert json.loads(attack["actors"]) == ["боевики"]
    planned = rows["future", "v1"]
    assert (planned["modality"], planned["date_start"], planned["date_end"]) == (
        "future",
        date(2025, 1, 1),
        date(2025, 12, 31),
    )
    assert stats(filled).events == 7


def test_store_events_ingest_again_adds_none_and_reanalysis_replaces(filled):
    again = filled.add([prepare(doc) for doc in corpus()])
    assert (again.added, again.duplicates) == (0, 4)
    assert filled.count("events") == 7
    sochi = corpus()[0]
    one_event = replace(sochi, events=sochi.events[:1])
    assert filled.replace_analysis([prepare(one_event)]) == 1
    assert [
        (r["doc_id"], r["event_id"]) for r in stored_events(filled) if r["doc_id"] == "sochi"
    ] == [("sochi", "v1")]
    assert filled.count("events") == 6


def test_store_events_by_actor_either_side_latest_first(filled):
    page = find_events(filled, EventFilters(actor=PUTIN))
    assert page.total == 4  # the near-duplicate's two are left out
    assert [(e.doc_id, e.event_id) for e in page.events] == [
        ("future", "v1"),  # 2025 (its first day, 1 January)
        ("accuse", "v1"),  # published 2024-12-01 (no date of its own)
        ("sochi", "v1"),  # 2024-10-04
        ("sochi", "v2"),  # 2024-06
    ]
    first = page.events[-1]
    assert first.clause == "В июне они встречались в Санкт-Петербурге."
    assert first.title == "Статья sochi"
    assert first.actors == ("Владимир Путин", "Касым-Жомарт Токаев")


def test_store_events_filters_target_type_dates_and_pages(filled):
    def ids(**filters) -> list[tuple[str, str]]:
        page = find_events(filled, EventFilters(**filters))
        return sorted((e.doc_id, e.event_id) for e in page.events)

    assert ids(target=PUTIN) == [("accuse", "v1")]
    assert ids(target="Токаев") == [("future", "v1"), ("sochi", "v1"), ("sochi", "v2")]
    assert ids(type="consult") == [("sochi", "v1"), ("sochi", "v2")]
    assert ids(type="ASSAULT") == [("accuse", "v2")]
    # June 2024 overlaps 10 June; 2025 overlaps 1 March 2025
    assert ids(date_from=date(2024, 6, 10), date_to=date(2024, 6, 10)) == [("sochi", "v2")]
    assert ids(date_from=date(2025, 3, 1)) == [("future", "v1")]
    assert ids(date_to=date(2024, 9, 30)) == [("sochi", "v2")]
    assert ids(actor=PUTIN, type="CONSULT", date_from=date(2024, 7, 1)) == [("sochi", "v1")]
    assert ids(actor="никто такой") == []
    second = find_events(filled, EventFilters(actor=PUTIN), limit=2, offset=2)
    assert second.total == 4
    assert [(e.doc_id, e.event_id) for e in second.events] == [("sochi", "v1"), ("sochi", "v2")]


def test_store_events_dyad_counts_by_type_quad_direction_and_month(filled):
    pair = dyad(filled, TOKAYEV, PUTIN)
    assert (pair.a_name, pair.b_name, pair.total) == ("Касым-Жомарт Токаев", "Владимир Путин", 4)
    assert (pair.a_to_b, pair.b_to_a) == (1, 3)
    types = dict(pair.types)
    assert list(types) == list(quad_classes())  # every PLOVER type, in its order
    assert {t: n for t, n in types.items() if n} == {"AGREE": 1, "CONSULT": 2, "ACCUSE": 1}
    assert pair.quads == (
        ("verbal cooperation", 3),
        ("material cooperation", 0),
        ("verbal conflict", 1),
        ("material conflict", 0),
    )
    months = {m.month: m for m in pair.months}
    assert (min(months), max(months)) == ("2024-06", "2025-01")
    assert len(months) == 8  # June 2024 to January 2025, empty months included
    assert months["2024-12"].quads == (0, 0, 1, 0)
    assert months["2024-12"].types == {"ACCUSE": 1}
    assert months["2024-08"].quads == (0, 0, 0, 0)
    assert sum(sum(m.quads) for m in pair.months) == 4
    assert tuple(dict.fromkeys(quad_classes().values())) == QUADS


def test_store_events_partners_count_events_either_way(filled):
    assert [(p.key, p.documents) for p in partners(filled, PUTIN)] == [(TOKAYEV, 4)]
    assert [(p.key, p.name) for p in partners(filled, TOKAYEV)] == [(PUTIN, "Владимир Путин")]
    assert partners(filled, SOCHI) == ()


def test_store_events_migration_adds_the_table_and_fills_it(filled):
    """A store at schema version 1 (no events table) holding document/2 analyses with
    events gets the table and its rows on opening."""
    with filled.engine.begin() as connection:
        connection.execute(text("DROP TABLE events"))
        set_meta(connection, "schema_version", "1")
    url = filled.engine.url.render_as_string(hide_password=False)
    filled.close()
    reopened = Store.open(url)  # a SQLAlchemy URL opens as it is
    try:
        with reopened.engine.connect() as connection:
            assert schema_version(connection) == SCHEMA_VERSION
        assert reopened.count("events") == 7
        assert find_events(reopened, EventFilters(actor=PUTIN)).total == 4
    finally:
        reopened.close()


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-06-10", (date(2024, 6, 10), date(2024, 6, 10))),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
        ("2023", (date(2023, 1, 1), date(2023, 12, 31))),
        (None, (None, None)),
        ("2024-13", (None, None)),
        ("весной", (None, None)),
    ],
)
def test_store_events_date_range_covers_the_precision(value, expected):
    assert date_range(value) == expected


def test_store_events_quote_and_negation_are_kept(store):
    body = "Песков заявил, что Путин не встретится с Токаевым."
    said = body.index("Путин не встретится с Токаевым")
    doc = article(
        "quoted",
        "2024-05-01",
        body,
        {
            "type": "CONSULT",
            "trigger": "встретится",
            "clause": "Путин не встретится с Токаевым",
            "source": "Путин",
            "source_name": "Владимир Путин",
            "target_name": "Касым-Жомарт Токаев",
            "actors": ("Владимир Путин", "Касым-Жомарт Токаев"),
            "negated": True,
            "modality": "reported",
            "quote": "q1",
        },
    )
    doc = replace(doc, quotes=(Quote(said, len(body) - 1, body[said:-1], "indirect"),))
    store.add([prepare(doc)])
    [row] = find_events(store, EventFilters(actor="Путин")).events
    assert (row.negated, row.modality, row.quote, row.target_key) == (True, "reported", "q1", None)
    assert row.target_name == "Касым-Жомарт Токаев"
