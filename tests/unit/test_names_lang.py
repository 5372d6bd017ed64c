"""Name classes of issue 16 that need lang/person.py and lang/names.py."""

import pytest


@pytest.mark.parametrize(
    ("text", "type_", "before", "after", "expected"),
    [
        # a listed woman's name wins where pymorphy's scores say nothing (Асий 0.5/0.5)…
        ("Асия Биби", "PER", ".", "", "Асия Биби"),
        ("Асию", "PER", "на", "", "Асия"),
        # …and loses where they say the form is mostly a man's genitive (Пётр 0.86)
        ("Петра Журавеля", "PER", "у", "", "Петр Журавель"),
        # a woman's surname on a consonant does not decline; the first name says her case
        ("Серене Уильямс", "PER", "американке", "", "Серена Уильямс"),
        ("Кристиной Квин", "PER", "с", "", "Кристина Квин"),
        # a man's name on a consonant nothing declines is his nominative
        ("Хосе Мигель Инсульса", "PER", "огаг", "сообщил", "Хосе Мигель Инсульса"),
        # initials and short name parts are left to the other words
        ("В.В. Путина", "PER", "у", "", "В.В. Путин"),
        ("Ким Чен Ына", "PER", "у", "", "Ким Чен Ын"),
        # an unknown place on -а is its own nominative, not a genitive of «Невад»
        ("Невада", "LOC", ".", "", "Невада"),
    ],
)
def test_names_lang_classes(text, type_, before, after, expected):
    from svodka.lang.names import normalize

    assert normalize(text, type_, before, after) == expected
