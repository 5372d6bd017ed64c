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
        ["МИР 24", "МГУ", "КамАЗ", "Алматинский автоцентр «КамАЗ»"]
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
    company = "Алматинский автоцентр «КамАЗ»"
    assert role_of(example_doc, "Андрей Ковганов") == [("директор", company, company)]


def test_example_mentions_point_into_the_text(example_doc):
    for entity in example_doc.entities:
        for m in entity.mentions:
            assert example_doc.text[m.start : m.stop] == m.text


def test_example_output_fits_the_json_schema(example_doc):
    jsonschema.validate(to_dict(example_doc), json_schema())
