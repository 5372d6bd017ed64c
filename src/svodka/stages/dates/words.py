"""Part of the dates stage: its word lists, read once into form → meaning lookups.

Month, weekday, season and period words are listed by lemma in ``resources/dates/``;
their case forms come from pymorphy3's paradigms, each with its grammatical case, so
«с марта» (genitive) is a date and «с Мартой» (instrumental, a name) is not.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from svodka.lang import morph
from svodka.lang.numbers import number_forms
from svodka.resources import read_lines, read_table

#: Forms of «год» a year number is followed by: «в 2021 году», «2018 - 2020 годах», «г.».
YEAR_WORDS = frozenset(read_lines("dates/year_words.txt"))
#: Forms of «век»: «XX века», «в XXI веке».
CENTURY_WORDS = frozenset(read_lines("dates/century_words.txt"))
#: The part of a period a date names: «с начала года», «в конце мая».
EDGES = frozenset(read_lines("dates/edges.txt"))
#: Words that start a date besides the word lists: «накануне», «начала года», «того же».
TRIGGERS = EDGES | frozenset(read_lines("dates/triggers.txt"))
#: Adjectives between a shift and its period: «в минувшем финансовом году».
PERIOD_ADJECTIVES = frozenset(read_lines("dates/period_adjectives.txt"))
#: «выходные», «выходных»: the nearest weekend, «за выходные».
WEEKENDS = frozenset(read_lines("dates/weekends.txt"))
#: «половине», «квартале»: a part of the year after an ordinal, «ко второй половине года».
HALVES = frozenset(read_lines("dates/halves.txt"))


@dataclass(frozen=True, slots=True)
class Form:
    """A word form: what it means (a month number, a weekday, …), case and number."""

    value: int | str
    case: str
    plural: bool


@dataclass(frozen=True, slots=True)
class DateWords:
    months: dict[str, list[Form]]
    weekdays: dict[str, list[Form]]
    seasons: dict[str, list[Form]]
    days: dict[str, int]
    shifts: dict[str, list[Form]]
    decades: dict[str, list[Form]]
    units: dict[str, list[Form]]
    day_parts: frozenset[str]
    numbers: dict[str, Decimal]
    #: «сегодняшнего», «вчерашнем» → days from publication
    day_adjectives: dict[str, list[Form]]
    #: «сентябрьский», «майских» → the month's number
    month_adjectives: dict[str, list[Form]]
    #: «тот», «следующего», «другой» → their lemma: «в тот же день», «на следующий день»
    anchors: dict[str, list[Form]]
    #: «прошлогодний», «прошлогодних» → years from publication
    year_adjectives: dict[str, list[Form]]
    #: «субботний», «воскресном» → the weekday's number
    weekday_adjectives: dict[str, list[Form]]
    #: every word some date reader starts at; others are skipped at once
    triggers: frozenset[str] = frozenset()


def load_words() -> DateWords:
    """Read every dates word list."""
    shifts = {w: s for w, s in read_table("dates/shifts.tsv") if " " not in w}
    words = DateWords(
        months=case_forms({w: int(n) for w, n in read_table("dates/months.tsv")}),
        weekdays=case_forms({w: int(n) for w, n in read_table("dates/weekdays.tsv")}),
        seasons=case_forms({w: int(n) for w, n in read_table("dates/seasons.tsv")}),
        days={w: int(n) for w, n in read_table("dates/days.tsv")},
        shifts=case_forms(shifts),
        decades=case_forms({w: int(n) for w, n in read_table("dates/decades.tsv")}),
        units=case_forms(dict(read_table("dates/units.tsv"))),
        day_parts=frozenset(read_lines("dates/day_parts.txt")),
        numbers=number_forms(),
        day_adjectives=case_forms({w: int(n) for w, n in read_table("dates/day_adjectives.tsv")}),
        month_adjectives=case_forms(
            {w: int(n) for w, n in read_table("dates/month_adjectives.tsv")}
        ),
        anchors=case_forms({row[0]: row[0] for row in read_table("dates/day_anchors.tsv")}),
        year_adjectives=case_forms({w: int(n) for w, n in read_table("dates/year_adjectives.tsv")}),
        weekday_adjectives=case_forms(
            {w: int(n) for w, n in read_table("dates/weekday_adjectives.tsv")}
        ),
    )
    triggers = set(TRIGGERS) | set(words.days) | set(words.numbers) | WEEKENDS | HALVES
    triggers.update(row[0] for row in read_table("dates/holidays.tsv", 3))
    tables = (words.months, words.weekdays, words.seasons, words.shifts, words.decades)
    adjectives = (
        words.day_adjectives,
        words.month_adjectives,
        words.year_adjectives,
        words.weekday_adjectives,
    )
    for table in (*tables, *adjectives, words.anchors):
        triggers.update(table)
    triggers.update(words.units)
    return replace(words, triggers=frozenset(triggers))


def case_forms(lemmas: dict[str, int | str]) -> dict[str, list[Form]]:
    """Every case form of every lemma: «марте» → [Form(3, "loct", False)]; a participle
    or superlative listed in the masculine nominative declines as one («наступающем»,
    not every form of «наступать»)."""
    forms: dict[str, list[Form]] = {}
    for lemma, value in lemmas.items():
        for p in lexeme_parses(lemma):
            for f in p.lexeme:
                if p.normal_form != lemma and not same_kind(f.tag, p.tag):
                    continue
                case = morph.case_of(f.tag) or ""
                form = Form(value, case, "plur" in f.tag)
                word = f.word.replace("ё", "е")
                if form not in forms.setdefault(word, []):
                    forms[word].append(form)
        forms.setdefault(lemma, [Form(value, "nomn", False)])
    return forms


def lexeme_parses(lemma: str) -> list:
    """The readings of a listed word whose forms are its own: those with it as their
    normal form, else those of the word itself (a participle, a superlative)."""
    parses = morph.analyzer().parse(lemma)
    own = [p for p in parses if p.normal_form == lemma]
    return own or [p for p in parses if p.word == lemma and p.tag.POS in ("ADJF", "PRTF")]


def same_kind(tag, like) -> bool:
    """A form of the same participle or superlative: part of speech, tense, voice and
    degree as ``like``."""
    keep = {"ADJF", "PRTF", "pres", "past", "actv", "pssv", "Supr"}
    return tag.POS == like.POS and (keep & set(tag.grammemes)) == (keep & set(like.grammemes))


def first_form(
    table: dict[str, list[Form]], word: str, cases: frozenset[str] | None = None
) -> Form | None:
    """The first form of ``word`` in ``table`` (in one of ``cases``, when given)."""
    for form in table.get(word, ()):
        if cases is None or form.case in cases:
            return form
    return None
