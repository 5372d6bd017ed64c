"""Organisation names in the genitive for display: «президент России», not «президент Россия»."""

from __future__ import annotations

import pytest

from svodka.lang.inflect import genitive, role_phrase


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Россия", "России"),
        ("Казахстан", "Казахстана"),
        ("Госдума", "Госдумы"),
        ("Нижний Новгород", "Нижнего Новгорода"),  # the adjective agrees with its head
        ("Государственная дума", "Государственной думы"),
        ("Соединённые Штаты Америки", "Соединённых Штатов Америки"),  # plural head
        ("Объединённые Арабские Эмираты", "Объединённых Арабских Эмиратов"),
        ("Банк России", "Банка России"),  # words after the head stay
        ("Министерство иностранных дел", "Министерства иностранных дел"),
        ("Республика Корея", "Республики Корея"),  # an apposition stays
        ("Санкт-Петербург", "Санкт-Петербурга"),
        ("Ростов-на-Дону", "Ростова-на-Дону"),
        ("Алматинский автоцентр КамАЗ", "Алматинского автоцентра КамАЗ"),  # not a surname
    ],
)
def test_genitive_inflects_the_head_and_its_adjectives(name, expected):
    assert genitive(name) == expected


@pytest.mark.parametrize(
    "name",
    ["ООН", "США", "ФСБ России", "Токио", "Twitter", "«Газпром»", "МИР 24", ""],
)
def test_genitive_keeps_what_does_not_decline(name):
    assert genitive(name) == name


def test_role_phrase():
    assert role_phrase("мэр", "Нижний Новгород") == "мэр Нижнего Новгорода"
    assert role_phrase("министр", None) == "министр"
    assert role_phrase("мэр", "Казань", past=True) == "бывший мэр Казани"
