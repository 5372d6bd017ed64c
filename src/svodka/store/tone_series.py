"""How the corpus speaks of one entity over time and by outlet: the tones of its mentions
(``entity_tones``, one row per entity per document) added up by month or year and by
source. Near-duplicates count nowhere, as in every other query.

A period's ``mean`` is the mean score of all its mentions that have a tone (each
document's mean weighted by its number of such mentions), None when it has none; an
empty month between the first and the last is kept, with zeros, so a strip drawn from it
has no holes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, func, select

from svodka.store.checks import check_query
from svodka.store.profile import UnknownEntity
from svodka.store.schema import documents, entities, entity_tones
from svodka.store.store import Store

#: The periods a series can be cut into.
PERIODS = ("month", "year")
#: The outlets a series lists, most documents first.
MAX_SOURCES = 20


@dataclass(frozen=True, slots=True)
class ToneCount:
    """Tones toward an entity over some documents: the documents, how many of the
    entity's mentions in them read negative, neutral and positive, and their mean score."""

    documents: int
    negative: int
    neutral: int
    positive: int
    mean: float | None


@dataclass(frozen=True, slots=True)
class TonePeriod:
    """The tone of one month («2024-06») or year («2024»)."""

    period: str
    documents: int
    negative: int
    neutral: int
    positive: int
    mean: float | None


@dataclass(frozen=True, slots=True)
class ToneSource:
    """The tone of one outlet's documents (``source`` None: documents without one)."""

    source: str | None
    documents: int
    negative: int
    neutral: int
    positive: int
    mean: float | None


@dataclass(frozen=True, slots=True)
class EntityTone:
    """The tone toward one entity: in all (``total``), by period and by outlet, over the
    documents published between ``date_from`` and ``date_to`` (every document when neither
    is given; only dated ones when one is)."""

    key: str
    name: str
    type: str
    period: str
    date_from: date | None
    date_to: date | None
    total: ToneCount
    periods: tuple[TonePeriod, ...]
    sources: tuple[ToneSource, ...]


@dataclass(slots=True)
class Tally:
    """Running sums of a bucket: documents, counts, and the sum of scores."""

    documents: int = 0
    negative: int = 0
    neutral: int = 0
    positive: int = 0
    score: float = 0.0

    def add(self, row) -> None:
        """Add one row of ``day_rows``."""
        self.documents += row.documents
        self.negative += row.negative
        self.neutral += row.neutral
        self.positive += row.positive
        self.score += row.score or 0.0

    def counts(self) -> tuple[int, int, int, int, float | None]:
        """documents, negative, neutral, positive, mean (None without a toned mention)."""
        n = self.negative + self.neutral + self.positive
        mean = round(self.score / n, 4) if n else None
        return self.documents, self.negative, self.neutral, self.positive, mean


def entity_tone(
    store: Store,
    key: str,
    *,
    period: str = "month",
    date_from: date | None = None,
    date_to: date | None = None,
) -> EntityTone:
    """The tone toward the entity ``key``; raises ``UnknownEntity`` for a key the store
    does not hold, ``ValueError`` for a period not in ``PERIODS``."""
    if period not in PERIODS:
        raise ValueError(f"period {period!r}: expected one of {', '.join(PERIODS)}")
    check_query(key=key)
    with store.engine.connect() as connection:
        row = connection.execute(select(entities).where(entities.c.key == key)).first()
        if row is None:
            raise UnknownEntity(f"no entity with key {key!r} in the store")
        rows = day_rows(connection, key, date_from, date_to)
    total, by_period, by_source = Tally(), {}, {}
    for r in rows:
        total.add(r)
        if r.published is not None:
            by_period.setdefault(period_of(r.published, period), Tally()).add(r)
        by_source.setdefault(r.source, Tally()).add(r)
    return EntityTone(
        key=key,
        name=row.name,
        type=row.type,
        period=period,
        date_from=date_from,
        date_to=date_to,
        total=ToneCount(*total.counts()),
        periods=tuple(
            TonePeriod(label, *by_period.get(label, Tally()).counts())
            for label in every_period(by_period, period)
        ),
        sources=tuple(
            ToneSource(source, *tally.counts())
            for source, tally in sorted(
                by_source.items(), key=lambda item: (-item[1].documents, item[0] or "")
            )[:MAX_SOURCES]
        ),
    )


def day_rows(connection: Connection, key: str, date_from: date | None, date_to: date | None):
    """The tones toward ``key`` summed by publication day and source, near-duplicates left
    out: ``published, source, documents, negative, neutral, positive, score`` (the sum of
    the mentions' scores)."""
    t = entity_tones.c
    mentions = t.negative + t.neutral + t.positive
    query = (
        select(
            t.published,
            t.source,
            func.count().label("documents"),
            func.sum(t.negative).label("negative"),
            func.sum(t.neutral).label("neutral"),
            func.sum(t.positive).label("positive"),
            func.sum(t.mean * mentions).label("score"),
        )
        .join(documents, documents.c.id == t.doc_id)
        .where(t.key == key, documents.c.duplicate_of.is_(None))
        .group_by(t.published, t.source)
    )
    if date_from is not None:
        query = query.where(t.published >= date_from)
    if date_to is not None:
        query = query.where(t.published <= date_to)
    return connection.execute(query).all()


def period_of(day: date, period: str) -> str:
    """«2024-06» for a month, «2024» for a year."""
    return f"{day.year:04d}" if period == "year" else f"{day.year:04d}-{day.month:02d}"


def every_period(found: dict[str, Tally], period: str) -> list[str]:
    """Every period from the first to the last of ``found``, in order."""
    if not found:
        return []
    first, last = min(found), max(found)
    if period == "year":
        return [f"{year:04d}" for year in range(int(first), int(last) + 1)]
    year, month = int(first[:4]), int(first[5:])
    labels = []
    while f"{year:04d}-{month:02d}" <= last:
        labels.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return labels
