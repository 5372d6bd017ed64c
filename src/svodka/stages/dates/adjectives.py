"""Part of the dates stage: readers of the adjectives of day and month words.

«с сегодняшнего дня», «на вчерашнем заседании» name a day; «субботняя акция», «на воскресном
матче» the nearest such weekday, as «в субботу»; «сентябрьский рост цен», «в майском
номере» a month, resolved like «в сентябре».
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from svodka.lang import morph
from svodka.resources import read_lines
from svodka.stages.dates import resolve as cal
from svodka.stages.dates.context import Found
from svodka.stages.dates.rules import low, read_day_month
from svodka.stages.dates.words import first_form

if TYPE_CHECKING:
    from svodka.stages.dates.context import Context

#: Words before a weekday adjective that make it a repetition: «по субботним дням».
NOT_WEEKDAY = frozenset(read_lines("dates/frequency_words.txt"))
#: Nouns after a weekday adjective that make it a habit or a name: «воскресная школа».
WEEKDAY_HABITS = frozenset(read_lines("dates/weekday_habits.txt"))
#: Forms of «день» that join a day adjective: «с сегодняшнего дня», «на сегодняшний день».
DAY_NOUNS = frozenset({"день", "дня", "дню", "днем", "дне"})


def read_day_adjective(ctx: Context, i: int) -> Found | None:
    """«со вчерашнего дня», «сегодняшнее заседание»: the day it names."""
    form = first_form(ctx.words.day_adjectives, ctx.toks[i].low)
    if form is None or ctx.is_name(i):
        return None
    value = cal.day(ctx.pub + timedelta(days=int(form.value))) if ctx.pub else None
    last = i + 2 if low(ctx.toks, i + 1) in DAY_NOUNS else i + 1
    return Found(i, last, value, True, "day")


def read_weekday_adjective(ctx: Context, i: int) -> Found | None:
    """«субботняя акция», «после субботней молитвы», «на прошлом воскресном матче»: the
    nearest such day, past or future by the verb; not «по субботним дням» (plural, a
    habit), «воскресная школа» nor a capitalised name inside a sentence."""
    form = first_form(ctx.words.weekday_adjectives, ctx.toks[i].low)
    if form is None or form.plural or ctx.is_name(i) or low(ctx.toks, i - 1) in NOT_WEEKDAY:
        return None
    if morph.lemma(low(ctx.toks, i + 1)) in WEEKDAY_HABITS:
        return None
    if low(ctx.toks, i + 2)[:1].isdecimal() and (explicit := read_day_month(ctx, i + 2)):
        explicit.first = i  # «в субботний полдень 9 апреля»: one date
        return explicit
    direction = ctx.weekday_direction(i)
    value = cal.day(cal.weekday(ctx.pub, int(form.value), direction)) if ctx.pub else None
    return Found(i, i + 1, value, True, "day")


def read_month_adjective(ctx: Context, i: int) -> Found | None:
    """«сентябрьский рост цен», «в январском номере»: the month, as «в сентябре»; not
    «Октябрьский район», a capitalised name inside a sentence."""
    form = first_form(ctx.words.month_adjectives, ctx.toks[i].low)
    if form is None or ctx.is_name(i):
        return None
    value = cal.month_only(ctx.pub, int(form.value), ctx.direction(i)) if ctx.pub else None
    return Found(i, i + 1, value, True, "month")


def read_year_adjective(ctx: Context, i: int) -> Found | None:
    """«на прошлогоднем параде», «позапрошлогодний рекорд»: the year it names."""
    form = first_form(ctx.words.year_adjectives, ctx.toks[i].low)
    if form is None or ctx.is_name(i):
        return None
    year = ctx.pub.year + int(form.value) if ctx.pub else None
    return Found(i, i + 1, cal.year(year) if year else None, True, "year", year)
