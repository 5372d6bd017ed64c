"""Part of the dates stage: durations and repetitions, the stretches of time a text names
without placing them on a calendar.

- a count and a unit: «три года», «в течение 42 дней», «около 14 лет» (approx), «до 15
  лет» (bound max), «более 30 лет» (bound min), «45-60 дней» and «от 5 до 10 лет» (the
  midpoint, approx), «полгода», «полтора года», «2,5 года», «35-ти лет»;
- a unit with a lead or a qualifier: «в течение года», «за неделю», «последние 20 лет»,
  «долгие годы» and «несколько недель» (no value);
- adjectives with a count: «трёхдневный», «15-летний опыт», «30-дневный» (not
  «многолетний», «долголетний»: with no count they name no stretch one could place);
- repetitions (kind "frequency"): «ежегодно», «каждые два года», «раз в месяц».

Not durations: ages («в возрасте 85 лет», «ему 44 года», «42-летний Иванов», «59-летний
журналист» — an adjective before a name or a person noun), dates («три дня назад», «через
год» are the dates stage's), and anything inside a date or a short quoted name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from svodka.doc import DateMention, Duration
from svodka.lang import morph
from svodka.lang.lexer import Tok, digits_value, in_short_quotes, lex, plain
from svodka.lang.text import DASHES
from svodka.stages.dates.ages import age_end, is_age, is_person_next
from svodka.stages.dates.duration_words import (
    LEAD_ROLES,
    MAX_LEADS,
    DurationWords,
    Reading,
    low,
)

#: ISO 8601 designators by unit; hours, minutes and seconds follow a «T».
DESIGNATORS = {
    "year": ("", "Y"),
    "month": ("", "M"),
    "week": ("", "W"),
    "day": ("", "D"),
    "hour": ("T", "H"),
    "minute": ("T", "M"),
    "second": ("T", "S"),
}
#: Adjectives of a count and a unit: «трёхдневный», «15-летнего», «двухчасовой».
ADJECTIVE = re.compile(
    r"^(?P<count>\w+?)-?(?P<unit>летн|годичн|месячн|недельн|дневн|суточн|часов|минутн|секундн)"
    r"(?:ий|ый|ой|яя|ая|ее|ое|ие|ые|его|ого|ей|ему|ому|им|ым|ем|ом|юю|ую|их|ых|ими|ыми)$"
)
ADJECTIVE_UNITS = {
    "летн": "year",
    "годичн": "year",
    "месячн": "month",
    "недельн": "week",
    "дневн": "day",
    "суточн": "day",
    "часов": "hour",
    "минутн": "minute",
    "секундн": "second",
}
#: Adverbs of a repetition: «ежегодно», «ежемесячно» (an adjective, «ежегодный конкурс»,
#: describes the thing, not a time).
EVERY = re.compile(r"^еже(?P<unit>годн|месячн|недельн|дневн|суточн|часн|минутн|квартальн)о$")
EVERY_UNITS = {**ADJECTIVE_UNITS, "годн": "year", "часн": "hour", "квартальн": "month"}
EVERY_COUNTS = {"квартальн": 3}


def find_durations(text: str, dates: Sequence[DateMention], words: DurationWords) -> list[Duration]:
    """Every duration and repetition in ``text`` outside the ``dates``, in text order."""
    toks = lex(text)
    taken = [(d.start, d.stop) for d in dates]
    found: list[Duration] = []
    i = 0
    while i < len(toks):
        reading = read_at(toks, i, words)
        if reading is None:
            i += 1
            continue
        if reading.kind == "age":
            i = age_end(toks, reading.last, words)
            continue
        start, stop = toks[reading.first].start, toks[reading.last - 1].stop
        free = not any(a < stop and start < b for a, b in taken)
        if free and not in_short_quotes(toks, reading.first, reading.last):
            found.append(to_duration(text, start, stop, reading))
        i = max(reading.last, i + 1)
    return found


def read_at(toks: Sequence[Tok], i: int, words: DurationWords) -> Reading | None:
    """The duration whose count, unit or adjective is token ``i``, leads included; an age
    comes back of kind "age", for the caller to step over."""
    tok = toks[i]
    if tok.kind not in ("word", "num", "comp"):
        return None
    reading = read_adjective(toks, i, words) or read_every_word(tok, i)
    if reading is None:
        reading = read_counted(toks, i, words)
        if reading is not None and is_age(toks, reading, words):
            return replace(reading, kind="age")
    return reading


def read_counted(toks: Sequence[Tok], i: int, words: DurationWords) -> Reading | None:
    """A count and a unit at ``i`` («пять лет», «45-60 дней», «несколько недель»), or a
    unit that a lead or qualifier makes a duration («за неделю», «долгие годы»)."""
    if toks[i].low in words.halves:
        unit, n = words.halves[toks[i].low]
        return with_leads(toks, Reading(i, i + 1, Decimal(n), unit), words)
    count, j, approx = read_count(toks, i, words)
    if j >= len(toks) or toks[j].low not in words.units:
        return None
    unit, size = words.units[toks[j].low]
    if j == i:  # no count: «за неделю», «долгие годы»
        if not is_bare_unit(toks, i, words):
            return None
        qualified = words.roles.get(low(toks, i - 1)) == "qualifier"
        if is_plural(toks[i]) or (qualified and is_plural(toks[i - 1])):
            count, approx = None, True  # «долгие десятилетия», not «последний год»
    reading = Reading(i, j + 1, None if count is None else count * size, unit, approx)
    if is_ago(toks, j, words) or words.roles.get(low(toks, j + 1)) == "named":
        return None  # «три дня назад», «на 75 году жизни»
    if words.roles.get(low(toks, j + 1)) == "after":
        reading.last += 1
    return with_leads(toks, reading, words)


def read_count(
    toks: Sequence[Tok], i: int, words: DurationWords
) -> tuple[Decimal | None, int, bool]:
    """The count at ``i`` and the index after it, and whether it is approximate: digits
    («42», «2,5», «35-ти»), a range («45-60»), number words («двадцать пять»), a vague
    word («несколько» → None) or none (a bare unit counts one)."""
    tok = toks[i]
    if tok.kind == "num" or (tok.kind == "comp" and tok.low.split("-")[1] in ("ти", "х", "ми")):
        value = digits_value(tok.text.split("-")[0])
        if value is None:
            return Decimal(1), i, False
        upper = range_end(toks, i)
        if upper is not None:
            return (value + upper) / 2, i + 3, True
        return value, i + 1, False
    role = words.roles.get(tok.low)
    if role == "vague":
        return None, i + 1, True
    if role == "pair":
        return Decimal(2), i + 1, True
    value, j = Decimal(0), i
    while j < len(toks) and toks[j].low in words.numbers and j - i < 4:
        value += words.numbers[toks[j].low]
        j += 1
    return (value, j, False) if j > i else (Decimal(1), i, False)


def range_end(toks: Sequence[Tok], i: int) -> Decimal | None:
    """The end of a range of digits that starts at ``i``: «45-60», «от 5 до 10»."""
    if i + 2 >= len(toks) or toks[i + 2].kind != "num":
        return None
    link = toks[i + 1].low
    if link in DASHES or (link == "до" and low(toks, i - 1) == "от"):
        return digits_value(toks[i + 2].text)
    return None


def is_bare_unit(toks: Sequence[Tok], i: int, words: DurationWords) -> bool:
    """A unit with no count is a duration after a qualifier («долгие годы», «последние
    дни»), or in the singular after a lead («за неделю», «в течение года», «около года»),
    but for «в» only after a repetition («раз в год»; «10 млн в год» is a rate), and not in
    a day's name («на день рождения»); alone, a term served («к году тюрьмы») or a time
    spent next to its verb («потребовался год», «год работала»)."""
    after = words.roles.get(low(toks, i + 1))
    if after == "named":
        return False
    before = low(toks, i - 1)
    role = words.roles.get(before)
    if role == "qualifier" or after == "term":
        return True
    if role is None and is_spent(toks, i, words):
        return True
    if before == "в":
        return words.roles.get(low(toks, i - 2)) == "every"
    return role in ("lead", "also", "min", "max", "approx", "every") and not is_plural(toks[i])


#: Parts of speech of a verb that spends a bare unit: «потребовался год», «объявлен месяц».
VERBS = frozenset({"VERB", "INFN", "PRTS"})
#: Parts of speech of a word that makes a unit no bare one: «весь год», «третий месяц».
MODIFIERS = frozenset({"ADJF", "PRTF", "NUMR"})


def is_spent(toks: Sequence[Tok], i: int, words: DurationWords) -> bool:
    """A bare singular unit that may be spent (``spent`` forms: not «день», «минута»)
    right after a verb or right before one, with no word between: «потребовался год», «год
    работала вице-премьером»."""
    if words.roles.get(toks[i].low) != "spent":
        return False
    parses = morph.parse(toks[i].low)
    if not any({"sing"} <= p.tag.grammemes and p.tag.case in ("nomn", "accs") for p in parses):
        return False
    if i > 0 and part_of_speech(toks[i - 1].low) in MODIFIERS:
        return False  # «весь год был»
    return any(
        0 <= k < len(toks) and toks[k].kind == "word" and part_of_speech(toks[k].low) in VERBS
        for k in (i - 1, i + 1)
    )


def part_of_speech(low: str) -> str | None:
    """A lowercased word's part of speech in its likeliest reading (``morph.parse``: cached,
    and safe on characters pymorphy3 rejects)."""
    return morph.parse(low)[0].tag.POS


def is_plural(tok: Tok) -> bool:
    """«годы», «дней»: a unit in the plural."""
    return morph.analyzer().parse(tok.text)[0].tag.number == "plur"


def is_ago(toks: Sequence[Tok], j: int, words: DurationWords) -> bool:
    """«три дня назад», «пять лет тому назад»: a date, not a duration."""
    after = low(toks, j + 2) if low(toks, j + 1) == "тому" else low(toks, j + 1)
    return words.roles.get(after) == "ago"


def with_leads(toks: Sequence[Tok], reading: Reading, words: DurationWords) -> Reading:
    """The reading with the leads on its left joined: «в течение», «более чем за»,
    «последние»; bounds and hedges set from them."""
    first = reading.first
    while reading.first - first < MAX_LEADS and first > 0:
        role = words.roles.get(toks[first - 1].low)
        if role not in LEAD_ROLES:
            break
        first -= 1
        if role in ("min", "max") and reading.bound is None and not ranged(toks, reading):
            reading.bound = role
        reading.approx |= role in ("approx", "vague")
        if role == "every":
            reading.kind = "frequency"
    reading.first = first
    return reading


def ranged(toks: Sequence[Tok], reading: Reading) -> bool:
    """«от 5 до 10 лет»: a range, whose «от» is no lower bound."""
    return range_end(toks, reading.first) is not None


def read_adjective(toks: Sequence[Tok], i: int, words: DurationWords) -> Reading | None:
    """«трёхдневный», «15-летний опыт»; not an age before a person, nor an adjective with
    no count («многолетний»)."""
    match = ADJECTIVE.match(toks[i].low)
    if match is None:
        return None
    prefix = match["count"]
    if prefix.isdecimal():
        count = Decimal(prefix)
    elif prefix in words.numbers:
        count = words.numbers[prefix]
    else:
        return None
    if is_person_next(toks, i + 1) or words.roles.get(low(toks, i + 1)) in ("named", "age"):
        return None  # «42-летний Иванов», «25-летней годовщины»
    unit = ADJECTIVE_UNITS[match["unit"]]
    return Reading(i, i + 1, count, unit)


def read_every_word(tok: Tok, i: int) -> Reading | None:
    """«ежегодно», «ежемесячно»: a repetition every one unit (not the adjectives: «ежедневная
    газета» is a kind of paper)."""
    match = EVERY.match(tok.low)
    if match is None:
        return None
    unit = EVERY_UNITS[match["unit"]]
    count = Decimal(EVERY_COUNTS.get(match["unit"], 1))
    return Reading(i, i + 1, count, unit, kind="frequency")


def to_duration(text: str, start: int, stop: int, reading: Reading) -> Duration:
    return Duration(
        start=start,
        stop=stop,
        text=text[start:stop],
        value=iso_value(reading.count, reading.unit),
        unit=reading.unit,
        approx=reading.approx,
        bound=reading.bound,
        kind=reading.kind,
    )


def iso_value(count: Decimal | None, unit: str) -> str | None:
    """An ISO 8601 duration: (3, "year") → "P3Y", (2.5, "year") → "P2.5Y", (30, "minute")
    → "PT30M"; None without a count."""
    if count is None:
        return None
    number = plain(count.quantize(Decimal("0.01")).normalize())
    time, designator = DESIGNATORS[unit]
    return f"P{time}{number}{designator}"
