"""Places found by the sound of their Latin names, and what the article's words say."""

import re
from collections import Counter

import pytest

import svodka.stages.places as places_stage
from svodka.config import Config
from svodka.doc import Document, Entity, Mention
from svodka.eval.gold import km
from svodka.resources import read_table
from svodka.stages.places.article import adjective_countries, restore_case, shared_country
from svodka.stages.places.find import guess_nominatives
from svodka.stages.places.sounds import read_sounds, sound_key


@pytest.fixture(scope="module")
def stage():
    return places_stage.load(Config())


@pytest.mark.parametrize(
    ("russian", "latin"),
    [
        ("Мазендеран", "Māzandarān"),
        ("Ростамкола", "Rostam Kolā"),
        ("Хильдешейм", "Hildesheim"),
        ("Бейт-Джала", "Bayt Jālā"),
        ("Кушинг", "Cushing"),
        ("Ереван", "Yerevan"),
    ],
)
def test_a_russian_spelling_sounds_like_the_latin_name(russian, latin):
    assert sound_key(russian) == sound_key(latin) != ""


@pytest.mark.parametrize(("a", "b"), [("Ростамкола", "Ростов"), ("Мазендеран", "Мадрид")])
def test_different_names_sound_different(a, b):
    assert sound_key(a) != sound_key(b)


def test_a_short_name_has_no_sound_key():
    assert sound_key("Эрез") == ""  # two consonants: too many places share them


def article(text: str, *names: str) -> Document:
    """A document over ``text`` whose LOC entities are the named words, found in it."""
    entities = []
    for i, name in enumerate(names):
        start = text.index(name)
        mention = Mention(start, start + len(name), name)
        entities.append(Entity(f"e{i}", "LOC", name, (mention,)))
    return Document(id="d", text=text, entities=tuple(entities))


def test_a_village_and_province_known_only_in_latin_are_found(stage):
    text = "Ученый ехал из города Ростамкола (провинция Мазендеран на севере Ирана)."
    doc = places_stage.apply(article(text, "Ростамкола", "Мазендеран", "Ирана"), stage)
    village, province = doc.entities[0].place, doc.entities[1].place
    assert (village.country, village.method) == ("IR", "alias")
    assert km(village.lat, village.lon, 36.68, 53.43) < 5 and village.confidence < 0.85
    assert (province.kind, province.country) == ("region", "IR")


def test_a_small_town_by_sound_needs_the_article_to_point_to_its_country(stage):
    doc = places_stage.apply(article("Колонна вышла из Ростамкола утром.", "Ростамкола"), stage)
    assert doc.entities[0].place.method == "unresolved"


def test_a_sound_match_outside_the_articles_countries_is_not_taken(stage):
    text = "Колонна вышла из Ростамкола во Франции и Германии."
    doc = places_stage.apply(article(text, "Ростамкола", "Франции", "Германии"), stage)
    assert doc.entities[0].place.country != "IR"


def test_country_adjectives_decide_between_namesakes(stage):
    text = "Гамильтон, по данным новозеландской полиции, пострадал от бури."
    doc = places_stage.apply(article(text, "Гамильтон"), stage)
    assert doc.entities[0].place.country == "NZ"  # not the larger Hamilton in Canada
    plain = places_stage.apply(article("Гамильтон пострадал от бури.", "Гамильтон"), stage)
    assert plain.entities[0].place.country == "CA"


def test_country_adjectives_are_counted_in_any_case(stage):
    votes = adjective_countries(
        "Британский премьер и британской прессе; японского", stage.adjectives
    )
    assert votes == Counter({"GB": 2, "JP": 1})


@pytest.mark.parametrize(
    ("text", "country"),
    [("Войска встретились на Эльбе у Торгау в Германии.", "DE"), ("Уровень Эльбы растет.", "DE")],
)
def test_a_river_across_borders_takes_a_country(stage, text, country):
    name = "Эльбе" if "Эльбе" in text else "Эльбы"
    doc = places_stage.apply(article(text, name), stage)
    assert doc.entities[0].place.country == country


def test_a_sea_takes_a_country_only_from_the_article():
    assert shared_country(("RU", "UA"), False, Counter()) is None
    assert shared_country(("RU", "UA"), False, Counter({"UA": 2})) == "UA"
    assert shared_country(("DE", "CZ"), True, Counter({"CZ": 1})) == "CZ"


def test_every_feature_across_borders_is_a_feature_with_valid_countries(stage):
    features = {row[5] for row in read_table("places/features.tsv", 6)}
    codes = {code for code in stage.gazetteer.by_code if "-" not in code}
    for name, (countries, _) in stage.shared.items():
        assert name in features, name
        assert set(countries) <= codes, name


def test_a_venue_after_a_city_adjective_lies_in_that_city(stage):
    text = "Писатель похоронен на парижском кладбище Монпарнас."
    place = places_stage.apply(article(text, "Монпарнас"), stage).entities[0].place
    assert (place.country, place.method, place.kind) == ("FR", "derived", "other")
    assert km(place.lat, place.lon, 48.86, 2.35) < 20


def test_a_name_in_apposition_keeps_the_texts_form(stage):
    text = "Уровень воды в озере Юлемисте поднялся."
    doc = article(text, "Юлемисте")
    doc = Document(
        id="d", text=text, entities=(Entity("e0", "LOC", "Юлемист", doc.entities[0].mentions),)
    )
    assert places_stage.apply(doc, stage).entities[0].name == "Юлемисте"


def test_a_guessed_nominative_the_gazetteer_knows_becomes_the_name(stage):
    text = "Запасы нефти в Кушинге, штат Оклахома, растут."
    start = text.index("Кушинге")
    mention = Mention(start, start + 7, "Кушинге")
    doc = Document(id="d", text=text, entities=(Entity("e0", "LOC", "Кушинга", (mention,)),))
    entity = places_stage.apply(doc, stage).entities[0]
    assert entity.name == "Кушинг" and entity.place.country == "US"


def test_a_street_lies_in_the_city_its_phrase_names(stage):
    text = "Москва и Самара. Митинг прошел на улице Зарыбина в Самаре, а не в Москве. Москва."
    doc = places_stage.apply(article(text, "Москва", "улице Зарыбина", "Самаре"), stage)
    street = doc.entities[1].place
    assert street.method == "context" and km(street.lat, street.lon, 53.2, 50.15) < 20


@pytest.mark.parametrize(
    ("guessed", "written", "name"),
    [
        ("босния и герцеговина", "Боснии и Герцеговины", "Босния и Герцеговина"),
        ("шарм-эль-шейх", "Шарм-эль-Шейхе", "Шарм-эль-Шейх"),
    ],
)
def test_a_guessed_name_takes_the_mentions_letter_case(guessed, written, name):
    entity = Entity("e0", "LOC", written, (Mention(0, len(written), written),))
    assert restore_case(guessed, entity) == name


def test_a_feature_in_apposition_lies_at_the_settlement_named_next_to_it(stage):
    text = "Эстония и Нева. Вода в озере Юлемисте, расположенном на окраине Таллина, поднялась."
    doc = places_stage.apply(article(text, "Эстония", "Нева", "Юлемисте", "Таллина"), stage)
    lake = doc.entities[2].place
    assert lake.country == "EE" and km(lake.lat, lake.lon, 59.44, 24.75) < 15


@pytest.mark.parametrize(
    ("name", "country", "kind"),
    [
        ("Южный Ливан", "LB", "region"),
        ("Север Израиля", "IL", "region"),
        ("Западный Бейрут", "LB", "other"),
    ],
)
def test_a_part_named_by_its_direction_lies_in_the_whole(stage, name, country, kind):
    place = places_stage.apply(article(f"Бои шли: {name}.", name), stage).entities[0].place
    assert (place.country, place.kind, place.method) == (country, kind, "containment")


def test_a_district_named_after_a_town_elsewhere_is_the_article_citys(stage):
    text = "Красноярск. В Кировском районе Красноярска столкнулись автобусы. Красноярск."
    doc = places_stage.apply(article(text, "Красноярск", "Кировском районе"), stage)
    district = doc.entities[1].place
    assert district.method == "context" and km(district.lat, district.lon, 56.01, 92.87) < 20


def test_a_namesake_outside_the_articles_countries_gives_way_to_one_by_sound(stage):
    text = "Полиция Великобритании: в графстве Эссекс задержан подозреваемый."
    place = places_stage.apply(article(text, "Великобритании", "Эссекс"), stage).entities[1].place
    assert place.country == "GB"  # not the town in Maryland


@pytest.mark.parametrize(("name", "country"), [("Швеции", "SE"), ("Франции", "FR")])
def test_a_country_never_gives_way_to_a_town_by_sound(stage, name, country):
    text = f"Москва, Россия и Тверь. Посол {name} прибыл в Москву. Тверь."
    doc = places_stage.apply(article(text, "Москва", "Россия", "Тверь", name), stage)
    assert (doc.entities[3].place.kind, doc.entities[3].place.country) == ("country", country)


def test_a_quoted_venue_lies_in_the_city_its_phrase_names_never_by_sound(stage):
    text = "Москва. Концерт в отеле «Шератон» в Магнитогорске. Москва."
    doc = places_stage.apply(article(text, "Москва", "Шератон", "Магнитогорске"), stage)
    hotel = doc.entities[1].place
    assert hotel.method == "context" and km(hotel.lat, hotel.lon, 53.41, 58.98) < 10


def test_a_respelled_name_keeps_the_texts_spelling_in_the_nominative(stage):
    text = "Туристы отдыхали в Шарм-эш-Шейхе."
    start = text.index("Шарм")
    mention = Mention(start, start + len("Шарм-эш-Шейхе"), "Шарм-эш-Шейхе")
    doc = Document(id="d", text=text, entities=(Entity("e0", "LOC", "Шарм-эш-Шейхе", (mention,)),))
    entity = places_stage.apply(doc, stage).entities[0]
    assert (entity.name, entity.place.country, entity.place.method) == (
        "Шарм-эш-Шейх",
        "EG",
        "alias",
    )


def test_the_sound_table_is_built_with_the_current_key():
    body, _ = read_sounds()
    rows = body.decode().splitlines()
    assert rows == sorted(rows, key=lambda row: row.split("\t")[0])  # sound_rows bisects
    full = [row.split("\t") for row in rows[::500] if row.count("\t") == 7]
    assert len(full) > 100
    for cells in full:
        if cells[1].isdigit():  # a settlement: its key, or its key without an Arabic article
            bare = re.split(r"[- ]", cells[2], maxsplit=1)[-1]
            assert cells[0] in {sound_key(cells[2]), sound_key(bare)}


def test_a_facility_named_after_a_settlement_or_landmark_lies_there(stage):
    doc = places_stage.apply(article("Поезд прибыл на вокзал Даньдуна.", "вокзал Даньдуна"), stage)
    station = doc.entities[0].place
    assert (station.country, station.method, station.kind) == ("CN", "derived", "other")


@pytest.mark.parametrize(
    ("name", "country", "kind"),
    [("Японский архипелаг", "JP", "region"), ("Саудовские", "SA", "country")],
)
def test_a_country_adjective_names_the_country_or_an_area_in_it(stage, name, country, kind):
    place = places_stage.apply(article(f"Новости: {name}.", name), stage).entities[0].place
    assert (place.country, place.kind) == (country, kind)


def test_a_hyphenated_name_inflects_its_first_part():
    assert "славянск-на-кубани" in set(guess_nominatives("славянске-на-кубани"))


def test_a_name_with_an_arabic_article_is_found_without_it(stage):
    text = "Войска вошли в Эн-Насирию на юге Ирака."
    doc = places_stage.apply(article(text, "Эн-Насирию", "Ирака"), stage)
    entity = doc.entities[0]
    assert (entity.name, entity.place.country) == ("Эн-Насирия", "IQ")
    assert km(entity.place.lat, entity.place.lon, 31.05, 46.26) < 20
