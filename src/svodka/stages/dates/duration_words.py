"""Part of the dates stage: the words of durations, read once, and a duration being read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from svodka.lang.lexer import Tok
from svodka.lang.numbers import number_forms
from svodka.resources import read_table
from svodka.stages.dates.words import case_forms

#: Name grammemes: a parse with one is a proper name's reading.
NAMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
#: Leads that make a count of years a duration even after an age word: «ему в течение
#: трёх лет запрещено», «ей на пять лет».
DURATION_ROLES = frozenset({"lead", "qualifier", "every", "vague"})
#: The roles of the words a duration's text may start with.
LEAD_ROLES = frozenset({"lead", "also", "min", "max", "approx", "qualifier", "vague", "every"})


#: Forms of «год» that belong to «лето» (summer): «два лета» is no duration.
SUMMER_FORMS = frozenset({"лета", "летам", "летами", "летах"})
#: How far left a duration's leads reach: «более чем за 100 лет».
MAX_LEADS = 4


@dataclass(frozen=True, slots=True)
class DurationWords:
    #: a unit's form → (unit, how many of it one is): «лет» → ("year", 1), «века» → ("year", 100)
    units: dict[str, tuple[str, int]]
    #: «полгода» → ("month", 6)
    halves: dict[str, tuple[str, int]]
    numbers: dict[str, Decimal]
    #: a word around a duration → its role (see resources/dates/duration_words.tsv)
    roles: dict[str, str]


@dataclass(slots=True)
class Reading:
    """A duration at tokens ``[first, last)``: its count (None when vague), unit and
    what its leads say."""

    first: int
    last: int
    count: Decimal | None
    unit: str
    approx: bool = False
    bound: str | None = None
    kind: str = "duration"


def load_duration_words() -> DurationWords:
    """Read the units, the half-words and the words around a duration."""
    units: dict[str, tuple[str, int]] = {}
    for lemma, unit, size in read_table("dates/duration_units.tsv"):
        for form in case_forms({lemma: unit}):
            if not (lemma == "год" and form in SUMMER_FORMS):
                units.setdefault(form, (unit, int(size)))
    halves = {form: (unit, int(n)) for form, unit, n in read_table("dates/duration_halves.tsv")}
    roles = dict(read_table("dates/duration_words.tsv"))
    return DurationWords(units, halves, number_forms(), roles)


def low(toks: Sequence[Tok], k: int) -> str:
    return toks[k].low if 0 <= k < len(toks) else ""
