"""Part of the dates stage: calendar arithmetic, from a reference date to a date value.

Values are strings, "YYYY", "YYYY-MM" or "YYYY-MM-DD". ``direction`` says which way a
bare name points: -1 the most recent one not after the reference (a past-tense verb, and
news reports the past), +1 the next one not before it (a future-tense verb), 0 whichever
is nearer, and 2 ahead by a preposition («перенесли на 4 апреля»): the next one, but a
day within a month of the reference may lie behind it («была намечена на 16 августа»).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

PAST, NEAREST, FUTURE, AHEAD = -1, 0, 1, 2
#: A past-tense day may lie this far after the reference: a publication date may be a
#: day off its story's.
SLACK = timedelta(days=1)
#: Seasons by their first month; a winter is dated by the year of its January.
WINTER = 12


def day(d: date) -> str:
    return d.isoformat()


def month(year: int, month_: int) -> str:
    return f"{year:04d}-{month_:02d}"


def year(year_: int) -> str:
    return f"{year_:04d}"


def valid_day(year_: int, month_: int, day_: int) -> date | None:
    """The date, or None when it does not exist: «31 июня»."""
    try:
        return date(year_, month_, day_)
    except ValueError:
        return None


def weekday(ref: date, target: int, direction: int) -> date:
    """The ``target`` weekday nearest to ``ref`` in ``direction``; ``ref`` itself if it is
    that weekday («в понедельник» in a Monday's article is that Monday)."""
    back = (ref.weekday() - target) % 7
    ahead = (target - ref.weekday()) % 7
    if direction >= FUTURE or (direction == NEAREST and ahead < back):
        return ref + timedelta(days=ahead)
    return ref - timedelta(days=back)


def month_only(ref: date, month_: int, direction: int) -> str:
    """«в июне»: the most recent June not after ``ref``, or the next one in the future;
    without a tense, the next one when it is at most two months ahead."""
    ahead = (month_ - ref.month) % 12
    if direction >= FUTURE or (direction == NEAREST and 0 < ahead <= 2):
        return month(ref.year + (month_ < ref.month), month_)
    return month(ref.year - (month_ > ref.month), month_)


def season(ref: date, first: int, direction: int) -> str:
    """«летом»: the most recent summer that has begun by ``ref``, or the next one."""
    if first == WINTER:
        # the winter whose January is nearest behind (or ahead of) the reference
        base = ref.year + (ref.month == 12)
        return year(base + (direction >= FUTURE and ref.month not in (12, 1, 2)))
    begun = ref.month >= first
    if direction >= FUTURE:
        return year(ref.year + (ref.month >= first + 3))
    return year(ref.year - (not begun))


def week(ref: date, shift: int) -> str:
    """The month of the week ``shift`` weeks from ``ref``'s, as the GUIDE dates a week:
    the month of its Thursday, which holds most of its days."""
    thursday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=shift, days=3)
    return month(thursday.year, thursday.month)


#: «16 мая» is the nearest one within a month; without a tense it may point a quarter
#: ahead, with a future-tense verb any time ahead (the GUIDE: the tense's direction).
MONTH, QUARTER = timedelta(days=31), timedelta(days=92)


def day_month(ref: date, day_: int, month_: int, direction: int) -> str | None:
    """«16 мая» without a year: under a past-tense verb the last one (GUIDE: nearest in
    the direction the tense implies); else the nearest one when it is within a month
    (an announcement may be dated after its event), or the next one under a future-tense
    verb or ahead of a preposition, or the last one."""
    found = [d for k in (-1, 0, 1) if (d := valid_day(ref.year + k, month_, day_))]
    if not found:
        return None
    if direction == PAST:
        return day(max((d for d in found if d <= ref + SLACK), default=found[0]))
    nearest = min(found, key=lambda d: abs((d - ref).days))
    if abs(nearest - ref) <= MONTH:
        return day(nearest)
    if direction >= FUTURE:
        return day(min((d for d in found if d >= ref), default=nearest))
    return day(max((d for d in found if d <= ref + QUARTER), default=found[0]))


def ago(ref: date, count: Decimal, grain: str) -> tuple[str, str] | None:
    """«47 лет назад» → (year, "year"), «две недели назад» → (day, "day")."""
    if grain == "year" and count == count.to_integral_value():
        return year(ref.year - int(count)), "year"
    if grain in ("year", "month"):
        months = int(count * (12 if grain == "year" else 1))
        total = ref.year * 12 + ref.month - 1 - months
        return month(total // 12, total % 12 + 1), "month"
    days = int(count * (7 if grain == "week" else 1))
    try:
        return day(ref - timedelta(days=days)), "day"
    except OverflowError:
        return None


def full_year(two: int, ref: date | None) -> int:
    """A two-digit year: «15.03.23» → 2023 when that is not after the reference year."""
    limit = ref.year % 100 if ref else 30
    return 2000 + two if two <= limit else 1900 + two


def decade(digits: int, ref: date | None) -> int:
    """«90-х» → 1990, «20-х» → 1920 (or 2020 once the reference is past it); «1990-е»
    → 1990."""
    if digits >= 100:
        return digits - digits % 10
    latest = ref.year if ref else 1999
    return 2000 + digits if 2000 + digits <= latest else 1900 + digits
