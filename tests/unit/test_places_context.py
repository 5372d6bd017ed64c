"""Places the text points to, respellings, agreed nominatives and official country names
(round 2 of issue 18). Every sentence is invented."""

import pytest

import svodka.stages.places as places_stage
from svodka.config import Config
from svodka.doc import Document, Entity, Mention
from svodka.eval.gold import km
from svodka.knowledge.gazetteer import load_gazetteer
from svodka.stages.places.find import agreed_nominative, respellings
from svodka.stages.places.official import official_matches


@pytest.fixture(scope="module")
def stage():
    return places_stage.load(Config())


def loc_doc(text: str, *names: str) -> Document:
    """A document whose LOC entities are ``names``, each mentioned wherever the text has it
    (a name given as «form=canonical» is mentioned by its form)."""
    entities = []
    for i, item in enumerate(names):
        form, _, name = item.partition("=")
        starts, start = [], text.find(form)
        while start >= 0:
            starts.append(start)
            start = text.find(form, start + 1)
        mentions = tuple(Mention(s, s + len(form), form) for s in starts)
        entities.append(Entity(f"e{i}", "LOC", name or form, mentions))
    return Document(id="d", text=text, entities=tuple(entities))


def place_of(doc: Document, name: str, stage):
    done = places_stage.apply(doc, stage)
    return next(e.place for e in done.entities if e.name == name)


def test_a_name_after_a_country_adjective_lies_in_that_country(stage):
    text = "Турнир прошел в шведском Гнюльсберге, а финал примут Норвегия и Дания."
    doc = loc_doc(text, "Гнюльсберге=Гнюльсберг", "Норвегия", "Дания")
    place = place_of(doc, "Гнюльсберг", stage)
    assert (place.method, place.country) == ("context", "SE") and place.confidence < 0.5


def test_a_village_lies_at_the_city_its_sentence_names_after_it(stage):
    text = "Бои шли у поселка Харзаби под Хартумом. Посредниками выступили Египет и Катар."
    doc = loc_doc(text, "Харзаби", "Хартумом=Хартум", "Египет", "Катар")
    place = place_of(doc, "Харзаби", stage)
    assert (place.method, place.country) == ("context", "SD")
    assert km(place.lat, place.lon, 15.55, 32.53) < 20


def test_a_bare_name_listed_after_countries_is_not_put_in_them(stage):
    text = "Продажи выросли в Чили, в Перу, в Гнорбии и других странах."
    doc = loc_doc(text, "Чили", "Перу", "Гнорбии=Гнорбия")
    assert place_of(doc, "Гнорбия", stage).method == "unresolved"


def test_a_capitalised_word_with_no_place_word_before_it_stays_unresolved(stage):
    text = "Жители Гнорбии устали. Переговоры вели Чили и Перу."
    doc = loc_doc(text, "Гнорбии=Гнорбия", "Чили", "Перу")
    assert place_of(doc, "Гнорбия", stage).method == "unresolved"


@pytest.mark.parametrize(
    ("name", "variant"),
    [
        ("аму-дарья", "амударья"),  # the hyphen dropped
        ("линчопинг", "линчепинг"),  # «о» after a hissing consonant for «ё»
        ("куинслэнд", "квинсленд"),  # «э» inside a word, «куи» for «кви»
        ("кот'д'ивуар", "кот-д'ивуар"),  # one apostrophe as a hyphen
    ],
)
def test_respellings(name, variant):
    assert variant in respellings(name)


def test_short_names_are_not_respelled():
    assert respellings("тэй") == []


@pytest.mark.parametrize(
    ("name", "nominative"),
    [
        ("азовского морей", "азовское море"),
        ("тверской областях", "тверская область"),
        ("луганской народных республиках", "луганская народная республика"),
        ("красные холмы", None),  # a plural name as written stays plural
    ],
)
def test_agreed_nominative(name, nominative):
    assert agreed_nominative(name) == nominative


def test_official_name_begun_or_abbreviated():
    assert "Иран" in official_matches("Исламская Республика")
    assert official_matches("САР") == ["Сирия"]


def test_official_name_begun_takes_the_country_the_article_names(stage):
    text = "Делегация Ирана прибыла в Вену. Власти Исламской Республики и Франции договорились."
    names = ("Ирана=Иран", "Вену=Вена", "Франции=Франция")
    doc = loc_doc(text, *names, "Исламской Республики=Исламская Республика")
    assert place_of(doc, "Исламская Республика", stage).country == "IR"


@pytest.mark.parametrize(
    ("feature", "settlement", "most_km"),
    [
        ("Хайлигендамм", "Бад Доберан", 10),
        ("Лос-Кабос", "Кабо Сан Лукас", 10),
        ("Ньюкасл-андер-Лайм", "Сток-он-Трент", 10),
        ("Самария", "Наблус", 20),
        ("Иудея", "Хеврон", 20),
        ("Галилея", "Назарет", 30),
        ("Жиронда", "Бордо", 20),
        ("Казантип", "Щёлкино", 15),
        ("Лангкави", "Куах", 15),
        ("Пханмунджом", "Кэсон", 20),
    ],
)
def test_points_from_general_knowledge_agree_with_geonames(feature, settlement, most_km):
    """A sample of the round's features.tsv rows against the GeoNames settlement they lie
    at or next to."""
    gazetteer = load_gazetteer()
    place = next(p for p in gazetteer.find(feature) if p.geonameid is None)
    city = max((p for p in gazetteer.find(settlement) if p.kind == "city"), key=population)
    assert km(place.lat, place.lon, city.lat, city.lon) <= most_km


def population(place) -> int:
    return place.population or 0


def test_a_country_adjective_outweighs_the_article_home(stage):
    text = "Учения прошли под Пензой и Саратовом, а также в индийском штате Гнорпур. Пенза рада."
    doc = loc_doc(text, "Пензой=Пенза", "Саратовом=Саратов", "Гнорпур", "Пенза")
    assert place_of(doc, "Гнорпур", stage).country == "IN"


def test_an_abbreviated_official_name_is_the_country_not_a_village(stage):
    text = "Сирия ответила. Власти САР заявили протест, Дамаск ждет."
    doc = loc_doc(text, "Сирия", "САР", "Дамаск")
    assert place_of(doc, "САР", stage).country == "SY"


def test_a_name_opened_by_a_place_noun_lies_in_the_country_of_its_adjective(stage):
    text = "Танкер покинул иранский порт Гнорсабад, его ждут Катар и Оман."
    doc = loc_doc(text, "порт Гнорсабад", "Катар", "Оман")
    assert place_of(doc, "порт Гнорсабад", stage).country == "IR"


def test_a_final_ou_sounds_like_english_ow():
    from svodka.stages.places.sounds import find_sounding

    found = find_sounding(["винслоу"], load_gazetteer())
    assert ("Winslow", "GB") in {(p.name_en, p.country) for p in found}
