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
