"""What the API takes and gives, as Pydantic models for FastAPI and the OpenAPI schema.

The document is declared once, in :mod:`svodka.doc`: the models of its parts
(``EntityOut``, ``QuoteOut``, … ``DocumentOut``) are made from those dataclasses by
``mirror`` — the same fields in the same order, with tuples as lists and nested
dataclasses as their models — so a field added to the model shows in the API schema. So
are the models of the store's answers (``ProfileOut``, ``EntityCountOut``, …). Only the
shapes the API owns (requests, pages, hits) are written out here.
"""

from __future__ import annotations

import dataclasses
import functools
import operator
import re
import types
from datetime import date, datetime
from typing import (
    Annotated,
    Any,
    Generic,
    Literal,
    TypeVar,
    Union,
    get_args,
    get_origin,
    get_type_hints,
)

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictInt,
    WithJsonSchema,
    create_model,
    field_validator,
)
from pydantic_core import PydanticCustomError

from svodka.doc import (
    Amount,
    DateMention,
    Document,
    Duration,
    Entity,
    Event,
    Mention,
    Place,
    Quote,
    Record,
    Role,
    Tone,
    ToneSummary,
)
from svodka.errors import InputError
from svodka.io.decode import check_russian
from svodka.schema import SCHEMA_ID
from svodka.store.entities import EntityCount
from svodka.store.events import Dyad, DyadMonth, EventRow
from svodka.store.graph import Edge, Node
from svodka.store.profile import Profile, RoleSpan
from svodka.store.quotes import QuoteRow
from svodka.store.tone_series import EntityTone, ToneCount, TonePeriod, ToneSource
from svodka.web.errors import ProblemOut

#: No NUL characters: PostgreSQL refuses them in text, and no article has one.
PLAIN = r"^[^\x00]*$"
#: Layers of a Document that stay inside the pipeline (not in the contract).
INTERNAL = ("tokens", "sentences", "spans")
#: dataclass → the model made from it, for the fields that nest it.
MIRRORS: dict[type, type[BaseModel]] = {}


def iso_day(value: Any) -> Any:
    """Only YYYY-MM-DD: Pydantic would also take «0» (a Unix timestamp) for a date."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("expected a date YYYY-MM-DD")
    return value


#: A day as the API reads it, in a query or a body: a date, written YYYY-MM-DD.
Day = Annotated[date, BeforeValidator(iso_day)]


def iso_published(value: Any) -> Any:
    """A day written YYYY-MM-DD, or the day of an ISO 8601 date-time
    («2024-08-19T10:30:00+03:00» → 2024-08-19: the day as the outlet wrote it)."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}.*", value):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
        except ValueError:
            raise ValueError("expected a date YYYY-MM-DD or an ISO 8601 date-time") from None
    return iso_day(value)


#: An article's publication: a day, or an ISO 8601 date-time whose day is kept.
Published = Annotated[
    date,
    BeforeValidator(iso_published),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "format": "date-time"},
            ]
        }
    ),
]


# ----------------------------------------------------------- models made from dataclasses


def mirror(
    source: type,
    name: str,
    *,
    narrow: dict[str, Any] | None = None,
    leave_out: tuple[str, ...] = (),
    base: type[BaseModel] = BaseModel,
    doc: str | None = None,
) -> type[BaseModel]:
    """A model with the fields of the dataclass ``source``, every one required (the JSON
    always has them). ``narrow`` gives fields a tighter type than the dataclass says (a
    ``Literal`` of the values a string takes); ``leave_out`` drops fields."""
    hints = get_type_hints(source)
    unknown = (set(narrow or {}) | set(leave_out)) - set(hints)
    if unknown:
        raise TypeError(f"{source.__name__} has no fields {sorted(unknown)}")
    fields: dict[str, Any] = {
        f.name: ((narrow or {}).get(f.name, api_type(hints[f.name])), ...)
        for f in dataclasses.fields(source)
        if f.name not in leave_out
    }
    own = source.__doc__ if not (source.__doc__ or "").startswith(f"{source.__name__}(") else None
    model = create_model(name, __base__=base, __doc__=doc or own, **fields)
    MIRRORS[source] = model
    return model


def api_type(hint: Any) -> Any:
    """A dataclass field's type as the JSON has it: tuples as lists, mirrored dataclasses
    as their models. ``tuple[Mention, ...]`` → ``list[MentionOut]``."""
    if hint in MIRRORS:
        return MIRRORS[hint]
    origin, args = get_origin(hint), get_args(hint)
    if origin is tuple:
        return list[api_type(args[0])]  # type: ignore[misc]
    if origin in (Union, types.UnionType):
        return functools.reduce(operator.or_, [api_type(arg) for arg in args])
    if origin is not None:
        return origin[tuple(api_type(arg) for arg in args)]
    return hint


ToneOut = mirror(Tone, "ToneOut")
ToneSummaryOut = mirror(ToneSummary, "ToneSummaryOut")
MentionOut = mirror(Mention, "MentionOut")
RoleOut = mirror(Role, "RoleOut")
PlaceOut = mirror(Place, "PlaceOut")
EntityOut = mirror(Entity, "EntityOut", narrow={"type": Literal["PER", "ORG", "LOC"]})
QuoteOut = mirror(Quote, "QuoteOut", narrow={"kind": Literal["direct", "indirect"]})
AmountOut = mirror(Amount, "AmountOut", narrow={"bound": Literal["min", "max"] | None})
DateOut = mirror(DateMention, "DateOut")
DurationOut = mirror(
    Duration,
    "DurationOut",
    narrow={
        "unit": Literal["year", "month", "week", "day", "hour", "minute", "second"],
        "bound": Literal["min", "max"] | None,
        "kind": Literal["duration", "frequency"],
    },
)
EventOut = mirror(
    Event,
    "EventOut",
    narrow={"modality": Literal["asserted", "future", "hypothetical", "reported"]},
)


class Contract(BaseModel):
    """What every contract document starts with: the version of the contract."""

    schema_: Literal["svodka.document/2"] = Field(alias="schema")


DocumentOut = mirror(
    Document,
    "DocumentOut",
    base=Contract,
    leave_out=INTERNAL,
    doc=f"An analyzed article in the ``{SCHEMA_ID}`` contract (docs/output.md).",
)
StoredDocumentOut = create_model(
    "StoredDocumentOut",
    __base__=DocumentOut,
    __doc__="A stored document; ``duplicate_of`` names the original of a near-duplicate.",
    duplicate_of=(str | None, ...),
)

EntityCountOut = mirror(EntityCount, "EntityCountOut")
RoleSpanOut = mirror(RoleSpan, "RoleSpanOut")
QuoteRowOut = mirror(QuoteRow, "QuoteRowOut")
NodeOut = mirror(
    Node, "NodeOut", doc="An entity of the graph; ``documents`` counts those of the scope."
)
EdgeOut = mirror(Edge, "EdgeOut", doc="Two entities and the documents of the scope they share.")
EventRowOut = mirror(
    EventRow,
    "EventRowOut",
    narrow={"modality": Literal["asserted", "future", "hypothetical", "reported"]},
    doc="A stored event: the document's event with its actors' keys, the days its date "
    "covers, the document's title and date, and the clause as written.",
)
DyadMonthOut = mirror(DyadMonth, "DyadMonthOut")
ToneCountOut = mirror(ToneCount, "ToneCountOut")
TonePeriodOut = mirror(TonePeriod, "TonePeriodOut")
ToneSourceOut = mirror(ToneSource, "ToneSourceOut")
EntityToneOut = mirror(
    EntityTone,
    "EntityToneOut",
    narrow={"type": Literal["PER", "ORG", "LOC"], "period": Literal["month", "year"]},
    doc="How the corpus speaks of one entity: its mentions' tones (-1, 0, 1 counted; "
    "``mean`` their mean score in [-1, 1], null without any) in all, by period and by "
    "outlet, near-duplicates left out.",
)
DyadOut = mirror(
    Dyad,
    "DyadOut",
    narrow={"types": dict[str, int], "quads": dict[str, int]},
    doc="The events between two actors, by PLOVER type, by quad class and by month.",
)


# ---------------------------------------------------------------- shapes the API owns


class RecordIn(BaseModel):
    """An article: its text and what is known of it (a ``Record``). ``id`` defaults to a
    hash of the text."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=1_000_000, pattern=PLAIN)
    id: Annotated[str, Field(max_length=200, pattern=PLAIN)] | StrictInt | None = Field(
        None, description="A string, or a number (stored as its digits)"
    )
    title: str | None = Field(None, max_length=2000, pattern=PLAIN)
    published: Published | None = Field(None, examples=["2024-08-19"])
    source: str | None = Field(None, max_length=2000, pattern=PLAIN)
    url: str | None = Field(None, max_length=2000, pattern=PLAIN)

    def record(self, default_id: str) -> Record:
        """The article as a record, ``default_id`` its id when it has none."""
        values = self.model_dump()
        return Record(**(values | {"id": default_id if self.id in (None, "") else str(self.id)}))


class ArticleIn(RecordIn):
    """An article to analyze: a ``RecordIn`` whose text must read as Russian."""

    @field_validator("text")
    @classmethod
    def russian_text(cls, text: str) -> str:
        """The input rule of every entry point (:func:`svodka.io.decode.check_russian`):
        no empty or whitespace-only text, none in another language; a 422 says why."""
        try:
            check_russian(text, "text")
        except InputError as error:
            raise PydanticCustomError("not_russian", "{reason}", {"reason": error.reason}) from None
        return text


class RejectOut(BaseModel):
    """An article not stored: which one (``records[3] (id)``), and why."""

    source: str
    reason: str


class IngestOut(BaseModel):
    """What one ``POST /documents`` stored, skipped and rejected."""

    added: int
    duplicates: int = Field(description="Texts stored already: skipped")
    near_duplicates: int = Field(description="Stored, with duplicate_of set")
    rejected: int
    ids: list[str] = Field(description="Of the documents added")
    rejects: list[RejectOut]


class DocumentBrief(BaseModel):
    id: str
    title: str | None
    published: date | None
    source: str | None


class DocumentSummary(DocumentBrief):
    url: str | None
    duplicate_of: str | None


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a listing: at most ``limit`` ``items`` from the ``offset``-th on, of
    ``total`` in all (every listing of the API answers this envelope)."""

    items: list[T]
    total: int = Field(description="Items on every page together.")
    limit: int
    offset: int


class Highlight(BaseModel):
    start: int
    stop: int


class HitOut(DocumentBrief):
    score: float
    snippet: str
    highlights: list[Highlight]  # ranges of ``snippet``


class MonthOut(BaseModel):
    month: str  # YYYY-MM
    documents: int


class RoleShown(RoleSpanOut):  # type: ignore[valid-type,misc]
    """A role as the store reports it, and as it reads: ``display`` puts the organisation
    in the genitive («президент России»); ``of_name`` stays the nominative."""

    display: str


ProfileOut = mirror(
    Profile,
    "ProfileOut",
    narrow={"timeline": list[MonthOut], "recent": list[DocumentBrief], "roles": list[RoleShown]},
    doc="What the corpus says about one entity.",
)


# Each listing's page under its own name in the OpenAPI schema (not «Page_HitOut_»).


class DocumentPage(Page[DocumentSummary]):
    """A page of stored documents."""


class HitPage(Page[HitOut]):
    """A page of search hits."""


class EntityPage(Page[EntityCountOut]):  # type: ignore[valid-type]
    """A page of entities."""


class QuotePage(Page[QuoteRowOut]):  # type: ignore[valid-type]
    """A page of quotes."""


class EventPage(Page[EventRowOut]):  # type: ignore[valid-type]
    """A page of events."""


class ChoicesOut(ProblemOut):
    """Several entities go by the name asked for (300): choose one by its ``key``."""

    entities: list[EntityCountOut]  # type: ignore[valid-type]


class GraphOut(BaseModel):
    documents: int  # in the scope the graph is drawn over
    nodes: list[NodeOut]  # type: ignore[valid-type]
    edges: list[EdgeOut]  # type: ignore[valid-type]


class HealthOut(BaseModel):
    status: Literal["ok"]
    version: str
    backend: str
    documents: int
