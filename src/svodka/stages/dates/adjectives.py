"""Part of the dates stage: readers of the adjectives of day and month words.

«с сегодняшнего дня», «на вчерашнем заседании» name a day; «сентябрьский рост цен», «в
майском номере» a month, resolved like «в сентябре».
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from svodka.stages.dates import resolve as cal
from svodka.stages.dates.context import Found
from svodka.stages.dates.rules import low
from svodka.stages.dates.words import first_form

if TYPE_CHECKING:
    from svodka.stages.dates.context import Context

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
