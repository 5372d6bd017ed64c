"""Search at scale (issue 21) on both backends: only the latest matches are ranked, filters
narrow before that bound, the migration's indexes, and the scale bench's pure parts."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from svodka.bench.scale import BenchQuery, percentiles, read_queries, summarize
from svodka.doc import Record
from svodka.store import fts, prepare
from svodka.store.search import Filters, search

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


def test_filters_narrow_before_the_bound(bridges, monkeypatch):
    monkeypatch.setattr(fts, "CANDIDATES", 1)
    assert ids(search(bridges, "мост", Filters(date_to=date(2021, 12, 31)))) == ["old"]
    assert ids(search(bridges, "мост", Filters(source="Вестник"))) == ["old"]


def test_snippets_only_for_the_page(bridges):
    hits = search(bridges, "мост", limit=1)
    assert len(hits) == 1 and "[Мост" in hits[0].marked()


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
