import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Уго Чавес Бараку Обаме", ["Уго Чавес", "Бараку Обаме"]),
        ("Марина Хмельницкая Олегу Табакову", ["Марина Хмельницкая", "Олегу Табакову"]),
        ("Луис Инасиу Лула да Силва", ["Луис Инасиу Лула да Силва"]),  # unknown words
        ("Хосе Мигель Инсульса", ["Хосе Мигель Инсульса"]),  # one name part is too short
        ("Владимира Владимировича Путина", ["Владимира Владимировича Путина"]),
    ],
)
def test_two_people_tagged_as_one_are_split_by_case(text, expected):
    from svodka.doc import Span
    from svodka.stages.ner.joined import split_joined_names

    found = list(split_joined_names(Span(5, 5 + len(text), "PER", text)))
    assert [s.text for s in found] == expected
    assert all(text[s.start - 5 : s.stop - 5] == s.text for s in found)
