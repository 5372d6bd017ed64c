"""Part of the dates stage: dates written with numbers only, or with an ordinal day.

«05/08/2008» and «24/06/2016» (day first; month first only when the day-first reading
is no date), «2013-01-10» (ISO 8601), «1-го сентября» (a day written as an ordinal), and
the year of an event written into its name, «ЧМ-2018», «на Олимпиаде-2016», «Мисс
Америка-2013» (the mention is the year alone). The lexer cuts «05/08/2008» into a fraction
«05/08», a slash and a year, and «2013-01-10» into three numbers and two dashes; the parts
must touch. A season across two years, «сезон 2016/17», «в сезонах 2002/03, 2004/05»,
«2008/2009», is a date of its first year; «9/11» (a name) and «№178/2017» are not dates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from svodka.stages.dates import resolve as cal
from svodka.stages.dates import rules
from svodka.stages.dates.context import Found

if TYPE_CHECKING:
    from svodka.stages.dates.context import Context

#: Case endings of a day written as an ordinal: «1-го сентября», «1-е мая».
DAY_SUFFIXES = frozenset({"го", "е"})
#: The years an event's name may carry: «ЧМ-1986», «Стратегия-2050»; not «ГАЗ-3302».
NAMED_YEARS = range(1900, 2100)


def read_slashed(ctx: Context, i: int) -> Found | None:
    """«05/08/2008»: a day, a month and a year between slashes."""
    toks = ctx.toks
    if i + 2 >= len(toks) or toks[i + 1].text != "/" or not touching(ctx, i, i + 3):
        return None
    year_text = toks[i + 2].text
    if toks[i + 2].kind != "num" or len(year_text) != 4 or not year_text.isdecimal():
        return None
    first, second = (int(p) for p in toks[i].text.split("/"))
    year = int(year_text)
    found = cal.valid_day(year, second, first) or cal.valid_day(year, first, second)
    if found is None:
        return None
    return Found(i, i + 3, cal.day(found), False, "day", year)


def read_season(ctx: Context, i: int) -> Found | None:
    """«2016/17», «2008/2009»: a season from one year into the next, dated by its first
    year (grain year); two years that do not follow each other are no season."""
    first, _, second = ctx.toks[i].text.partition("/")
    if len(first) != 4 or len(second) not in (2, 4) or not (first + second).isdecimal():
        return None
    year, nxt = int(first), int(second)
    if year not in NAMED_YEARS or nxt not in (year + 1, (year + 1) % 100):
        return None
    if i + 1 < len(ctx.toks) and ctx.toks[i + 1].text == "/" and touching(ctx, i, i + 2):
        return None  # «2016/17/…»: some other code
    return Found(i, i + 1, cal.year(year), False, "year", year)


def read_iso(ctx: Context, i: int) -> Found | None:
    """«2013-01-10»: a year, a month and a day between hyphens."""
    toks = ctx.toks
    if i + 4 >= len(toks) or len(toks[i].text) != 4 or not touching(ctx, i, i + 5):
        return None
    parts = [toks[k].text for k in (i, i + 2, i + 4)]
    if toks[i + 1].text != "-" or toks[i + 3].text != "-" or not all(p.isdecimal() for p in parts):
        return None
    if len(parts[1]) != 2 or len(parts[2]) != 2:
        return None
    found = cal.valid_day(int(parts[0]), int(parts[1]), int(parts[2]))
    if found is None or not 1000 <= found.year <= 2100:
        return None
    return Found(i, i + 5, cal.day(found), False, "day", found.year)


def read_ordinal_day(ctx: Context, i: int) -> Found | None:
    """«1-го сентября», «1-е мая»: a day written as an ordinal, before its month."""
    number, suffix = ctx.toks[i].low.split("-", 1)
    if suffix not in DAY_SUFFIXES or not rules.is_day(number):
        return None
    return rules.read_day_month(ctx, i, number)


def touching(ctx: Context, first: int, last: int) -> bool:
    """Whether tokens ``[first, last)`` follow each other with no space between."""
    toks = ctx.toks
    return all(toks[k].stop == toks[k + 1].start for k in range(first, last - 1))


def read_named_year(ctx: Context, i: int) -> Found | None:
    """«ЧМ-2018», «Олимпиаде-2016», «Сочи-2014»: a word and a year joined by a hyphen name
    an event of that year; the mention is the year. Not a model number: «ГАЗ-3302», «Су-35»."""
    tok = ctx.toks[i]
    head, dash, tail = tok.text.rpartition("-")
    if not dash or not head.isalpha() or len(tail) != 4 or not tail.isdecimal():
        return None
    year = int(tail)
    if year not in NAMED_YEARS or ctx.counts_after(i + 1):
        return None
    return Found(i, i + 1, cal.year(year), False, "year", year, start=tok.stop - 4)
