"""Part of the dates stage: centuries and decades, and years with a case ending.

«XX века», «в XVIII—XIX веках», «в 20 веке», «в 1990-е», «70-е годы прошлого века», «в
девяностые», «к 2023-му». Readers have the shape of those in ``rules``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from svodka.lang import morph
from svodka.lang.text import DASHES
from svodka.stages.dates import resolve as cal
from svodka.stages.dates.context import Found, roman_digits
from svodka.stages.dates.rules import (
    DECADE_SUFFIXES,
    GOVERNS,
    SINGULAR_YEAR_WORDS,
    YEAR_SUFFIXES,
    after_year_word,
    low,
)
from svodka.stages.dates.words import CENTURY_WORDS, YEAR_WORDS, first_form

if TYPE_CHECKING:
    from svodka.stages.dates.context import Context

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
#: Forms of «век» after a century in digits, «в 20 веке», not a count, «5 веков».
SINGULAR_CENTURY_WORDS = frozenset({"века", "веке", "веку", "веком"})
#: Words before a century in plain digits: «в 20 веке», «к концу 19 века».
CENTURY_LEADS = frozenset(
    {"в", "во", "к", "до", "с", "со", "от", "после", "начале", "конце", "середине"}
    | {"начала", "конца", "середины", "началу", "концу"}
)
#: Forms of «век» after a range of centuries: «в XVIII—XIX веках».
RANGE_WORDS = CENTURY_WORDS | {"веках", "веков"}


def read_comp(ctx: Context, i: int) -> Found | None:
    """«к 2023-му», «в марте 2020-го» (years), «в 90-х годах», «в 1990-е» (decades)."""
    number, suffix = ctx.toks[i].low.split("-", 1)
    if not number.isdecimal():
        return None
    if len(number) == 4 and suffix in YEAR_SUFFIXES:
        year = int(number)
        return Found(i, after_year_word(ctx, i + 1), cal.year(year), False, "year", year)
    if len(number) in (2, 4) and number.endswith("0") and suffix in DECADE_SUFFIXES:
        if is_ordinal(ctx, i, suffix):
            return None
        start, j = cal.decade(int(number), ctx.pub), after_year_word(ctx, i + 1)
        century = century_after(ctx, j)
        if century is not None and len(number) == 2:
            start, j = century[0] + int(number), century[1]  # «70-е годы прошлого века»
        return Found(i, j, cal.year(start), len(number) == 2 and century is None, "decade")
    return None


def is_ordinal(ctx: Context, i: int, suffix: str) -> bool:
    """«на 80-м году жизни», «на 40-е место»: an ordinal, not a decade. A decade is
    plural: «в 80-м» before a singular «году», or «-е» before a neuter noun in the
    singular, is a count of years or a place."""
    nxt = low(ctx.toks, i + 1)
    if suffix == "м" and nxt in SINGULAR_YEAR_WORDS:
        return True
    if suffix != "е" or low(ctx.toks, i - 1) in ("в", "во") or not nxt.isalpha():
        return False
    tag = morph.parse(nxt)[0].tag
    return tag.POS == "NOUN" and "neut" in tag and "sing" in tag


def century_after(ctx: Context, j: int) -> tuple[int, int] | None:
    """«прошлого века», «XX века» after a decade: (the century's first year, next index)."""
    toks = ctx.toks
    if low(toks, j + 1) not in CENTURY_WORDS:
        return None
    digits = roman_digits(toks[j].text)
    if digits is not None:
        return (roman(digits) - 1) * 100, j + 2
    shift = first_form(ctx.words.shifts, toks[j].low)
    if shift is not None and ctx.pub is not None:
        return (ctx.pub.year // 100 + int(shift.value)) * 100, j + 2
    return None


def read_century(ctx: Context, i: int) -> Found | None:
    """«XX века», «в XXI веке», «в XVIII—XIX веках» (the first century of a range; the
    second is read on its own), «в 20 веке», «в 21-м веке»."""
    toks = ctx.toks
    n = century_number(toks[i].text)
    if n is None or not 1 <= n <= 21:
        return None
    words = CENTURY_WORDS
    if toks[i].kind == "num" and low(toks, i - 1) not in CENTURY_LEADS:
        return None  # «5 веков», «простояло 2 века» are counts; «в 20 веке» is a century
    if toks[i].kind != "word":
        words = SINGULAR_CENTURY_WORDS
    elif low(toks, i - 1) in DASHES and ctx.found and ctx.found[-1].grain == "century":
        words = RANGE_WORDS  # the second of «XVIII—XIX веках»
    if low(toks, i + 1) in words:
        return Found(i, i + 2, cal.year((n - 1) * 100), False, "century")
    second = century_number(toks[i + 2].text) if i + 2 < len(toks) else None
    if low(toks, i + 1) in DASHES and second is not None and low(toks, i + 3) in RANGE_WORDS:
        return Found(i, i + 1, cal.year((n - 1) * 100), False, "century")
    return None


def century_number(text: str) -> int | None:
    """The number of «XX», «ХХ-го» (Cyrillic), «20», «21-м»; else None."""
    digits = roman_digits(text)
    if digits is not None:
        return roman(digits)
    number, _, suffix = text.partition("-")
    if number.isdecimal() and len(number) <= 2 and (not suffix or suffix in YEAR_SUFFIXES):
        return int(number)
    return None


def roman(text: str) -> int:
    """The value of a Roman numeral in Latin letters: «XIX» → 19."""
    values = [ROMAN_VALUES[c] for c in text]
    return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))


def read_decade_word(ctx: Context, i: int) -> Found | None:
    """«в девяностые», «девяностых годов»."""
    toks = ctx.toks
    form = first_form(ctx.words.decades, toks[i].low)
    if form is None or not form.plural:
        return None
    if low(toks, i - 1) not in GOVERNS and low(toks, i + 1) not in YEAR_WORDS:
        return None
    start = cal.decade(int(form.value) * 10, ctx.pub)
    return Found(i, after_year_word(ctx, i + 1), cal.year(start), True, "decade")
