from collections import Counter
from pathlib import Path

import pytest

import svodka.stages.places as places_stage
from svodka.config import Config
from svodka.doc import Document, Entity, Mention
from svodka.eval.gold import km
from svodka.eval.places import nerel_country_mentions
from svodka.knowledge.gazetteer import load_gazetteer
from svodka.knowledge.toponyms import settlement_names, spelling_variants
from svodka.lang.text import fold_name
from svodka.stages.places import Context, choose

DATA = Path(__file__).parents[1] / "data" / "places"


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
    almaty = found["Алма-Ата"]  # the alias table names it; the text's form is the name
    assert (almaty.kind, almaty.country, almaty.geonameid) == ("city", "KZ", 1526384)
    assert abs(almaty.lat - 43.25) < 0.1 and abs(almaty.lon - 76.92) < 0.1
    assert almaty.population > 1_000_000 and almaty.name_en == "Almaty"
    assert (found["Казахстан"].kind, found["Казахстан"].country) == ("country", "KZ")
    assert found["Кавказ"].country is None and found["Кавказ"].kind in ("region", "physical")
    assert all(0 <= p.confidence <= 1 and p.method == "exact" for p in found.values())


@pytest.mark.slow
def test_places_get_keys_that_hold_across_documents(pipeline):
    first = pipeline.analyze("Делегация прибыла в Алма-Ату.")
    second = pipeline.analyze("В Алматы прошел форум.")
    key = {e.key for e in first.entities if e.type == "LOC"}
    assert key == {e.key for e in second.entities if e.type == "LOC"} == {"geonames:1526384"}


@pytest.mark.slow
def test_unknown_place_is_explicitly_unresolved_and_keeps_its_key(pipeline):
    doc = pipeline.analyze("Митинг прошел на Черемуховой площади.")
    square = [e for e in doc.entities if e.type == "LOC"]
    assert square and square[0].key.startswith("loc:")
    place = square[0].place
    assert (place.method, place.confidence, place.country, place.lat) == (
        "unresolved",
        0,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("name", "variant"),
    [
        ("шарм-эш-шейх", "шарм-эль-шейх"),
        ("эр-рияд", "эр-рияд"),  # two parts: no inner article to respell
        ("нью йорк", "нью-йорк"),
    ],
)
def test_spelling_variants(name, variant):
    assert variant == name or variant in set(spelling_variants(name))


def test_spelling_variant_and_latin_name_find_the_city(gazetteer):
    variant = next(v for v in spelling_variants("шарм-эш-шейх") if gazetteer.find(v))
    assert {p.country for p in gazetteer.find(variant)} == {"EG"}
    assert "EG" in {p.country for p in gazetteer.find_latin("Sharm el-Sheikh")}


@pytest.mark.parametrize(
    ("adjective", "settlement"),
    [
        ("мокшанского", "мокшан"),
        ("сухумский", "сухуми"),
        ("гудаутская", "гудаута"),
        ("пензенской", "пенза"),
        ("гальском", "гали"),
        ("московский", "москва"),
    ],
)
def test_place_adjectives_lead_to_their_settlement(adjective, settlement):
    assert settlement in settlement_names(adjective)


def test_not_an_adjective_leads_nowhere():
    assert settlement_names("район") == [] and settlement_names("ск") == []


def test_regions_of_other_countries_have_russian_names_and_points(gazetteer):
    empty = Context.of([])
    for name, code, (lat, lon) in [
        ("Западная Бенгалия", "IN-WB", (22.6, 88.4)),
        ("Бихар", "IN-BR", (25.6, 85.1)),
    ]:
        region = choose(gazetteer.find(name), empty)
        assert (region.kind, region.code, region.country) == ("region", code, code[:2])
        assert km(region.lat, region.lon, lat, lon) < 300


def test_settlements_of_500_people_are_known(gazetteer):
    cities = [p for p in gazetteer.find("Мокшан") if p.kind == "city"]
    assert cities and cities[0].country == "RU" and cities[0].population < 20_000


def read_checks() -> list[tuple[str, ...]]:
    lines = (DATA / "feature_checks.tsv").read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines if line and not line.startswith("#")]


@pytest.mark.parametrize(("feature", "settlement", "most_km"), read_checks())
def test_general_knowledge_points_agree_with_geonames(gazetteer, feature, settlement, most_km):
    place = next(p for p in gazetteer.find(feature) if p.kind != "city")
    town = choose(gazetteer.find(settlement), Context.of([place]))
    assert km(place.lat, place.lon, town.lat, town.lon) <= float(most_km)


def located(pipeline, text, name):
    doc = pipeline.analyze(text)
    return next(e.place for e in doc.entities if e.type == "LOC" and e.name.startswith(name))


@pytest.mark.slow
def test_district_inside_its_region_lies_there(pipeline):
    place = located(
        pipeline, "Паводок затопил села в Мокшанском районе Пензенской области.", "Мокш"
    )
    assert place.country == "RU" and place.admin1 == "RU-PNZ"
    assert (
        place.method in ("containment", "derived") and km(place.lat, place.lon, 53.44, 44.61) < 50
    )


@pytest.mark.slow
def test_facility_named_after_a_city_lies_at_the_city(pipeline):
    place = located(pipeline, "Самолет сел в Сухумском аэропорту после полудня.", "Сухум")
    assert place.method == "derived" and km(place.lat, place.lon, 43.0, 41.02) < 30


def locs(*names: tuple[str, int]) -> Document:
    """A document whose LOC entities are the named ones, each mentioned ``n`` times."""
    entities, text = [], ""
    for i, (name, n) in enumerate(names):
        mentions = []
        for _ in range(n):
            mentions.append(Mention(len(text), len(text) + len(name), name))
            text += name + ". "
        entities.append(Entity(f"e{i}", "LOC", name, tuple(mentions)))
    return Document(id="d", text=text, entities=tuple(entities))


@pytest.fixture(scope="module")
def stage():
    return places_stage.load(Config())


def test_street_lies_in_the_article_city(stage):
    doc = places_stage.apply(locs(("Магнитогорск", 2), ("проспект Карла Маркса", 1)), stage)
    street = doc.entities[1].place
    assert street.method == "context" and street.kind == "other"
    assert km(street.lat, street.lon, 53.41, 58.98) < 10
    assert doc.entities[1].key != doc.entities[0].key


def test_unknown_name_in_a_one_country_article_falls_back_to_it(stage):
    doc = places_stage.apply(locs(("Пенза", 2), ("Россия", 1), ("Зарыбинск", 1)), stage)
    guess = doc.entities[2].place
    assert (guess.method, guess.country) == ("fallback", "RU") and guess.confidence < 0.5


def test_no_guess_in_an_article_about_several_countries(stage):
    doc = places_stage.apply(locs(("Франция", 1), ("Россия", 1), ("Зарыбинск", 1)), stage)
    assert doc.entities[2].place.method == "unresolved"


def test_off_map_names_stay_unresolved(stage):
    doc = places_stage.apply(locs(("Москва", 3), ("Луна", 1)), stage)
    assert doc.entities[1].place.method == "unresolved"


def test_elliptic_region_adjective_names_the_region(stage):
    doc = places_stage.apply(
        locs(
            ("Воронежская", 1),
        ),
        stage,
    )
    assert (doc.entities[0].place.kind, doc.entities[0].place.admin1) == ("region", "RU-VOR")


def test_nerel_linked_mentions_take_the_country_their_annotation_states(tmp_path):
    split = tmp_path / "dev"
    split.mkdir()
    (split / "1_text.txt").write_text("В Париже и во Франции.", encoding="utf-8")
    ann = "T1\tCITY 2 8\tПариже\nT2\tCOUNTRY 14 21\tФранции\nR1\tLOCATED_IN Arg1:T1 Arg2:T2\t\n"
    ann += "N1\tReference T2 Wikidata:Q142\tФранция\nN2\tReference T1 Wikidata:Q90\tПариж\n"
    (split / "1_text.ann").write_text(ann, encoding="utf-8")
    mentions = nerel_country_mentions(split, {"Франция": "FR"}.get)
    assert [(m["text"], m["country"], m["source"]) for m in mentions] == [
        ("Париже", "FR", "dev/1_text.txt"),
        ("Франции", "FR", "dev/1_text.txt"),
    ]


def test_nerel_linked_mentions_leave_out_adjectives_and_names_inside_organisations(tmp_path):
    split = tmp_path / "dev"
    split.mkdir()
    text = "Банк Франции и французские власти в Париже, российско-французский диалог."
    (split / "2_text.txt").write_text(text, encoding="utf-8")
    ann = "T1\tORGANIZATION 0 12\tБанк Франции\nT2\tCOUNTRY 5 12\tФранции\n"
    ann += "T3\tCOUNTRY 15 26\tфранцузские\nT4\tCITY 36 42\tПариже\n"
    ann += "T5\tCOUNTRY 44 53\tроссийско\n"
    ann += "R1\tLOCATED_IN Arg1:T4 Arg2:T2\t\nN1\tReference T2 Wikidata:Q142\tФранция\n"
    ann += "N2\tReference T3 Wikidata:Q142\tФранция\nN3\tReference T4 Wikidata:Q90\tПариж\n"
    ann += "N4\tReference T5 Wikidata:Q159\tРоссия\n"
    (split / "2_text.ann").write_text(ann, encoding="utf-8")
    excluded = Counter()
    mentions = nerel_country_mentions(split, {"Франция": "FR", "Россия": "RU"}.get, excluded)
    assert [(m["text"], m["country"]) for m in mentions] == [("Париже", "FR")]
    assert excluded == {"organisation": 1, "adjective": 2}


@pytest.mark.slow
def test_a_village_abroad_nothing_points_to_is_not_chosen(pipeline):
    text = (
        "Наводнение в Индии: в штате Бихар вышла из берегов река Коси. "
        "Власти Индии эвакуировали жителей Патны и Бихара."
    )
    found = places(pipeline, text)
    assert found["Коси"].country != "UA"  # not the Ukrainian village of 1,000 people
    assert found["Индия"].country == "IN"
