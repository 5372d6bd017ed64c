"""Part of the dates stage: readers of relative dates, resolved against publication.

«сегодня», «накануне», «в понедельник», «в прошлом году», «на следующей неделе», «этим
летом», «с начала года», «две недели назад». Absolute dates are in ``rules``.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from svodka.lang import morph
from svodka.lang.lexer import digits_value
from svodka.resources import read_lines, read_table
from svodka.stages.dates import resolve as cal
from svodka.stages.dates.context import MODIFIERS, Found
from svodka.stages.dates.rules import (
    ABLT,
    GOVERNS,
    YEAR_WORDS,
    low,
    read_day_month,
    year_after,
)
from svodka.stages.dates.words import CENTURY_WORDS, EDGES, PERIOD_ADJECTIVES, first_form

if TYPE_CHECKING:
    from svodka.stages.dates.context import Context

#: «с» before a weekday and «на» after it: «в ночь с четверга на пятницу».
NIGHT_FROM = frozenset({"с", "со"})
NIGHT = frozenset({"ночь", "ночью"})
#: Words that make a weekday a repetition: «каждый вторник», «по вторникам».
NOT_WEEKDAY = frozenset(read_lines("dates/frequency_words.txt"))
AGO = "назад"
#: «в позапрошлую пятницу»: a week before the last one.
BEFORE_LAST = "позапрошлый"
#: «пять лет тому назад»: the word that may stand before «назад».
AGO_LINK = "тому"
#: Periods after an edge: «с начала года», «в конце месяца», «в середине недели».
EDGE_PERIODS = frozenset({"года", "месяца", "недели"})
#: The cases «среда» takes as a weekday after each preposition: «в среду», «со среды».
WEDNESDAY_CASES = {
    **dict.fromkeys(("в", "во", "на", "за", "через"), frozenset({"accs"})),
    **dict.fromkeys(("с", "со", "c", "до", "после", "от"), frozenset({"gent"})),
    **dict.fromkeys(("к", "ко"), frozenset({"datv"})),
}
#: Holidays by the forms of their first word: (month, day), «Нового года» → (1, 1).
HOLIDAYS = {row[0]: (int(row[1]), int(row[2])) for row in read_table("dates/holidays.tsv", 3)}
HOLIDAY_PREPOSITIONS = frozenset(read_lines("dates/holiday_prepositions.txt"))
#: Hedges of «N лет назад»: «около 47 лет назад».
AGO_HEDGES = frozenset(read_lines("dates/ago_hedges.txt"))


def read_day_word(ctx: Context, i: int) -> Found | None:
    """«сегодня», «вчера», «позавчера», «завтра» (with «утром», «вечером» …)."""
    shift = ctx.words.days.get(ctx.toks[i].low)
    if shift is None:
        return None
    value = cal.day(ctx.pub + timedelta(days=shift)) if ctx.pub else None
    return Found(i, ctx.past_day_part(i + 1), value, True, "day")


def read_eve(ctx: Context, i: int) -> Found | None:
    """«накануне»: the day before the last day named in this or the previous sentence, else
    before publication; «накануне выборов» is the eve of an event, not datable, and not
    reported."""
    if ctx.toks[i].low != "накануне":
        return None
    if ctx.eve_of_event(i + 1):
        return None
    ref = ctx.reference_day(i)
    value = cal.day(ref - timedelta(days=1)) if ref else None
    return Found(i, i + 1, value, True, "day", anchor=False)


def read_weekday(ctx: Context, i: int) -> Found | None:
    """«в понедельник», «вечером в пятницу», «вторника», «В четверг, 1 мая»."""
    toks = ctx.toks
    form = first_form(ctx.words.weekdays, toks[i].low)
    if form is None or form.plural or low(toks, i - 1) in NOT_WEEKDAY:
        return None
    if form.value == 2 and not is_wednesday(ctx, i):
        return None  # «среда» is also "environment": «в среде», «среды обитания»
    if low(toks, i - 1) in NIGHT_FROM and low(toks, i + 1) == "на" and low(toks, i - 2) in NIGHT:
        return None  # «в ночь с четверга на пятницу» is the Friday; «за сутки со вторника
        # на среду» are both days
    k = i + 1 + (low(toks, i + 1) == ",")
    if k < len(toks) and toks[k].kind == "num":
        explicit = read_day_month(ctx, k)  # «В четверг, 1 мая», «в пятницу 13 ноября»
        if explicit is not None:
            explicit.first = i
            return explicit
    direction = ctx.weekday_direction(i)
    day = cal.weekday(ctx.pub, int(form.value), direction) if ctx.pub else None
    if day is not None:
        day += timedelta(weeks=marked_weeks(ctx, i, day))
    return Found(i, ctx.past_day_part(i + 1), cal.day(day) if day else None, True, "day")


def marked_weeks(ctx: Context, i: int, day: date) -> int:
    """Weeks to move a weekday by its modifier: «в прошлую пятницу» in a Friday's article
    is the Friday before, «в позапрошлую пятницу» a week earlier still, «в следующую
    пятницу» the next one, not the publication day."""
    marker = morph.lemma(low(ctx.toks, i - 1))
    way = MODIFIERS.get(marker)
    if way == "past":
        return -(day >= ctx.pub) - (marker == BEFORE_LAST)
    if way == "next":
        return int(day <= ctx.pub)
    return 0


def is_wednesday(ctx: Context, i: int) -> bool:
    """«в среду», «со среды», «с этой среды», «к среде»: a form of «среда» that a
    preposition before it (past «этой», «прошлой») governs, but not «в среде»."""
    k = i - 1
    if k > 0 and morph.lemma(low(ctx.toks, k)) in MODIFIERS:
        k -= 1
    cases = WEDNESDAY_CASES.get(low(ctx.toks, k), frozenset())
    return any(f.case in cases for f in ctx.words.weekdays.get(ctx.toks[i].low, ()))


def read_shifted(ctx: Context, i: int) -> Found | None:
    """«в прошлом году», «этого года», «на следующей неделе», «в прошлом месяце», «этим
    летом», «в том же году»."""
    toks, words = ctx.toks, ctx.words
    tok = toks[i]
    if tok.low in ("том", "тот", "того") and low(toks, i + 1) == "же":  # «в том же году»
        if low(toks, i + 2) in YEAR_WORDS:
            year = ctx.last_year()
            return Found(i, i + 3, cal.year(year) if year else None, True, "year", year)
        return None
    shift = first_form(words.shifts, tok.low)
    if shift is None or i + 1 >= len(toks):
        return None
    j = i + 1 + (morph.lemma(toks[i + 1].low) in PERIOD_ADJECTIVES)  # «минувшем финансовом году»
    if j >= len(toks):
        return None
    n, period, end = int(shift.value), toks[j].low, j + 1
    unit = first_form(words.units, period)
    season = first_form(words.seasons, period)
    if (unit is not None and unit.plural) or (season is not None and season.plural):
        return None  # «в прошлые годы» is no one year
    if unit is not None and unit.value == "day" and not period.startswith("недел"):
        return None  # «в этот день» depends on the story
    if ctx.pub is None:
        if unit is None and season is None and period not in CENTURY_WORDS:
            return None
        grain = "season" if season else "century" if unit is None else str(unit.value)
        return Found(i, end, None, True, "week" if period.startswith("недел") else grain)
    if period.startswith("недел"):
        return Found(i, end, cal.week(ctx.pub, n), True, "week")
    if unit is not None and unit.value == "year":
        return Found(i, end, cal.year(ctx.pub.year + n), True, "year", ctx.pub.year + n)
    if unit is not None and unit.value == "month":
        total = ctx.pub.year * 12 + ctx.pub.month - 1 + n
        return Found(i, end, cal.month(total // 12, total % 12 + 1), True, "month")
    if season is not None and not season.plural:
        return Found(i, end, cal.year(ctx.pub.year + n), True, "season")
    if period in CENTURY_WORDS:
        return Found(i, end, cal.year((ctx.pub.year // 100 + n) * 100), True, "century")
    return None


def read_holiday(ctx: Context, i: int) -> Found | None:
    """«до Нового года», «в Новый год», «к Новому году»: the holiday's day, the coming one
    after «до», «к», «перед», else the nearest by the verb's tense; not «в новом году»."""
    toks = ctx.toks
    day = HOLIDAYS.get(toks[i].low)
    if day is None or low(toks, i + 1) not in YEAR_WORDS or low(toks, i - 1) == "старый":
        return None
    ahead = low(toks, i - 1) in HOLIDAY_PREPOSITIONS
    if not (toks[i].text[:1].isupper() or ahead):
        return None
    direction = ctx.direction(i)
    if ahead and direction != cal.PAST:
        direction = cal.FUTURE
    value = cal.day_month(ctx.pub, day[1], day[0], direction) if ctx.pub else None
    return Found(i, i + 2, value, True, "day")


def read_edge_year(ctx: Context, i: int) -> Found | None:
    """«с начала года», «до конца года»: the current year; «в начале месяца» the month of
    the story's last date, else the current one; «в середине недели» the current week."""
    toks = ctx.toks
    period = low(toks, i + 1)
    if toks[i].low not in EDGES or period not in EDGE_PERIODS:
        return None
    nxt = toks[i + 2] if i + 2 < len(toks) else None
    if nxt is not None and (nxt.kind in ("num", "comp") or nxt.low in ctx.words.shifts):
        return None
    if period == "месяца":
        return edge_month(ctx, i)
    if period == "недели":
        return Found(i, i + 2, cal.week(ctx.pub, 0) if ctx.pub else None, True, "week")
    value = cal.year(ctx.pub.year) if ctx.pub else None
    return Found(i, i + 2, value, True, "year", ctx.pub.year if ctx.pub else None)


def edge_month(ctx: Context, i: int) -> Found:
    """«в начале месяца»: the month of a date in this or the previous sentence («В мае … В
    конце месяца …»), else the month of publication."""
    anchor = ctx.anchor(i, "month", 1)
    if anchor is not None:
        value = anchor.value[:7] if anchor.value else None
        return Found(i, i + 2, value, True, "month", anchor.year)
    value = cal.month(ctx.pub.year, ctx.pub.month) if ctx.pub else None
    return Found(i, i + 2, value, True, "month", ctx.pub.year if ctx.pub else None)


def read_season(ctx: Context, i: int) -> Found | None:
    """«летом», «к лету», «за лето», «весной 2003 года», «осенью прошлого года»."""
    toks = ctx.toks
    year = year_after(ctx, i + 1)
    cases = GOVERNS.get(low(toks, i - 1), ABLT)
    form = first_form(ctx.words.seasons, toks[i].low, cases | ABLT)
    if form is None or form.plural or (form.case != "ablt" and form.case not in cases):
        return None
    if year is not None:
        value = cal.year(year[0]) if year[0] is not None else None
        return Found(i, year[1], value, year[2], "season", year[0])
    value = cal.season(ctx.pub, int(form.value), ctx.direction(i)) if ctx.pub else None
    return Found(i, i + 1, value, True, "season")


def read_ago(ctx: Context, i: int) -> Found | None:
    """«год назад», «две недели назад», «около 47 лет назад», «полгода назад»;
    «несколько дней назад» (``read_few_ago``)."""
    toks = ctx.toks
    if toks[i].low in FEW:
        return read_few_ago(ctx, i)
    counted = count_unit(ctx, i)
    if counted is None:
        return None
    count, j, grain = counted
    j = ago_end(toks, j)
    if j is None:
        return None
    first = i - 1 if low(toks, i - 1) in AGO_HEDGES else i
    if ctx.pub is None:
        return Found(first, j + 2, None, True, "day" if grain == "week" else grain)
    resolved = cal.ago(ctx.pub, count, grain)
    if resolved is None:
        return None
    return Found(first, j + 2, resolved[0], True, resolved[1])


def ago_end(toks, unit: int) -> int | None:
    """The index of the unit before «назад» (past «тому»), or None without «назад»."""
    j = unit + (low(toks, unit + 1) == AGO_LINK)  # «пять лет тому назад»
    return j if low(toks, j + 1) == AGO else None


#: A count of days, weeks or months ago that is no number: «несколько дней назад».
FEW = frozenset(w for w, role in read_table("dates/duration_words.tsv", 2) if role == "vague")
#: How far back a few units reach, and the grain it is told to: the days of «несколько
#: дней назад» fall in a month (three days back), the months of «несколько месяцев
#: назад» in a year. Years have no coarser grain here: «несколько лет назад» is no date.
FEW_BACK = {"day": (3, "day", "month"), "week": (21, "day", "month"), "month": (3, "month", "year")}


def read_few_ago(ctx: Context, i: int) -> Found | None:
    """«несколько дней назад», «несколько месяцев назад»: the month (or year) a few
    units before publication falls in; no value without a publication date."""
    toks = ctx.toks
    grain = unit_grain(ctx, i + 1)
    j = ago_end(toks, i + 1)
    if grain not in FEW_BACK or j is None:
        return None
    back, step, told = FEW_BACK[grain]
    if ctx.pub is None:
        return Found(i, j + 2, None, True, told)
    value, _ = cal.ago(ctx.pub, Decimal(back), step)
    return Found(i, j + 2, value[: 7 if told == "month" else 4], True, told)


def count_unit(ctx: Context, i: int) -> tuple[Decimal, int, str] | None:
    """A count and a time unit at ``i``: «две недели», «47 лет», «год», «полгода»: (the
    count, the unit's index, its grain: year, month, week or day)."""
    count, j = ago_count(ctx, i)
    if count is None:
        return None
    grain = unit_grain(ctx, j)
    return None if grain is None else (count, j, grain)


def unit_grain(ctx: Context, j: int) -> str | None:
    """The grain of the time unit at ``j`` (year, month, week or day; «полгода» is
    months), or None for no unit."""
    word = low(ctx.toks, j)
    if word == "полгода":
        return "month"
    unit = first_form(ctx.words.units, word)
    if unit is None:
        return None
    return "week" if word.startswith("недел") else str(unit.value)


def ago_count(ctx: Context, i: int) -> tuple[Decimal | None, int]:
    """The count before a unit in «N лет назад», and the unit's index; «год назад» is 1."""
    tok = ctx.toks[i]
    if tok.kind == "num":
        return digits_value(tok.text), i + 1
    if tok.low in ctx.words.numbers:
        return ctx.words.numbers[tok.low], i + 1
    if tok.low == "полгода":
        return Decimal(6), i  # «полгода назад»: six months
    unit = first_form(ctx.words.units, tok.low)
    if unit is not None and not unit.plural:
        return Decimal(1), i  # «год назад»; «лет назад» alone is no count
    return None, i
