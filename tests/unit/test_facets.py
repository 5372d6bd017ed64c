"""Filters as tokens of the full-text index (``store/facets.py``): a date range's tokens
keep exactly the days inside it, and a document's tokens are what its rows say."""

from __future__ import annotations

import random
from datetime import date, timedelta

from svodka.store import facets


def kept(tokens: list[str], day: date) -> bool:
    return bool(set(facets.dated_text(day).split()) & set(tokens))


def test_a_range_is_the_fewest_whole_years_months_and_days():
    tokens = facets.range_tokens(date(2006, 12, 30), date(2008, 2, 29))
    assert tokens == ["d20061230", "d20061231", "y2007", "m200801", "m200802"]
    assert facets.range_tokens(date(2020, 3, 5), date(2020, 3, 4)) == []
    assert facets.range_tokens(date(2020, 1, 1), date(2020, 1, 1)) == ["d20200101"]


def test_a_range_keeps_exactly_the_days_inside_it():
    rng = random.Random(7)
    for _ in range(200):
        first = date(2000, 1, 1) + timedelta(days=rng.randrange(3000))
        last = first + timedelta(days=rng.randrange(-5, 800))
        tokens = facets.range_tokens(first, last)
        assert len(tokens) <= 90
        for offset in range(-40, (last - first).days + 40, 3):
            day = first + timedelta(days=offset)
            assert kept(tokens, day) == (first <= day <= last), (first, last, day)


def test_the_last_day_there_is_ends_a_range():
    assert facets.range_tokens(date(9999, 12, 1), date.max) == ["m999912"]


def test_a_document_is_about_its_entities_types_and_source():
    about = facets.about_text(["per:а б", "per:а б", "loc:в"], ["PER", "LOC"], "ТАСС")
    tokens = about.split()
    assert facets.entity_token("per:а б") in tokens and facets.entity_token("loc:в") in tokens
    assert {"tper", "tloc", facets.source_token("ТАСС")} < set(tokens)
    assert len(tokens) == 5 and all(t.isalnum() and t.isascii() for t in tokens)
    assert facets.dated_text(None) == "" and facets.dated_text(date(2024, 2, 9)).split() == [
        "y2024",
        "m202402",
        "d20240209",
    ]
