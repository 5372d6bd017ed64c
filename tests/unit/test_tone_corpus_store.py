"""Tone in the store on both backends: the four tone tables written with their documents,
replaced on reanalysis, skipped for exact duplicates and left out of every sum for
near-duplicates; the tone toward an entity by month, year and outlet, with date filters;
the migration that adds the tables to a version-2 store and fills them from the analyses.

The documents and their tones are written by hand (no pipeline): what is tested is the
store, so the tone model may change what it finds without changing these tests.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select, text

from svodka.doc import Document, Entity, Mention, Quote, Tone, ToneSummary
from svodka.store import Store, prepare
from svodka.store.migrations import SCHEMA_VERSION, backfill_tones, schema_version, set_meta
from svodka.store.profile import UnknownEntity
from svodka.store.schema import TONE_TABLES, entity_tones
from svodka.store.tone import gkg_tone, tabulate_tones
from svodka.store.tone_series import entity_tone

IVANOV = "per:пётр иванов"
PLANT = "org:завод заря"


def summary(tones: list[Tone]) -> ToneSummary:
    """What the stage sums up: labels counted, scores averaged."""
    labels = [t.label for t in tones]
    mean = sum(t.score for t in tones) / len(tones)
    return ToneSummary(labels.count(-1), labels.count(0), labels.count(1), round(mean, 4))


def entity(local_id: str, kind: str, key: str, body: str, name: str, *tones: Tone) -> Entity:
    """An entity named ``name`` at each of its places in ``body``, with one tone each."""
    starts, at = [], body.find(name)
    while at >= 0:
        starts.append(at)
        at = body.find(name, at + 1)
    mentions = tuple(
        Mention(s, s + len(name), name, tone) for s, tone in zip(starts, tones, strict=True)
    )
    return Entity(
        local_id, kind, name, mentions, key=key, tone=summary(list(tones)) if tones else None
    )


def article(doc_id: str, published: str | None, source: str | None, body: str, *tones: Tone):
    """A document about Пётр Иванов (one tone per mention of «Иванов») and the plant
    «Заря» (neutral), with the tone of its sentences as the document's tone."""
    people = entity("e1", "PER", IVANOV, body, "Иванов", *tones)
    plant = entity("e2", "ORG", PLANT, body, "Заря", *[Tone(0, 0.05)] * body.count("Заря"))
    return Document(
        doc_id,
        body,
        title=f"Статья {doc_id}",
        published=date.fromisoformat(published) if published else None,
        source=source,
        entities=(people, plant) if plant.mentions else (people,),
        tone=summary([*tones, Tone(0, 0.0)]),
    )


PRAISE = "Иванов спас завод «Заря» от закрытия. Рабочие говорят, что Иванов помог."
SCANDAL = "Иванов обвинён в хищениях на заводе «Заря». Сам Иванов вину отрицает."
VISIT = "Иванов посетил выставку в Туле и осмотрел новые станки."
SAID = "Иванов заявил: «Завод «Заря» будет работать, а зарплаты вырастут»."


def corpus() -> list[Document]:
    praise = article("praise", "2024-05-03", "ТАСС", PRAISE, Tone(1, 0.7), Tone(1, 0.5))
    scandal = article("scandal", "2024-07-10", "РИА", SCANDAL, Tone(-1, -0.8), Tone(0, -0.2))
    visit = article("visit", "2024-07-21", "ТАСС", VISIT, Tone(0, 0.1))
    start = SAID.index("Завод")
    quote = Quote(start, SAID.index("».") + 0, SAID[start : SAID.index("».")], "direct")
    said = article("said", None, None, SAID, Tone(1, 0.3))
    said = replace(
        said, quotes=(replace(quote, speaker="e1", speaker_name="Иванов", tone=Tone(1, 0.6)),)
    )
    copy = replace(scandal, id="scandal-copy", text=SCANDAL + " Подробности позже.")
    untoned = Document(
        "old",
        "Иванов выступил на форуме в Казани.",
        published=date(2023, 1, 5),
        entities=(Entity("e1", "PER", "Иванов", (Mention(0, 6, "Иванов"),), key=IVANOV),),
    )
    return [praise, scandal, visit, said, copy, untoned]


@pytest.fixture
def filled(store) -> Store:
    counts = store.add([prepare(doc) for doc in corpus()])
    assert (counts.added, counts.near_duplicates) == (6, 1)
    return store


def counts(store: Store) -> dict[str, int]:
    return {name: store.count(name) for name in TONE_TABLES}


def test_tone_corpus_rows_of_a_document():
    doc = corpus()[3]
    rows = tabulate_tones(doc)
    assert rows["document_tones"] == [
        {
            "doc_id": "said",
            "negative": 0,
            "neutral": 1,
            "positive": 1,
            "mean": 0.15,
            "published": None,
            "source": None,
        }
    ]
    assert [(r["local_id"], r["key"], r["positive"]) for r in rows["entity_tones"]] == [
        ("e1", IVANOV, 1),
        ("e2", PLANT, 0),
    ]
    assert [(r["key"], r["start"], r["label"]) for r in rows["mention_tones"]] == [
        (IVANOV, 0, 1),
        (PLANT, SAID.index("Заря"), 0),
    ]
    assert [(r["speaker_key"], r["label"], r["score"]) for r in rows["quote_tones"]] == [
        (IVANOV, 1, 0.6)
    ]


def test_tone_corpus_no_rows_without_tones():
    assert all(rows == [] for rows in tabulate_tones(corpus()[-1]).values())


def test_tone_corpus_rows_written_on_ingest(filled):
    # 5 documents with a tone (the near-duplicate's included), 2 entities each but visit;
    # mentions: praise 2+1, scandal 2+1, visit 1, said 1+1, copy 2+1; one quote
    assert counts(filled) == {
        "document_tones": 5,
        "entity_tones": 9,
        "mention_tones": 12,
        "quote_tones": 1,
    }
    with filled.engine.connect() as connection:
        row = connection.execute(
            select(entity_tones).where(
                entity_tones.c.doc_id == "scandal", entity_tones.c.key == IVANOV
            )
        ).one()
    assert (row.negative, row.neutral, row.positive, row.mean) == (1, 1, 0, -0.5)
    assert (row.published, row.source) == (date(2024, 7, 10), "РИА")


def test_tone_corpus_ingest_again_adds_none_and_reanalysis_replaces(filled):
    before = counts(filled)
    again = filled.add([prepare(doc) for doc in corpus()])
    assert (again.added, again.duplicates) == (0, 6)
    assert counts(filled) == before
    visit = corpus()[2]
    untoned = replace(
        visit,
        tone=None,
        entities=tuple(
            replace(e, tone=None, mentions=tuple(replace(m, tone=None) for m in e.mentions))
            for e in visit.entities
        ),
    )
    assert filled.replace_analysis([prepare(untoned)]) == 1
    assert counts(filled) == {
        "document_tones": 4,
        "entity_tones": 8,
        "mention_tones": 11,
        "quote_tones": 1,
    }


def test_tone_corpus_entity_tone_by_month_and_source(filled):
    found = entity_tone(filled, IVANOV)
    assert (found.name, found.type, found.period) == ("Иванов", "PER", "month")
    # praise, scandal, visit, said: the near-duplicate and the untoned document count not
    assert found.total.documents == 4
    assert (found.total.negative, found.total.neutral, found.total.positive) == (1, 2, 3)
    assert found.total.mean == pytest.approx((0.7 + 0.5 - 0.8 - 0.2 + 0.1 + 0.3) / 6, abs=1e-4)
    months = {p.period: p for p in found.periods}
    assert list(months) == ["2024-05", "2024-06", "2024-07"]  # the empty June kept
    assert (months["2024-06"].documents, months["2024-06"].mean) == (0, None)
    july = months["2024-07"]
    assert (july.documents, july.negative, july.neutral, july.positive) == (2, 1, 2, 0)
    assert july.mean == pytest.approx((-0.8 - 0.2 + 0.1) / 3, abs=1e-4)
    sources = [(s.source, s.documents) for s in found.sources]
    assert sources == [("ТАСС", 2), (None, 1), ("РИА", 1)]


def test_tone_corpus_entity_tone_dates_and_years(filled):
    july = entity_tone(filled, IVANOV, date_from=date(2024, 7, 1), date_to=date(2024, 7, 15))
    assert [(p.period, p.documents) for p in july.periods] == [("2024-07", 1)]
    assert july.total.documents == 1  # an undated document is outside any date range
    assert july.total.mean == -0.5
    yearly = entity_tone(filled, IVANOV, period="year")
    assert [(p.period, p.documents) for p in yearly.periods] == [("2024", 3)]
    plant = entity_tone(filled, PLANT)
    assert (plant.total.neutral, plant.total.mean) == (3, 0.05)


def test_tone_corpus_entity_tone_refuses_unknown_keys_and_periods(filled):
    with pytest.raises(UnknownEntity):
        entity_tone(filled, "per:никто")
    with pytest.raises(ValueError):
        entity_tone(filled, IVANOV, period="week")
    nothing = entity_tone(filled, IVANOV, date_from=date(2030, 1, 1))
    assert (nothing.total.documents, nothing.total.mean, nothing.periods) == (0, None, ())


def test_tone_corpus_migration_adds_the_tables_and_fills_them(filled):
    """A store at schema version 2 (no tone tables) holding analyses with tones gets the
    tables and their rows on opening; filling them again changes nothing."""
    before = counts(filled)
    with filled.engine.begin() as connection:
        for name in TONE_TABLES:
            connection.execute(text(f"DROP TABLE {name}"))
        set_meta(connection, "schema_version", "2")
    url = filled.engine.url.render_as_string(hide_password=False)
    filled.close()
    reopened = Store.open(url)
    try:
        with reopened.engine.connect() as connection:
            assert schema_version(connection) == SCHEMA_VERSION >= 3
        assert counts(reopened) == before
        with reopened.engine.begin() as connection:
            backfill_tones(connection)
        assert counts(reopened) == before
        assert entity_tone(reopened, IVANOV).total.documents == 4
    finally:
        reopened.close()


def test_tone_corpus_gkg_tone_cell():
    doc = corpus()[1]  # sentences: one negative, two neutral; mean −1/3
    cells = gkg_tone(doc).split(",")
    assert len(cells) == 7
    assert cells[:4] == ["-33.33", "0", "33.3333", "33.3333"]  # the mean has 4 digits
    assert cells[4:6] == ["", ""]  # no reference densities
    assert cells[6] == str(len(SCANDAL.split()))
    assert gkg_tone(corpus()[-1]) == ""
