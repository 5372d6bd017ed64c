"""Corpus queries on both backends: search with morphology, filters, snippets, entities,
profiles, quotes, counts, and the command line over them."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from svodka import __version__
from svodka.cli.query import sparkline
from svodka.doc import Record
from svodka.store import prepare
from svodka.store.entities import find_entities, top_entities
from svodka.store.fts import word_terms
from svodka.store.migrations import SCHEMA_VERSION
from svodka.store.profile import UnknownEntity, profile
from svodka.store.quotes import quotes
from svodka.store.search import Filters, search
from svodka.store.snippets import find_snippet
from svodka.store.stats import stats

pytestmark = pytest.mark.slow

TOKAYEV = "per:касым-жомарт токаев"
MOSCOW_TALKS = (
    "Президент Казахстана Касым-Жомарт Токаев провел переговоры с Владимиром Путиным в "
    "Москве. «Мы довольны темпами сотрудничества с Россией», — заявил Токаев журналистам. "
    "Стороны обсудили поставки газа и строительство новых дорог."
)
#: Six articles over four months: Токаев in January, February and April (none in March),
#: a quote by him and one by Куйвашев, a near-duplicate of the first, a gas story.
RECORDS = [
    Record(
        "a",
        MOSCOW_TALKS,
        "Токаев встретился с Путиным",
        date(2024, 1, 15),
        "ТАСС",
        "https://example.ru/a",
    ),
    Record(
        "b",
        "Касым-Жомарт Токаев посетил Алматы и осмотрел новый завод. Инвестиции составили "
        "2 млрд рублей. По словам Токаева, завод даст городу 500 рабочих мест.",
        "Токаев в Алматы",
        date(2024, 2, 20),
        "РИА Новости",
    ),
    Record(
        "c",
        "В Новоуральске открыли новый завод. Губернатор Свердловской области Евгений "
        "Куйвашев сказал, что предприятие даст городу 300 рабочих мест. Об этом сообщает ТАСС.",
        "Новый завод на Урале",
        date(2024, 3, 5),
        "ТАСС",
    ),
    Record(
        "d",
        MOSCOW_TALKS + " Подробности позже.",
        "Токаев встретился с Путиным",
        date(2024, 1, 16),
        "Интерфакс",
    ),
    Record(
        "e",
        "«Газпром» увеличил поставки газа в Китай. Экспорт газа вырос на 10%, а цены на газ "
        "снизились. В прошлом году компания продала Китаю 20 млрд кубометров газа.",
        "Газ для Китая",
        date(2024, 4, 10),
        "Коммерсантъ",
    ),
    Record(
        "f",
        "Касым-Жомарт Токаев провел в Астане совещание о развитии транспорта. Президент "
        "поручил правительству ускорить строительство железных дорог.",
        "Совещание в Астане",
        date(2024, 4, 25),
        "ТАСС",
    ),
]
runner = CliRunner()


@pytest.fixture(scope="module")
def prepared(pipeline):
    return [prepare(doc) for doc in pipeline.analyze_many(RECORDS)]


@pytest.fixture
def corpus(store, prepared):
    counts = store.add(prepared)
    assert (counts.added, counts.near_duplicates) == (6, 1)
    return store


def ids(hits) -> list[str]:
    return [hit.doc_id for hit in hits]


# ----------------------------------------------------------------------------- search


@pytest.mark.parametrize("query", ["Токаева", "Токаев", "токаеву", "ТОКАЕВЫМ"])
def test_search_finds_every_form_of_a_name(corpus, query):
    assert sorted(ids(search(corpus, query))) == ["a", "b", "f"]


def test_search_leaves_near_duplicates_out_unless_asked(corpus):
    assert "d" not in ids(search(corpus, "Путиным"))
    assert sorted(ids(search(corpus, "Путиным", Filters(include_duplicates=True)))) == ["a", "d"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Токаев завод", ["b"]),
        ("заводы", ["b", "c"]),
        ("Токаев Куйвашев", []),
        ('завод" OR "газ', []),  # FTS syntax in user input is words: «or» is in none
        ("поставкам газа", ["a", "e"]),
        ("", ["f", "e", "c", "b", "a"]),  # no words: every document, latest first
    ],
)
def test_search_requires_every_word_in_any_form(corpus, query, expected):
    found = ids(search(corpus, query))
    assert found == expected if query == "" else sorted(found) == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["b", "c"]),
        ({"entity": "Токаев"}, ["b"]),
        ({"entity": "куйвашев"}, ["c"]),
        ({"entity": "per:евгений куйвашев"}, ["c"]),
        ({"entity": "Нетакого"}, []),
        ({"date_from": date(2024, 3, 1)}, ["c"]),
        ({"date_to": date(2024, 2, 28)}, ["b"]),
        ({"source": "ТАСС"}, ["c"]),
        ({"type": "ORG"}, ["c"]),  # only «Новый завод на Урале» names an organisation (ТАСС)
        ({"entity": "Алматы", "type": "PER"}, []),  # the type narrows the name
        ({"entity": "Алматы", "type": "loc"}, ["b"]),
    ],
)
def test_search_filters(corpus, filters, expected):
    assert sorted(ids(search(corpus, "завод", Filters(**filters)))) == expected


def test_search_ranks_the_document_about_the_words_first(corpus):
    hits = search(corpus, "газ")
    assert ids(hits)[0] == "e" and set(ids(hits)) == {"a", "e"}
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_search_limit(corpus):
    assert len(search(corpus, "", limit=2)) == 2


def test_search_snippet_highlights_the_matched_words(corpus):
    for hit in search(corpus, "Токаева"):
        marked = {hit.snippet[start:stop] for start, stop in hit.highlights}
        assert marked and marked <= {"Токаев", "Токаева"}, (hit.doc_id, marked)
        assert "[Токаев" in hit.marked() and "\n" not in hit.snippet


def test_search_hit_carries_title_date_and_source(corpus):
    hit = next(h for h in search(corpus, "Алматы") if h.doc_id == "b")
    assert (hit.title, hit.published, hit.source) == (
        "Токаев в Алматы",
        date(2024, 2, 20),
        "РИА Новости",
    )
    assert hit.score > 0


def test_query_terms_cover_the_lemmas_the_index_gives_each_form():
    # pymorphy reads «Токаев» as a form of «токай»; the query side must reach it anyway
    assert {"токай", "токаева", "токаев"} <= word_terms("Токаева")
    assert {"выбор", "выборы"} <= word_terms("выборов")


def test_snippet_is_a_window_around_the_first_match():
    from svodka.store.snippets import Matcher

    text = "Начало статьи. " * 30 + "Здесь говорится о Токаеве. " + "Конец статьи. " * 30
    snippet = find_snippet(text, Matcher(["Токаева"]))
    assert snippet.text.startswith("…") and snippet.text.endswith("…")
    assert len(snippet.text) <= 205
    assert [snippet.text[a:b] for a, b in snippet.highlights] == ["Токаеве"]


def test_snippet_scan_asks_only_words_that_may_match_in_any_case_and_spelling():
    from svodka.store.snippets import Matcher, first_match

    tree = Matcher(["ёлка"])
    text = "Про ель и еловый лес. " * 5 + "ЕЛКИ стояли. Ёлка горела."
    assert first_match(text, tree) == text.index("ЕЛКИ")
    assert first_match("Еловый лес, ель, елочный базар. " * 3, tree) is None
    name = Matcher(["Касым-Жомарт"])
    assert first_match("Президент Касым-Жомарт Токаев", name) == len("Президент ")


# --------------------------------------------------------------------------- entities


def test_find_entities_exact_alias_first_case_folded(corpus):
    rows = find_entities(corpus, "токаева")
    assert rows[0].key == TOKAYEV and rows[0].exact and rows[0].documents == 3
    assert "Касым-Жомарт Токаев" in rows[0].aliases


def test_find_entities_by_the_start_of_a_word(corpus):
    rows = find_entities(corpus, "Путин")
    assert [(r.key, r.exact) for r in rows] == [("per:владимир путин", False)]


def test_find_entities_by_key_and_type(corpus):
    assert [r.key for r in find_entities(corpus, "iso:KZ")] == ["iso:KZ"]
    assert find_entities(corpus, "Алматы", type="PER") == []
    assert find_entities(corpus, "Нетакого") == []


def test_profile_of_a_person(corpus):
    p = profile(corpus, TOKAYEV)
    assert (p.type, p.name, p.place) == ("PER", "Касым-Жомарт Токаев", None)
    assert p.documents == 3 and p.mentions >= 4  # the near-duplicate does not count
    assert (p.first_seen, p.last_seen) == (date(2024, 1, 15), date(2024, 4, 25))
    assert p.timeline == (("2024-01", 1), ("2024-02", 1), ("2024-03", 0), ("2024-04", 1))
    role = next(r for r in p.roles if r.title == "президент")
    assert role.of_name == "Казахстан" and role.of_key == "iso:KZ"
    together = {row.key: row.documents for row in p.cooccurring}
    assert together["geonames:1526384"] == 1 and together["per:владимир путин"] == 1
    assert TOKAYEV not in together
    assert [q.text for q in p.quotes] == [  # latest first
        "завод даст городу 500 рабочих мест",
        "Мы довольны темпами сотрудничества с Россией",
    ]
    assert [d.doc_id for d in p.recent] == ["f", "b", "a"]


def test_profile_of_a_place_has_its_place(corpus):
    p = profile(corpus, "iso:KZ")
    assert p.place is not None and (p.place.country, p.place.kind) == ("KZ", "country")


def test_profile_of_an_unknown_key_raises(corpus):
    with pytest.raises(UnknownEntity, match="per:никто"):
        profile(corpus, "per:никто")


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"type": "PER"}, [(TOKAYEV, 3)]),
        ({"type": "PER", "date_from": date(2024, 2, 1)}, [(TOKAYEV, 2)]),
        ({"type": "ORG", "date_from": date(2024, 4, 1)}, [("org:газпром", 1)]),
    ],
)
def test_top_entities_by_documents(corpus, kwargs, expected):
    assert [(r.key, r.documents) for r in top_entities(corpus, limit=1, **kwargs)] == expected


# ----------------------------------------------------------------------------- quotes


def test_quotes_by_speaker(corpus):
    said = [(q.doc_id, q.speaker_key) for q in quotes(corpus, speaker="Токаев")]
    assert said == [("b", TOKAYEV), ("a", TOKAYEV)]  # latest first
    said = quotes(corpus, speaker="Куйвашев")
    assert [q.text for q in said] == ["предприятие даст городу 300 рабочих мест"]


def test_quotes_about_an_entity_mentioned_inside_them(corpus):
    about = quotes(corpus, about="Россия")
    assert [(q.doc_id, q.text) for q in about] == [
        ("a", "Мы довольны темпами сотрудничества с Россией")
    ]
    assert quotes(corpus, about="Алматы") == []  # mentioned in b, but not inside the quote


def test_quotes_latest_first_without_near_duplicates(corpus):
    rows = quotes(corpus)
    days = [q.published for q in rows]
    assert days == sorted(days, reverse=True) and "d" not in {q.doc_id for q in rows}
    assert quotes(corpus, speaker="Нетакого") == []


# ------------------------------------------------------------------------------ stats


def test_stats_counts_the_store(corpus):
    s = stats(corpus)
    assert (s.documents, s.originals, s.near_duplicates) == (6, 5, 1)
    assert s.entities["PER"] >= 3 and s.entities["LOC"] >= 5
    assert s.mentions == corpus.count("mentions") and s.quotes == corpus.count("quotes")
    assert s.amounts >= 3 and s.dates >= 1 and s.rejects == 0
    assert (s.first_published, s.last_published) == (date(2024, 1, 15), date(2024, 4, 25))
    assert s.sources[0] == ("ТАСС", 3)
    assert s.schema_version == SCHEMA_VERSION and s.versions == {__version__: 6}


def test_stats_of_an_empty_store(store):
    s = stats(store)
    assert (s.documents, s.entities, s.first_published, s.sources) == (0, {}, None, ())


# ------------------------------------------------------------------------ command line


def db_of(store) -> str:
    return store.engine.url.render_as_string(hide_password=False)


def test_cli_search_prints_titles_and_snippets(cli, corpus):
    result = runner.invoke(cli, ["search", "Токаева", "--db", db_of(corpus)])
    assert result.exit_code == 0, result.output
    assert "Токаев в Алматы" in result.stdout and "По словам Токаева" in result.stdout


def test_cli_search_json_with_filters(cli, corpus):
    args = ["search", "завод", "--from", "2024-03-01", "--type", "org", "--format", "json"]
    result = runner.invoke(cli, [*args, "--db", db_of(corpus)])
    assert result.exit_code == 0, result.output
    assert [hit["doc_id"] for hit in json.loads(result.stdout)] == ["c"]


def test_cli_entity_profile(cli, corpus):
    result = runner.invoke(cli, ["entity", "токаев", "--db", db_of(corpus)])
    assert result.exit_code == 0, result.output
    for fact in (
        "Касым-Жомарт Токаев",
        TOKAYEV,
        "documents 3",
        "2024-01",
        "2024-04",
        "президент",
        "Казахстан",
        "Алматы",
        "завод даст городу",
    ):
        assert fact in result.stdout, fact
    assert sparkline([1, 1, 0, 1]) in result.stdout


def test_cli_entity_unknown_exits_1(cli, corpus):
    result = runner.invoke(cli, ["entity", "Нетакого", "--db", db_of(corpus)])
    assert result.exit_code == 1 and "no entity called" in result.stderr


def test_cli_quotes_and_stats(cli, corpus):
    said = runner.invoke(cli, ["quotes", "--speaker", "Куйвашев", "--db", db_of(corpus)])
    assert said.exit_code == 0 and "предприятие даст городу 300 рабочих мест" in said.stdout
    counted = runner.invoke(cli, ["stats", "--format", "json", "--db", db_of(corpus)])
    assert counted.exit_code == 0 and json.loads(counted.stdout)["originals"] == 5


def test_cli_missing_sqlite_file_exits_1_and_creates_nothing(cli, tmp_path):
    missing = tmp_path / "nothing.db"
    for command in (["stats"], ["search", "газ"], ["entity", "Токаев"], ["quotes"]):
        result = runner.invoke(cli, [*command, "--db", str(missing)])
        assert result.exit_code == 1 and "no store at" in result.stderr
    assert not missing.exists()


def test_cli_rejects_a_bad_date_and_type(cli, corpus):
    assert (
        runner.invoke(cli, ["search", "газ", "--from", "вчера", "--db", db_of(corpus)]).exit_code
        == 2
    )
    assert (
        runner.invoke(cli, ["search", "газ", "--type", "XYZ", "--db", db_of(corpus)]).exit_code == 2
    )


@pytest.mark.parametrize(
    ("values", "expected"), [([0, 1, 2], "▁▅█"), ([3], "█"), ([0, 0], "▁▁"), ([1, 8], "▂█")]
)
def test_sparkline(values, expected):
    assert sparkline(values) == expected


def test_cli_search_keeps_near_duplicates_when_asked(cli, corpus):
    args = ["search", "Путиным", "--include-duplicates", "--format", "json", "--db", db_of(corpus)]
    result = runner.invoke(cli, args)
    assert sorted(hit["doc_id"] for hit in json.loads(result.stdout)) == ["a", "d"]
