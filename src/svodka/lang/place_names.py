"""Place names the gazetteer knows, to pick the nominative of a word pymorphy does not.

pymorphy guesses «Неваде» as a case of «Невад» and «Делавэра» as a feminine nominative;
the gazetteer (``resources/places``) knows «Невада» and «Делавэр». A one-word place in an
oblique case gets the nominatives its ending allows (``names/place_endings.tsv``), and
the one the gazetteer knows as the largest place wins.
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib.resources import files

from svodka.lang.caches import word_cache
from svodka.resources import country_names, read_table

#: The rank of countries, regions, features and aliases: above every city's (the bit
#: length of its population).
NAMED_RANK = 64


@cache
def place_ranks() -> dict[str, int]:
    """Lowercase Russian place names with a rank: the bit length of a city's population,
    or NAMED_RANK.

    GeoNames' other names of a city include a few case forms («Харгейсе»); the word as
    written competes with its nominatives, so such a form stays as written.
    """
    ranks: dict[str, int] = {}
    for line in gzip.decompress(read_cities()).decode("utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("#") or len(fields) < 8 or not fields[7]:
            continue
        rank = int(fields[6] or 0).bit_length()  # small ints are shared (77k names: ~14.5 MB)
        for name in fields[7].lower().split("|"):
            ranks[fold(name)] = max(ranks.get(fold(name), 0), rank)
    named = [n for row in read_table("places/regions.tsv") for n in row[1].split("|")]
    named += [n for row in read_table("places/features.tsv") for n in row[0].split("|")]
    named += [row[0] for row in read_table("places/aliases.tsv")]
    named += list(country_names())
    ranks.update((fold(n.lower()), NAMED_RANK) for n in named)
    return ranks


def fold(name: str) -> str:
    """«нью-гемпшир» and «нью-гэмпшир», «шалон» and «шалён» are one name."""
    return name.replace("э", "е").replace("ё", "е")


def read_cities() -> bytes:
    return files("svodka.resources").joinpath("places/cities.tsv.gz").read_bytes()


def load_endings() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(oblique ending, nominative endings) rows, longest ending first."""
    rows = [
        (row[0].strip("-"), tuple(e.strip("-") for e in row[1].split("|")))
        for row in read_table("names/place_endings.tsv")
    ]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


PLACE_ENDINGS = load_endings()


@word_cache(0.1)
def place_nominative(word: str) -> str | None:
    """The nominative of a one-word place, lowercase: the word as written when the
    gazetteer knows a place so named («коси», «олбани»), else the largest place among the
    nominatives its ending allows («неваде» → «невада», «делавэра» → «делавэр»); None
    when it knows none."""
    ranks = place_ranks()
    if fold(word) in ranks:
        return word  # «Коси», «Олбани»: a place so named, though a larger one declines so
    best, best_rank = None, -1
    for ending, nominatives in PLACE_ENDINGS:
        if not word.endswith(ending) or len(word) - len(ending) < 2:
            continue
        stem = word[: len(word) - len(ending)]
        for nominative in nominatives:
            rank = ranks.get(fold(stem + nominative), -1)
            if rank > best_rank:
                best, best_rank = stem + nominative, rank
    return best
