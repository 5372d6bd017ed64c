"""Part of the dates stage: one reader per way of writing an absolute date.

«21 марта 1889 года», «15.03.2023», «в 2021 году»; and «16 мая», «в июне», whose year
comes from publication. Centuries and decades are in ``centuries``. Each reader looks at
token ``i`` and returns a ``Found`` (tokens ``[first, last)``, value, relative, grain) or
None, resolving through ``Context``, which knows the publication date, the dates found so
far and the tense of the nearest verb. Relative readers are in ``relative``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from svodka.lang import morph
from svodka.lang.lexer import Tok
from svodka.lang.text import CLOSING_QUOTES, DASHES, OPENING_QUOTES
from svodka.resources import read_lines, read_table
from svodka.stages.dates import resolve as cal
from svodka.stages.dates.context import Found
from svodka.stages.dates.words import YEAR_WORDS, first_form

if TYPE_CHECKING:
    from svodka.stages.dates.context import Context

GENT, ABLT = frozenset({"gent"}), frozenset({"ablt"})
#: The cases a month or season takes after each word: «с марта», «в марте», «к лету».
GOVERNS = {word: frozenset(cases.split()) for word, cases in read_table("dates/governs.tsv")}
#: Prepositions that make a bare four-digit number a year: «в 1995», «с 2006».
YEAR_PREPS = frozenset(read_lines("dates/year_prepositions.txt"))
#: Event and award nouns a bare year may follow: «премии 2013» (dates/year_events.txt).
YEAR_EVENTS = frozenset(read_lines("dates/year_events.txt"))
#: Abbreviations of «родился» before a year: «(р. 1993)».
BIRTH_MARKS = frozenset(read_lines("dates/birth_marks.txt"))
#: Case endings after a year's digits: «2020-го», «к 2023-му», «в 2020-м».
YEAR_SUFFIXES = frozenset({"го", "му", "м", "й", "ом", "ый", "ого", "ому"})
#: Singular forms of «год»: «на 80-м году жизни» is an age, not the eighties.
SINGULAR_YEAR_WORDS = frozenset(read_lines("dates/singular_year_words.txt"))
#: Case endings after a decade's digits: «1990-е», «90-х», «в 80-ые», «70-ми».
DECADE_SUFFIXES = frozenset({"е", "х", "ые", "ых", "ми", "м"})
#: Words and dashes between the two months of one range: «с февраля по июнь», «январе-марте».
MONTH_LINKS = frozenset({"по", "до", "и"}) | DASHES
#: … and between two days: «5-7 мая», «в ночь с 12 на 13 октября».
DAY_LINKS = MONTH_LINKS | {"на"}


def low(toks: Sequence[Tok], k: int) -> str:
    return toks[k].low if 0 <= k < len(toks) else ""


def read_numeric(ctx: Context, i: int) -> Found | None:
    """«15.03.2023», «15.08.2003 г.»."""
    d, m, y = (int(p) for p in ctx.toks[i].text.split("."))
    if y < 100:
        y = cal.full_year(y, ctx.pub)
    found = cal.valid_day(y, m, d)
    if found is None:
        return None
    return Found(i, after_year_word(ctx, i + 1), cal.day(found), False, "day", y)


def after_year_word(ctx: Context, j: int) -> int:
    """Past «года», «г.», «гг.» after a year."""
    if low(ctx.toks, j) in YEAR_WORDS:
        j += 1
        if low(ctx.toks, j) == "." and low(ctx.toks, j - 1) in ("г", "гг"):  # «г.», «гг.»
            j += 1
    return j


def year_after(ctx: Context, j: int) -> tuple[int | None, int, bool] | None:
    """A year after a month or a day: «2020 года», «2020-го», «этого года», «того же
    года»: (year or None, next index, relative)."""
    toks = ctx.toks
    tok = toks[j] if j < len(toks) else None
    if tok is None:
        return None
    if tok.kind == "num" and len(tok.text) == 4 and tok.text.isdecimal():
        return int(tok.text), after_year_word(ctx, j + 1), False
    if tok.kind == "fract" and (second := next_year(tok.text)) is not None:
        return second, after_year_word(ctx, j + 1), False  # «зимой 2019/2020 года»
    if tok.kind == "comp":
        number, suffix = tok.low.split("-", 1)
        if len(number) == 4 and number.isdecimal() and suffix in YEAR_SUFFIXES:
            return int(number), after_year_word(ctx, j + 1), False
    # «того же года», «в том же году»
    if tok.low in ("того", "том") and low(toks, j + 1) == "же" and low(toks, j + 2) in YEAR_WORDS:
        return ctx.last_year(), j + 3, True
    shift = first_form(ctx.words.shifts, tok.low, GENT)
    if shift is not None and low(toks, j + 1) == "года":
        return ctx.this_year(int(shift.value)), j + 2, True
    return None


def next_year(text: str) -> int | None:
    """The second year of «2019/2020» or «2019/20», two years in a row; else None."""
    first, _, second = text.partition("/")
    if len(first) != 4 or len(second) not in (2, 4):
        return None
    year = int(first) + 1
    return year if int(second) in (year, year % 100) else None


def read_day_month(ctx: Context, i: int, day: str | None = None) -> Found | None:
    """«21 марта 1889 года», «16 мая», «в ночь на 9 августа 2009 года»; ``day`` is the
    day's digits when the token has more: «1-го сентября»."""
    toks = ctx.toks
    text = day or toks[i].text
    if not is_day(text) or i + 1 >= len(toks):
        return None
    if low(toks, i + 1) in DAY_LINKS and i + 3 < len(toks) and is_day(toks[i + 2].text):
        second = read_day_month(ctx, i + 2)  # «в ночь с 12 на 13 октября», «5-7 мая»
        if second is None or second.value is None:
            return None
        if low(toks, i + 1) == "на":  # «в ночь с 18 на 19 апреля» is one date, the 19th
            return Found(i, second.last, second.value, second.relative, "day", second.year)
        value = cal.valid_day(int(second.value[:4]), int(second.value[5:7]), int(text))
        return Found(i, i + 1, cal.day(value) if value else None, second.relative, "day")
    month = first_form(ctx.words.months, toks[i + 1].low, GENT)
    if month is None:
        return None
    d, m = int(text), int(month.value)
    year = year_after(ctx, i + 2)
    if year is not None and year[0] is not None:
        found = cal.valid_day(year[0], m, d)
        value = cal.day(found) if found else None
        return Found(i, year[1], value, year[2], "day", year[0])
    if year is not None:
        return Found(i, year[1], None, True, "day")
    if (stated := ctx.stated_year(i)) is not None:
        stated += ctx.turns_year(i, m)
        found = cal.valid_day(stated, m, d)
        return Found(i, i + 2, cal.day(found) if found else None, True, "day", stated)
    value = cal.day_month(ctx.pub, d, m, ctx.direction(i)) if ctx.pub else None
    return Found(i, i + 2, value, True, "day")


def is_day(text: str) -> bool:
    return text.isdecimal() and len(text) <= 2 and 1 <= int(text) <= 31


def read_month(ctx: Context, i: int) -> Found | None:
    """«в марте 2020-го», «с марта», «в конце мая этого года», «в июне» (the most recent
    June, or the next one under a future-tense verb)."""
    toks = ctx.toks
    year = year_after(ctx, i + 1)
    cases = GOVERNS.get(low(toks, i - 1))
    word = month_pair(ctx, toks[i].low)
    month = first_form(ctx.words.months, word, cases if year is None else None)
    if month is None or month.plural or (year is None and cases is None and ctx.is_name(i)):
        return None  # a bare month in any case is a date: «Апрель выдался», «и июне»
    m = int(month.value)
    if year is None:
        year = shared_year(ctx, i + 1)  # «С февраля по июнь 2000 года»
    if year is not None:
        value = cal.month(year[0], m) if year[0] is not None else None
        return Found(i, year[1], value, year[2], "month", year[0])
    if (stated := ctx.stated_year(i)) is not None:
        stated += ctx.turns_year(i, m)
        return Found(i, i + 1, cal.month(stated, m), True, "month", stated)
    value = cal.month_only(ctx.pub, m, ctx.direction(i)) if ctx.pub else None
    return Found(i, i + 1, value, True, "month")


def month_pair(ctx: Context, word: str) -> str:
    """The first month of «ноябре-декабре» (a range in one word); else the word itself."""
    first, _, second = word.partition("-")
    if second and first_form(ctx.words.months, second) is not None:
        return first
    return word


def shared_year(ctx: Context, j: int) -> tuple[int | None, int, bool] | None:
    """The year after the second month of «с февраля по июнь 2000 года», «в январе-марте
    2012 года», keeping the first month's own end."""
    toks = ctx.toks
    if low(toks, j) not in MONTH_LINKS or j + 1 >= len(toks):
        return None
    if first_form(ctx.words.months, toks[j + 1].low) is None:
        return None
    year = year_after(ctx, j + 2)
    return (year[0], j, year[2]) if year is not None else None


def read_year(ctx: Context, i: int) -> Found | None:
    """«в 2021 году», «2020 годах», «к 2011 года», «С 2006», «в 2018 - 2020 годах»."""
    toks = ctx.toks
    text = toks[i].text
    if len(text) == 2 and low(toks, i - 1) in DASHES and listed_year(ctx, i):
        return short_year(ctx, i)
    if not (len(text) == 4 and text.isdecimal()) or not 1000 <= int(text) <= 2100:
        return None
    year = int(text)
    if low(toks, i + 1) in YEAR_WORDS:
        return Found(i, after_year_word(ctx, i + 1), cal.year(year), False, "year", year)
    if (
        low(toks, i + 1) in DASHES
        and low(toks, i + 2).isdecimal()
        and low(toks, i + 3) in YEAR_WORDS
    ):
        return Found(i, i + 1, cal.year(year), False, "year", year)
    if low(toks, i - 1) in YEAR_PREPS and year >= 1700 and not ctx.counts_after(i + 1):
        return Found(i, i + 1, cal.year(year), False, "year", year)
    if (
        year >= (1000 if bracket_range(ctx, i) else 1700)
        and (
            in_brackets(toks, i)
            or listed_year(ctx, i)
            or after_event(toks, i)
            or after_birth_mark(toks, i)
        )
        and not ctx.counts_after(i + 1)
    ):
        return Found(i, i + 1, cal.year(year), False, "year", year)
    return None


def after_event(toks: Sequence[Tok], i: int) -> bool:
    """A year right after an event or award noun, after its genitive complement, or after
    the event's own name: «премии 2013», «премии мира 1993», «кинофестиваля «Сандэнс» 2013»,
    «конференции WWDC 2010»."""
    if any(morph.lemma(low(toks, k)) in YEAR_EVENTS for k in (i - 1, i - 2) if k >= 0):
        return True
    k = before_name(toks, i - 1)
    return k < i - 1 and morph.lemma(low(toks, k)) in YEAR_EVENTS


def before_name(toks: Sequence[Tok], k: int) -> int:
    """The index before an event's name that ends at ``k``: a quoted name, «фестиваля
    «Золотая ветка»», or capitalised words, «конференции WWDC»; ``k`` when there is none."""
    if low(toks, k) in CLOSING_QUOTES:
        for j in range(k - 1, max(-1, k - 1 - NAME_REACH), -1):
            if toks[j].text in OPENING_QUOTES:
                return j - 1
        return k
    j = k
    while j >= 0 and k - j < NAME_REACH and toks[j].kind == "word" and toks[j].text[:1].isupper():
        j -= 1
    return j


def after_birth_mark(toks: Sequence[Tok], i: int) -> bool:
    """A year after «р.», «род.» (born): «дочь Анна (р. 1993)»."""
    return low(toks, i - 1) == "." and low(toks, i - 2) in BIRTH_MARKS


def short_year(ctx: Context, i: int) -> Found | None:
    """The second year of «1996—98», in the first one's century."""
    first = ctx.found[-1].year
    if first is None or not ctx.toks[i].text.isdecimal():
        return None
    year = first - first % 100 + int(ctx.toks[i].text)
    if year <= first:
        return None
    return Found(i, after_year_word(ctx, i + 1), cal.year(year), False, "year", year)


#: What may follow a bracketed year: «(2013)», «(1994, 1997)», «(2003—2011)».
BRACKET_NEXT = frozenset({")", ",", ";"}) | DASHES
#: What may stand before a year that closes brackets: «(серия «…», 2003)», «(? — 1944)».
BRACKET_BEFORE = frozenset({",", ";"}) | DASHES
#: What stands before a year of a list in brackets: «(1903 — физика, 1911 — химия)».
LIST_MARKS = frozenset({",", ";"})
#: How far back a bracket may open for a year of a list inside it, in tokens.
BRACKET_REACH = 12
#: How many tokens of an event's name may stand between it and its year.
NAME_REACH = 4
#: Links between the years of a list or range: «1994, 1997 и 2001», «2003—2011».
YEAR_LINKS = frozenset({",", "и", "или"}) | DASHES


def in_brackets(toks: Sequence[Tok], i: int) -> bool:
    """A year opening or closing brackets, or one of a list in them: «серебро (2013)»,
    «(2003—2011)», «(«Пальцем в глаз», 1953)», «(? — 1944)», «(1903 — физика, 1911 —
    химия)»."""
    before, after = low(toks, i - 1), low(toks, i + 1)
    if before == "(" and after in BRACKET_NEXT:
        return True
    if after == ")" and before in BRACKET_BEFORE:
        return True
    return before in LIST_MARKS and after in BRACKET_NEXT and is_opened(toks, i)


def is_opened(toks: Sequence[Tok], i: int) -> bool:
    """Whether a bracket opens shortly before token ``i`` and is not closed yet."""
    for k in range(i - 1, max(-1, i - 1 - BRACKET_REACH), -1):
        if toks[k].text in "()":
            return toks[k].text == "("
    return False


def bracket_range(ctx: Context, i: int) -> bool:
    """A year of a range in brackets, «(1658-1716)»: a life, in any century."""
    toks = ctx.toks
    if low(toks, i + 1) == ")":
        return listed_year(ctx, i) and low(toks, i - 3) == "("
    nxt = low(toks, i + 2)
    return (
        low(toks, i - 1) == "("
        and low(toks, i + 1) in DASHES
        and len(nxt) == 4
        and nxt.isdecimal()
        and low(toks, i + 3) == ")"
    )


def listed_year(ctx: Context, i: int) -> bool:
    """A year right after another year and a comma, «и» or a dash: «в 1994, 1997»."""
    last = ctx.found[-1] if ctx.found else None
    return (
        last is not None
        and last.grain == "year"
        and last.last == i - 1
        and low(ctx.toks, i - 1) in YEAR_LINKS
    )
