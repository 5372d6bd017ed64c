import pytest

from svodka.lang.text import CLOSING_QUOTES, DASHES, OPENING_QUOTES, QUOTES, fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Зелёная  Ёлка", "зеленая елка"),
        ("«Газпром»", "газпром"),
        ("„Спутник V“", "спутник v"),
        ('ОАО "КамАЗ"', "оао камаз"),
        ("“Интерфакс”", "интерфакс"),
        (" Усть–Каменогорск\n", "усть–каменогорск"),
        ("д'Артаньян", "д'артаньян"),
        ("", ""),
    ],
)
def test_text_fold_lowercases_drops_yo_quotes_and_extra_spaces(text, folded):
    assert fold(text) == folded


def test_text_fold_drops_the_marks_it_is_given():
    assert fold("'ТАСС'", QUOTES | {"'"}) == "тасс"


def test_text_sets_hold_every_mark_of_russian_news():
    assert set('«»„“”"') == QUOTES
    assert {"-", "–", "—", "‒"} == DASHES


def test_text_straight_and_english_marks_both_open_and_close():
    assert OPENING_QUOTES | CLOSING_QUOTES == QUOTES
    assert {'"', "“"} == OPENING_QUOTES & CLOSING_QUOTES
