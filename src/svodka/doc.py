"""The typed document model: what a record is, and what an analysis adds to it.

Every value is a frozen, slotted dataclass. Offsets are half-open ``start``/``stop``
Python string indices into ``Document.text``. Stages never mutate a document: they
return a new one with ``dataclasses.replace``.

Layers a document carries while it moves through the pipeline:

- ``tokens``, ``sentences`` — from the segment stage (internal, not serialized);
- ``spans`` — raw PER/ORG/LOC mentions with a mention-level normal form (internal);
- ``entities`` — mentions grouped into one entity per referent, with roles;
- ``places``, ``keys`` — each entity's geocoded place and its cross-document key;
- ``quotes``, ``amounts``, ``dates``, ``durations`` — filled by later stages;
- ``events`` — who did what to whom (PLOVER types);
- tone — how the text speaks of each mention, entity and quote, and the document's tone.

JSON conversion lives in :mod:`svodka.schema`, the one place that knows the contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

ENTITY_TYPES = ("PER", "ORG", "LOC")


@dataclass(frozen=True, slots=True)
class Record:
    """One article as it comes in, before analysis."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that gave no document: where it came from and, in one sentence, why."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    stop: int
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    stop: int


@dataclass(frozen=True, slots=True)
class Span:
    """A raw entity mention: where it is, its type and, once named, its normal form."""

    start: int
    stop: int
    type: str
    text: str
    normal: str = ""


@dataclass(frozen=True, slots=True)
class Tone:
    """How a text speaks of something: ``label`` -1, 0 or 1 (the likeliest class) and
    ``score``, P(positive) − P(negative) in [-1, 1]."""

    label: int
    score: float


@dataclass(frozen=True, slots=True)
class ToneSummary:
    """The tones of several items (an entity's mentions, a document's sentences): how many
    are negative, neutral and positive, and the mean of their scores."""

    negative: int
    neutral: int
    positive: int
    mean: float


@dataclass(frozen=True, slots=True)
class Mention:
    """Where an entity is named; ``tone`` is how its sentence speaks of it."""

    start: int
    stop: int
    text: str
    tone: Tone | None = None


@dataclass(frozen=True, slots=True)
class Role:
    """A position a person holds: «президент» of «Казахстан»."""

    title: str
    of: str | None = None
    of_name: str | None = None
    past: bool = False


@dataclass(frozen=True, slots=True)
class Place:
    """Where a LOC entity is: ``kind`` is country, region, city, physical or other;
    ``country`` ISO 3166-1 alpha-2; ``admin1`` the first-level region's ISO 3166-2 code,
    else GeoNames' admin1 key. ``method`` tells how it was found (exact, alias, variant,
    derived, containment, context, fallback) and is ``unresolved`` for a LOC entity the
    gazetteer does not know (then every other field is empty); ``confidence`` is in [0, 1]."""

    geonameid: int | None
    name_en: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int | None
    confidence: float | None = None
    method: str | None = None

    @property
    def resolved(self) -> bool:
        """False for the explicit «no place» of a LOC entity the gazetteer does not know."""
        return self.method != "unresolved"


@dataclass(frozen=True, slots=True)
class Entity:
    """One referent in a document.

    ``key`` names the referent across documents (``geonames:1526384``, ``iso:KZ``,
    ``per:касым-жомарт токаев``); ``place`` is the geocoded place of a LOC entity;
    ``wikidata`` a Wikidata id, when a knowledge base was imported; ``tone`` sums up its
    mentions' tones.
    """

    id: str
    type: str
    name: str
    mentions: tuple[Mention, ...]
    roles: tuple[Role, ...] = ()
    place: Place | None = None
    key: str = ""
    wikidata: str | None = None
    tone: ToneSummary | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """Reported speech: ``start``/``stop`` delimit the content, without quote marks.

    ``kind`` is "direct" or "indirect"; ``speaker`` an entity id or None, with
    ``speaker_name`` the name or description («эксперты»); ``cue`` the reporting verb or
    phrase; ``source`` True for a news outlet's attribution («сообщает ТАСС»); ``tone`` the
    tone of what is said.
    """

    start: int
    stop: int
    text: str
    kind: str
    speaker: str | None = None
    speaker_name: str | None = None
    cue: str | None = None
    source: bool = False
    tone: Tone | None = None


@dataclass(frozen=True, slots=True)
class Amount:
    """A number that counts or measures: «около 10 тысяч жителей» → 10000, approx.

    ``unit`` is an ISO 4217 code, "%" or None; a range's ``value`` is its midpoint.
    """

    start: int
    stop: int
    text: str
    value: float
    unit: str | None = None
    approx: bool = False
    bound: str | None = None
    range: tuple[float, float] | None = None
    object: str | None = None
    per: str | None = None


@dataclass(frozen=True, slots=True)
class DateMention:
    """A reference to time, resolved against the publication date where it is relative.

    ``value`` is "YYYY", "YYYY-MM" or "YYYY-MM-DD", or None when it cannot be resolved.
    """

    start: int
    stop: int
    text: str
    value: str | None
    relative: bool
    grain: str


@dataclass(frozen=True, slots=True)
class Duration:
    """A stretch of time or a repetition: «в течение двух лет» → P2Y, «около 14 лет» →
    P14Y approx, «до 15 лет» → P15Y with bound "max", «трёхдневный» → P3D, «несколько
    недель» → None with unit "week", «ежегодно» → P1Y of kind "frequency".

    ``value`` is an ISO 8601 duration (a range's midpoint) or None when the text gives no
    count; ``unit`` is "year", "month", "week", "day", "hour", "minute" or "second";
    ``bound`` "min" («более 30 лет») or "max" («до 2 лет»); ``kind`` "duration" or
    "frequency".
    """

    start: int
    stop: int
    text: str
    value: str | None
    unit: str
    approx: bool = False
    bound: str | None = None
    kind: str = "duration"


@dataclass(frozen=True, slots=True)
class Event:
    """One of the article's main events, coded in PLOVER: «Путин и Токаев провели
    переговоры в Сочи» → CONSULT, source Путин, target Токаев, place Сочи.

    ``type`` and ``mode`` are PLOVER's; ``source``/``target`` entity ids (None when the
    actor is a group the text describes, «боевики», named in ``source_name``/``target_name``,
    or when there is none); ``actors`` every actor's name, sources first, coordinated
    actors included («президенты Латвии и Литвы» → one event with both); ``place`` a LOC
    entity id; ``date`` a resolved value ("YYYY", "YYYY-MM", "YYYY-MM-DD") or None;
    ``modality`` "asserted", "future", "hypothetical" or "reported" (inside ``quote``, an
    index into the document's quotes as "q1", "q2", …); ``start``/``stop`` the clause.
    """

    id: str
    type: str
    trigger: str
    start: int
    stop: int
    mode: str | None = None
    source: str | None = None
    target: str | None = None
    source_name: str | None = None
    target_name: str | None = None
    actors: tuple[str, ...] = ()
    place: str | None = None
    date: str | None = None
    negated: bool = False
    modality: str = "asserted"
    quote: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """An article and everything the pipeline has found in it; ``tone`` sums up the tones
    of its sentences."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    tokens: tuple[Token, ...] = field(default=(), repr=False)
    sentences: tuple[Sentence, ...] = field(default=(), repr=False)
    spans: tuple[Span, ...] = field(default=(), repr=False)
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    amounts: tuple[Amount, ...] = ()
    dates: tuple[DateMention, ...] = ()
    durations: tuple[Duration, ...] = ()
    events: tuple[Event, ...] = ()
    tone: ToneSummary | None = None

    @classmethod
    def from_record(cls, record: Record) -> Document:
        """Start an analysis of ``record``: a document with no layers yet. A publication
        time (a ``datetime``) is read as its day: dates resolve against days."""
        published = record.published
        if isinstance(published, datetime):
            published = published.date()
        return cls(
            id=record.id,
            text=record.text,
            title=record.title,
            published=published,
            source=record.source,
            url=record.url,
        )

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with ``entity_id``, or None."""
        return next((e for e in self.entities if e.id == entity_id), None)

    def to_dict(self) -> dict:
        """The document as the JSON output contract (``svodka.document/2``) in Python."""
        from svodka.schema import to_dict

        return to_dict(self)

    def _repr_html_(self) -> str:
        """The highlighted article, for Jupyter and other notebooks."""
        from svodka.web.notebook import notebook_html

        return notebook_html(self)
