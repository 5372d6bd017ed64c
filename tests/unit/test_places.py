import pytest

from svodka.knowledge.gazetteer import load_gazetteer
from svodka.lang.text import fold_name
from svodka.stages.places import Context, choose


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def places(pipeline, text):
    return {e.name: e.place for e in pipeline.analyze(text).entities if e.type == "LOC"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Алма-Ата", "Алматы"),
        ("Питер", "Санкт-Петербург"),
        ("СПб", "Санкт-Петербург"),
        ("Белоруссия", "Беларусь"),
        ("Киргизия", "Кыргызстан"),
        ("Республика Казахстан", "Казахстан"),
        ("Молдавия", "Молдова"),
    ],
)
def test_aliases_name_one_place(gazetteer, a, b):
    empty = Context.of([])
    assert choose(gazetteer.find(a), empty) == choose(gazetteer.find(b), empty)
    assert choose(gazetteer.find(a), empty) is not None


def test_lookup_ignores_case_yo_and_dash_style(gazetteer):
    assert gazetteer.find("усть–каменогорск") == gazetteer.find("Усть-Каменогорск")
    assert gazetteer.find("Орёл") == gazetteer.find("Орел")
    assert fold_name(" «Сочи» ") == "сочи"


def test_every_country_has_a_centre_point(gazetteer):
    countries = [p for p in gazetteer.by_code.values() if p.kind == "country"]
    assert len(countries) >= 249
    assert all(p.lat is not None and p.lon is not None for p in countries)


def test_regions_know_their_country_and_cities_their_region(gazetteer):
    empty = Context.of([])
    tatarstan = choose(gazetteer.find("Татарстан"), empty)
    assert (tatarstan.kind, tatarstan.country, tatarstan.code) == ("region", "RU", "RU-TA")
    kazan = choose(gazetteer.find("Казань"), empty)
    assert (kazan.kind, kazan.country, kazan.admin1) == ("city", "RU", "RU-TA")


def test_population_prior_picks_the_larger_namesake(gazetteer):
    place = choose(gazetteer.find("Троицк"), Context.of([]))
    assert place.admin1 == "RU-CHE"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("В Челябинской области прошли учения. В Троицке открыли новую школу.", "RU-CHE"),
        ("В Москве и Новой Москве растет спрос. В Троицке открыли новую школу.", "RU-MOW"),
    ],
)
def test_context_decides_between_namesakes(pipeline, text, admin1):
    assert places(pipeline, text)["Троицк"].admin1 == admin1


@pytest.mark.slow
def test_place_fields_follow_the_contract(pipeline):
    found = places(pipeline, "Переговоры прошли в Алма-Ате, а затем в Казахстане и на Кавказе.")
    almaty = found["Алматы"]  # the alias table names it
    assert (almaty.kind, almaty.country, almaty.geonameid) == ("city", "KZ", 1526384)
    assert abs(almaty.lat - 43.25) < 0.1 and abs(almaty.lon - 76.92) < 0.1
    assert almaty.population > 1_000_000 and almaty.name_en == "Almaty"
    assert (found["Казахстан"].kind, found["Казахстан"].country) == ("country", "KZ")
    assert found["Кавказ"].country is None and found["Кавказ"].kind in ("region", "physical")


@pytest.mark.slow
def test_places_get_keys_that_hold_across_documents(pipeline):
    first = pipeline.analyze("Делегация прибыла в Алма-Ату.")
    second = pipeline.analyze("В Алматы прошел форум.")
    key = {e.key for e in first.entities if e.type == "LOC"}
    assert key == {e.key for e in second.entities if e.type == "LOC"} == {"geonames:1526384"}


@pytest.mark.slow
def test_unknown_place_has_no_place_but_a_key(pipeline):
    doc = pipeline.analyze("Митинг прошел на Болотной площади.")
    square = [e for e in doc.entities if e.type == "LOC"]
    assert square and square[0].place is None and square[0].key.startswith("loc:")
