"""Name classes of issue 16 that the word lists in resources/names/ settle."""

import pytest


@pytest.mark.parametrize(
    ("text", "before", "after", "expected"),
    [
        # «-заде», «-дзе», «-швили», «-енко» never decline, so the first name declines alone
        ("Мохсена Фахризаде", "ученого", "", "Мохсен Фахризаде"),
        ("Петра Порошенко", "у", "", "Петр Порошенко"),
        # a listed foreign woman's name read as hers, not as a rare man's genitive
        ("Асии Биби", "у", "", "Асия Биби"),
        ("Дина Юнусова", ".", "", "Дина Юнусова"),
        # the instrumental in -ем after ц, ж, ш, ч, щ
        ("Себастьяном Курцем", "с", "", "Себастьян Курц"),
        # a foreign man's name on -а may be his nominative when a verb of his says so
        ("Никола Калинич", '"', "отправил", "Никола Калинич"),
        # …while a name on a consonant in the genitive still loses its -а
        ("Трампа", "у", "", "Трамп"),
        ("Бориса Джонсона", "у", "", "Борис Джонсон"),
    ],
)
def test_names_classes_settled_by_word_lists(text, before, after, expected):
    from svodka.lang.names import normalize

    assert normalize(text, "PER", before, after) == expected
