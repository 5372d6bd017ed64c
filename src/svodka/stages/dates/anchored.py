"""Part of the dates stage: dates counted from another date of the story.

«в тот же день», «того же дня», «в этот день» name the day of the last day named in this
or the previous sentence, «на следующий день» the day after it; «годом позже», «три дня
спустя», «спустя два года» count from the last date that gives the grain they need;
«через год» counts from publication under a present or future verb and from the story's
last date under a past one («В 1959 году … Через год он уехал»). Counted from an event
(«через две недели после встречи», «на следующий день после юбилея») or with no date near,
they are not dated and not reported.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from svodka.resources import read_lines, read_table
from svodka.stages.dates import resolve as cal
from svodka.stages.dates.context import Found
from svodka.stages.dates.relative import count_unit
from svodka.stages.dates.rules import low
from svodka.stages.dates.words import first_form

if TYPE_CHECKING:
    from svodka.stages.dates.context import Context

#: lemma → (days from the anchor, the preposition it needs or "")
DAY_ANCHORS = {row[0]: (int(row[1]), row[2]) for row in read_table("dates/day_anchors.tsv", 3)}
DAY_NOUNS = frozenset(read_lines("dates/day_nouns.txt"))
SAME_WORDS = frozenset(read_lines("dates/same_words.txt"))
#: (word, where) → sign: «через» before the count, «спустя» before or after, «позже» after
COUNTED = {(w, where): int(sign) for w, sign, where in read_table("dates/counted_words.tsv")}
EVENT_LINKS = frozenset(read_lines("dates/event_links.txt"))
#: The reach of an anchor, in sentences back, by the grain it must give.
REACH = {"day": 2, "month": 2, "year": 2}
FROM_PUBLICATION = "через"


def read_same_day(ctx: Context, i: int) -> Found | None:
    """«в тот же день», «того же дня», «на следующий день», «на другое утро»."""
    toks = ctx.toks
    form = first_form(ctx.words.anchors, toks[i].low)
    if form is None:
        return None
    shift, preposition = DAY_ANCHORS[str(form.value)]
    if preposition and low(toks, i - 1) != preposition:
        return None  # «в другой день» is some other day
    j = i + 1
    while low(toks, j) in SAME_WORDS:
        j += 1
    if low(toks, j) not in DAY_NOUNS or counts_from_event(ctx, j + 1):
        return None
    anchor = ctx.anchor(i, "day", REACH["day"])
    if anchor is None:
        return None
    value = moved(anchor.value, Decimal(shift), "day")
    return Found(i, j + 1, value, True, "day")


def read_counted_before(ctx: Context, i: int) -> Found | None:
    """«через год», «спустя две недели»: a count after «через» or «спустя»."""
    word = ctx.toks[i].low
    sign = COUNTED.get((word, "before"))
    if sign is None or i + 1 >= len(ctx.toks):
        return None
    counted = count_unit(ctx, i + 1)
    if counted is None:
        return None
    count, j, grain = counted
    if counts_from_event(ctx, j + 1):
        return None
    if word == FROM_PUBLICATION and ctx.direction(i, clause=True) != cal.PAST:
        return from_publication(ctx, i, j + 1, sign * count, grain)
    return from_anchor(ctx, i, j + 1, sign * count, grain)


def read_counted_after(ctx: Context, i: int) -> Found | None:
    """«два года спустя», «годом позже», «тремя днями ранее»: a count before those words."""
    counted = count_unit(ctx, i)
    if counted is None:
        return None
    count, j, grain = counted
    sign = COUNTED.get((low(ctx.toks, j + 1), "after"))
    if sign is None or counts_from_event(ctx, j + 2):
        return None
    return from_anchor(ctx, i, j + 2, sign * count, grain)


def counts_from_event(ctx: Context, j: int) -> bool:
    """«… после встречи», «… дня, когда …» at ``j``: the date counts from an event."""
    link = low(ctx.toks, j)
    return (link if link != "," else "," + low(ctx.toks, j + 1)) in EVENT_LINKS


def from_publication(ctx: Context, i: int, last: int, count: Decimal, grain: str) -> Found | None:
    """A date ``count`` units of ``grain`` after publication (or before, when negative)."""
    if ctx.pub is None:
        return Found(i, last, None, True, "day" if grain == "week" else grain)
    value = moved(cal.day(ctx.pub), count, grain)
    if value is None:
        return None  # off the calendar: «через 10000000 лет»
    return Found(i, last, value, True, value_grain(value, grain))


def from_anchor(ctx: Context, i: int, last: int, count: Decimal, grain: str) -> Found | None:
    """A date ``count`` units of ``grain`` after the story's last date that gives it."""
    need = "day" if grain in ("day", "week") else grain
    anchor = ctx.anchor(i, need, REACH[need])
    if anchor is None:
        return None
    value = moved(anchor.value, count, grain)
    if value is None and anchor.value is not None:
        return None
    return Found(i, last, value, True, value_grain(value, grain), anchor=False)


def moved(value: str | None, count: Decimal, grain: str) -> str | None:
    """``value`` ("YYYY", "YYYY-MM" or "YYYY-MM-DD") moved by ``count`` units of ``grain``,
    or None when it is unknown or too coarse for the unit: a year moves by whole years,
    a month or a part of a year needs a month, days and weeks need a day."""
    if value is None:
        return None
    parts = [int(p) for p in value.split("-")]
    if grain == "year" and count == count.to_integral_value():
        year = parts[0] + int(count)
        return cal.year(year) if 1 <= year <= 9999 else None
    if len(parts) < (3 if grain in ("day", "week") else 2):
        return None
    ref = date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1)
    try:
        found = cal.ago(ref, -count, grain)
    except (OverflowError, ValueError):
        return None
    return found[0] if found else None


def value_grain(value: str | None, grain: str) -> str:
    """The grain of a moved value: «day» for a full date, else the unit's."""
    if value is None:
        return "day" if grain == "week" else grain
    return {10: "day", 7: "month"}.get(len(value), "year")
