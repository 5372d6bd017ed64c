"""Dates: every reference to a point or period in time that can be placed on a calendar.

- absolute: «21 марта 1889 года», «15.03.2023», «в 2021 году», «в марте 2020-го», «XX века»,
  «в 20 веке», «в XVIII—XIX веках», «в 1990-е», «весной 2003 года»;
- relative, resolved against ``doc.published``: «сегодня», «вчера», «накануне»; «в
  понедельник» (the nearest Monday, past or future by the verb's tense); «на прошлой
  неделе» (the month of that week, grain week); «в этом году»; «в июне» (the most recent June not
  after publication, unless the verb is in the future tense); «этим летом»; «год назад»;
- anaphoric: «в ноябре того же года» takes the year of the date before it, and so does a
  day or month without a year after a written year in its sentence («В марте 2010 года он
  стал мэром, а 12 апреля ушел»; the next year at a range's end or under a future verb;
  not after an open start, «с 1997 года»); «в тот же день», «на следующий день», «годом
  позже», «три дня спустя» count from the story's last date, «через год» from publication
  (or from that date under a past-tense verb);
- numeric and ordinal forms: «05/08/2008», «2013-01-10», «1-го сентября», «ХХ века» in
  Cyrillic letters, a year closing brackets «(«Пальцем в глаз», 1953)», «(1996—98)», a year
  of a list in brackets «(1903 — физика, 1911 — химия)», after «(р. 1993)»;
- events' years: «ЧМ-2018», «на Олимпиаде-2016» (the mention is the year), «кинофестиваля
  «Сандэнс» 2013»; weekday adjectives: «субботняя акция» (the nearest Saturday).

Without ``published`` a relative date keeps ``value`` None and ``relative`` True. Durations
(«три года») and repetitions («ежегодно») are not dates: :mod:`.durations` reads them into
``doc.durations``. Rates («в год»), dates inside names («России сегодня») or quoted titles
(the film «31 июня»), ordinals («на 40-е место», «на 80-м году жизни») and dates counted from an
event («накануне выборов», «через неделю после встречи») are not reported. Numbers and
words are matched with the amounts stage's lexer and word lists.

dateparser was tried and not used: see docs/decisions.md.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from svodka.config import Config
from svodka.doc import DateMention, Document
from svodka.stages.dates import (
    adjectives,
    anchored,
    centuries,
    duration_words,
    durations,
    formats,
    periods,
    relative,
    rules,
)
from svodka.stages.dates.context import Context, Reader
from svodka.stages.dates.words import DateWords, load_words

REQUIRES = ("sentences", "entities")
PROVIDES = ("dates", "durations")

READERS: dict[str, tuple[Reader, ...]] = {
    "date": (rules.read_numeric,),
    "fract": (formats.read_slashed, formats.read_season),
    "name": (formats.read_named_year,),
    "num": (
        formats.read_iso,
        centuries.read_century,
        rules.read_day_month,
        rules.read_year,
        relative.read_ago,
        anchored.read_counted_after,
    ),
    "comp": (formats.read_ordinal_day, centuries.read_comp, centuries.read_century),
    "word": (
        centuries.read_century,
        relative.read_day_word,
        relative.read_eve,
        relative.read_weekday,
        anchored.read_same_day,
        relative.read_shifted,
        rules.read_month,
        relative.read_edge_year,
        relative.read_holiday,
        relative.read_season,
        relative.read_ago,
        anchored.read_counted_before,
        anchored.read_counted_after,
        centuries.read_decade_word,
        adjectives.read_day_adjective,
        adjectives.read_weekday_adjective,
        adjectives.read_month_adjective,
        adjectives.read_year_adjective,
        periods.read_year_part,
        periods.read_weekend,
    ),
}


@dataclass(frozen=True, slots=True)
class Resources:
    words: DateWords
    durations: duration_words.DurationWords


def load(config: Config) -> Resources:
    """Read the month, weekday, season, period and duration words with their case forms."""
    return Resources(words=load_words(), durations=duration_words.load_duration_words())


def apply(doc: Document, res: Resources) -> Document:
    """Fill ``doc.dates`` and ``doc.durations``."""
    dates = find_dates(doc, res.words)
    spans = durations.find_durations(doc.text, dates, res.durations)
    return replace(doc, dates=tuple(dates), durations=tuple(spans))


def find_dates(doc: Document, words: DateWords) -> list[DateMention]:
    """Every date mention in the document, in text order."""
    ctx = Context(doc, words, READERS)
    toks, i = ctx.toks, 0
    while i < len(toks):
        found = ctx.read(i)
        if found is None:
            i += 1
            continue
        if found.start is None:
            found.first = ctx.lead(found.first)
        if not ctx.is_title(found):
            ctx.found.append(found)
        i = max(found.last, i + 1)
    return [ctx.mention(f) for f in ctx.found]
