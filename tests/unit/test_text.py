import pytest

from svodka.lang.text import CLOSING_QUOTES, DASHES, OPENING_QUOTES, QUOTES, fold, fold_homoglyphs


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("уровень воды в Hеве", "уровень воды в Неве"),  # a Latin H
        ("перевод Забайкальcкого края", "перевод Забайкальского края"),  # a Latin c
        ("новый iPhone и McDonald's", "новый iPhone и McDonald's"),  # Latin words stay
        ("агентство SakhalinMedia.ru", "агентство SakhalinMedia.ru"),
        ("Сбер-Bank", "Сбер-Bank"),  # i, n, k have no Cyrillic twin: the word stays
    ],
)
def test_latin_look_alikes_in_cyrillic_words_become_cyrillic(text, expected):
    assert fold_homoglyphs(text) == expected
    assert len(fold_homoglyphs(text)) == len(text)


@pytest.mark.slow
def test_a_word_typed_in_two_scripts_is_one_token_and_one_place(pipeline):
    doc = pipeline.analyze("Госдума приняла закон о переводе Забайкальcкого края в другую зону.")
    assert "Забайкальcкого" in doc.text  # the text is kept as it came
    region = next(e for e in doc.entities if e.type == "LOC")
    assert region.name == "Забайкальский край" and region.place.country == "RU"
