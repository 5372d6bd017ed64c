"""The golden whole-document test: the article svodka is built around.

Nothing in svodka is written for this article; these are the results the issue asks for.
"""

import jsonschema

from svodka.schema import json_schema, to_dict


def names(doc, type_):
    return [e.name for e in doc.entities if e.type == type_]


def test_example_people(example_doc):
    assert sorted(names(example_doc, "PER")) == sorted(
        ["Владимир Путин", "Касым-Жомарт Токаев", "Александр Лансков", "Аружан", "Андрей Ковганов"]
    )


def test_example_organisations(example_doc):
    assert sorted(names(example_doc, "ORG")) == sorted(
        ["МИР 24", "МГУ", "КамАЗ", "Алматинский автоцентр КамАЗ"]
    )


def test_example_nine_places_each_once(example_doc):
    assert sorted(names(example_doc, "LOC")) == sorted(
        [
            "Россия",
            "Казахстан",
            "Сочи",
            "Санкт-Петербург",
            "Черноморское побережье",
            "Татарстан",
            "Алматы",
            "Новоуральск",
            "Усть-Каменогорск",
        ]
    )
    kazakhstan = next(e for e in example_doc.entities if e.name == "Казахстан")
    assert "Республики Казахстан" in [m.text for m in kazakhstan.mentions]
    assert len(kazakhstan.mentions) == 7


def test_example_surname_joins_the_full_name(example_doc):
    tokayev = next(e for e in example_doc.entities if e.name == "Касым-Жомарт Токаев")
    assert [m.text for m in tokayev.mentions].count("Токаев") == 1
    assert len(tokayev.mentions) == 4


def test_example_no_polite_pronoun(example_doc):
    texts = [m.text for e in example_doc.entities for m in e.mentions]
    assert "Вами" not in texts


def role_of(doc, person):
    entity = next(e for e in doc.entities if e.name == person)
    return [(r.title, r.of_name, doc.entity(r.of).name if r.of else None) for r in entity.roles]


def test_example_roles(example_doc):
    assert role_of(example_doc, "Касым-Жомарт Токаев") == [("президент", "Казахстан", "Казахстан")]
    assert role_of(example_doc, "Александр Лансков") == [("корреспондент", "МИР 24", "МИР 24")]
    company = "Алматинский автоцентр КамАЗ"
    assert role_of(example_doc, "Андрей Ковганов") == [("директор", company, company)]


def test_example_mentions_point_into_the_text(example_doc):
    for entity in example_doc.entities:
        for m in entity.mentions:
            assert example_doc.text[m.start : m.stop] == m.text


def test_example_output_fits_the_json_schema(example_doc):
    jsonschema.validate(to_dict(example_doc), json_schema())


def test_example_two_direct_quotes_with_their_speakers(example_doc):
    direct = [q for q in example_doc.quotes if q.kind == "direct"]
    speakers = [example_doc.entity(q.speaker).name for q in direct]
    assert speakers == ["Касым-Жомарт Токаев", "Андрей Ковганов"]
    assert direct[0].text.startswith("В целом есть все основания")
    assert not any(q.text in ("КамАЗ", "МИР 24") for q in example_doc.quotes)


def test_example_amounts(example_doc):
    found = {(a.value, a.unit, a.approx, a.bound, a.per) for a in example_doc.amounts}
    assert found == {
        (2, None, False, None, None),  # «лидеров двух стран», «двум государствам»
        (24e9, "USD", False, None, None),
        (10000, None, True, None, None),
        (8, None, False, "max", "место"),
        (1000, None, True, None, "год"),
        (500, None, False, None, None),
    }


def test_example_dates_resolve_against_the_publication_date(pipeline):
    from datetime import date

    from tests.conftest import EXAMPLE

    doc = pipeline.analyze(EXAMPLE.read_text(encoding="utf-8"), published=date(2022, 8, 19))
    values = {d.text: d.value for d in doc.dates}
    assert values["В этом году"] == "2022"
    assert values["сегодня"] == "2022-08-19"
    assert values["В июне"] == "2022-06"
    assert values["В прошлом году"] == "2021"


def test_example_relative_dates_without_a_publication_date_stay_open(example_doc):
    relative = [d for d in example_doc.dates if d.relative]
    assert relative and all(d.value is None for d in relative)


def place_of(doc, name):
    return next(e for e in doc.entities if e.name == name).place


def test_example_places_are_in_their_countries(example_doc):
    for name in ("Сочи", "Санкт-Петербург", "Татарстан", "Новоуральск", "Россия"):
        assert place_of(example_doc, name).country == "RU", name
    for name in ("Алматы", "Усть-Каменогорск", "Казахстан"):
        assert place_of(example_doc, name).country == "KZ", name
    assert place_of(example_doc, "Черноморское побережье").country == "RU"


def test_example_cities_have_their_coordinates(example_doc):
    # reference points: city centres (Almaty 43.238 N 76.946 E; Ust-Kamenogorsk 49.948 N
    # 82.628 E; Sochi 43.585 N 39.723 E; Novouralsk 57.247 N 60.096 E), within 0.2 degrees
    for name, lat, lon in [
        ("Алматы", 43.238, 76.946),
        ("Усть-Каменогорск", 49.948, 82.628),
        ("Сочи", 43.585, 39.723),
        ("Новоуральск", 57.247, 60.096),
    ]:
        place = place_of(example_doc, name)
        assert place.kind == "city" and abs(place.lat - lat) < 0.2 and abs(place.lon - lon) < 0.2


def test_example_every_entity_has_a_key(example_doc):
    keys = {e.name: e.key for e in example_doc.entities}
    assert keys["Казахстан"] == "iso:KZ" and keys["Татарстан"] == "iso:RU-TA"
    assert keys["Алматы"] == "geonames:1526384"
    assert keys["МГУ"] == "org:московский государственный университет"
    assert keys["Касым-Жомарт Токаев"] == "per:касым-жомарт токаев"
    assert len(set(keys.values())) == len(keys)
