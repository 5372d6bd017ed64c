"""Part of the dates stage: readers of parts of a year and of the weekend.

«ко второй половине года», «в первом квартале 2020 года», «в первом полугодии» give the
year; «за выходные», «на прошлых выходных» the month of that weekend.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from svodka.lang import morph
from svodka.stages.dates import resolve as cal
from svodka.stages.dates.context import MODIFIERS, Found
from svodka.stages.dates.rules import low, year_after
from svodka.stages.dates.words import HALVES, WEEKENDS

if TYPE_CHECKING:
    from svodka.stages.dates.context import Context

#: Ordinals that number a part of a year: «ко второй половине года».
ORDINALS = frozenset({"первый", "второй", "третий", "четвертый"})
#: Parts that are of a year even without «года»: «в третьем квартале», «в первом полугодии».
YEAR_PARTS = ("квартал", "полугоди")
#: Words before «выходные» that make them one weekend: «за выходные», «на выходных»; and
#: the modifiers of dates by their lemma: «в эти выходные», «в минувшие выходные».
WEEKEND_LEADS = frozenset({"за", "на", "в", "во"})
SATURDAY = 5


def read_year_part(ctx: Context, i: int) -> Found | None:
    """«ко второй половине года», «во второй половине 2020 года», «в первом квартале»: the
    year; not «во второй половине дня» nor «половина года» without an ordinal."""
    toks = ctx.toks
    word = toks[i].low
    if word not in HALVES or i == 0 or morph.lemma(low(toks, i - 1)) not in ORDINALS:
        return None
    year = year_after(ctx, i + 1)
    if year is not None:
        value = cal.year(year[0]) if year[0] is not None else None
        return Found(i - 1, year[1], value, year[2], "year", year[0])
    if low(toks, i + 1) == "года":
        last = i + 2
    elif word.startswith(YEAR_PARTS):
        last = i + 1
    else:
        return None
    this = ctx.pub.year if ctx.pub else None
    return Found(i - 1, last, cal.year(this) if this else None, True, "year", this)


def read_weekend(ctx: Context, i: int) -> Found | None:
    """«За выходные выпал снег», «на выходных»: the month of the nearest weekend (past or
    future by the verb), as the GUIDE gives a week its month: two days are no one day.
    «в выходные» with a present-tense verb is a habit."""
    before = low(ctx.toks, i - 1)
    if ctx.toks[i].low not in WEEKENDS:
        return None
    if before not in WEEKEND_LEADS and morph.lemma(before) not in MODIFIERS:
        return None
    direction = ctx.weekday_direction(i)
    if direction == cal.NEAREST and low(ctx.toks, i - 1) in ("в", "во", "на"):
        return None  # «в выходные магазины не работают»
    saturday = cal.weekday(ctx.pub, SATURDAY, direction) if ctx.pub else None
    value = cal.month(saturday.year, saturday.month) if saturday else None
    return Found(i, i + 1, value, True, "month")
