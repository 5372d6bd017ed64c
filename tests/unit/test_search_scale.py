"""Search at scale (issue 21) on both backends: only the latest matches are ranked, filters
narrow before that bound, the migration's indexes, and the scale bench's pure parts."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from svodka.bench.scale import (
    BenchQuery,
    copy_store,
    grow,
    percentiles,
    read_queries,
    summarize,
)
from svodka.doc import Record
from svodka.store import Store, facets, fts, prepare
from svodka.store.migrations import create_v7
from svodka.store.search import Filters, ranked, search

pytestmark = pytest.mark.slow

#: Four invented articles about a bridge, oldest first; the oldest says «мост» most often.
RECORDS = [
    Record(
        "old",
        "Мост через реку закрыли. Мост старый, мост ремонтируют, по мосту не ездят.",
        "Мост закрыт",
        date(2021, 3, 1),
        "Вестник",
    ),
    Record("mid", "В городе открыли новый мост через залив.", "Новый мост", date(2022, 5, 2)),
    Record("new", "Строители покрасили мост к празднику.", "Покраска", date(2023, 7, 3)),
    Record("other", "В порту разгрузили баржу с углем.", "Порт", date(2023, 8, 4)),
]


@pytest.fixture
def bridges(store, pipeline):
    store.add([prepare(doc) for doc in pipeline.analyze_many(RECORDS)])
    return store


def ids(hits) -> list[str]:
    return [hit.doc_id for hit in hits]


def test_all_matches_are_ranked_while_they_fit_the_bound(bridges):
    assert ids(search(bridges, "мост"))[0] == "old"  # the most about the word
    assert sorted(ids(search(bridges, "мост"))) == ["mid", "new", "old"]


def test_only_the_latest_matches_are_ranked(bridges, monkeypatch):
    monkeypatch.setattr(fts, "CANDIDATES", 2)
    assert sorted(ids(search(bridges, "мост"))) == ["mid", "new"]


def test_function_words_of_a_query_change_nothing(bridges):
    assert fts.query_words("мост через реку") == ["мост", "реку"]
    assert fts.query_words("и") == ["и"]  # nothing but function words: kept
    plain = [(hit.doc_id, hit.score) for hit in search(bridges, "мост реку")]
    assert plain and [(h.doc_id, h.score) for h in search(bridges, "мост через реку")] == plain


def test_filters_narrow_before_the_bound(bridges, monkeypatch):
    monkeypatch.setattr(fts, "CANDIDATES", 1)
    assert ids(search(bridges, "мост", Filters(date_to=date(2021, 12, 31)))) == ["old"]
    assert ids(search(bridges, "мост", Filters(source="Вестник"))) == ["old"]


def test_snippets_only_for_the_page_and_the_same_on_both_backends(bridges):
    hits = search(bridges, "мост", limit=1)
    expected = "[Мост] через реку закрыли. [Мост] старый, [мост] ремонтируют, по [мосту] не ездят."
    assert len(hits) == 1 and hits[0].marked() == expected


#: Filters of every kind, for the articles above and the two below.
FILTERS = [
    Filters(entity="Владимир Путин"),
    Filters(entity="Сочи", type="LOC"),
    Filters(entity="Никто Никакой"),
    Filters(type="PER"),
    Filters(source="Вестник"),
    Filters(date_from=date(2022, 1, 1)),
    Filters(date_from=date(2021, 2, 27), date_to=date(2023, 7, 3)),
    Filters(date_to=date(2022, 5, 1)),
    Filters(entity="Путин", date_from=date(2023, 1, 1), source="Вестник"),
]
PEOPLE = [
    Record("putin", "Владимир Путин открыл мост в Сочи.", "Мост", date(2023, 9, 1), "Вестник"),
    Record("sochi", "В Сочи отремонтировали мост.", "Ремонт", date(2022, 1, 5), "Курьер"),
]


@pytest.fixture
def people(bridges, pipeline):
    bridges.add([prepare(doc) for doc in pipeline.analyze_many(PEOPLE)])
    return bridges


def scored(hits) -> list[tuple[str, float]]:
    return [(hit.doc_id, round(hit.score, 9)) for hit in hits]


@pytest.mark.parametrize("filters", FILTERS)
def test_a_filtered_search_is_the_plain_one_narrowed_to_the_listing(people, filters):
    listed = set(ids(search(people, "", filters, limit=100)))  # the filters in SQL
    plain = search(people, "мост", limit=100)
    expected = [hit for hit in plain if hit.doc_id in listed]
    assert scored(search(people, "мост", filters, limit=100)) == scored(expected)
    assert len(listed) < len(RECORDS + PEOPLE) or filters == Filters(type="PER")


def test_the_migration_writes_the_filters_into_an_index_without_them(people):
    with people.engine.begin() as connection:
        before = index_tokens(connection)
        if people.backend == "sqlite":  # the index as it was before: text alone
            connection.execute(text("ALTER TABLE fts RENAME TO fts_new"))
            connection.execute(text("CREATE VIRTUAL TABLE fts USING fts5(doc_id UNINDEXED, body)"))
            connection.execute(
                text(
                    "INSERT INTO fts (rowid, doc_id, body) SELECT rowid, doc_id, body FROM fts_new"
                )
            )
            connection.execute(text("DROP TABLE fts_new"))
        else:
            connection.execute(text(f"UPDATE fts SET tsv = {facets.UNTAGGED}"))
        create_v7(connection)
        assert index_tokens(connection) == before
    assert ids(search(people, "мост", Filters(entity="Путин"))) == ["putin"]


def index_tokens(connection) -> dict[str, tuple[set[str], set[str]]]:
    """doc id → its ``about`` and ``dated`` tokens, as the index holds them."""
    if connection.dialect.name == "sqlite":
        query = "SELECT doc_id, about, dated FROM fts"
    else:  # the marked lexemes of ``tsv``: a day's start with y, m or d
        query = (
            "SELECT doc_id, array_to_string(ARRAY(SELECT substr(l, 2) FROM "
            "unnest(tsvector_to_array(tsv)) l WHERE left(l, 1) = '§' AND "
            "substr(l, 2, 1) NOT IN ('y', 'm', 'd')), ' '), array_to_string(ARRAY(SELECT "
            "substr(l, 2) FROM unnest(tsvector_to_array(tsv)) l WHERE left(l, 1) = '§' AND "
            "substr(l, 2, 1) IN ('y', 'm', 'd')), ' ') FROM fts"
        )
    rows = connection.execute(text(query)).all()
    found = {doc_id: (set(about.split()), set(dated.split())) for doc_id, about, dated in rows}
    assert found["putin"][1] == {"y2023", "m202309", "d20230901"}
    assert facets.entity_token("per:владимир путин") in found["putin"][0]
    return found


def test_entity_filter_has_an_index_of_its_own(bridges):
    with bridges.engine.connect() as connection:
        if bridges.backend == "sqlite":
            found = connection.execute(
                text("SELECT name FROM sqlite_master WHERE name = 'doc_entities_key_doc'")
            ).all()
        else:
            found = connection.execute(
                text("SELECT indexname FROM pg_indexes WHERE indexname = 'doc_entities_key_doc'")
            ).all()
    assert found


def test_sqlite_ranks_matches_without_reading_their_rows(bridges):
    if bridges.backend != "sqlite":
        pytest.skip("PostgreSQL keeps long texts out of line")
    with bridges.engine.connect() as connection:
        query = ranked(connection, "мост", Filters(date_to=date(2022, 12, 31))).limit(20)
        sql = str(query.compile(connection, compile_kwargs={"literal_binds": True}))
        plan = " | ".join(
            row[-1] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}")
        )
    assert "COVERING INDEX documents_listing" in plan
    assert "SCAN documents" not in plan


def test_postgres_index_rows_carry_the_document_order(bridges):
    if bridges.backend != "postgresql":
        pytest.skip("SQLite's FTS5 rowid is the order")
    with bridges.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT f.seq = d.seq FROM fts f JOIN documents d ON d.id = f.doc_id")
        ).scalars()
        assert list(rows) == [True] * 4


# ------------------------------------------------------------------ the bench's parts


def test_bench_queries_are_read_with_their_filters(tmp_path):
    path = tmp_path / "queries.txt"
    path.write_text("# comment\nмост\tРоссия\t2020-01-01..2020-01-31\n\n", "utf-8")
    (query,) = read_queries(path)
    assert query == BenchQuery("мост", "Россия", date(2020, 1, 1), date(2020, 1, 31))
    assert query.filters("entity") == Filters(entity="Россия")
    assert query.filters("date").date_to == date(2020, 1, 31)
    assert query.filters("text") == Filters()


def test_each_query_counts_with_its_median_time(monkeypatch):
    """One slow run of a query (a cold page, a busy core) does not move the percentiles."""
    from svodka.bench import scale

    clock = [0.0]
    runs: dict[str, int] = {}

    def fake_search(store, words, filters=None, limit=20):
        runs[words] = runs.get(words, 0) + 1
        slow = words == "мост" and runs[words] == 2  # the first run after the warm-up
        clock[0] += 0.5 if slow else 0.001
        return ["hit"] if words == "мост" else []

    monkeypatch.setattr(scale, "search", fake_search)
    monkeypatch.setattr(scale.time, "perf_counter", lambda: clock[0])
    queries = [
        BenchQuery(w, "Россия", date(2020, 1, 1), date(2020, 1, 31)) for w in ("мост", "порт")
    ]
    report = scale.measure_search(None, queries)
    assert runs["порт"] == 1 + scale.PASSES * len(scale.KINDS)
    assert {kind: figures["with_hits"] for kind, figures in report.items()} == dict.fromkeys(
        scale.KINDS, 1
    )
    assert max(figures["p95_ms"] for figures in report.values()) == pytest.approx(1.0)


def test_percentiles_are_nearest_rank():
    assert percentiles([float(i) for i in range(1, 101)]) == {"p50_ms": 50.5, "p95_ms": 95.0}


def test_summary_keys_end_in_p50_and_p95():
    search_ = {k: {"p50_ms": 1.0, "p95_ms": 2.0} for k in ("text", "entity", "date")}
    sizes = {
        10: {"search": search_, "mb_per_1000": 5.0},
        100: {"search": search_, "mb_per_1000": 5},
    }
    flat = summarize({"queries": 3, "sizes": {"sqlite": sizes}}, 100)
    assert flat["sqlite_entity_p95_ms"] == 2.0 and flat["sqlite_text_p50_ms"] == 1.0
    assert flat["sqlite_date_p95_growth"] == 1.0 and flat["sqlite_mb_per_1000_docs"] == 5


def test_the_scale_bench_copies_carry_their_own_dates_into_the_index(people):
    grow(people, 12)
    grown = Filters(date_from=date(2023, 7, 26), date_to=date(2023, 9, 24))  # 23 days later
    assert sorted(ids(search(people, "мост", grown))) == ["new~1", "putin", "putin~1"]
    day = Filters(date_from=date(2022, 1, 28), date_to=date(2022, 1, 28))
    assert ids(search(people, "мост", day)) == ["sochi~1"]
    assert "putin~1" in ids(search(people, "мост", Filters(entity="Путин"), limit=100))
    assert ids(search(people, "мост", Filters(date_to=date(2021, 3, 1)))) == ["old"]


def test_the_scale_bench_copies_its_store_into_postgresql_with_the_filters(
    store, pipeline, tmp_path
):
    if store.backend != "postgresql":
        pytest.skip("the bench copies its SQLite store into PostgreSQL")
    source = Store.open(tmp_path / "source.db")
    source.add([prepare(doc) for doc in pipeline.analyze_many(RECORDS + PEOPLE)])
    copy_store(source, store)
    for filters in FILTERS:
        expected = ids(search(source, "мост", filters, limit=100))
        assert sorted(ids(search(store, "мост", filters, limit=100))) == sorted(expected)
    assert ids(search(store, "мост", Filters(entity="Путин"))) == ["putin"]
    source.close()


def test_the_scale_bench_copies_carry_their_own_block_in_postgresql(
    store, pipeline, tmp_path, monkeypatch
):
    if store.backend != "postgresql":
        pytest.skip("blocks of the document order are PostgreSQL's")
    monkeypatch.setattr(fts, "BLOCK", 2)
    source = Store.open(tmp_path / "source.db")
    source.add([prepare(doc) for doc in pipeline.analyze_many(RECORDS + PEOPLE)])
    copy_store(source, store)
    grow(store, 3 * len(RECORDS + PEOPLE))
    block = f"'{fts.TAG_MARK}b' || (seq / 2)"
    with store.engine.connect() as connection:
        tagged = connection.execute(
            text(f"SELECT seq, tsv @@ ({block})::tsquery FROM fts ORDER BY seq")
        ).all()
    assert len(tagged) == 3 * len(RECORDS + PEOPLE)
    assert [seq for seq, right in tagged if not right] == []
    source.close()


@pytest.mark.parametrize(
    ("best", "expected"), [(2, ["putin", "sochi"]), (3, ["new", "putin", "sochi"])]
)
def test_the_latest_blocks_first_and_all_when_they_hold_too_few(
    store, pipeline, monkeypatch, best, expected
):
    monkeypatch.setattr(fts, "BLOCK", 2)  # seq 1 | 2, 3 | 4, 5 | 6: the window is 4 to 6
    store.add([prepare(doc) for doc in pipeline.analyze_many(RECORDS + PEOPLE)])
    monkeypatch.setattr(fts, "CANDIDATES", best)
    assert sorted(ids(search(store, "мост"))) == expected
    monkeypatch.setattr(fts, "CANDIDATES", 1)
    assert ids(search(store, "мост", Filters(source="Вестник"))) == ["putin"]
    assert ids(search(store, "мост", Filters(date_to=date(2021, 12, 31)))) == ["old"]
