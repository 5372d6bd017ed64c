"""Issue 16, canonical names: classes of SlavicNER misses, on invented sentences."""

from __future__ import annotations

import pytest

from svodka.lang.names import normalize


@pytest.mark.parametrize(
    ("text", "type_", "expected"),
    [
        # a lone adjective: the dictionary form, except a plural nominative of a people
        ("итальянских", "LOC", "итальянский"),
        ("итальянские", "LOC", "итальянские"),
        ("итальянские", "PER", "итальянские"),
        ("либеральные", "ORG", "либеральный"),
        # a name written all in lowercase gets the dictionary's capitals
        ("сергей лавров", "PER", "Сергей Лавров"),
        ("анной ахматовой", "PER", "Анна Ахматова"),
        ("франции", "LOC", "Франция"),
        ("мвд", "ORG", "МВД"),
        ("французские", "LOC", "французские"),
        ("минфин", "ORG", "минфин"),
    ],
)
def test_names_canonical_classes(text, type_, expected):
    assert normalize(text, type_, "у", "") == expected


@pytest.mark.parametrize(
    ("text", "type_", "expected"),
    [
        # an unknown word of an event or organisation is no woman's first name
        ("Грексита", "EVT", "Грексит"),
        ("Грекситу", "EVT", "Грексит"),
        # a place the dictionary does not know: the nominative the gazetteer knows
        ("Аризоне", "LOC", "Аризона"),
        ("Вермонте", "LOC", "Вермонт"),
        ("Коннектикута", "LOC", "Коннектикут"),
        ("Айове", "LOC", "Айова"),
        # a place the dictionary knows beside a woman's name
        ("Ливане", "LOC", "Ливан"),
        # an adjective is no place: «Луганской» is not «Луганск»
        ("Луганской", "LOC", "Луганская"),
    ],
)
def test_names_unknown_words(text, type_, expected):
    assert normalize(text, type_, "в", "") == expected


def test_names_place_known_as_written_stays():
    """A foreign place on -и the gazetteer knows as written does not decline into a
    larger place («Коси», a river and village, is no case of «Кос»)."""
    assert normalize("Коси", "LOC", "реки", "") == "Коси"


def test_names_group_of_people_is_no_surname():
    """«Консерваторы» capitalized is a group of people, never «Консерватора»."""
    assert normalize("Консерваторы", "PER", ",", "") == "Консерваторы"


def test_names_place_spelled_with_e_for_e_oborotnoe():
    """The gazetteer's «Нью-Гэмпшир» also names «Нью-Гемпшир»; the text's spelling stays."""
    assert normalize("Нью-Гемпшире", "LOC", "в", "") == "Нью-Гемпшир"


@pytest.mark.parametrize(
    ("text", "type_", "expected"),
    [
        # an adjective before an abbreviation is masculine where the form allows it
        ("французского МВД", "ORG", "французский МВД"),
        # a surname on -а in the dative; a surname on -ей in the genitive
        ("Петру Бандуре", "PER", "Петр Бандура"),
        ("Томаса Грея", "PER", "Томас Грей"),
    ],
)
def test_names_agreement_classes(text, type_, expected):
    assert normalize(text, type_, "к", "") == expected


def test_names_after_a_preposition_no_nominative():
    """«в Грекстата»: after a preposition an unknown word's reading as a feminine
    nominative weighs less than a masculine oblique case."""
    assert normalize("Грекстата", "ORG", "из", "") == "Грекстат"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # «Курской и Белгородской областей»: a singular adjective before a plural noun
        ("Белгородской областей", "Белгородская область"),
        ("Социалистической партиями", "Социалистическая партия"),
        ("Южного морям", "Южное море"),
        # an adjective already nominative keeps its noun
        ("Дагестанский Хунзах", "Дагестанский Хунзах"),
    ],
)
def test_names_split_group_is_singular(expected, text):
    assert normalize(text, "ORG", "", "") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an ordinal in digits agrees with its noun as an adjective does
        ("38-й гвардейской дивизии", "38-я гвардейская дивизия"),
        ("5-го армейского корпуса", "5-й армейский корпус"),
        ("14-х парламентских выборов", "14-е парламентские выборы"),
    ],
)
def test_names_ordinal_in_digits_agrees(text, expected):
    assert normalize(text, "ORG", "", "") == expected
