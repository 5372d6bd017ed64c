"""The output contract: the one place that turns documents into JSON and back.

``svodka.document/2`` is described in ``docs/output.md`` and, as a JSON Schema, in
``document-2.json`` beside this module. Version 1 documents (no ``events``) still read, and
so do version 2 documents written before the tone fields (``tone`` of mentions, entities,
quotes and the document) were added: they read as None.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any

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
    Role,
    Tone,
    ToneSummary,
)
from svodka.errors import SchemaError

SCHEMA_ID = "svodka.document/2"
#: Contract versions ``from_dict`` reads: version 1 is version 2 without ``events``.
READABLE = frozenset({"svodka.document/1", SCHEMA_ID})


@cache
def json_schema() -> dict[str, Any]:
    """The JSON Schema of the output contract."""
    return json.loads(files(__name__).joinpath("document-2.json").read_text(encoding="utf-8"))


def to_dict(doc: Document) -> dict[str, Any]:
    """A document as a JSON-ready dict in the ``svodka.document/2`` contract."""
    return {
        "schema": SCHEMA_ID,
        "id": doc.id,
        "title": doc.title,
        "published": doc.published.isoformat() if doc.published else None,
        "source": doc.source,
        "url": doc.url,
        "text": doc.text,
        "entities": [entity_to_dict(e) for e in doc.entities],
        "quotes": [asdict(q) for q in doc.quotes],
        "amounts": [amount_to_dict(a) for a in doc.amounts],
        "dates": [asdict(d) for d in doc.dates],
        "durations": [asdict(d) for d in doc.durations],
        "events": [event_to_dict(e) for e in doc.events],
        "tone": asdict(doc.tone) if doc.tone else None,
    }


def event_to_dict(event: Event) -> dict[str, Any]:
    data = asdict(event)
    data["actors"] = list(event.actors)
    return data


def amount_to_dict(amount: Amount) -> dict[str, Any]:
    data = asdict(amount)
    data["range"] = list(amount.range) if amount.range else None
    return data


def entity_to_dict(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "type": entity.type,
        "name": entity.name,
        "mentions": [asdict(m) for m in entity.mentions],
        "roles": [
            {"title": r.title, "of": r.of, "of_name": r.of_name, "past": r.past}
            for r in entity.roles
        ],
        "place": asdict(entity.place) if entity.place else None,
        "key": entity.key,
        "wikidata": entity.wikidata,
        "tone": asdict(entity.tone) if entity.tone else None,
    }


def from_dict(data: dict[str, Any]) -> Document:
    """A document back from its contract dict; raises SchemaError on an unknown version."""
    if data.get("schema") not in READABLE:
        raise SchemaError(f"expected schema {SCHEMA_ID!r}, got {data.get('schema')!r}")
    try:
        return Document(
            id=data["id"],
            text=data["text"],
            title=data["title"],
            published=date.fromisoformat(data["published"]) if data["published"] else None,
            source=data["source"],
            url=data["url"],
            entities=tuple(entity_from_dict(e) for e in data["entities"]),
            quotes=tuple(quote_from_dict(q) for q in data["quotes"]),
            amounts=tuple(amount_from_dict(a) for a in data["amounts"]),
            dates=tuple(DateMention(**d) for d in data["dates"]),
            durations=tuple(Duration(**d) for d in data.get("durations", ())),
            events=tuple(event_from_dict(e) for e in data.get("events", ())),
            tone=summary_from_dict(data.get("tone")),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise SchemaError(
            f"document {data.get('id')!r} does not fit {SCHEMA_ID}: {error!r}"
        ) from error


def amount_from_dict(data: dict[str, Any]) -> Amount:
    values = dict(data)
    values["range"] = tuple(data["range"]) if data.get("range") else None
    return Amount(**values)


def event_from_dict(data: dict[str, Any]) -> Event:
    return Event(**{**data, "actors": tuple(data.get("actors", ()))})


def entity_from_dict(data: dict[str, Any]) -> Entity:
    return Entity(
        id=data["id"],
        type=data["type"],
        name=data["name"],
        mentions=tuple(
            Mention(m["start"], m["stop"], m["text"], tone_from_dict(m.get("tone")))
            for m in data["mentions"]
        ),
        roles=tuple(
            Role(r["title"], r["of"], r["of_name"], r.get("past", False)) for r in data["roles"]
        ),
        place=Place(**data["place"]) if data["place"] else None,
        key=data.get("key", ""),
        wikidata=data.get("wikidata"),
        tone=summary_from_dict(data.get("tone")),
    )


def quote_from_dict(data: dict[str, Any]) -> Quote:
    return Quote(**{**data, "tone": tone_from_dict(data.get("tone"))})


def tone_from_dict(data: dict[str, Any] | None) -> Tone | None:
    """A mention's or a quote's tone; None when absent (documents before tone)."""
    return Tone(**data) if data else None


def summary_from_dict(data: dict[str, Any] | None) -> ToneSummary | None:
    """An entity's or the document's tone summary; None when absent."""
    return ToneSummary(**data) if data else None


def dumps(doc: Document, *, indent: int | None = None) -> str:
    """A document as a JSON string."""
    return json.dumps(to_dict(doc), ensure_ascii=False, indent=indent)
