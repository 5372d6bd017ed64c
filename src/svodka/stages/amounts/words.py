"""Part of the amounts stage: its word lists, read once from ``resources/amounts/``
into lookups.

Number words, multipliers and currency names are listed by lemma; every inflected form is
generated here from pymorphy3's paradigms, so matching a token is one dict lookup
(«двух» → 2, «миллиардов» → 1e9, «рублей» → RUB) and no parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from svodka.lang.morph import inflections
from svodka.lang.numbers import number_forms
from svodka.resources import read_lines, read_table


@dataclass(frozen=True, slots=True)
class Lexicon:
    numbers: dict[str, Decimal]
    multipliers: dict[str, Decimal]
    #: word form, sign or code → [(code, qualifier lemma or "")], the default last
    currencies: dict[str, list[tuple[str, str]]]
    #: word form → [(country, code)], the first is the default
    country_currencies: dict[str, list[tuple[str, str]]]
    hedges: dict[tuple[str, ...], str]
    longest_hedge: int
    units: dict[str, str]
    per: dict[str, frozenset[str]]
    markers: frozenset[str]
    compounds: tuple[tuple[str, str, str], ...]
    prefix_values: dict[str, Decimal]
    #: a number prefix and a measure stem: «(двух)(дневн)ой»; one match per word
    compound_words: re.Pattern[str]
    adverbs: dict[str, tuple[Decimal, str | None, str | None]]
    fractions: dict[str, Decimal]
    back_references: frozenset[str]
    streets: frozenset[str]
    change_verbs: frozenset[str]
    percent: frozenset[str]
    #: every form of a collective numeral: «шестерых», «двоих»
    collectives: frozenset[str]
    #: «копеек», «цента» → (code, part of the unit)
    subunits: dict[str, tuple[str, Decimal]]


def load_lexicon() -> Lexicon:
    """Read every amounts word list."""
    hedges = {tuple(row[0].split()): row[1] for row in read_table("amounts/hedges.tsv")}
    compounds = tuple(padded(row, 3) for row in read_table("amounts/compounds.tsv"))
    prefixes = {p: Decimal(v) for p, v in read_table("amounts/prefixes.tsv")}
    return Lexicon(
        numbers=number_forms(),
        multipliers={
            form: Decimal(factor)
            for word, factor in read_table("amounts/multipliers.tsv")
            for form in inflections(word)
        },
        currencies=currency_forms(),
        country_currencies=country_currency_forms(),
        hedges=hedges,
        longest_hedge=max(len(k) for k in hedges),
        units=dict(read_table("amounts/units.tsv")),
        per=per_words(),
        markers=frozenset(read_lines("amounts/label_markers.txt")),
        compounds=compounds,
        prefix_values=prefixes,
        compound_words=re.compile(
            f"({'|'.join(sorted(prefixes, key=len, reverse=True))})"
            f"(?:{'|'.join(stem for stem, _, _ in compounds)})"
        ),
        adverbs={
            row[0]: (Decimal(row[1]), row[2] or None, row[3] or None)
            for row in (padded(r, 4) for r in read_table("amounts/adverbs.tsv"))
        },
        fractions={
            form: Decimal(den)
            for word, den in read_table("amounts/fractions.tsv")
            for form in inflections(word, strict=True)
        },
        back_references=frozenset(read_lines("amounts/back_references.txt")),
        streets=frozenset(read_lines("amounts/street_words.txt")),
        change_verbs=frozenset(read_lines("amounts/change_verbs.txt")),
        percent=frozenset(
            f for w in read_lines("amounts/percent_words.txt") for f in inflections(w)
        ),
        collectives=frozenset(
            f for w in read_lines("amounts/collectives.txt") for f in inflections(w, strict=True)
        ),
        subunits={
            form: (code, Decimal(part))
            for word, code, part in read_table("amounts/subunits.tsv")
            for form in inflections(word)
        },
    )


def padded(row: tuple[str, ...], size: int) -> tuple[str, ...]:
    """A table row with empty cells up to ``size`` (trailing tabs are stripped on read)."""
    return row + ("",) * (size - len(row))


def currency_forms() -> dict[str, list[tuple[str, str]]]:
    """Each currency word form, sign or code with its codes, qualified rows first."""
    forms: dict[str, list[tuple[str, str]]] = {}
    for row in read_table("amounts/currencies.tsv"):
        word, code, qualifier = padded(row, 3)
        keys = {word} if not word.isalpha() or word.isupper() else inflections(word)
        for key in keys:
            forms.setdefault(key, []).append((code, qualifier))
    for options in forms.values():
        options.sort(key=lambda cq: cq[1] == "")
    return forms


def country_currency_forms() -> dict[str, list[tuple[str, str]]]:
    """«крон» → [(Швеция, SEK), (Эстония, EEK), …]."""
    forms: dict[str, list[tuple[str, str]]] = {}
    for word, country, code in read_table("amounts/currency_countries.tsv"):
        keys = {word} if not word.isalpha() else inflections(word)
        for key in keys:
            forms.setdefault(key, []).append((country, code))
    return forms


def per_words() -> dict[str, frozenset[str]]:
    """Preposition → lemmas that make an amount a rate after it («в год», «на место»)."""
    table: dict[str, set[str]] = {}
    for prep, word in read_table("amounts/per.tsv"):
        table.setdefault(prep, set()).add(word)
    return {prep: frozenset(words) for prep, words in table.items()}
